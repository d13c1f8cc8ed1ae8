package fr.catalyse.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Convocations carry a calendar invitation: a moved session updates it (same UID, next
 * SEQUENCE), a cancelled session withdraws it (METHOD:CANCEL) and the cohort goes on
 * without it.
 */
class SessionInvitationsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    CohortRepository cohorts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anInvitationIsSentThenUpdatedThenCancelled() throws Exception {
        BpmnAwareTests.init(engine);
        registerTestDirectory();
        String name = "Agenda " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = LocalDate.now(fr.catalyse.platform.Deadlines.ZONE);
        ProcessInstance cohort = CohortScenario.launch(engine, access, name, start);
        long cohortId = cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow().getId();
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(cohort.getId(), task -> CohortScenario.p01Only(engine, task),
                () -> engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(cohort.getId())
                    .activityId("Timer_SessionDay")
                    .count() == 1);

        VEvent first = invitation(name, "Convocation :");
        assertThat(first.getProperty(Property.UID).orElseThrow().getValue())
            .isEqualTo("session-s1-cohorte-" + cohortId + "@catalyse");
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().toString()).contains("TZID=Europe/Paris",
                start.plusDays(30).toString().replace("-", "") + "T093000");
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Lyon, Hôtel de région");
        assertThat(method(name, "Convocation :")).isEqualTo("REQUEST");

        LocalDate moved = start.plusDays(33);
        assertThat(rest().as("prog.test")
            .put("/api/cohortes/" + cohortId + "/sessions/S1", java.util.Map.of("date", moved.toString()))
            .status()).isEqualTo(200);
        runNoticeJobs(cohort);
        VEvent update = invitation(name, "Nouvelle date — convocation :");
        assertThat(update.getProperty(Property.UID).orElseThrow().getValue())
            .isEqualTo(first.getProperty(Property.UID).orElseThrow().getValue());
        assertThat(update.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(update.getProperty(Property.DTSTART).orElseThrow().toString())
            .contains(moved.toString().replace("-", "") + "T093000");

        assertThat(rest().as("prog.test")
            .post("/api/cohortes/" + cohortId + "/sessions/S1/annulation", java.util.Map.of())
            .status()).isEqualTo(200);
        runNoticeJobs(cohort);
        VEvent cancel = invitation(name, "Annulation :");
        assertThat(cancel.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancel.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(method(name, "Annulation :")).isEqualTo("CANCEL");

        driver.run(cohort.getId(), task -> null, () -> driver.waitsAt(cohort.getId(), "Task_PrepareSession"));
        assertThat(cohort).hasPassed("EndEvent_SessionCancelledLate").hasNotPassed("Task_RecordSession");
        assertThat(engine.getRuntimeService()
            .getVariable(engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(cohort.getId())
                .taskDefinitionKey("Task_PrepareSession")
                .singleResult()
                .getExecutionId(), "session"))
            .isEqualTo("S2");
        assertThat(rest().as("prog.test")
            .post("/api/cohortes/" + cohortId + "/sessions/S1/annulation", java.util.Map.of())
            .json()
            .get("message")
            .asText()).isEqualTo("La session S1 a déjà eu lieu ou est déjà annulée.");
    }

    private void runNoticeJobs(ProcessInstance cohort) {
        engine.getManagementService()
            .createJobQuery()
            .processInstanceId(cohort.getId())
            .list()
            .stream()
            .filter(job -> "catalyse-notice"
                .equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerType()))
            .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    /**
     * The invitation sent with that subject: once to each of the binôme's two catalysts.
     */
    private VEvent invitation(String cohortName, String subjectStart) throws Exception {
        List<Calendar> calendars = calendars(cohortName, subjectStart);
        assertThat(calendars).as(subjectStart).hasSize(2);
        return (VEvent) calendars.get(0).getComponent(VEvent.VEVENT).orElseThrow();
    }

    private String method(String cohortName, String subjectStart) throws Exception {
        return calendars(cohortName, subjectStart).get(0).getProperty(Property.METHOD).orElseThrow().getValue();
    }

    private List<Calendar> calendars(String cohortName, String subjectStart) throws Exception {
        List<Calendar> found = new ArrayList<>();
        for (MimeMessage message : Arrays.stream(smtp.getReceivedMessages()).toList()) {
            if (message.getSubject().startsWith(subjectStart)
                    && fr.catalyse.notification.Mailbox.read(message).body().contains(cohortName)) {
                Part ics = attachment(message);
                try (InputStream in = ics.getInputStream()) {
                    found.add(new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8)));
                }
            }
        }
        return found;
    }

    private static Part attachment(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = attachment(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.getFileName() != null && part.getFileName().endsWith(".ics") ? part : null;
    }

}
