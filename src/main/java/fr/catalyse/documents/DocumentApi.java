package fr.catalyse.documents;

import fr.catalyse.platform.Refusal;
import fr.catalyse.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Documents over HTTP, twice with the same code: under {@value #SESSION} for the webapps'
 * pages (the Tasklist panel, the observatory), with the session people signed in with and
 * its CSRF token, checked by Camunda's filters on every write there; and under
 * {@value #API} for scripts, with HTTP Basic (access.RestAuthentication). Uploads are
 * form uploads (multipart) with the file in the part « fichier ». Downloads are always
 * attachments, never displayed inline, with their type as stored (checked from the
 * content at upload); {@code X-Content-Type-Options: nosniff} is on every response of
 * Catalyse already (access.CrossSiteProtection), once.
 */
@RestController
class DocumentApi {

    static final String SESSION = "/camunda/api/catalyse/documents";
    static final String API = "/api/documents";

    private final Documents documents;

    private final Caller callers;

    DocumentApi(Documents documents, Caller callers) {
        this.documents = documents;
        this.callers = callers;
    }

    @GetMapping({ SESSION + "/taches/{taskId}", API + "/taches/{taskId}" })
    Documents.TaskDocuments ofTask(HttpServletRequest request, @PathVariable String taskId) {
        return documents.ofTask(caller(request), taskId);
    }

    @PostMapping(path = { SESSION + "/taches/{taskId}", API + "/taches/{taskId}" },
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Documents.DocumentView> attach(HttpServletRequest request, @PathVariable String taskId,
            @RequestPart("fichier") MultipartFile file) throws IOException {
        Authentication caller = caller(request);
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(documents.attach(caller, taskId, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping({ SESSION + "/instances/{processInstanceId}", API + "/instances/{processInstanceId}" })
    List<Documents.DocumentView> ofInstance(HttpServletRequest request, @PathVariable String processInstanceId) {
        return documents.ofInstance(caller(request), processInstanceId);
    }

    /**
     * Replaces the file of a document (same record, same task): POST, as browsers send
     * form uploads.
     */
    @PostMapping(path = { SESSION + "/{id}", API + "/{id}" }, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Documents.DocumentView replace(HttpServletRequest request, @PathVariable String id,
            @RequestPart("fichier") MultipartFile file) throws IOException {
        Authentication caller = caller(request);
        return documents.replace(caller, id, file.getOriginalFilename(), file.getBytes());
    }

    @DeleteMapping({ SESSION + "/{id}", API + "/{id}" })
    ResponseEntity<Void> remove(HttpServletRequest request, @PathVariable String id) {
        documents.remove(caller(request), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping({ SESSION + "/{id}/fichier", API + "/{id}/fichier" })
    ResponseEntity<byte[]> download(HttpServletRequest request, @PathVariable String id) {
        Documents.Download download = documents.download(caller(request), id);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_TYPE, download.document().contentType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename(download.document().fileName(), StandardCharsets.UTF_8)
                        .build()
                        .toString())
            .cacheControl(CacheControl.noStore().cachePrivate())
            .body(download.content());
    }

    private Authentication caller(HttpServletRequest request) {
        return callers.of(request).orElseThrow(() -> Refusal.unauthenticated("les documents"));
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, String>> refused(Refusal refusal) {
        return ResponseEntity.status(refusal.status())
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("type", refusal.type(), "message", refusal.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> noFile(MissingServletRequestPartException missing) {
        return refused(Refusal
            .invalid("Aucun fichier reçu : envoyez-le dans la partie « fichier » d'un envoi multipart/form-data."));
    }

}
