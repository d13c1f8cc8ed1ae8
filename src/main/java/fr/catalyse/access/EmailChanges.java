package fr.catalyse.access;

import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.InvalidInputException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's email address is where its password links go, so whoever changes it could
 * take the account over with « mot de passe oublié ». A new address therefore takes
 * effect only once its owner follows the link sent to it (valid 7 days, single use); the
 * old address is told at the same time, with a link to cancel. Until then the account
 * keeps its old address. The engine itself holds people to this
 * ({@link AccountEmailGuard}), whatever the path of the change; the operator changes
 * addresses directly.
 *
 * <p>
 * The emails leave from engine jobs (territory.EmailChangeEmails, on {@link Requested});
 * the directory follows an address that changed ({@link Changed}). Links are made when
 * the emails are composed, so no usable link waits in the queue.
 */
@NamedInterface("accounts")
@Service
public class EmailChanges {

    static final Duration VALIDITY = PasswordLinks.VALIDITY;

    /** Who asked: the programme team's import, or the person through their profile. */
    @NamedInterface("accounts")
    public enum Origin {

        IMPORT, PROFILE

    }

    /** A change waiting for confirmation, as the emails and pages show it. */
    @NamedInterface("accounts")
    public record Request(long id, String userId, String oldEmail, String newEmail, Origin origin, Instant expiresAt) {
    }

    /** Published in the requesting transaction: the two emails are to be queued. */
    @NamedInterface("accounts")
    public record Requested(long changeId, String userId) {
    }

    /**
     * Published when an account's address has changed (confirmed, or by the operator), in
     * that transaction.
     */
    @NamedInterface("accounts")
    public record Changed(String userId, String oldEmail, String newEmail) {
    }

    /** Set while a change this class allows is applied: the guard lets it through. */
    private static final ThreadLocal<Boolean> APPLYING = new ThreadLocal<>();

    private final EmailChangeRepository changes;

    private final IdentityService identity;

    private final Caller caller;

    private final PasswordLinks passwords;

    private final CatalyseProperties application;

    private final ApplicationEventPublisher events;

    private final SecureRandom random = new SecureRandom();

    EmailChanges(EmailChangeRepository changes, IdentityService identity, Caller caller, PasswordLinks passwords,
            CatalyseProperties application, ApplicationEventPublisher events) {
        this.changes = changes;
        this.identity = identity;
        this.caller = caller;
        this.passwords = passwords;
        this.application = application;
        this.events = events;
    }

    /**
     * Records that the account should move to a new address once it is confirmed; an
     * earlier request for the account that is still waiting can no longer be confirmed.
     * @return the request's id
     */
    @Transactional
    public long request(String userId, String oldEmail, String newEmail, Origin origin) {
        Instant now = now();
        changes.findByUserIdAndStatus(userId, EmailChange.Status.PENDING)
            .forEach(earlier -> earlier.close(EmailChange.Status.REPLACED, now));
        EmailChange change = changes.save(new EmailChange(userId, oldEmail, newEmail, origin, now, now.plus(VALIDITY)));
        events.publishEvent(new Requested(change.getId(), userId));
        return change.getId();
    }

    /** The request, whatever became of it. */
    @Transactional(readOnly = true)
    public Optional<Request> find(long changeId) {
        return changes.findById(changeId).map(EmailChange::view);
    }

    /** The request, if it can still be confirmed. */
    @Transactional(readOnly = true)
    public Optional<Request> pending(long changeId) {
        return changes.findById(changeId).filter(change -> change.pendingAt(now())).map(EmailChange::view);
    }

    /**
     * A new link to confirm the request, replacing any earlier one, if it is still
     * waiting. Committed on its own before the email carrying it leaves, as password
     * links are ({@link PasswordLinks#issue}).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> confirmationLink(long changeId) {
        return link(changeId, "/adresse-email?jeton=", EmailChange::confirmWith);
    }

    /** The same for the link that cancels the request, sent to the old address. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> cancellationLink(long changeId) {
        return link(changeId, "/adresse-email/annuler?jeton=", EmailChange::cancelWith);
    }

    private Optional<String> link(long changeId, String path, java.util.function.BiConsumer<EmailChange, String> keep) {
        return changes.findById(changeId).filter(change -> change.pendingAt(now())).map(change -> {
            String token = PasswordLinks.newToken(random);
            keep.accept(change, PasswordLinks.hash(token));
            return application.link(path + token);
        });
    }

    /** The request a confirmation link is for, if it can still be confirmed. */
    @Transactional(readOnly = true)
    public Request toConfirm(String token) {
        return usable(token, changes::findByConfirmTokenHash).view();
    }

    /** The request a cancellation link is for, if it can still be cancelled. */
    @Transactional(readOnly = true)
    public Request toCancel(String token) {
        return usable(token, changes::findByCancelTokenHash).view();
    }

    /** Moves the account to its new address; the link cannot be used again. */
    @Transactional
    public Request confirm(String token) {
        EmailChange change = usable(token, changes::findByConfirmTokenHash);
        change.close(EmailChange.Status.CONFIRMED, now());
        caller.asSystem(() -> {
            User account = identity.createUserQuery().userId(change.getUserId()).singleResult();
            if (account == null) {
                throw new InvalidInputException("Ce compte n'existe plus.");
            }
            account.setEmail(change.getNewEmail());
            applying(() -> {
                identity.saveUser(account);
                return null;
            });
            return null;
        });
        return change.view();
    }

    /**
     * The account keeps its address; the confirmation link sent to the new one no longer
     * works.
     */
    @Transactional
    public Request cancel(String token) {
        EmailChange change = usable(token, changes::findByCancelTokenHash);
        change.close(EmailChange.Status.CANCELLED, now());
        return change.view();
    }

    /**
     * Called by the guard once an account's address has changed: a request still waiting
     * would undo it, and password links sent to the old address would still open the
     * account.
     */
    void changed(String userId, String oldEmail, String newEmail) {
        Instant now = now();
        changes.findByUserIdAndStatus(userId, EmailChange.Status.PENDING)
            .forEach(earlier -> earlier.close(EmailChange.Status.REPLACED, now));
        passwords.revokeAll(userId);
        events.publishEvent(new Changed(userId, oldEmail, newEmail));
    }

    /** Whether a change allowed here is being applied on this thread. */
    static boolean applying() {
        return Boolean.TRUE.equals(APPLYING.get());
    }

    private static <T> T applying(Supplier<T> work) {
        APPLYING.set(true);
        try {
            return work.get();
        }
        finally {
            APPLYING.remove();
        }
    }

    private EmailChange usable(String token, Function<String, Optional<EmailChange>> byHash) {
        return byHash.apply(PasswordLinks.hash(token == null ? "" : token))
            .filter(change -> change.pendingAt(now()))
            .orElseThrow(
                    () -> new InvalidInputException("Ce lien n'est plus valable : il a déjà servi, il a expiré, ou un "
                            + "changement d'adresse plus récent l'a remplacé."));
    }

    /** The engine's clock, which tests move. */
    private static Instant now() {
        return EngineClock.now();
    }

}
