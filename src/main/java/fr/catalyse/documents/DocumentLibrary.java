package fr.catalyse.documents;

import fr.catalyse.platform.Refusal;
import fr.catalyse.platform.EngineClock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules do with documents: publish a document of a whole instance (the socle
 * commun of a cohort), find the latest of a kind, attach a file on a person's behalf (the
 * demonstration's players) with that person's rights, and the address of a document in
 * Catalyse for the links of emails.
 */
@Component
@NamedInterface("library")
public class DocumentLibrary {

    /** The kind of the published socle commun of a cohort. */
    public static final String FOUNDATION = "socle-commun";

    private final Documents documents;

    private final DocumentStore store;

    private final IdentityService identity;

    DocumentLibrary(Documents documents, DocumentStore store, IdentityService identity) {
        this.documents = documents;
        this.store = store;
        this.identity = identity;
    }

    /**
     * Stores a document Catalyse produced for a whole process instance (no task, no
     * territory: every participant of the instance reads it), e.g. a published version of
     * the socle commun.
     * @return its id
     */
    @Transactional
    public String publish(String processInstanceId, String kind, String fileName, byte[] content, String publishedBy) {
        FileType type = FileType.of(content)
            .orElseThrow(() -> new IllegalArgumentException("type de fichier non pris en charge"));
        StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), processInstanceId, null, null, null,
                null, kind, Documents.cleanName(fileName), type.mediaType(), content.length, Documents.sha256(content),
                publishedBy, EngineClock.now(), null);
        store.insert(document, content);
        return document.id();
    }

    /**
     * The latest document of a kind in an instance, e.g. its last published socle commun.
     */
    public Optional<String> latest(String processInstanceId, String kind) {
        List<StoredDocument> all = store.byInstance(processInstanceId);
        return all.stream()
            .filter(document -> kind.equals(document.kind()))
            .reduce((first, second) -> second)
            .map(StoredDocument::id);
    }

    /**
     * The file's content, for the module that produced it (no access check: not for
     * requests).
     */
    public Optional<byte[]> content(String documentId) {
        return store.content(documentId);
    }

    /**
     * Attaches a file to an open task as that person would through the Tasklist panel:
     * the same checks of who may, what the task expects, type and size.
     * @return the new document's id
     */
    @Transactional
    public String attachAs(String userId, String taskId, String fileName, byte[] content) {
        Authentication person = new Authentication(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery()
                    .userMember(userId)
                    .includingGroupsOfUser(true)
                    .list()
                    .stream()
                    .map(Tenant::getId)
                    .toList());
        try {
            return documents.attach(person, taskId, fileName, content).id();
        }
        catch (Refusal refused) {
            throw new IllegalStateException(refused.getMessage(), refused);
        }
    }

    /**
     * Where a signed-in person downloads the document: the page that asks them to sign in
     * first if needed.
     */
    public static String pagePath(String documentId) {
        return DocumentPage.PATH + "/" + documentId;
    }

}
