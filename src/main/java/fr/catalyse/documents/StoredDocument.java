package fr.catalyse.documents;

import java.time.Instant;

/** A document's record, without its content (read only for a download). */
record StoredDocument(String id, String processInstanceId, String taskId, String taskKey, String territory,
        String session, String kind, String fileName, String contentType, long size, String sha256, String uploadedBy,
        Instant uploadedAt, Instant replacedAt) {

    /** Kind of a file attached to a task by a person. */
    static final String ATTACHED = "piece-jointe";

}
