package fr.catalyse.pathway;

import fr.catalyse.access.Role;
import fr.catalyse.documents.DocumentLibrary;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.notification.Recipient;
import fr.catalyse.platform.CatalyseProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PublishFoundation: the validated socle commun is published and every participant
 * is told.
 */
@Component
class PublishFoundation implements JavaDelegate {

    private final PathwayLedger ledger;

    private final PathwayFoundation foundation;

    private final ParticipationRepository participations;

    private final People people;

    private final Notices notices;

    private final CatalyseProperties application;

    private final DocumentLibrary documents;

    PublishFoundation(PathwayLedger ledger, PathwayFoundation foundation, ParticipationRepository participations,
            People people, Notices notices, CatalyseProperties application, DocumentLibrary documents) {
        this.documents = documents;
        this.ledger = ledger;
        this.foundation = foundation;
        this.participations = participations;
        this.people = people;
        this.notices = notices;
        this.application = application;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        FoundationVersion published = foundation.latest(execution);
        published.publish(PathwayLedger.now());
        cohort.become(CohortStatus.PUBLISHED, PathwayLedger.now());
        List<Participation> selected = participations.findByCohortAndStatusOrderById(cohort,
                ParticipationStatus.SELECTED);
        // The PDF is a document of the cohort, read by every participant of it; the email
        // links to it in Catalyse.
        byte[] pdf = FoundationPdf.render(published,
                selected.stream().map(participation -> participation.getTerritory().getName()).toList(),
                PathwayLedger.now());
        String document = documents.publish(execution.getProcessInstanceId(), DocumentLibrary.FOUNDATION,
                FoundationPdf.fileName(published), pdf, "catalyse");
        Map<String, Recipient> readers = new LinkedHashMap<>();
        people.members(Role.PROGRAMME_TEAM.groupId()).forEach(member -> readers.putIfAbsent(member.userId(), member));
        for (Participation participation : selected) {
            participation.binome()
                .forEach(userId -> people.user(userId)
                    .ifPresent(reader -> readers.putIfAbsent(reader.userId(), reader)));
        }
        String subject = "Le socle commun du parcours « " + cohort.getName() + " » est publié";
        List<String> paragraphs = List.of(
                "Le comité d'orientation a validé la version " + published.getVersion() + " du socle commun : "
                        + published.getItems().size() + " constats, enseignements, convictions, besoins de formation "
                        + "et outils issus des livrables des territoires.",
                "Le socle commun en PDF, à télécharger dans Catalyse : "
                        + application.link(DocumentLibrary.pagePath(document)),
                "Merci à chaque binôme pour sa contribution.");
        readers.values()
            .forEach(reader -> notices.send("foundation-published:" + cohort.getId(), reader, subject, paragraphs,
                    application.tasklistLink(), new Notices.About(null, execution.getProcessInstanceId())));
    }

}
