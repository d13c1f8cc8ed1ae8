package fr.catalyse.documents;

import fr.catalyse.platform.Refusal;
import fr.catalyse.platform.EngineClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * What people do with documents, whatever the transport (the webapps' session under
 * /camunda/api, HTTP Basic on /api): list a task's documents, attach, replace and remove
 * their own until the task is completed, download what they may read. Every refusal is a
 * {@link Refusal} with its French reason.
 */
@Service
class Documents {

    private final DocumentStore store;

    private final DocumentAccess access;

    private final DocumentProperties properties;

    private final TaskService tasks;

    private final HistoryService history;

    private final RepositoryService repository;

    Documents(DocumentStore store, DocumentAccess access, DocumentProperties properties, TaskService tasks,
            HistoryService history, RepositoryService repository) {
        this.store = store;
        this.access = access;
        this.properties = properties;
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
    }

    /**
     * What the task's panel shows: what the task expects, whether files may still change,
     * and its documents.
     */
    record TaskDocuments(String taskId, boolean open, boolean mayAttach, String expected, boolean required,
            long maxSize, String accepted, List<DocumentView> documents) {
    }

    /** A document as listed: never its content. */
    record DocumentView(String id, String name, String type, String contentType, long size, String sizeLabel,
            String sha256, String uploadedBy, String uploadedAt, String replacedAt, String taskId, String taskKey,
            String territory, String kind, boolean mine, boolean mayChange) {
    }

    /** A file to send back: its record and content. */
    record Download(StoredDocument document, byte[] content) {
    }

    @Transactional(readOnly = true)
    public TaskDocuments ofTask(Authentication caller, String taskId) {
        Optional<Task> open = access.visibleOpenTask(caller, taskId);
        TaskFacts facts = open.map(this::facts).orElseGet(() -> completedFacts(caller, taskId));
        boolean mayAttach = open.isPresent() && facts.expected() != null && access.mayWork(caller, open.get());
        List<DocumentView> documents = store.byTask(taskId)
            .stream()
            .map(document -> view(caller, document, open.isPresent() && mayAttach))
            .toList();
        return new TaskDocuments(taskId, open.isPresent(), mayAttach,
                facts.expected() == null ? null : facts.expected().label(),
                facts.expected() != null && facts.expected().required(), properties.maxSize().toBytes(),
                FileType.ACCEPTED, documents);
    }

    /**
     * Every document of a process instance the caller may read (a partnership's dossier,
     * a cohort's publications).
     */
    @Transactional(readOnly = true)
    public List<DocumentView> ofInstance(Authentication caller, String processInstanceId) {
        if (access.asSystem(
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count()) == 0) {
            throw Refusal.notFound("Dossier introuvable : aucune instance « " + processInstanceId + " ».");
        }
        List<DocumentView> readable = store.byInstance(processInstanceId)
            .stream()
            .filter(document -> access.mayRead(caller, document))
            .map(document -> view(caller, document, false))
            .toList();
        if (readable.isEmpty() && !DocumentAccess.programmeWide(caller)
                && access.territoriesOf(processInstanceId).stream().noneMatch(tenants(caller)::contains)) {
            throw Refusal
                .forbidden("Accès refusé : ce dossier appartient à un territoire dont vous ne faites pas partie.");
        }
        return readable;
    }

