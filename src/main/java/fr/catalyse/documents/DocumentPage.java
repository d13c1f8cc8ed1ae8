package fr.catalyse.documents;

import fr.catalyse.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The address emails give for a document (/documents/{id}): a link to Catalyse, never the
 * file itself in a mass email. Whoever is not signed in goes through the login form and
 * comes back; then the browser downloads the file with its session, where the usual
 * reading rules apply.
 */
@Controller
class DocumentPage {

    static final String PATH = "/documents";

    private final Caller callers;

    DocumentPage(Caller callers) {
        this.callers = callers;
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<Void> open(HttpServletRequest request, @PathVariable String id) {
        String here = PATH + "/" + id;
        String target = callers.of(request).isPresent() ? DocumentApi.SESSION + "/" + id + "/fichier"
                : "/connexion?retour=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + target)).build();
    }

}
