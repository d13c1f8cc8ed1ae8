package fr.catalyse.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API is open to anonymous callers unless a filter authenticates them: every
 * call to /engine-rest and to Catalyse's own /api needs HTTP Basic credentials checked
 * against Camunda's identity service (with its login throttling); the engine then applies
 * the caller's authorizations and tenants. Browser pages sign in with a form instead (see
 * {@link SignedInPages}).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

    @Bean
    FilterRegistrationBean<Filter> restAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EveryCallAuthenticated());
        registration.setName("catalyse-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                BasicWithoutChallenge.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        // Before the filters that need to know who calls (e.g. the form submission
        // check).
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    /**
     * Camunda's filter lets the engine list (/engine) through unauthenticated; we do not.
     */
    static class EveryCallAuthenticated extends ProcessEngineAuthenticationFilter {

        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }

    }

    /**
     * A 401 says in French what is missing, without {@code WWW-Authenticate: Basic}: that
     * challenge makes a browser that opens an API address ask for a password and then
     * send it with every later request to the site. API clients (curl -u, HTTP libraries,
     * the Modeler) send Basic credentials up front and need no challenge. Public with a
     * public constructor: Camunda's filter instantiates it by name.
     */
    public static class BasicWithoutChallenge extends HttpBasicAuthenticationProvider {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            try {
                JSON.writeValue(response.getWriter(), Map.of("type", "AuthenticationException", "message",
                        "Authentification requise : envoyez l'identifiant et le mot de passe de votre compte Catalyse (HTTP Basic)."));
            }
            catch (IOException clientGone) {
                throw new UncheckedIOException(clientGone);
            }
        }

    }

}
