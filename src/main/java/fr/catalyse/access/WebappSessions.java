package fr.catalyse.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * Catalyse's browser pages share the login session of the Camunda webapps: whoever signed
 * in to Tasklist is signed in on /preferences, and signing in on /connexion signs in to
 * Tasklist too. The webapps keep that session through their internal API; every use of it
 * is in this class.
 */
@Component
class WebappSessions {

    private final ProcessEngine engine;

    private final List<SignInRefusal> refusals;

    WebappSessions(ProcessEngine engine, List<SignInRefusal> refusals) {
        this.engine = engine;
        this.refusals = refusals;
    }

    /**
     * Ends the session of a person who may no longer sign in (they left while signed in):
     * the webapps and Catalyse's pages then see nobody, and their login form refuses the
     * password.
     * @return whether the session was ended
     */
    boolean endIfRefused(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Authentication current = AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engine.getName());
        if (current == null || refusals.stream().noneMatch(refusal -> refusal.refuses(current.getIdentityId()))) {
            return false;
        }
        session.invalidate();
        return true;
    }

    /**
     * The person signed in on this browser session, with their groups and tenants read
     * afresh (the webapps' copy in the session may be minutes old); empty when nobody is,
     * or the account is gone.
     */
    Optional<SignedIn> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentication current = AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engine.getName());
        if (current == null || refusals.stream().anyMatch(refusal -> refusal.refuses(current.getIdentityId()))) {
            return Optional.empty();
        }
        UserAuthentication fresh = AuthenticationUtil.createAuthentication(engine, current.getIdentityId());
        return Optional.ofNullable(fresh)
            .map(user -> new SignedIn(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()));
    }

    /**
     * Signs a person whose password was checked in, on a new session id (no session
     * fixation).
     */
    void signIn(HttpServletRequest request, String userId) {
        AuthenticationUtil.revalidateSession(request, AuthenticationUtil.createAuthentication(engine, userId));
    }

    record SignedIn(String userId, List<String> groupIds, List<String> tenantIds) {
    }

}
