package fr.catalyse.territory;

import fr.catalyse.access.EmailChanges;
import fr.catalyse.access.PasswordLinks;
import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.notification.NoticeSender;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.notification.Recipient;
import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings participants in from a CSV file: the whole file or nothing, then a French
 * welcome email to each new account with a link to choose its password. The welcome
 * emails are queued with the import and sent from engine jobs once it commits: a mail
 * server that is down delays them (retried, then an incident in Cockpit), it neither
 * undoes the import nor loses them. A line giving an existing participant another email
 * address does not change it: the new address is asked to confirm, the old one is told
 * ({@link EmailChanges}), as when people change it in their profile.
 */
@Service
class ParticipantOnboarding implements NoticeSender {

    static final String WELCOME = "welcome";

    private final Directory directory;

    private final ParticipantRepository participants;

    private final PasswordLinks passwords;

    private final People people;

    private final Notices notices;

    private final NoticeJobs jobs;

    private final CatalyseProperties application;

    private final ImportProperties limits;

    private final TransactionTemplate transaction;

    private final EmailChanges emailChanges;

    private final org.springframework.context.ApplicationEventPublisher events;

    ParticipantOnboarding(Directory directory, ParticipantRepository participants, PasswordLinks passwords,
            People people, Notices notices, CatalyseProperties application, NoticeJobs jobs, ImportProperties limits,
            TransactionTemplate transaction, EmailChanges emailChanges,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.emailChanges = emailChanges;
        this.directory = directory;
        this.limits = limits;
        this.transaction = transaction;
        this.participants = participants;
        this.passwords = passwords;
        this.people = people;
        this.notices = notices;
        this.application = application;
        this.jobs = jobs;
    }

    /**
     * What an import did; each created account's welcome email is on its way, and each
     * account of {@code emailsToConfirm} keeps its address until its owner confirms the
     * new one.
     */
    public record Report(List<String> created, List<String> updated, List<String> emailsToConfirm,
            List<String> departed) {
    }

    /**
     * Reads the file as it arrives, before any transaction opens (a slow upload holds no
     * database connection), then applies it whole.
     * @throws DirectoryRejected with every problem, line by line, when the file has any,
     * or when it has more lines than {@code catalyse.import.max-lines}
     */
    public Report importCsv(Reader csv) {
        return importCsv(csv, null);
    }

    /** The same, saying who imports (recorded with the departures the file marks). */
    public Report importCsv(Reader csv, String importedBy) {
        DirectoryCsv.Result result;
        try {
            result = DirectoryCsv.read(csv, limits.maxLines());
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (result.overLimit()) {
            throw new DirectoryRejected("Le fichier n'a pas été importé : il compte plus de " + limits.maxLines()
                    + " lignes de participants, le maximum d'un import. Découpez-le en plusieurs fichiers. Rien n'a été modifié.",
                    result.errors());
        }
        if (!result.valid()) {
            throw new DirectoryRejected(result.errors());
        }
        return transaction.execute(status -> {
            Report report = result.entries().isEmpty() ? new Report(List.of(), List.of(), List.of(), List.of())
                    : register(result.entries());
            if (!result.departures().isEmpty()) {
                events.publishEvent(new DeparturesImported(result.departures(), importedBy));
            }
            return new Report(report.created(), report.updated(), report.emailsToConfirm(), result.departures());
        });
    }

    private Report register(List<DirectoryEntry> entries) {
        // Until its owner chooses one through the welcome link, an account has a random
        // password nobody knows.
        Directory.Registration registration = directory.register(entries, person -> passwords
            .unknownPassword(person.userId(), person.firstName(), person.lastName(), person.email()));
        Set<String> created = registration.created();
        List<String> updated = entries.stream()
            .map(DirectoryEntry::userId)
            .distinct()
            .filter(userId -> !created.contains(userId))
            .toList();
        created.forEach(this::invite);
        registration.addressChanges()
            .forEach(change -> emailChanges.request(change.userId(), change.current(), change.wanted(),
                    EmailChanges.Origin.IMPORT));
        return new Report(List.copyOf(created), updated,
                registration.addressChanges().stream().map(Directory.AddressChange::userId).toList(), List.of());
    }

    /**
     * Registers participants entered by hand rather than from a file (the contact of an
     * organisation a catalyst brings in) and welcomes each new account as an import does.
     * @return the user ids of the accounts created
     */
    @Transactional
    Set<String> registerAndWelcome(List<DirectoryEntry> entries) {
        Set<String> created = directory
            .register(entries,
                    person -> passwords.unknownPassword(person.userId(), person.firstName(), person.lastName(),
                            person.email()))
            .created();
        created.forEach(this::invite);
        return created;
    }

    /**
     * Queues a (new) welcome email with a link to choose a password, sent once the
     * caller's transaction commits.
     */
    @Transactional
    public void invite(String userId) {
        participants.findByUserId(userId)
            .orElseThrow(() -> new InvalidInputException("Participant inconnu : " + userId));
        // A fresh id per invitation: each one asked for is one email, sent once however
        // often its job runs.
        jobs.queue(WELCOME, userId + ":" + java.util.UUID.randomUUID(), "Bienvenue — " + userId);
    }

    @Override
    public String name() {
        return WELCOME;
    }

    /**
     * @param invitation "userId:invitation id", as queued by {@link #invite}
     */
    @Override
    @Transactional
    public void send(String invitation) {
        String userId = invitation.substring(0, invitation.lastIndexOf(':'));
        Participant participant = participants.findByUserId(userId)
            .orElseThrow(() -> new InvalidInputException("Participant inconnu : " + userId));
        Recipient recipient = people.user(userId).orElseThrow();
        String territories = participant.getTerritories()
            .stream()
            .map(Territory::getName)
            .sorted()
            .collect(Collectors.joining(", "));
        List<String> paragraphs = List
            .of("Un compte Catalyse vous a été ouvert pour le programme de co-construction territoriale, en tant que "
                    + participant.getRole().holder() + (territories.isEmpty() ? "" : " (" + territories + ")") + ".",
                    "Votre identifiant : " + userId
                            + ". Choisissez votre mot de passe avec le lien ci-dessous, valable 7 jours "
                            + "et utilisable une seule fois.",
                    "Vous retrouverez ensuite vos tâches sur " + application.tasklistLink() + ".");
        String link = passwords.issue(userId, PasswordLinks.WELCOME);
        notices.send("welcome:" + invitation, recipient, "Bienvenue dans Catalyse", paragraphs, link,
                "Choisir mon mot de passe", new Notices.About(null, null));
    }

    /** The file was refused; nothing was applied. */
    public static class DirectoryRejected extends InvalidInputException {

        private final List<String> errors;

        DirectoryRejected(List<String> errors) {
            this("Le fichier n'a pas été importé : " + errors.size() + " ligne(s) à corriger. Rien n'a été modifié.",
                    errors);
        }

        DirectoryRejected(String message, List<String> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        /** One line could not be recorded; the lines after it were not tried. */
        DirectoryRejected(long line, String error) {
            super("Le fichier n'a pas été importé : la ligne " + line
                    + " n'a pas pu être enregistrée. Rien n'a été modifié.");
            this.errors = List.of(error);
        }

        public List<String> errors() {
            return errors;
        }

    }

}
