package io.progressledger.query.dashboard;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's files, served from {@code spring.web.resources.static-locations} (the jar's {@code static/} folder)
 * and from nowhere else. Spring Boot's own {@code /**} handler ({@code spring.web.resources.add-mappings}, off) looks
 * an unknown path up in every configured folder and then at the root of the servlet context, which embedded Tomcat
 * backs with the {@code META-INF/resources/} of every jar: each path anyone sends ({@code /favicon.ico}, a scanner's
 * guesses, all unauthenticated) cost a walk of the application's jars per folder before its 404. Swagger UI is served by
 * springdoc's own handler from its WebJar, {@code /api/**} by {@code UnknownApiRoutes} (nothing to look up).
 */
@Configuration(proxyBeanMethods = false)
class DashboardFiles implements WebMvcConfigurer {

    private final String[] locations;

    DashboardFiles(WebProperties web) {
        this.locations = web.getResources().getStaticLocations();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**").addResourceLocations(locations);
    }
}
