package io.progressledger.command;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A path no route serves is not found at once. The command side serves no files, so Spring Boot's {@code /**} handler
 * is off ({@code spring.web.resources.add-mappings=false}): it looked each such path (/favicon.ico, a scanner's
 * guesses, all unauthenticated) up in four classpath folders and the servlet context, each look-up walking every jar
 * of the application. With no handler at all, Spring would log every such request at WARN ("No mapping for GET ..."),
 * a log anyone could fill; this handler with no location answers the same 404 problem+json, quietly.
 */
@Configuration(proxyBeanMethods = false)
class UnknownRoutes implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**");
    }
}
