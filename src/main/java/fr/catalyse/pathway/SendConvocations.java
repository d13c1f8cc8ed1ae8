package fr.catalyse.pathway;

import fr.catalyse.notification.FrenchDates;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.platform.CatalyseProperties;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendConvocations: every binôme of the cohort is convened to the session, once per date (a
 * new date sends a new convocation).
 */
@Component("sendConvocations")
class SendConvocations implements JavaDelegate {

  private final PathwayLedger ledger;
  private final SessionRepository sessions;
  private final ParticipationRepository participations;
  private final People people;
  private final Notices notices;
  private final CatalyseProperties application;

  SendConvocations(PathwayLedger ledger, SessionRepository sessions, ParticipationRepository participations, People people,
      Notices notices, CatalyseProperties application) {
    this.ledger = ledger;
    this.sessions = sessions;
    this.participations = participations;
    this.people = people;
    this.notices = notices;
    this.application = application;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Cohort cohort = ledger.cohort(execution);
    CollectiveSession session = sessions.findByCohortAndCode(cohort, Read.text(execution, SessionRecords.SESSION)).orElseThrow();
    String when = FrenchDates.dayAndTime(ledger.at(session.getPlannedDate()));
    String subject = "Convocation : session " + session.getCode() + " « " + session.getTitle() + " » le " + when;
    List<String> paragraphs = List.of(
        "Vous êtes convié(e), avec votre binôme, à la session " + session.getCode() + " « " + session.getTitle()
            + " » du parcours « " + cohort.getName() + " ».",
        "Date : " + when + ". Lieu : " + (session.getPlace() == null ? "à préciser" : session.getPlace()) + ".",
        session.getAgenda() == null ? "" : "Programme : " + session.getAgenda());
    for (Participation participation : participations.findByCohortAndStatusOrderById(cohort, ParticipationStatus.SELECTED)) {
      Stream.of(participation.getCatalystOne(), participation.getCatalystTwo()).distinct()
          .forEach(userId -> people.user(userId).ifPresent(recipient -> notices.send(
              "convocation:" + cohort.getId() + ":" + session.getCode() + ":" + session.getPlannedDate(), recipient, subject,
              paragraphs, application.link("/camunda/app/tasklist/default/"),
              new Notices.About(participation.getTerritory().getCode(), execution.getProcessInstanceId()))));
    }
  }
}
