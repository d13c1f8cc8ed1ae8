package fr.catalyse.access;

import org.springframework.modulith.NamedInterface;

/**
 * People who may not sign in any more, on any path (the login forms, Tasklist, HTTP Basic
 * on /engine-rest and /api, an open session), though their account stays: implemented by
 * the module that knows why (someone who left the programme). Consulted by the engine's
 * password check and by every use of the login session.
 */
@NamedInterface("accounts")
public interface SignInRefusal {

    boolean refuses(String userId);

}
