package fr.catalyse.access;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API is open to anonymous callers unless a filter authenticates them: every call to
 * /engine-rest and to Catalyse's own /api needs HTTP Basic credentials checked against Camunda's identity service (with its
 * login throttling); the engine then applies the caller's authorizations and tenants.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

  @Bean
  FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EveryCallAuthenticated());
    registration.setName("catalyse-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/preferences");
    return registration;
  }

  /** Camunda's filter lets the engine list (/engine) through unauthenticated; we do not. */
  static class EveryCallAuthenticated extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
