package fr.catalyse.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table catalyse_document (migration V12), in plain SQL: lists never read the files'
 * content, which only a download loads. Runs in the caller's transaction, the engine's
 * included, so that a document checked by a task listener or deleted with its task is
 * seen as the engine sees it.
 */
@Repository
class DocumentStore {

    private static final String COLUMNS = "id, process_instance_id, task_id, task_definition_key, territory_code, session_code, kind, file_name, "
            + "content_type, size_bytes, sha256, uploaded_by, uploaded_at, replaced_at";

    private final NamedParameterJdbcTemplate sql;

    DocumentStore(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    void insert(StoredDocument document, byte[] content) {
        sql.update(
                "insert into catalyse_document (" + COLUMNS
                        + ", content) values (:id, :instance, :task, :taskKey, :territory, "
                        + ":session, :kind, :name, :type, :size, :sha, :by, :at, null, :content)",
                parameters(document).addValue("content", content));
    }

    /**
     * A new file in place of the old one: same record, same task, new content and facts.
     */
    void replace(StoredDocument document, byte[] content) {
        sql.update(
                "update catalyse_document set file_name = :name, content_type = :type, size_bytes = :size, sha256 = :sha, "
                        + "uploaded_by = :by, replaced_at = :at, content = :content where id = :id",
                parameters(document).addValue("content", content).addValue("at", timestamp(document.replacedAt())));
    }

    void delete(String id) {
        sql.update("delete from catalyse_document where id = :id", new MapSqlParameterSource("id", id));
    }

    int deleteByTask(String taskId) {
        return sql.update("delete from catalyse_document where task_id = :task",
                new MapSqlParameterSource("task", taskId));
    }

    Optional<StoredDocument> find(String id) {
        return sql
            .query("select " + COLUMNS + " from catalyse_document where id = :id", new MapSqlParameterSource("id", id),
                    DocumentStore::row)
            .stream()
            .findFirst();
    }

    Optional<byte[]> content(String id) {
        return sql
            .query("select content from catalyse_document where id = :id", new MapSqlParameterSource("id", id),
                    (row, number) -> row.getBytes(1))
            .stream()
            .findFirst();
    }

    List<StoredDocument> byTask(String taskId) {
        return sql.query("select " + COLUMNS + " from catalyse_document where task_id = :task order by uploaded_at, id",
                new MapSqlParameterSource("task", taskId), DocumentStore::row);
    }

    List<StoredDocument> byInstance(String processInstanceId) {
        return sql.query(
                "select " + COLUMNS + " from catalyse_document where process_instance_id = :instance "
                        + "order by uploaded_at, id",
                new MapSqlParameterSource("instance", processInstanceId), DocumentStore::row);
    }

    /** What one person uploaded, for their export. */
    List<StoredDocument> byUploader(String userId) {
        return sql.query(
                "select " + COLUMNS + " from catalyse_document where uploaded_by = :user order by uploaded_at, id",
                new MapSqlParameterSource("user", userId), DocumentStore::row);
    }

    /** The uploader's id becomes another (a pseudonym, at erasure). */
    void renameUploader(String userId, String newId) {
        sql.update("update catalyse_document set uploaded_by = :to where uploaded_by = :from",
                new MapSqlParameterSource("from", userId).addValue("to", newId));
    }

    long countByTask(String taskId) {
        Long count = sql.queryForObject("select count(*) from catalyse_document where task_id = :task",
                new MapSqlParameterSource("task", taskId), Long.class);
        return count == null ? 0 : count;
    }

    private static MapSqlParameterSource parameters(StoredDocument document) {
        return new MapSqlParameterSource().addValue("id", document.id())
            .addValue("instance", document.processInstanceId())
            .addValue("task", document.taskId())
            .addValue("taskKey", document.taskKey())
            .addValue("territory", document.territory())
            .addValue("session", document.session())
            .addValue("kind", document.kind())
            .addValue("name", document.fileName())
            .addValue("type", document.contentType())
            .addValue("size", document.size())
            .addValue("sha", document.sha256())
            .addValue("by", document.uploadedBy())
            .addValue("at", timestamp(document.uploadedAt()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static StoredDocument row(ResultSet row, int number) throws SQLException {
        Timestamp replaced = row.getTimestamp("replaced_at");
        return new StoredDocument(row.getString("id"), row.getString("process_instance_id"), row.getString("task_id"),
                row.getString("task_definition_key"), row.getString("territory_code"), row.getString("session_code"),
                row.getString("kind"), row.getString("file_name"), row.getString("content_type"),
                row.getLong("size_bytes"), row.getString("sha256"), row.getString("uploaded_by"),
                row.getTimestamp("uploaded_at").toInstant(), replaced == null ? null : replaced.toInstant());
    }

}
