package fr.catalyse.notification;

import fr.catalyse.access.Role;
import fr.catalyse.platform.CatalyseProperties;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Tells the programme team that something needs its attention, each member once per alert. */
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

  /**
   * @param key identifies the alert: the same key is sent to each member at most once
   * @param message what happened, in French, one or two sentences
   */
  public void alert(String key, String subject, String message, String territory, String processInstanceId) {
    for (Recipient member : people.members(Role.PROGRAMME_TEAM.groupId())) {
      Map<String, Object> model = new HashMap<>();
      model.put("recipient", member.name());
      model.put("message", message);
      model.put("cockpit", application.link("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId));
      mailer.deliver(new Email("alert:" + key + ":" + member.userId(), NotificationKind.ALERT, member, subject,
          templates.render("programme-alert", model), territory, processInstanceId, null));
    }
  }
}
