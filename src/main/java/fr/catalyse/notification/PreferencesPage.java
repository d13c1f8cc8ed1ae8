package fr.catalyse.notification;

import fr.catalyse.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * /preferences, linked from every email's footer: the reader (signed in with their Catalyse account)
 * chooses for each kind of email: immediately, in the weekly digest, or never.
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
  String save(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
    sameOrigin(request);
    String userId = caller.userId();
    Map<PreferenceKind, DeliveryMode> choices = new EnumMap<>(PreferenceKind.class);
    for (PreferenceKind kind : PreferenceKind.values()) {
      if (form.containsKey(kind.name())) {
        choices.put(kind, DeliveryMode.valueOf(form.get(kind.name())));
      }
    }
    try {
      caller.asSystem(() -> preferences.choose(userId, choices));
    } catch (fr.catalyse.platform.InvalidInputException refused) {
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

  /** The form is sent with the browser's stored credentials: only from Catalyse's own pages. */
  private static void sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin") != null ? request.getHeader("Origin") : request.getHeader("Referer");
    if (origin == null || !URI.create(origin).getHost().equalsIgnoreCase(request.getServerName())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Formulaire envoyé depuis une autre origine");
    }
  }
}
