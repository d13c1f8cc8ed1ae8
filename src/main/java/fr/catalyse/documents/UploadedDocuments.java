package fr.catalyse.documents;

import fr.catalyse.people.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The documents a person uploaded, for their export (what each file is, where it belongs,
 * its checksum: the files themselves stay downloadable from Catalyse by whoever may see
 * their task) and their erasure (the uploader becomes the pseudonym; the files are
 * programme records — deliverables, signed agreements — and stay).
 */
@Component
class UploadedDocuments implements PersonalData {

    private final JdbcTemplate sql;

    UploadedDocuments(JdbcTemplate sql) {
        this.sql = sql;
    }

    @Override
    public List<Section> export(Person person) {
        List<Map<String, Object>> rows = sql
            .query("select file_name, content_type, size_bytes, sha256, uploaded_at, replaced_at, "
                    + "kind, territory_code, session_code, task_definition_key, task_id, process_instance_id from catalyse_document "
                    + "where uploaded_by = ? order by uploaded_at, id", (result, index) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("fichier", result.getString("file_name"));
                        row.put("type", result.getString("content_type"));
                        row.put("taille_octets", result.getLong("size_bytes"));
                        row.put("sha256", result.getString("sha256"));
                        row.put("depose_le", result.getTimestamp("uploaded_at").toInstant().toString());
                        row.put("remplace_le", result.getTimestamp("replaced_at") == null ? null
                                : result.getTimestamp("replaced_at").toInstant().toString());
                        row.put("nature", result.getString("kind"));
                        row.put("territoire", result.getString("territory_code"));
                        row.put("session", result.getString("session_code"));
                        row.put("tache", result.getString("task_definition_key"));
                        row.put("id_tache", result.getString("task_id"));
                        row.put("instance", result.getString("process_instance_id"));
                        return row;
                    }, person.userId());
        return List.of(new Section("documents-deposes", rows));
    }

    @Override
    public void erase(Person person, String pseudonym) {
        sql.update("update catalyse_document set uploaded_by = ? where uploaded_by = ?", pseudonym, person.userId());
    }

}
