package fr.catalyse.access;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Holds every change of an existing account's email address to {@link EmailChanges}, in
 * the engine itself: {@code IdentityService.saveUser} is what /engine-rest's and the
 * webapps' profile pages call, and code acting as someone too. When a person who is not
 * the operator changes an address, the account keeps its old one and the new one waits
 * for confirmation; the rest of the profile (names) is saved as asked. The operator, the
 * application's own work (nobody authenticated: imports, seeding) and a confirmed request
 * change it directly.
 *
 * <p>
 * It also refuses the password of whoever a {@link SignInRefusal} names (someone who left
 * the programme).
 *
 * <p>
 * It replaces the engine's database identity provider by a subclass; the engine internals
 * this needs are listed in docs/engine-internals.md.
 */
@Component
class AccountEmailGuard extends AbstractProcessEnginePlugin {

    private final EmailChanges changes;

    private final DirectRequests requests;

    private final java.util.List<SignInRefusal> refusals;

    private ProcessEngineConfigurationImpl configuration;

    AccountEmailGuard(@Lazy EmailChanges changes, DirectRequests requests,
            @Lazy java.util.List<SignInRefusal> refusals) {
        this.changes = changes;
        this.requests = requests;
        this.refusals = refusals;
    }

    /**
     * Whether a password check must fail whatever the password: the person may no longer
     * sign in.
     */
    boolean refused(String userId) {
        return userId != null && refusals.stream().anyMatch(refusal -> refusal.refuses(userId));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() != null) {
            // Another identity provider (LDAP…) would take the guard away without a word.
            throw new IllegalStateException(
                    "Catalyse keeps accounts in the engine's database: another identity provider is configured ("
                            + configuration.getIdentityProviderSessionFactory().getSessionType().getName() + ")");
        }
        this.configuration = configuration;
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return GuardedIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new GuardedIdentityProvider(AccountEmailGuard.this);
            }
        });
    }

    IdentityOperationResult save(UserEntity user, java.util.function.Function<User, IdentityOperationResult> save) {
        User stored = user.getRevision() == 0 ? null : committed(user.getId());
        if (stored == null || sameAddress(stored.getEmail(), user.getEmail())) {
            return save.apply(user);
        }
        String wanted = user.getEmail();
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (EmailChanges.applying() || person == null || requests.isOperator(person)) {
            IdentityOperationResult result = save.apply(user);
            changes.changed(user.getId(), stored.getEmail(), wanted);
            return result;
        }
        user.setEmail(stored.getEmail());
        // Saved first: the engine refuses here a person who may not update the account,
        // before anything is asked.
        IdentityOperationResult result = save.apply(user);
        if (wanted != null && !wanted.isBlank()) {
            changes.request(user.getId(), stored.getEmail(), wanted.trim(), EmailChanges.Origin.PROFILE);
        }
        return result;
    }

    /**
     * The account as committed, read in a command of its own: the entity being saved may
     * be the very instance this command's cache would hand back, already carrying the new
     * address.
     */
    private User committed(String userId) {
        return configuration.getCommandExecutorTxRequiresNew()
            .execute(context -> context
                .runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId)));
    }

    private static boolean sameAddress(String stored, String wanted) {
        return stored == null ? (wanted == null || wanted.isBlank())
                : (wanted != null && stored.trim().equalsIgnoreCase(wanted.trim()));
    }

    /**
     * The engine's database identity provider, whose saves of an account go through the
     * guard.
     */
    static class GuardedIdentityProvider extends DbIdentityServiceProvider {

        private final AccountEmailGuard guard;

        GuardedIdentityProvider(AccountEmailGuard guard) {
            this.guard = guard;
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            return guard.save((UserEntity) user, super::saveUser);
        }

        /**
         * Every password check (the login forms, Tasklist, HTTP Basic) comes here: a
         * person refused fails it, and does not count as a failed attempt (their account
         * is not locked by it, ready for a reactivation).
         */
        @Override
        public boolean checkPassword(String userId, String password) {
            return !guard.refused(userId) && super.checkPassword(userId, password);
        }

    }

}
