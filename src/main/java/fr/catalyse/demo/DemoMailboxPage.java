package fr.catalyse.demo;

import com.icegreen.greenmail.util.GreenMail;
import fr.catalyse.access.Caller;
import fr.catalyse.access.Role;
import jakarta.mail.MessagingException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /boite-de-reception: the emails caught by the demo SMTP server, newest first,
 * optionally for one address. They hold every password link, so only the programme team
 * (and the operator) may read them, signed in through the login form
 * (fr.catalyse.access.SignedInPages).
 */
@Controller
@ConditionalOnProperty("catalyse.demo.mailbox.enabled")
class DemoMailboxPage {

    private final GreenMail server;

    private final Caller caller;

    DemoMailboxPage(GreenMail server, Caller caller) {
        this.server = server;
        this.caller = caller;
    }

    @GetMapping("/boite-de-reception")
    String mailbox(@RequestParam(name = "destinataire", required = false) String recipient, Model model)
            throws MessagingException {
        caller.requireRole(Role.PROGRAMME_TEAM);
        String filter = recipient == null ? "" : recipient.trim().toLowerCase();
        model.addAttribute("recipient", filter);
        model.addAttribute("mails",
                DemoMailbox.Mail.newestFirst(server)
                    .stream()
                    .filter(mail -> mail.to().toLowerCase().contains(filter))
                    .toList());
        return "demo/boite-de-reception";
    }

}
