package fr.catalyse.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one partnership of the test territory "alpha" through the real model with valid
 * form values, step by step, so that each test only spells out the step it is about.
 */
public class PartnershipScenario {

    public static final String CATALYST = "cat.alpha";

    public static final String ASSOCIATION = "asso-alpha";

    public static final String COMPANY = "entreprise-alpha";

    private final ProcessEngine engine;

    private final TaskService tasks;

    private final AccessDirectory access;

    private final String territory;

    private final String catalyst;

    private final String association;

    private final String company;

    private ProcessInstance instance;

    /** A small real PDF: the signed convention each signatory attaches. */
    public static final byte[] SIGNED_AGREEMENT = ("%PDF-1.4\n% Convention de partenariat signée\n1 0 obj << /Type /Catalog >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    public PartnershipScenario(ProcessEngine engine, AccessDirectory access) {
        this(engine, access, "alpha", CATALYST, ASSOCIATION, COMPANY);
    }

    /**
     * The same steps in another territory, with its catalyst and its two candidate
     * organisations (codes).
     */
    public PartnershipScenario(ProcessEngine engine, AccessDirectory access, String territory, String catalyst,
            String association, String company) {
        this.engine = engine;
        this.access = access;
        this.tasks = engine.getTaskService();
        this.territory = territory;
        this.catalyst = catalyst;
        this.association = association;
        this.company = company;
    }

    public ProcessInstance instance() {
        return instance;
    }

    public String id() {
        return instance.getId();
    }

    /** Follows a partnership started elsewhere (e.g. by another catalyst). */
    public PartnershipScenario attach(String processInstanceId) {
        instance = engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
        return this;
    }

    public PartnershipScenario start(String name) {
        return start(name, "innovation-societale");
    }

    public PartnershipScenario start(String name, String kind) {
        Map<String, Object> start = startValues(name);
        start.put("territory", territory);
        start.put("partnershipKind", kind);
        instance = as(catalyst,
                () -> engine.getRuntimeService().startProcessInstanceByKey("partnership-lifecycle", start));
        return this;
    }

    /**
     * Starts on one deployed version of the model, e.g. a released one, instead of the
     * latest.
     */
    public PartnershipScenario startOn(String processDefinitionId, String name) {
        instance = as(CATALYST,
                () -> engine.getRuntimeService().startProcessInstanceById(processDefinitionId, startValues(name)));
        return this;
    }

    public static Map<String, Object> startValues(String name) {
        return values("partnershipName", name, "territory", "alpha", "partnershipKind", "innovation-societale",
                "objectives", json("cohesion-sociale"), "fragilities", json("mobilite", "lien-social"), "summary",
                "Des trajets partagés pour les personnes âgées isolées.");
    }

    /**
     * Runs as a user with their groups and tenants, as the REST API would authenticate
     * them.
     */
    public <T> T as(String userId, java.util.function.Supplier<T> action) {
        return access.actingAs(userId, action);
    }

    // --- tasks
    // -------------------------------------------------------------------------------

    public List<Task> tasks(String key) {
        return tasks.createTaskQuery().processInstanceId(id()).taskDefinitionKey(key).orderByTaskId().asc().list();
    }

    public Task task(String key) {
        List<Task> found = tasks(key);
        assertThat(found).as("open tasks " + key).hasSize(1);
        return found.get(0);
    }

