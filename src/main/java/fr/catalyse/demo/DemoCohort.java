package fr.catalyse.demo;

import fr.catalyse.access.Role;
import fr.catalyse.documents.DocumentLibrary;
import fr.catalyse.forms.FormValues;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.platform.Seeder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A cohort of the twelve demo territories, started five months ago and played through the
 * real model up to its second session: S1's deliverables are all in, four territories are
 * late with S2. Two governance dialogues run beside it.
 */
@Component
@Order(120)
@ConditionalOnProperty("catalyse.demo.enabled")
class DemoCohort implements Seeder {

    static final String NAME = "Territoires pilotes 2026";
    static final List<String> LATE_WITH_S2 = List.of("dunkerque", "redon", "tarn", "cote-ouest");

    /**
     * Territories whose S1 deliverable comes with its file, as a participant would attach
     * it in Tasklist.
     */
    static final List<String> WITH_FILES = List.of("nantes", "figeac", "redon");

    private final DemoPlayer player;

    private final DocumentLibrary documents;

    private final IdentityService identity;

    DemoCohort(DemoPlayer player, DocumentLibrary documents, IdentityService identity) {
        this.player = player;
        this.documents = documents;
        this.identity = identity;
    }

    @Override
    public void seed() {
        if (player.played("Cohorte " + NAME)) {
            return;
        }
        LocalDate start = EngineClock.today().minusDays(150);
        String cohort = player.start("camille.lefebvre", "pilot-pathway",
                Map.of("cohortName", NAME, "startDate", start.toString(), "targetTerritories", 12L,
                        "applicationDeadline", start.plusDays(14).toString(), "sessionS1",
                        start.plusDays(30).toString(), "sessionS2", start.plusDays(75).toString(), "sessionW",
                        start.plusDays(120).toString(), "sessionS3", start.plusDays(180).toString(), "sessionS4",
                        start.plusDays(240).toString()));

        player.complete(cohort, "Task_Apply", task -> {
            List<String> binome = FormValues.entries(player.variable(task, "territoryCatalysts"))
                .stream()
                .map(option -> option.get("value").toString())
                .toList();
            return Map.of("applying", "oui", "catalystOne", binome.get(0), "catalystTwo", binome.get(1), "motivation",
                    "Structurer les alliances de notre territoire avec les autres pionniers.");
        });
        player.complete(cohort, "Task_ReviewApplications",
                task -> Map.of("selectedTerritories",
                        FormValues.json(FormValues.entries(player.variable(task, "applicantOptions"))
                            .stream()
                            .map(option -> option.get("value"))
                            .toList())));
        player.complete(cohort, "Task_ValidateSelection", task -> Map.of("selectionDecision", "valider"));
        player.runJobs(cohort, "Task_NotifySelection");
        for (String session : List.of("S1", "S2")) {
            player.complete(cohort, "Task_PrepareSession",
                    task -> Map.of("sessionPlace", "Paris, Maison des associations", "sessionAgenda",
                            "Plénière, ateliers entre pairs, retours d'expérience."));
            player.runJobs(cohort, "Task_SendConvocations");
            player.runJobs(cohort, "Timer_SessionDay");
            player.complete(cohort, "Task_RecordSession", task -> {
                if ("S1".equals(session)) {
                    documents.attachAs("camille.lefebvre", task.getId(), "compte-rendu-S1.pdf",
                            DemoFiles.pdf("Compte rendu de la session S1", "Tous les binômes étaient présents.",
                                    "Atelier bilan : chaque territoire a présenté ses premiers constats."));
                }
                return Map.of("attendance", player.variable(task, "selectedTerritories"), "sessionMinutes",
                        "Tous les binômes étaient présents ; échanges nourris sur les premiers constats.");
            });
            player.completeBeforeDue(cohort, "Task_SubmitDeliverable", Duration.ofDays(2), task -> {
                String territory = (String) player.variable(task, ProcessVariables.TERRITORY);
                if ("S2".equals(session) && LATE_WITH_S2.contains(territory)) {
                    return null;
                }
                if ("S1".equals(session) && WITH_FILES.contains(territory)) {
                    documents.attachAs(catalystOf(territory), task.getId(), "bilan-initial-" + territory + ".pdf",
                            DemoFiles.pdf("Bilan initial — " + territory,
                                    "Constats : des acteurs nombreux, peu de lieux pour se rencontrer.",
                                    "Acteurs mobilisés : la collectivité, deux associations, une entreprise.",
                                    "Suites : un atelier de diagnostic partagé."));
                }
                return Map.of("deliverableSummary",
                        "Constats, acteurs mobilisés, premières actions et suites envisagées.");
            });
            if ("S1".equals(session)) {
                player.complete(cohort, "Task_CapitaliseSession", task -> Map.of("sessionLessons",
                        "Les territoires partagent le besoin d'un tiers de confiance pour réunir les acteurs."));
            }
        }
        dialogue("nantes", "Gouvernance des alliances de Nantes Métropole", true);
        dialogue("figeac", "Gouvernance des alliances du Grand-Figeac", false);
    }

    private String catalystOf(String territory) {
        return identity.createUserQuery()
            .memberOfGroup(Role.CATALYST.groupIn(territory))
            .orderByUserId()
            .asc()
            .list()
            .get(0)
            .getId();
    }

    private void dialogue(String territory, String subject, boolean interviewed) {
        String dialogue = player.start("camille.lefebvre", "governance-dialogue",
                Map.of(ProcessVariables.TERRITORY, territory, "dialogueSubject", subject));
        if (interviewed) {
            player.complete(dialogue, "Task_InitialInterview", task -> Map.of("interviewNotes",
                    "Des attentes fortes sur la coordination des acteurs et la place des entreprises."));
        }
    }

}
