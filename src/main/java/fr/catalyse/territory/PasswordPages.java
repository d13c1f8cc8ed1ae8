package fr.catalyse.territory;

import fr.catalyse.access.PasswordLinks;
import fr.catalyse.access.PasswordResetLimits;
import fr.catalyse.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages where participants choose their password: from the link of their welcome
 * email, or from a new link they ask for when they forgot it. Asking never tells whether
 * an account exists, nor whether it already received its share of links: the answer is
 * the same page, at once, whatever was asked (see {@link ForgottenPasswordRequests}).
 * Only a client address asking too often is told so (429).
 */
@Controller
class PasswordPages {

    private final PasswordLinks passwords;

    private final ForgottenPasswordRequests requests;

    private final RequestsPerClient clients;

    private final PasswordResetLimits limits;

    PasswordPages(PasswordLinks passwords, ForgottenPasswordRequests requests, PasswordResetLimits limits) {
        this.passwords = passwords;
        this.requests = requests;
        this.limits = limits;
        this.clients = new RequestsPerClient(limits.requestsPerClient(), limits.clientWindow());
    }

    @GetMapping("/mot-de-passe")
    String form(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("userId", passwords.accountOf(token));
        }
        catch (InvalidInputException unusable) {
            model.addAttribute("error", unusable.getMessage());
        }
        return "password/choose";
    }

    @PostMapping("/mot-de-passe")
    String choose(@RequestParam("jeton") String token, @RequestParam("motDePasse") String password,
            @RequestParam("confirmation") String confirmation, Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("userId", passwords.choose(token, password, confirmation));
            return "password/chosen";
        }
        catch (InvalidInputException refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("userId", safeAccountOf(token));
            return "password/choose";
        }
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgotten() {
        return "password/forgotten";
    }

    @PostMapping("/mot-de-passe-oublie")
    String sendLink(@RequestParam("identifiant") String identifier, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!clients.allow(request.getRemoteAddr())) {
            long minutes = Math.max(1, limits.clientWindow().toMinutes());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limits.clientWindow().toSeconds()));
            model.addAttribute("error", "Trop de demandes de lien depuis votre connexion : réessayez dans " + minutes
                    + " minutes. Si vous avez déjà demandé un lien, regardez aussi dans vos courriers indésirables.");
            return "password/forgotten";
        }
        // Handed over, not looked at here: the page answers the same, as fast, whether
        // the account exists,
        // whether it may have another link now, and whether mail works.
        requests.accept(identifier.trim());
        model.addAttribute("sent", true);
        return "password/forgotten";
    }

    private String safeAccountOf(String token) {
        try {
            return passwords.accountOf(token);
        }
        catch (InvalidInputException unusable) {
            return null;
        }
    }

}
