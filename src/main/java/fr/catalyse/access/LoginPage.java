package fr.catalyse.access;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form of Catalyse's own pages (/connexion): the password is checked by
 * Camunda's identity service, with its login throttling, and the session is the webapps'
 * one (see {@link WebappSessions}).
 */
@Controller
class LoginPage {

    private final IdentityService identity;

    private final WebappSessions sessions;

    LoginPage(IdentityService identity, WebappSessions sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    @GetMapping(SignedInPages.LOGIN_PAGE)
    String form(@RequestParam(name = "retour", required = false) String page, Model model) {
        model.addAttribute("retour", local(page));
        return "connexion";
    }

    @PostMapping(SignedInPages.LOGIN_PAGE)
    String signIn(@RequestParam("identifiant") String userId, @RequestParam("motDePasse") String password,
            @RequestParam(name = "retour", required = false) String page, HttpServletRequest request, Model model) {
        String wanted = userId.trim();
        if (!identity.checkPassword(wanted, password)) {
            model.addAttribute("retour", local(page));
            model.addAttribute("identifiant", wanted);
            model.addAttribute("error",
                    "Identifiant ou mot de passe incorrect (après plusieurs erreurs, attendez quelques "
                            + "secondes avant de réessayer).");
            return "connexion";
        }
        sessions.signIn(request, wanted);
        return "redirect:" + local(page);
    }

    /**
     * Only a page of this site: "//elsewhere.example" or "https://…" would make the form
     * an open redirect.
     */
    private static String local(String page) {
        boolean local = page != null && page.startsWith("/") && !page.startsWith("//") && !page.startsWith("/\\");
        return local ? page : "/";
    }

}
