package fr.catalyse.territory;

import fr.catalyse.access.PasswordLinks;
import fr.catalyse.notification.People;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requests of « mot de passe oublié », handled after the page has answered. The page
 * does the same work for every identifier — count the client's requests, hand the
 * identifier over here — so its answer takes as long for a known account as for an
 * unknown one: looking the account up, checking its limits and queueing the email happen
 * on this node's single background thread, and the link itself is minted later still, by
 * the email's job. An account gets a new email only when none is still waiting to be sent
 * for it and it is within {@link fr.catalyse.access.PasswordResetLimits} (links counted
 * in the database); the account's row stays locked from that check until the email is
 * queued, so two nodes asking at once count each other's.
 */
@Component
class ForgottenPasswordRequests {

    /**
     * Requests waiting for the background thread; past this (a flood), a request is
     * dropped, the answer unchanged.
     */
    static final int CAPACITY = 1000;

    private static final Logger log = LoggerFactory.getLogger(ForgottenPasswordRequests.class);

    private final ParticipantRepository participants;

    private final People people;

    private final PasswordLinks passwords;

    private final PasswordLinkEmails emails;

    private final TransactionTemplate transaction;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(CAPACITY), work -> {
                Thread thread = new Thread(work, "catalyse-mot-de-passe-oublie");
                thread.setDaemon(true);
                return thread;
            });

    ForgottenPasswordRequests(ParticipantRepository participants, People people, PasswordLinks passwords,
            PasswordLinkEmails emails, TransactionTemplate transaction) {
        this.participants = participants;
        this.people = people;
        this.passwords = passwords;
        this.emails = emails;
        this.transaction = transaction;
    }

    /**
     * Takes a request (an account id or an email address, as typed) and returns at once.
     */
    void accept(String identifier) {
        try {
            worker.execute(() -> handle(identifier));
        }
        catch (RejectedExecutionException full) {
            log.warn("Demande de lien de mot de passe abandonnée : {} demandes attendent déjà", CAPACITY);
        }
    }

    /** Queues a link for the account named, if there is one and it may have one now. */
    void handle(String identifier) {
        try {
            transaction.executeWithoutResult(status -> participants.findByUserId(identifier)
                .or(() -> participants.findFirstByEmailIgnoreCase(identifier))
                .flatMap(participant -> participants.lockByUserId(participant.getUserId()))
                .map(Participant::getUserId)
                .filter(userId -> people.user(userId).isPresent())
                .filter(userId -> !emails.waiting(userId) && passwords.mayReset(userId))
                .ifPresent(emails::queue));
        }
        catch (RuntimeException failed) {
            log.warn("Demande de lien de mot de passe non traitée", failed);
        }
    }

    /**
     * Waits until every request taken so far is handled: its email queued, or not (the
     * tests' check point).
     */
    void awaitHandled() {
        try {
            worker.submit(() -> {
            }).get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        catch (ExecutionException | TimeoutException notHandled) {
            throw new IllegalStateException("Demandes de lien toujours en attente", notHandled);
        }
    }

    /**
     * A node that stops finishes the requests it has taken (a few seconds at most), then
     * takes no more.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("{} demande(s) de lien de mot de passe non traitée(s) à l'arrêt", worker.shutdownNow().size());
        }
    }

}
