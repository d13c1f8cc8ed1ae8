package fr.catalyse.territory;

import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The programme team's onboarding API (HTTP Basic): import participants from a CSV file,
 * send an invitation again, download the file's model.
 */
@RestController
class ParticipantApi {

    static final String MODEL = "import/modele-participants.csv";

    private final Caller caller;

    private final ParticipantOnboarding onboarding;

    ParticipantApi(Caller caller, ParticipantOnboarding onboarding) {
        this.caller = caller;
        this.onboarding = onboarding;
    }

    /**
     * POST /api/participants/import with the CSV as the body (text/csv). The body is read
     * as a stream, after the role check, and no further than the import's limits
     * (catalyse.import): never held whole in memory.
     */
    @PostMapping(path = "/api/participants/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    ParticipantOnboarding.Report importCsv(InputStream csv) {
        String by = caller.requireRole(Role.PROGRAMME_TEAM);
        return caller.asSystem(() -> onboarding.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8), by));
    }

    /**
     * POST /api/participants/import as a form upload (multipart, part "fichier"), 1 MB at
     * most: the servlet container accepts larger parts for documents
     * (documents.UploadLimits), so the import keeps its own bound.
     */
    private static final org.springframework.util.unit.DataSize MAX_UPLOAD = org.springframework.util.unit.DataSize
        .ofMegabytes(1);

    @PostMapping(path = "/api/participants/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ParticipantOnboarding.Report importFile(@RequestPart("fichier") MultipartFile file) throws IOException {
        String by = caller.requireRole(Role.PROGRAMME_TEAM);
        if (file.getSize() > MAX_UPLOAD.toBytes()) {
            throw new org.springframework.web.multipart.MaxUploadSizeExceededException(MAX_UPLOAD.toBytes());
        }
        InputStream csv = file.getInputStream();
        return caller.asSystem(() -> onboarding.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8), by));
    }

    /**
     * The new welcome email leaves from an engine job: the answer says it is queued, not
     * that it arrived.
     */
    @PostMapping("/api/participants/{userId}/invitation")
    InvitationQueued invite(@PathVariable String userId) {
        caller.requireRole(Role.PROGRAMME_TEAM);
        caller.asSystem(() -> {
            onboarding.invite(userId);
            return null;
        });
        return new InvitationQueued(userId, true);
    }

    @GetMapping(path = "/api/participants/modele", produces = "text/csv;charset=UTF-8")
    byte[] model() throws IOException {
        caller.requireRole(Role.PROGRAMME_TEAM);
        return new ClassPathResource(MODEL).getInputStream().readAllBytes();
    }

    @ExceptionHandler(ParticipantOnboarding.DirectoryRejected.class)
    ResponseEntity<FileRejected> rejected(ParticipantOnboarding.DirectoryRejected rejected) {
        return ResponseEntity.badRequest()
            .body(new FileRejected("InvalidInputException", rejected.getMessage(), rejected.errors()));
    }

    record InvitationQueued(String participant, boolean invitationProgrammee) {
    }

    /** The usual error shape, with the lines to correct. */
    record FileRejected(String type, String message, List<String> erreurs) {
    }

}
