package fr.catalyse.pathway;

import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Session dates are cohort data: the programme team moves one while the cohort runs, and
 * its timer follows.
 */
class CohortCalendarIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    CohortRepository cohorts;

    @Autowired
    PathwayLedger ledger;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void movingASessionMovesItsTimerAndTheLaterSessionsKeepTheirNewDates() {
        registerTestDirectory();
        LocalDate start = LocalDate.now(fr.catalyse.platform.Deadlines.ZONE);
        ProcessInstance cohort = CohortScenario.launch(engine, access, "Calendrier mobile", start);
        long cohortId = cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow().getId();
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(cohort.getId(), task -> CohortScenario.p01Only(engine, task), () -> sessionTimer(cohort) != null);

        LocalDate moved = start.plusDays(37);
        var response = rest().as("prog.test")
            .put("/api/cohortes/" + cohortId + "/sessions/S1", Map.of("date", moved.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(sessionTimer(cohort).getDuedate()).isEqualTo(ledger.at(moved));

        LocalDate s3 = start.plusDays(200);
        assertThat(rest().as("prog.test")
            .put("/api/cohortes/" + cohortId + "/sessions/S3", Map.of("date", s3.toString()))
            .status()).isEqualTo(200);
        assertThat(rest().as("cat1.p01")
            .put("/api/cohortes/" + cohortId + "/sessions/S3", Map.of("date", s3.toString()))
            .status()).isEqualTo(403);
        assertThat(rest().put("/api/cohortes/" + cohortId + "/sessions/S3", Map.of("date", s3.toString())).status())
            .isEqualTo(401);
        var invalid = rest().as("prog.test")
            .put("/api/cohortes/" + cohortId + "/sessions/S3", Map.of("date", "12/03/2027"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText())
            .isEqualTo("« date » doit être une date au format AAAA-MM-JJ.");

        driver.run(cohort.getId(), task -> switch (task.getTaskDefinitionKey()) {
            case "Task_PrepareSession" -> values("sessionPlace", "Lyon", "sessionAgenda", "Atelier et retours.");
            case "Task_RecordSession" -> values("sessionMinutes", "Une session riche en échanges.");
            case "Task_SubmitDeliverable" -> values("deliverableSummary", "Notre livrable de session, complet.");
            case "Task_CapitaliseSession" -> values("sessionLessons", "Les enseignements de la session.");
            case "Task_MonthlySupport" -> values("supportProgress", "Tout avance bien ici.");
            default -> null;
        }, () -> sessionTimer(cohort) != null && "S3"
            .equals(engine.getRuntimeService().getVariable(sessionTimer(cohort).getExecutionId(), "session")));
        assertThat(sessionTimer(cohort).getDuedate()).isEqualTo(ledger.at(s3));
    }

    private Job sessionTimer(ProcessInstance cohort) {
        return engine.getManagementService()
            .createJobQuery()
            .processInstanceId(cohort.getId())
            .activityId("Timer_SessionDay")
            .singleResult();
    }

}
