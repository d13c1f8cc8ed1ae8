package fr.catalyse.territory;

import fr.catalyse.access.PasswordLinks;
import fr.catalyse.notification.People;
import fr.catalyse.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages where participants choose their password: from the link of their welcome email, or from a
 * new link they ask for when they forgot it. Asking never tells whether an account exists.
 */
@Controller
class PasswordPages {

  private final PasswordLinks passwords;
  private final ParticipantRepository participants;
  private final People people;
  private final PasswordLinkEmails emails;

  PasswordPages(PasswordLinks passwords, ParticipantRepository participants, People people, PasswordLinkEmails emails) {
    this.passwords = passwords;
    this.participants = participants;
    this.people = people;
    this.emails = emails;
  }

  @GetMapping("/mot-de-passe")
  String form(@RequestParam(name = "jeton", required = false) String token, Model model) {
    model.addAttribute("token", token);
    try {
      model.addAttribute("userId", passwords.accountOf(token));
    } catch (InvalidInputException unusable) {
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
    } catch (InvalidInputException refused) {
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
  String sendLink(@RequestParam("identifiant") String identifier, Model model) {
    String wanted = identifier.trim();
    participants.findByUserId(wanted).or(() -> participants.findFirstByEmailIgnoreCase(wanted))
        .flatMap(participant -> people.user(participant.getUserId()))
        // Queued, not sent here: the page says the same whether the account exists and whether mail works.
        .ifPresent(recipient -> emails.queue(recipient.userId()));
    model.addAttribute("sent", true);
    return "password/forgotten";
  }

  private String safeAccountOf(String token) {
    try {
      return passwords.accountOf(token);
    } catch (InvalidInputException unusable) {
      return null;
    }
  }
}
