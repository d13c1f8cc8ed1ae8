package fr.catalyse.access;

import java.util.Arrays;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who calls Catalyse's own API (authenticated by {@link RestAuthentication}), and whether
 * they may.
 */
@NamedInterface("callers")
@Component
public class Caller {

    private final IdentityService identity;

    private final WebappSessions sessions;

    Caller(IdentityService identity, WebappSessions sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    /**
     * Whether the operator makes this request, authenticated on /engine-rest and /api or
     * signed in to the webapps (whose API authenticates inside its resources, after
     * servlet filters have run).
     */
    public boolean isOperator(jakarta.servlet.http.HttpServletRequest request) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null) {
            return authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        }
        return sessions.signedIn(request).map(user -> user.groupIds().contains(Groups.CAMUNDA_ADMIN)).orElse(false);
    }

    /**
     * Who makes this request: the engine's authentication set by
     * {@link RestAuthentication} on /api and /engine-rest, else the person signed in to
     * the webapps on this browser session, with their groups and tenants read afresh;
     * empty for an anonymous request. Endpoints served under /camunda/api/ by Spring
     * (outside the webapps' own resources) find their caller here, where Camunda's
     * filters have already checked the session's CSRF token on writes.
     */
    public java.util.Optional<Authentication> of(jakarta.servlet.http.HttpServletRequest request) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null) {
            return java.util.Optional.of(authentication);
        }
        return sessions.signedIn(request)
            .map(user -> new Authentication(user.userId(), user.groupIds(), user.tenantIds()));
    }

    /**
     * @return the caller's user id, if they hold one of the roles (administrators always
     * may)
     */
    public String requireRole(Role... roles) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentification requise");
        }
        boolean allowed = authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN)
                || Arrays.stream(roles).anyMatch(role -> authentication.getGroupIds().contains(role.groupId()));
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Accès réservé : " + String.join(", ", Arrays.stream(roles).map(Role::label).toList()));
        }
        return authentication.getUserId();
    }

    /**
     * Runs work the caller was allowed to ask for (checked by {@link #requireRole}) with
     * the engine's authorization checks off, e.g. creating accounts on behalf of the
     * programme team.
     */
    public <T> T asSystem(Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        }
        finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    public String userId() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentification requise");
        }
        return authentication.getUserId();
    }

}
