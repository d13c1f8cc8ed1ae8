package fr.catalyse.territory;

import fr.catalyse.access.EmailChanges;
import fr.catalyse.platform.InvalidInputException;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the links a change of address sends: to confirm the new address (from the
 * new address's email), or to cancel the change (from the old one's). Opening a link
 * changes nothing; its page asks, and the button does it: mail scanners that open every
 * link of an email decide nothing.
 */
@Controller
class EmailChangePages {

    private final EmailChanges changes;

    EmailChangePages(EmailChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/adresse-email")
    String confirmation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        return show(token, model, changes::toConfirm, "email/confirm");
    }

    @PostMapping("/adresse-email")
    String confirm(@RequestParam("jeton") String token, Model model) {
        return act(token, model, changes::confirm, "email/confirmed", "email/confirm");
    }

    @GetMapping("/adresse-email/annuler")
    String cancellation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        return show(token, model, changes::toCancel, "email/cancel");
    }

    @PostMapping("/adresse-email/annuler")
    String cancel(@RequestParam("jeton") String token, Model model) {
        return act(token, model, changes::cancel, "email/cancelled", "email/cancel");
    }

    private static String show(String token, Model model, Function<String, EmailChanges.Request> request, String page) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("request", request.apply(token));
        }
        catch (InvalidInputException unusable) {
            model.addAttribute("error", unusable.getMessage());
        }
        return page;
    }

    private static String act(String token, Model model, Function<String, EmailChanges.Request> action, String done,
            String refused) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("request", action.apply(token));
            return done;
        }
        catch (InvalidInputException unusable) {
            model.addAttribute("error", unusable.getMessage());
            return refused;
        }
    }

}