    @Transactional
    public DocumentView attach(Authentication caller, String taskId, String fileName, byte[] content) {
        Task task = workableTask(caller, taskId);
        TaskFacts facts = facts(task);
        if (facts.expected() == null) {
            throw Refusal.invalid("Cette tâche n'attend pas de document : « " + task.getName() + " ».");
        }
        Checked file = check(fileName, content);
        StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), task.getProcessInstanceId(),
                task.getId(), task.getTaskDefinitionKey(), facts.territory(), facts.session(), StoredDocument.ATTACHED,
                file.name(), file.type().mediaType(), content.length, sha256(content), caller.getUserId(),
                EngineClock.now(), null);
        store.insert(document, content);
        return view(caller, document, true);
    }

    @Transactional
    public DocumentView replace(Authentication caller, String documentId, String fileName, byte[] content) {
        StoredDocument old = ownChangeable(caller, documentId);
        Checked file = check(fileName, content);
        StoredDocument replaced = new StoredDocument(old.id(), old.processInstanceId(), old.taskId(), old.taskKey(),
                old.territory(), old.session(), old.kind(), file.name(), file.type().mediaType(), content.length,
                sha256(content), caller.getUserId(), old.uploadedAt(), EngineClock.now());
        store.replace(replaced, content);
        return view(caller, replaced, true);
    }

    @Transactional
    public void remove(Authentication caller, String documentId) {
        store.delete(ownChangeable(caller, documentId).id());
    }

    @Transactional(readOnly = true)
    public Download download(Authentication caller, String documentId) {
        StoredDocument document = readable(caller, documentId);
        return new Download(document, store.content(documentId).orElseThrow(() -> unknownDocument()));
    }

    /**
     * Whether the task holds enough documents to be completed; the French reason when it
     * does not.
     */
    Optional<String> missing(String processKey, String taskKey, String taskId) {
        return properties.expected(processKey, taskKey)
            .filter(DocumentProperties.Expected::required)
            .filter(expected -> store.countByTask(taskId) == 0)
            .map(expected -> "Document manquant : joignez " + expected.label() + " (" + FileType.ACCEPTED
                    + ") avec le panneau " + "« Documents » de la tâche avant de la terminer.");
    }

    // --- rules
    // ------------------------------------------------------------------------------------

    private StoredDocument readable(Authentication caller, String documentId) {
        StoredDocument document = store.find(documentId).orElseThrow(Documents::unknownDocument);
        if (!access.mayRead(caller, document)) {
            throw Refusal
                .forbidden("Accès refusé : ce document appartient à un territoire dont vous ne faites pas partie.");
        }
        return document;
    }

    private StoredDocument ownChangeable(Authentication caller, String documentId) {
        StoredDocument document = readable(caller, documentId);
        if (!caller.getUserId().equals(document.uploadedBy())) {
            throw Refusal.forbidden("Vous ne pouvez remplacer ou retirer que les fichiers que vous avez déposés.");
        }
        if (document.taskId() == null || access.visibleOpenTask(caller, document.taskId()).isEmpty()) {
            throw Refusal.conflict("La tâche est terminée : ses documents ne changent plus.");
        }
        return document;
    }

    private Task workableTask(Authentication caller, String taskId) {
        Task task = access.visibleOpenTask(caller, taskId).orElseThrow(() -> {
            boolean done = access
                .asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()) > 0;
            return done ? Refusal.conflict("La tâche est terminée : ses documents ne changent plus.")
                    : Refusal.notFound("Tâche introuvable : elle n'existe pas ou ne vous est pas proposée.");
        });
        if (!access.mayWork(caller, task)) {
            throw Refusal
                .forbidden("Accès refusé : seules les personnes à qui la tâche est proposée y joignent des documents.");
        }
        return task;
    }

    private TaskFacts completedFacts(Authentication caller, String taskId) {
        if (access.asSystem(() -> tasks.createTaskQuery().taskId(taskId).count()) > 0) {
            // Open, but not for this caller: as the engine answers for a task of another
            // territory.
            throw Refusal.notFound("Tâche introuvable : elle n'existe pas ou ne vous est pas proposée.");
        }
        HistoricTaskInstance done = access
            .asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
        if (done == null) {
            throw Refusal.notFound("Tâche introuvable : elle n'existe pas ou ne vous est pas proposée.");
        }
        List<StoredDocument> documents = store.byTask(taskId);
        boolean sees = DocumentAccess.programmeWide(caller)
                || documents.stream().anyMatch(document -> access.mayRead(caller, document))
                || documents.isEmpty() && access.territoriesOf(done.getProcessInstanceId())
                    .stream()
                    .anyMatch(tenants(caller)::contains);
        if (!sees) {
            throw Refusal
                .forbidden("Accès refusé : cette tâche appartient à un territoire dont vous ne faites pas partie.");
        }
        return new TaskFacts(
                properties.expected(done.getProcessDefinitionKey(), done.getTaskDefinitionKey()).orElse(null), null,
                null);
    }

    private record TaskFacts(DocumentProperties.Expected expected, String territory, String session) {
    }

    private TaskFacts facts(Task task) {
        String processKey = access
            .asSystem(() -> repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
        Object territory = access.asSystem(() -> tasks.getVariable(task.getId(), "territory"));
        String code = territory instanceof String text && !text.isBlank() ? text : task.getTenantId();
        Object session = access.asSystem(() -> tasks.getVariable(task.getId(), "session"));
        return new TaskFacts(properties.expected(processKey, task.getTaskDefinitionKey()).orElse(null), code,
                session instanceof String text && text.length() <= 4 ? text : null);
    }

    private record Checked(String name, FileType type) {
    }

    /**
     * Name, size and content of an uploaded file, each refused with its own French
     * reason.
     */
    private Checked check(String fileName, byte[] content) {
        String name = cleanName(fileName);
        if (content.length == 0) {
            throw Refusal.invalid("Fichier refusé : « " + name + " » est vide.");
        }
        long max = properties.maxSize().toBytes();
        if (content.length > max) {
            throw Refusal.tooLarge("Fichier refusé : « " + name + " » dépasse les " + megabytes(max)
                    + " acceptés par fichier. Réduisez-le (export PDF compressé, images allégées) ou découpez-le.");
        }
        FileType type = FileType.of(content)
            .orElseThrow(() -> Refusal.invalid("Fichier refusé : le contenu de « " + name
                    + " » n'est pas d'un type accepté. Types acceptés : " + FileType.ACCEPTED + "."));
        if (!type.named(name)) {
            throw Refusal.invalid("Fichier refusé : « " + name + " » est en réalité un fichier de type " + type.label()
                    + " ; son nom doit se terminer par ."
                    + type.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg")
                    + " pour qu'il s'ouvre correctement.");
        }
        return new Checked(name, type);
    }

    /**
     * The file's own name, without the folders some browsers send, control characters or
     * more than 200 characters.
     */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            throw Refusal.invalid("Fichier refusé : il n'a pas de nom.");
        }
        return name.length() <= 200 ? name
                : name.substring(0, 200 - FileType.extension(name).length() - 1) + "." + FileType.extension(name);
    }

    /** A size as people read it: « 340 Ko » under a megabyte, « 2,4 Mo » above. */
    static String size(long bytes) {
        long kilobyte = DataSize.ofKilobytes(1).toBytes();
        return bytes < DataSize.ofMegabytes(1).toBytes() ? Math.max(1, (bytes + kilobyte - 1) / kilobyte) + " Ko"
                : megabytes(bytes);
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.1f Mo", bytes / (double) DataSize.ofMegabytes(1).toBytes())
            .replace(",0 Mo", " Mo");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    private DocumentView view(Authentication caller, StoredDocument document, boolean taskOpenAndWorkable) {
        boolean mine = caller.getUserId().equals(document.uploadedBy());
        String type = FileType.labelOf(document.contentType());
        return new DocumentView(document.id(), document.fileName(), type, document.contentType(), document.size(),
                size(document.size()), document.sha256(), document.uploadedBy(), document.uploadedAt().toString(),
                document.replacedAt() == null ? null : document.replacedAt().toString(), document.taskId(),
                document.taskKey(), document.territory(), document.kind(), mine,
                mine && taskOpenAndWorkable && StoredDocument.ATTACHED.equals(document.kind()));
    }

    private static java.util.Collection<String> tenants(Authentication caller) {
        return caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    }

    private static Refusal unknownDocument() {
        return Refusal.notFound("Document introuvable : il a été retiré ou n'a jamais existé.");
    }

}
