package fr.catalyse.notification;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.catalyse.access.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /preferences, linked from every email's footer: the reader (signed in through the login
 * form or Tasklist, see fr.catalyse.access.SignedInPages) chooses for each kind of email:
 * immediately, in the weekly digest, or never. Posts from other sites are refused before
 * they get here (CrossSiteProtection).
 */
@Controller
class PreferencesPage {

    private final Caller caller;

    private final Preferences preferences;

    PreferencesPage(Caller caller, Preferences preferences) {
        this.caller = caller;
        this.preferences = preferences;
    }

    @GetMapping("/preferences")
    String show(Model model) {
        return page(model, false);
    }

    @PostMapping("/preferences")
    String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        String userId = caller.userId();
        // The same reading as the API: a mode the page never offers (a tampered form) is
        // named in French.
        ObjectNode choices = JsonNodeFactory.instance.objectNode();
        for (PreferenceKind kind : PreferenceKind.values()) {
            if (form.containsKey(kind.name())) {
                choices.put(kind.name(), form.get(kind.name()));
            }
        }
        try {
            Map<PreferenceKind, DeliveryMode> chosen = NotificationApi.parse(choices);
            caller.asSystem(() -> preferences.choose(userId, chosen));
        }
        catch (fr.catalyse.platform.InvalidInputException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refused.getMessage());
            return page(model, false);
        }
        return page(model, true);
    }

    private String page(Model model, boolean saved) {
        String userId = caller.userId();
        model.addAttribute("userId", userId);
        model.addAttribute("choices", caller.asSystem(() -> preferences.of(userId)));
        model.addAttribute("kinds", PreferenceKind.values());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("saved", saved);
        return "preferences";
    }

}
