package fr.catalyse.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.catalyse.IntegrationTestSupport;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partnership from its launch to an evaluation decision, over HTTP, each actor with
 * their own credentials: the catalyst, the local authority, two partner organisations and
 * the funder. Only the passing of time (the end of the support period) is played on the
 * engine's clock.
 */
class PartnershipJourneyIntegrationTest extends IntegrationTestSupport {

    static final String CATALYST = "cat.alpha";
    static final String MAYOR = "elu.alpha";
    static final String ASSOCIATION = "asso.alpha";
    static final String COMPANY = "ent.alpha";
    static final String FUNDER = "fin.alpha";

    @Autowired
    ProcessEngine engine;

    @Autowired
    PartnershipRepository partnerships;

    String instance;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromLaunchToEvaluationEveryoneWorksOnTheirOwnTasks() {
        registerTestDirectory();
        var started = rest().as(CATALYST)
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    Map.of("variables",
                            vars("partnershipName", text("Jardins partagés d'Alpha"), "territory", text("alpha"),
                                    "partnershipKind", text("pratiques-responsables"), "objectives",
                                    json("[\"qualite-de-vie\"]"), "fragilities",
                                    json("[\"lien-social\", \"environnement\"]"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        instance = started.json().get("id").asText();

        work(CATALYST, "Task_SharedDiagnostic", vars("fragilities", json("[\"lien-social\"]"), "territoryAssets",
                text("Des friches disponibles et des habitants motivés."), "keyActors", text("Mairie, bailleurs.")));
        work(CATALYST, "Task_MapStakeholders",
                vars("candidateOrganisations", json("[\"asso-alpha\", \"entreprise-alpha\"]")));
        String catalystTask = engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .singleResult()
            .getId();
        assertThat(rest().as(MAYOR).post("/engine-rest/task/" + catalystTask + "/complete", Map.of()).status())
            .as("the mayor completing the catalyst's task")
            .isIn(403, 404);
        work(CATALYST, "Task_AcquaintanceMeeting", vars("meetingDate", text("2027-02-10"), "attendeeCount", number(18),
                "meetingSummary", text("Accord sur trois parcelles pilotes.")));
        assertThat(visible("cat.beta")).as("another territory's catalyst").isEmpty();
        work(MAYOR, "Task_ValidateSharedStakes", vars("stakesDecision", text("valider")));

        assertThat(visible(ASSOCIATION)).extracting(task -> task.get("taskDefinitionKey").asText())
            .containsExactly("Task_StateNeeds");
        work(ASSOCIATION, "Task_StateNeeds",
                vars("needs", text("Des terrains et des outils."), "contribution", text("Nos bénévoles jardiniers.")));
        work(COMPANY, "Task_StateNeeds", vars("needs", text("Un engagement local visible."), "contribution",
                text("Du matériel et du compost.")));
        work(CATALYST, "Task_ProposeMatches",
                vars("invitedOrganisations", json("[\"asso-alpha\", \"entreprise-alpha\"]"), "matchRationale",
                        text("Terrains contre bras, matériel contre visibilité.")));
        work(ASSOCIATION, "Task_AnswerMatch", vars("matchAnswer", text("accepter")));
        work(COMPANY, "Task_AnswerMatch", vars("matchAnswer", text("accepter")));

        work(CATALYST, "Task_FrameExperiment", vars("solutions", text("Trois jardins partagés ouverts à tous."),
                "valueChain", text("L'association anime, l'entreprise équipe."), "economicModel",
                text("Mécénat en nature et subvention."), "governance", text("Un comité de jardin trimestriel."),
                "budget", number(12000), "durationMonths", number(6), "experimentStart", text("2027-04-01")));
        work(CATALYST, "Task_DefineIndicators", vars("indicators", json(
                "[{\"indicatorName\": \"Jardiniers actifs\", \"indicatorUnit\": \"personnes\", \"indicatorTarget\": 40, "
                        + "\"indicatorCollector\": \"asso-alpha\"}]")));
        assertThat(visible(CATALYST)).extracting(task -> task.get("taskDefinitionKey").asText())
            .doesNotContain("Task_FundingDecision");
        work(FUNDER, "Task_FundingDecision", vars("fundingDecision", text("accorde"), "fundingAmount", number(10000)));
        for (String signatory : List.of(ASSOCIATION, COMPANY, MAYOR)) {
            // The signature is the signed convention, uploaded by the signatory before
            // completing their task.
            String boundary = "convention-" + signatory;
            byte[] upload = ("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"convention.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n"
                    + new String(PartnershipScenario.SIGNED_AGREEMENT, java.nio.charset.StandardCharsets.ISO_8859_1)
                    + "\r\n--" + boundary + "--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            var attached = rest().as(signatory)
                .send("/api/documents/taches/" + only(signatory, "Task_SignAgreement"),
                        "multipart/form-data; boundary=" + boundary,
                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(upload));
            assertThat(attached.status()).as(signatory + " attaches the signed convention: " + attached).isEqualTo(201);
            work(signatory, "Task_SignAgreement", vars("agreementSigned", Map.of("value", true, "type", "Boolean"),
                    "signatoryName", text("Présidence")));
        }

        work(CATALYST, "Task_SupportPlan",
                vars("supportPlan", text("Une visite par mois et un atelier de lancement.")));
        var supportOver = engine.getManagementService()
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("Timer_SupportPeriodOver")
            .singleResult();
        ClockUtil.setCurrentTime(new Date(supportOver.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(supportOver.getId());

        for (String partner : List.of(ASSOCIATION, COMPANY)) {
            work(partner, "Task_PartnerEvaluation",
                    vars("productRating", number(5), "balanceRating", number(4), "recognitionRating", number(4)));
        }
        work(CATALYST, "Task_EvaluationDecision",
                vars("evaluationSynthesis", text("Quarante jardiniers, une relation équilibrée."), "approaches",
                        json("[\"pertinence\"]"), "evaluationDecision", text("arreter")));

        assertThat(engine.getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getEndActivityId()).isEqualTo("EndEvent_PartnershipClosed");
        assertThat(partnerships.findByProcessInstanceId(instance).orElseThrow().getStage())
            .isEqualTo(PartnershipStage.CLOSED);
    }

    /**
     * The user finds the task among those they can see, claims it if it is offered to a
     * group, and completes it.
     */
    private void work(String user, String taskKey, Map<String, Object> variables) {
        String task = only(user, taskKey);
        if (engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee() == null) {
            var claimed = rest().as(user).post("/engine-rest/task/" + task + "/claim", Map.of("userId", user));
            assertThat(claimed.status()).as(user + " claims " + taskKey + ": " + claimed).isEqualTo(204);
        }
        var completed = rest().as(user).post("/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
        assertThat(completed.status()).as(user + " completes " + taskKey + ": " + completed).isEqualTo(204);
    }

    /** The id of the first open task with that key that the user can see. */
    private String only(String user, String taskKey) {
        List<JsonNode> tasks = visible(user).stream()
            .filter(task -> task.get("taskDefinitionKey").asText().equals(taskKey))
            .filter(task -> task.get("assignee").isNull() || task.get("assignee").asText().equals(user))
            .toList();
        assertThat(tasks).as(user + " sees " + taskKey).isNotEmpty();
        return tasks.get(0).get("id").asText();
    }

    private List<JsonNode> visible(String user) {
        var response = rest().as(user).get("/engine-rest/task?processInstanceId=" + instance);
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> number(long value) {
        return Map.of("value", value, "type", "Long");
    }

    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

}
