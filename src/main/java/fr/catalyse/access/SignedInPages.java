package fr.catalyse.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Catalyse's pages that show a person's own data need the login session (see
 * {@link WebappSessions}), never HTTP Basic: a Basic challenge makes browsers keep the
 * credentials and send them with any later request to the site, cross-site form posts
 * included. A visitor who is not signed in is sent to the login form, then back; a
 * signed-in one acts with their groups and tenants, as through the API.
 */
@Configuration(proxyBeanMethods = false)
class SignedInPages {

    static final String LOGIN_PAGE = "/connexion";

    @Bean
    FilterRegistrationBean<SignInRequired> signedInPagesFilter(WebappSessions sessions, IdentityService identity) {
        FilterRegistrationBean<SignInRequired> registration = new FilterRegistrationBean<>(
                new SignInRequired(sessions, identity));
        registration.setName("catalyse-signed-in-pages");
        registration.addUrlPatterns("/preferences", "/preferences/*", "/boite-de-reception", "/personnes",
                "/personnes/*");
        return registration;
    }

    /**
     * The webapps keep their own copy of who is signed in: a person who may no longer
     * sign in (see {@link SignInRefusal}) loses that session on their next request,
     * before the webapps' filters read it.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refusedSessionsFilter(WebappSessions sessions) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        if (sessions.endIfRefused(request)
                                && request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
                            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("catalyse-refused-sessions");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static class SignInRequired extends OncePerRequestFilter {

        private final WebappSessions sessions;

        private final IdentityService identity;

        SignInRequired(WebappSessions sessions, IdentityService identity) {
            this.sessions = sessions;
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<WebappSessions.SignedIn> person = sessions.signedIn(request);
            if (person.isEmpty()) {
                String page = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?retour="
                        + URLEncoder.encode(page, StandardCharsets.UTF_8));
                return;
            }
            identity.setAuthentication(person.get().userId(), person.get().groupIds(), person.get().tenantIds());
            try {
                chain.doFilter(request, response);
            }
            finally {
                identity.clearAuthentication();
            }
        }

    }

}
