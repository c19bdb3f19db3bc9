package io.progressledger.command.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Puts the admin API behind the admin token, and the operations endpoints beyond health too
 * ({@code /actuator/prometheus}, {@code /actuator/info}, the index tell the build, the load and the traffic to anyone
 * who asks). Health, liveness and readiness stay open, for load balancers and orchestrators. A
 * {@link MappedInterceptor} bean reaches the actuator's own handler mapping, and matches the path Spring routes on
 * (decoded, normalised; ambiguous paths are refused before).
 */
@Configuration(proxyBeanMethods = false)
class AdminApiConfiguration implements WebMvcConfigurer {

    private final AdminAccess adminAccess;

    AdminApiConfiguration(AdminAccess adminAccess) {
        this.adminAccess = adminAccess;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminAccess).addPathPatterns("/api/**");
    }

    @Bean
    MappedInterceptor adminOnlyOperations() {
        return new MappedInterceptor(new String[]{"/actuator", "/actuator/**"},
                new String[]{"/actuator/health", "/actuator/health/**"}, adminAccess);
    }
}
