package fr.catalyse.forms;

import static fr.catalyse.partnership.PartnershipScenario.json;
import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.partnership.PartnershipScenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rules written in the .form files hold over REST too: a completion or a start with
 * missing or invalid values answers 400 with a French message naming the field, and
 * changes nothing.
 */
class FormRulesIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    fr.catalyse.access.AccessDirectory access;

    PartnershipScenario scenario;

    @BeforeEach
    void aPartnershipWaitingForItsDiagnostic() {
        registerTestDirectory();
        scenario = new PartnershipScenario(engine, access).start("Règles des formulaires");
    }

    @ParameterizedTest
    @ValueSource(strings = { "complete", "submit-form" })
    void aMissingRequiredFieldIsRefusedAndTheTaskStaysOpen(String endpoint) {
        String task = scenario.task("Task_SharedDiagnostic").getId();

        var response = finish(task, endpoint, Map.of("fragilities", jsonVariable("[\"emploi\"]"), "keyActors",
                text("La mairie et les associations.")));

        assertRefused(response, "Le champ « Atouts du territoire » est obligatoire.");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(scenario.id(), "keyActors")).isNull();
    }

    @Test
    void aTooShortOrTooLongTextIsRefused() {
        String task = scenario.task("Task_SharedDiagnostic").getId();
        Map<String, Object> values = new LinkedHashMap<>(Map.of("fragilities", jsonVariable("[\"emploi\"]"),
                "keyActors", text("La mairie."), "territoryAssets", text("Peu")));
        assertRefused(finish(task, "complete", values),
                "Le champ « Atouts du territoire » doit contenir au moins 20 caractères.");

        values.put("territoryAssets", text("x".repeat(4001)));
        assertRefused(finish(task, "complete", values),
                "Le champ « Atouts du territoire » doit contenir au plus 4000 caractères.");
    }

    @Test
    void aValueOutsideTheFormsChoicesIsRefused() {
        String task = scenario.task("Task_SharedDiagnostic").getId();
        var response = finish(task, "complete", Map.of("fragilities", jsonVariable("[\"emploi\", \"pauvrete\"]"),
                "keyActors", text("La mairie."), "territoryAssets", text("Un tissu associatif très dense.")));
        assertRefused(response,
                "Le champ « Fragilités du territoire à traiter » ne propose pas la valeur « pauvrete ».");
    }

    @Test
    void aChoiceMustBeOneOfTheOptionsGivenByTheProcess() {
        scenario.complete("Task_SharedDiagnostic", values("fragilities", json("emploi"), "territoryAssets",
                "Un tissu associatif très dense.", "keyActors", "La mairie."));
        String task = scenario.task("Task_MapStakeholders").getId();

        var response = finish(task, "complete", Map.of("candidateOrganisations", jsonVariable("[\"asso-beta\"]")));

        assertRefused(response, "Le champ « Organisations à associer » ne propose pas la valeur « asso-beta ».");
    }

    @Test
    void aNumberOutOfRangeAndAMalformedDateAreRefused() {
        scenario.complete("Task_SharedDiagnostic", values("fragilities", json("emploi"), "territoryAssets",
                "Un tissu associatif très dense.", "keyActors", "La mairie."));
        scenario.complete("Task_MapStakeholders", values("candidateOrganisations", json("asso-alpha")));
        String task = scenario.task("Task_AcquaintanceMeeting").getId();

        var response = finish(task, "complete", Map.of("meetingDate", text("15/01/2027"), "attendeeCount",
                Map.of("value", 1, "type", "Long"), "meetingSummary", text("Une rencontre riche et utile.")));

        assertRefused(response, "Le champ « Date de la rencontre » doit être une date (AAAA-MM-JJ).");
        assertThat(response.json().get("message").asText())
            .contains("Le champ « Nombre de participants » doit être compris entre 2 et 500.");
    }

    @Test
    void everyEntryOfADynamicListIsChecked() {
        scenario.throughMatchmaking().frame(6);
        String task = scenario.task("Task_DefineIndicators").getId();

        var response = finish(task, "complete", Map.of("indicators", jsonVariable(
                "[{\"indicatorName\": \"Trajets\", \"indicatorTarget\": 10, \"indicatorCollector\": \"asso-alpha\"}]")));

        assertRefused(response, "Le champ « Unité » (Indicateurs, ligne 1) est obligatoire.");
    }

    @Test
    void aStartFormValueOutsideItsChoicesIsRefusedAndNothingStarts() {
        long before = engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("partnership-lifecycle")
            .count();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("partnershipName", text("Un nom valable"));
        variables.put("territory", text("Alpha Sud"));
        variables.put("partnershipKind", text("mecenat"));
        variables.put("objectives", jsonVariable("[\"attractivite\"]"));
        variables.put("fragilities", jsonVariable("[\"emploi\"]"));

        // As the programme team, who may start in any territory: the form's own choices
        // refuse this one.
        var response = rest().as("prog.test")
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start", Map.of("variables", variables));

        assertRefused(response, "Le champ « Territoire » ne propose pas la valeur « Alpha Sud ».");
        assertThat(engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("partnership-lifecycle")
            .count()).isEqualTo(before);
    }

    private RestCalls.Response finish(String task, String endpoint, Map<String, Object> variables) {
        return rest().as("cat.alpha")
            .post("/engine-rest/task/" + task + "/" + endpoint, Map.of("variables", variables));
    }

    private static void assertRefused(RestCalls.Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("InvalidInputException");
        assertThat(response.json().get("message").asText()).startsWith("Formulaire incomplet ou invalide")
            .contains(message);
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> jsonVariable(String value) {
        return Map.of("value", value, "type", "Json");
    }

}
