/**
 * Who may see and do what: role groups, one tenant and one group per role for every
 * territory, authorizations, the operator account and authentication of the REST API.
 *
 * <p>
 * Named interfaces: {@code callers} (who calls, their roles, the directory of accounts
 * and groups), {@code accounts} (password links, email changes) for the territory module.
 */
@ApplicationModule(allowedDependencies = {})
package fr.catalyse.access;

import org.springframework.modulith.ApplicationModule;
