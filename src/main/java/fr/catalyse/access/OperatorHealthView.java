package fr.catalyse.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The health endpoint shows its components only to a caller in the role(s) of
 * {@code management.endpoint.health.roles}, which it reads from the servlet request's
 * user and roles. Without Spring Security nothing fills them in: this filter does, from
 * Basic credentials or the webapps' login session, with the person's Camunda groups as
 * roles. Wrong or missing credentials are no error here: probes stay anonymous and get
 * the status only.
 */
@Configuration(proxyBeanMethods = false)
class OperatorHealthView {

    @Bean
    FilterRegistrationBean<HealthCaller> operatorHealthViewFilter(IdentityService identity, WebappSessions sessions) {
        FilterRegistrationBean<HealthCaller> registration = new FilterRegistrationBean<>(
                new HealthCaller(identity, sessions));
        registration.setName("catalyse-operator-health-view");
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }

    static class HealthCaller extends OncePerRequestFilter {

        private final IdentityService identity;

        private final WebappSessions sessions;

        HealthCaller(IdentityService identity, WebappSessions sessions) {
            this.identity = identity;
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<String> userId = basicUser(request)
                .or(() -> sessions.signedIn(request).map(WebappSessions.SignedIn::userId));
            if (userId.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            List<String> groups = identity.createGroupQuery()
                .groupMember(userId.get())
                .list()
                .stream()
                .map(Group::getId)
                .toList();
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return userId::get;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return groups.contains(role);
                }
            }, response);
        }

        private Optional<String> basicUser(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            try {
                String[] credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8)
                    .split(":", 2);
                return credentials.length == 2 && identity.checkPassword(credentials[0], credentials[1])
                        ? Optional.of(credentials[0]) : Optional.empty();
            }
            catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }

    }

}
