package fr.catalyse.documents;

import fr.catalyse.people.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The documents a person uploaded, for their export (what each file is, where it belongs,
 * its checksum: the files themselves stay downloadable from Catalyse by whoever may see
 * their task) and their erasure (the uploader becomes the pseudonym; the files are
 * programme records — deliverables, signed agreements — and stay).
 */
@Component
class UploadedDocuments implements PersonalData {

    private final DocumentStore store;

    UploadedDocuments(DocumentStore store) {
        this.store = store;
    }

    @Override
    public List<Section> export(Person person) {
        List<Map<String, Object>> rows = store.byUploader(person.userId()).stream().map(document -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fichier", document.fileName());
            row.put("type", document.contentType());
            row.put("taille_octets", document.size());
            row.put("sha256", document.sha256());
            row.put("depose_le", document.uploadedAt().toString());
            row.put("remplace_le", document.replacedAt() == null ? null : document.replacedAt().toString());
            row.put("nature", document.kind());
            row.put("territoire", document.territory());
            row.put("session", document.session());
            row.put("tache", document.taskKey());
            row.put("id_tache", document.taskId());
            row.put("instance", document.processInstanceId());
            return row;
        }).toList();
        return List.of(new Section("documents-deposes", rows));
    }

    @Override
    public void erase(Person person, String pseudonym) {
        store.renameUploader(person.userId(), pseudonym);
    }

}
