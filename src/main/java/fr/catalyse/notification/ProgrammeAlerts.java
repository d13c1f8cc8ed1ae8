package fr.catalyse.notification;

import fr.catalyse.access.Role;
import fr.catalyse.platform.CatalyseProperties;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Tells the programme team (and, when it must decide, the steering committee) that something needs attention. */
@Service
public class ProgrammeAlerts {

  private final People people;
  private final Mailer mailer;
  private final MailTemplates templates;
  private final CatalyseProperties application;

  ProgrammeAlerts(People people, Mailer mailer, MailTemplates templates, CatalyseProperties application) {
    this.people = people;
    this.mailer = mailer;
    this.templates = templates;
    this.application = application;
  }

  /** A participant's email address cannot be used: the programme team fixes it (not for alerts themselves). */
  @org.springframework.context.event.EventListener
  void undeliverable(Mailer.UndeliverableAddress undeliverable) {
    Email email = undeliverable.email();
    if (email.kind() == NotificationKind.ALERT) {
      return;
    }
    Recipient person = email.to();
    alert("invalid-address:" + person.userId() + ":" + person.email(), "Adresse e-mail inutilisable : " + person.name(),
        "Catalyse n'a pas pu écrire à " + person.name() + " (" + person.userId() + ") : l'adresse « " + person.email()
            + " » est absente ou invalide. Le message « " + email.subject() + " » n'est pas parti ; corrigez l'adresse "
            + "dans Admin ou par un nouvel import.", email.territory(), email.processInstanceId());
  }

  /**
   * @param key identifies the alert: the same key is sent to each member at most once
   * @param message what happened, in French, one or two sentences
   */
  public void alert(String key, String subject, String message, String territory, String processInstanceId) {
    alert(key, subject, message, territory, processInstanceId, List.of(Role.PROGRAMME_TEAM));
  }

  /** The same alert to every member of these roles (e.g. the programme team and the steering committee). */
  public void alert(String key, String subject, String message, String territory, String processInstanceId,
      List<Role> roles) {
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    roles.forEach(role -> people.members(role.groupId()).forEach(member -> recipients.putIfAbsent(member.userId(), member)));
    for (Recipient member : recipients.values()) {
      Map<String, Object> model = new HashMap<>();
      model.put("recipient", member.name());
      model.put("message", message);
      model.put("cockpit", application.link("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId));
      mailer.deliver(Email.always("alert:" + key + ":" + member.userId(), NotificationKind.ALERT, member, subject,
          templates.render("programme-alert", model), territory, processInstanceId));
    }
  }
}
