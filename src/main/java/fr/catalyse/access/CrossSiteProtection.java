package fr.catalyse.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.Webapps;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a page of another site can make a browser do to Catalyse. Browsers attach cookies
 * and cached credentials to cross-site form posts (text/plain and multipart need no CORS
 * preflight), so every state-changing request must come from Catalyse itself: its
 * {@code Origin} — or its {@code Referer} when a browser sent no Origin — has the scheme,
 * host and port the request reached, or those of the public address
 * ({@code catalyse.public-url}, what browsers see behind a proxy). A request with neither
 * header comes from a script or another non-browser client, which has no ambient
 * credentials to abuse, and passes. Catalyse's own pages may not be framed
 * (clickjacking); the webapps under /camunda send their own security headers.
 */
@Configuration(proxyBeanMethods = false)
class CrossSiteProtection {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final String REFUSAL = "Requête refusée : elle a été envoyée depuis une autre origine que Catalyse. "
            + "Ouvrez Catalyse à son adresse habituelle et recommencez.";

    @Bean
    FilterRegistrationBean<SameOriginWrites> crossSiteProtectionFilter(CatalyseProperties properties) {
        FilterRegistrationBean<SameOriginWrites> registration = new FilterRegistrationBean<>(
                new SameOriginWrites(Optional.ofNullable(properties.publicUrl()).flatMap(Origin::parse)));
        registration.setName("catalyse-cross-site-protection");
        registration.addUrlPatterns("/*");
        // After the forwarded-headers filter (highest precedence), which gives the
        // address the browser
        // used, and before authentication: a refused request does not count as a login
        // attempt.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static class SameOriginWrites extends OncePerRequestFilter {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final Optional<Origin> publicOrigin;

        SameOriginWrites(Optional<Origin> publicOrigin) {
            this.publicOrigin = publicOrigin;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!request.getRequestURI().startsWith(request.getContextPath() + Webapps.PATH + "/")) {
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            }
            if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || fromThisSite(request)) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(response.getWriter(), Map.of("type", "ForbiddenOriginException", "message", REFUSAL));
        }

        private boolean fromThisSite(HttpServletRequest request) {
            String sender = request.getHeader("Origin") != null ? request.getHeader("Origin")
                    : request.getHeader("Referer");
            if (sender == null) {
                return true;
            }
            Optional<Origin> origin = Origin.parse(sender);
            return origin.isPresent() && (origin.equals(publicOrigin) || origin.get()
                .equals(new Origin(request.getScheme(), request.getServerName(), request.getServerPort())));
        }

    }

    /**
     * Scheme, host and port, as browsers compare origins ("null", sent by sandboxed or
     * privacy-stripped pages, is none).
     */
    record Origin(String scheme, String host, int port) {

        Origin {
            scheme = scheme.toLowerCase(Locale.ROOT);
            host = host.toLowerCase(Locale.ROOT);
            port = port != -1 ? port : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        }

        static Optional<Origin> parse(String address) {
            try {
                URI uri = URI.create(address.trim());
                return uri.getScheme() == null || uri.getHost() == null ? Optional.empty()
                        : Optional.of(new Origin(uri.getScheme(), uri.getHost(), uri.getPort()));
            }
            catch (IllegalArgumentException unreadable) {
                return Optional.empty();
            }
        }
    }

}