    public Task taskFor(String key, String variable, String value) {
        return tasks(key).stream()
            .filter(task -> value.equals(tasks.getVariable(task.getId(), variable)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no task " + key + " with " + variable + "=" + value));
    }

    public PartnershipScenario complete(String key, Map<String, Object> values) {
        tasks.complete(task(key).getId(), values);
        return this;
    }

    public PartnershipScenario completeFor(String key, String variable, String value, Map<String, Object> values) {
        tasks.complete(taskFor(key, variable, value).getId(), values);
        return this;
    }

    // --- stages
    // -------------------------------------------------------------------------------

    public PartnershipScenario dialogue() {
        return diagnoseAndMeet().validateStakes("valider");
    }

    /**
     * The catalyst's part of the dialogue: diagnostic, stakeholder map, acquaintance
     * meeting; the stakes wait for the local authority.
     */
    public PartnershipScenario diagnoseAndMeet() {
        complete("Task_SharedDiagnostic", values("fragilities", json("mobilite"), "territoryAssets",
                "Un réseau associatif dense et des bénévoles.", "keyActors", "Mairie, centre social, transporteurs."));
        complete("Task_MapStakeholders", values("candidateOrganisations", json(association, company),
                "stakeholderNotes", "L'association mobilise, l'entreprise transporte."));
        complete("Task_AcquaintanceMeeting", values("meetingDate", "2027-01-15", "attendeeCount", 12, "meetingSummary",
                "Tous partagent le constat de l'isolement."));
        return this;
    }

    public PartnershipScenario validateStakes(String decision) {
        return complete("Task_ValidateSharedStakes",
                values("stakesDecision", decision, "stakesComment", "Vu en conseil."));
    }

    public PartnershipScenario stateNeeds() {
        for (String organisation : List.of(association, company)) {
            completeFor("Task_StateNeeds", "organisation", organisation, values("needs",
                    "Des véhicules adaptés et du temps.", "contribution", "Des bénévoles et un réseau de confiance."));
        }
        return this;
    }

    public PartnershipScenario propose(String... organisations) {
        return complete("Task_ProposeMatches", values("invitedOrganisations", json(organisations), "matchRationale",
                "Besoins et apports complémentaires."));
    }

    public PartnershipScenario answer(String organisation, String answer) {
        return completeFor("Task_AnswerMatch", "organisation", organisation,
                values("matchAnswer", answer, "matchComment", "Avec plaisir."));
    }

    /**
     * Dialogue, then both candidates state needs, both are invited, the association
     * accepts, the company declines.
     */
    public PartnershipScenario throughMatchmaking() {
        return dialogue().stateNeeds()
            .propose(association, company)
            .answer(association, "accepter")
            .answer(company, "decliner");
    }

    public PartnershipScenario frame(int durationMonths) {
        return complete("Task_FrameExperiment",
                values("solutions", "Un service de transport solidaire à la demande.", "valueChain",
                        "L'association recrute, la mairie coordonne.", "economicModel",
                        "Subvention et participation des usagers.", "governance", "Un comité mensuel des partenaires.",
                        "budget", 45000, "durationMonths", durationMonths, "experimentStart", "2027-03-01"));
    }

    public PartnershipScenario indicators() {
        Map<String, Object> indicator = new HashMap<>(values("indicatorName", "Trajets réalisés", "indicatorUnit",
                "trajets", "indicatorTarget", 200, "indicatorCollector", association));
        return complete("Task_DefineIndicators", values("indicators", FormValues.json(List.of(indicator))));
    }

    public PartnershipScenario fund(String decision) {
        return fundAt("Task_FundingDecision", decision);
    }

    /**
     * The funder's decision at a task of another id, e.g. in a later version of the model
     * that renamed it.
     */
    public PartnershipScenario fundAt(String taskKey, String decision) {
        return complete(taskKey,
                values("fundingDecision", decision, "fundingAmount", 40000, "fundingComment", "Projet pertinent."));
    }

    public PartnershipScenario signAll() {
        fr.catalyse.documents.DocumentLibrary documents = fr.catalyse.EngineContext.bean(engine,
                fr.catalyse.documents.DocumentLibrary.class);
        for (Task signature : tasks("Task_SignAgreement")) {
            // The signature is the signed convention, attached by a member of the
            // signatory's group.
            String signatory = tasks.getIdentityLinksForTask(signature.getId())
                .stream()
                .filter(link -> link.getGroupId() != null)
                .map(link -> engine.getIdentityService().createUserQuery().memberOfGroup(link.getGroupId()).list())
                .filter(members -> !members.isEmpty())
                .map(members -> members.get(0).getId())
                .findFirst()
                .orElse("prog.test");
            documents.attachAs(signatory, signature.getId(), "convention-signee.pdf", SIGNED_AGREEMENT);
            tasks.complete(signature.getId(), values("agreementSigned", true, "signatoryName", "Direction générale"));
        }
        return this;
    }

    /**
     * Through matchmaking, then framing, indicators, funding granted and every signature.
     */
    public PartnershipScenario throughDesign(int durationMonths) {
        return throughMatchmaking().frame(durationMonths).indicators().fund("accorde").signAll();
    }

    public PartnershipScenario planSupport() {
        return complete("Task_SupportPlan", values("supportPlan", "Un point mensuel et une formation des bénévoles."));
    }

    /**
     * The month's follow-up: each collecting partner enters every indicator's value, the
     * catalyst logs the actions.
     */
    public PartnershipScenario followUpMonth(int value) {
        for (Task sheet : tasks("Task_EnterIndicators")) {
            List<Map<String, Object>> lines = FormValues.entries(tasks.getVariable(sheet.getId(), "measurements"));
            lines.forEach(line -> line.put("value", value));
            tasks.complete(sheet.getId(), values("measurements", FormValues.json(lines)));
        }
        return complete("Task_LogSupportActions",
                values("supportActions", "Formation de dix bénévoles.", "partnershipHealth", "bonne"));
    }

    public PartnershipScenario steer() {
        return complete("Task_SteeringMeeting",
                values("steeringDate", "2027-06-01", "steeringMinutes", "Bilan trimestriel positif."));
    }

    /**
     * The partner organisation asks for a mediation, and the catalyst conducts it with
     * that outcome (resolue, retrait).
     */
    public PartnershipScenario mediate(String organisation, String outcome) {
        completeFor("Task_RequestMediation", "partner", organisation,
                values("mediationReason", "Désaccord sur les horaires."));
        return complete("Task_Mediation",
                values("mediationSummary", "Réunion tenue, horaires revus.", "mediationOutcome", outcome));
    }

    public PartnershipScenario evaluateByPartners() {
        for (Task view : tasks("Task_PartnerEvaluation")) {
            tasks.complete(view.getId(), values("productRating", 4, "balanceRating", 5, "recognitionRating", 3,
                    "impactAxes", json("confiance"), "evaluationComment", "Une belle dynamique."));
        }
        return this;
    }

    public PartnershipScenario decide(String decision, String spreadTerritory) {
        Map<String, Object> decided = values("evaluationSynthesis",
                "Les trajets ont dépassé la cible, la relation est solide.", "approaches", json("performance", "sens"),
                "evaluationDecision", decision);
        if (spreadTerritory != null) {
            decided.put("spreadTerritory", spreadTerritory);
        }
        return complete("Task_EvaluationDecision", decided);
    }

    // --- time
    // ---------------------------------------------------------------------------------

    /** Moves the engine clock to the job's due date (plus a minute) and runs it. */
    public PartnershipScenario fire(Job job) {
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(job.getId());
        return this;
    }

    public Job timer(String activityId) {
        List<Job> timers = engine.getManagementService()
            .createJobQuery()
            .processInstanceId(id())
            .activityId(activityId)
            .timers()
            .list()
            .stream()
            .filter(job -> !isReminder(job))
            .toList();
        assertThat(timers).as("timers of " + activityId).hasSize(1);
        return timers.get(0);
    }

    public List<Job> asyncJobs() {
        ManagementService management = engine.getManagementService();
        return management.createJobQuery().processInstanceId(id()).messages().list();
    }

    public PartnershipScenario runAsyncJobs() {
        asyncJobs().forEach(job -> engine.getManagementService().executeJob(job.getId()));
        return this;
    }

    /**
     * The task's pending reminder: there is one at a time, each reminder sent schedules
     * the next.
     */
    public Job reminder(String taskKey) {
        String prefix = task(taskKey).getId() + "|";
        List<Job> pending = engine.getManagementService()
            .createJobQuery()
            .processInstanceId(id())
            .list()
            .stream()
            .filter(PartnershipScenario::isReminder)
            .filter(job -> configuration(job).startsWith(prefix))
            .filter(job -> !reminderStep(job).startsWith("ASSIGNMENT"))
            .toList();
        assertThat(pending).as("pending reminders of " + taskKey).hasSize(1);
        return pending.get(0);
    }

    /**
     * Sends the task's reminders one after the other, up to and including the first of
     * the step (e.g. "OVERDUE").
     */
    public PartnershipScenario remindUntil(String taskKey, String step) {
        Job sent;
        do {
            sent = reminder(taskKey);
            fire(sent);
        }
        while (!reminderStep(sent).startsWith(step + "|"));
        return this;
    }

    /** A reminder job's step and repetition, e.g. "OVERDUE|2". */
    public static String reminderStep(Job job) {
        String[] parts = configuration(job).split("\\|");
        return parts[1] + "|" + parts[2];
    }

    private static String configuration(Job job) {
        return ((JobEntity) job).getJobHandlerConfigurationRaw();
    }

    public static boolean isReminder(Job job) {
        return "catalyse-task-reminder".equals(((JobEntity) job).getJobHandlerType());
    }

    // --- values
    // -------------------------------------------------------------------------------

    public static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    public static Object json(String... values) {
        return FormValues.json(new ArrayList<>(List.of(values)));
    }

}
