package fr.catalyse.partnership;

import static fr.catalyse.partnership.PartnershipScenario.ASSOCIATION;
import static fr.catalyse.partnership.PartnershipScenario.COMPANY;
import static fr.catalyse.partnership.PartnershipScenario.json;
import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.catalyse.IntegrationTestSupport;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of partnership-lifecycle: each gateway outcome, loop, timer and end event,
 * on the real engine.
 */
class PartnershipLifecycleProcessTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    fr.catalyse.access.AccessDirectory access;

    @Autowired
    PartnershipRepository partnerships;

    @Autowired
    MatchRepository matches;

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    SignatureRepository signatures;

    @Autowired
    MeasurementRepository measurements;

    @Autowired
    EvaluationRepository evaluations;

    @Autowired
    JournalRepository journal;

    PartnershipScenario scenario;

    @BeforeEach
    void engineAndTerritories() {
        BpmnAwareTests.init(engine);
        registerTestDirectory();
        scenario = new PartnershipScenario(engine, access);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Partnership record() {
        return partnerships.findByProcessInstanceId(scenario.id()).orElseThrow();
    }

    @Test
    void aCatalystStartsAPartnershipInTheirTerritory() {
        ProcessInstance instance = scenario.start("Mobilité solidaire des seniors").instance();

        assertThat(instance).isWaitingAt("Task_SharedDiagnostic").task().isAssignedTo("cat.alpha");
        assertThat(engine.getTaskService().getIdentityLinksForTask(scenario.task("Task_SharedDiagnostic").getId()))
            .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
            .contains("catalyseurs.alpha");
        assertThat(instance.getBusinessKey()).isEqualTo("alpha / Mobilité solidaire des seniors");
        assertThat(instance.getTenantId()).isEqualTo("alpha");
        assertThat(record().getStage()).isEqualTo(PartnershipStage.DIALOGUE);
        assertThat(record().getCatalystUserId()).isEqualTo("cat.alpha");
        assertThat(record().getFragilities()).isEqualTo("mobilite,lien-social");
        assertThat(scenario.task("Task_SharedDiagnostic").getDueDate()).isNotNull();
    }

    @Test
    void aCatalystCannotStartAPartnershipInAnotherTerritory() {
        var values = PartnershipScenario.startValues("Hors de mon territoire");
        values.put("territory", "beta");
        assertThatThrownBy(() -> scenario.as("cat.alpha",
                () -> engine.getRuntimeService().startProcessInstanceByKey("partnership-lifecycle", values)))
            .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
            .hasMessageContaining("vous n'êtes pas catalyseur territorial du territoire « beta »");
        assertThat(partnerships.findAll()).extracting(Partnership::getName).doesNotContain("Hors de mon territoire");
    }

    @Test
    void theLocalAuthorityCanSendTheDiagnosticBack() {
        scenario.start("Diagnostic à reprendre");
        scenario.complete("Task_SharedDiagnostic", values("fragilities", json("emploi"), "territoryAssets",
                "Peu d'atouts recensés.", "keyActors", "La mairie seule."));
        scenario.complete("Task_MapStakeholders", values("candidateOrganisations", json(ASSOCIATION)));
        scenario.complete("Task_AcquaintanceMeeting", values("meetingDate", "2027-01-15", "attendeeCount", 3,
                "meetingSummary", "Trop peu d'acteurs présents."));

        assertThat(scenario.instance()).isWaitingAt("Task_ValidateSharedStakes")
            .task()
            .hasCandidateGroup("collectivites.alpha");
        scenario.validateStakes("reprendre");

        assertThat(scenario.instance()).isWaitingAt("Task_SharedDiagnostic");
        assertThat(journal.findByPartnershipOrderById(record())).extracting(JournalEntry::getOutcome)
            .contains("reprendre");
    }

    @Test
    void theWholeLifecycleEndsBySpreadingToAnotherTerritory() {
        scenario.start("Transport solidaire").throughMatchmaking();
        assertThat(scenario.instance()).isWaitingAt("Task_FrameExperiment");
        assertThat(matches.findByPartnershipOrderById(record())).extracting(MatchProposal::getStatus)
            .containsExactlyInAnyOrder(MatchStatus.ACCEPTED, MatchStatus.DECLINED);
        assertThat(record().getStage()).isEqualTo(PartnershipStage.DESIGN);

        scenario.frame(6).indicators();
        assertThat(scenario.instance()).isWaitingAt("Task_FundingDecision")
            .task()
            .hasCandidateGroup("financeurs.alpha");
        scenario.fund("accorde");
        assertThat(scenario.tasks("Task_SignAgreement")).hasSize(2);
        scenario.signAll();
        assertThat(signatures.findAll()).extracting(AgreementSignature::getSignatoryGroup)
            .contains("organisation.asso-alpha", "collectivites.alpha");

        assertThat(scenario.instance()).isWaitingAt("Task_SupportPlan", "Task_RequestMediation");
        assertThat(record().getStage()).isEqualTo(PartnershipStage.SUPPORT);
        scenario.planSupport();

        scenario.fire(scenario.timer("StartEvent_MonthStarted"));
        assertThat(scenario.instance()).isWaitingAt("Task_EnterIndicators", "Task_LogSupportActions");
        var sheet = engine.getTaskService().getVariable(scenario.task("Task_EnterIndicators").getId(), "measurements");
        List<java.util.Map<String, Object>> lines = fr.catalyse.forms.FormValues.entries(sheet);
        assertThat(lines).hasSize(1);
        lines.get(0).put("value", 37);
        scenario.complete("Task_EnterIndicators", values("measurements", fr.catalyse.forms.FormValues.json(lines)));
        scenario.complete("Task_LogSupportActions",
                values("supportActions", "Formation de dix bénévoles.", "partnershipHealth", "bonne"));
        assertThat(measurements.findByIndicatorExperimentPartnershipOrderById(record()))
            .extracting(measurement -> measurement.getMeasuredValue().intValue())
            .containsExactly(37);

        scenario.fire(scenario.timer("StartEvent_QuarterStarted"));
        scenario.complete("Task_SteeringMeeting",
                values("steeringDate", "2027-06-01", "steeringMinutes", "Bilan trimestriel positif."));

        scenario.completeFor("Task_RequestMediation", "partner", ASSOCIATION,
                values("mediationReason", "Désaccord sur les horaires."));
        assertThat(scenario.task("Task_Mediation").getAssignee()).isEqualTo("cat.alpha");
        // The catalyst's list says who asked, by name, and for which partnership.
        assertThat(scenario.task("Task_Mediation").getName())
            .isEqualTo("Conduire la médiation demandée par Association Alpha (Transport solidaire)");
        scenario.complete("Task_Mediation",
                values("mediationSummary", "Réunion tenue, horaires revus.", "mediationOutcome", "resolue"));
        assertThat(scenario.tasks("Task_RequestMediation")).hasSize(1);

        scenario.fire(scenario.timer("Timer_SupportPeriodOver"));
        assertThat(scenario.instance()).isWaitingAt("Task_PartnerEvaluation");
        assertThat(scenario.tasks("Task_RequestMediation")).isEmpty();
        scenario.evaluateByPartners();
        assertThat(
                engine.getTaskService().getVariable(scenario.task("Task_EvaluationDecision").getId(), "productAverage"))
            .isEqualTo("4,0");
        // As in Tasklist: the catalyst of alpha decides, and the spreading starts in beta
        // on the engine's behalf.
        scenario.as(PartnershipScenario.CATALYST, () -> scenario.decide("essaimer", "beta"));

        assertThat(scenario.instance()).hasPassed("Task_SpreadPartnership").isEnded();
        assertThat(scenario.instance()).hasPassed("EndEvent_PartnershipSpread");
        assertThat(record().getStage()).isEqualTo(PartnershipStage.SPREAD);
        Partnership spread = partnerships.findBySpreadFrom(record()).get(0);
        assertThat(inTransaction(() -> partnerships.findById(spread.getId()).orElseThrow().getTerritory().getCode()))
            .isEqualTo("beta");
        assertThat(spread.getName()).isEqualTo("Transport solidaire");
        assertThat(spread.getCatalystUserId()).as("beta's catalysts pick it up").isNull();
        assertThat(engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(spread.getProcessInstanceId())
            .singleResult()
            .getTenantId()).isEqualTo("beta");
        assertThat(evaluations.findByPartnershipOrderByRound(record())).extracting(Evaluation::getDecision)
            .containsExactly("essaimer");
        assertThat(journal.findByPartnershipOrderById(record())).extracting(JournalEntry::getKind)
            .contains(JournalKind.ACQUAINTANCE_MEETING, JournalKind.SUPPORT_PLAN, JournalKind.SUPPORT_ACTIONS,
                    JournalKind.STEERING_MEETING, JournalKind.MEDIATION_REQUESTED, JournalKind.MEDIATION_CONDUCTED);
    }

    @Test
    void aStalledDialogueAlertsTheProgrammeTeamOnceAndGoesOn() throws Exception {
        scenario.start("Dialogue au point mort");
        scenario.fire(scenario.timer("Timer_DialogueStalled"));
        assertThat(scenario.asyncJobs()).hasSize(1);
        scenario.runAsyncJobs();

        assertThat(scenario.instance()).isWaitingAt("Task_SharedDiagnostic").hasPassed("EndEvent_StallReported");
        var alerts = java.util.Arrays.stream(smtp.getReceivedMessages())
            .filter(mail -> subject(mail).contains("Dialogue au point mort — Territoire Alpha"))
            .toList();
        assertThat(alerts).extracting(PartnershipLifecycleProcessTest::recipient)
            .contains("prog.test@catalyse.test")
            .doesNotContain("cat.alpha@alpha.test");
        assertThat(journal.findByPartnershipOrderById(record())).extracting(JournalEntry::getKind)
            .contains(JournalKind.DIALOGUE_STALLED);
    }

    @Test
    void withoutAnyAcceptanceTheCatalystProposesAgain() {
        scenario.start("Personne ne répond")
            .dialogue()
            .stateNeeds()
            .propose(ASSOCIATION, COMPANY)
            .answer(ASSOCIATION, "decliner");
        assertThat(scenario.tasks("Task_AnswerMatch")).hasSize(1);

        scenario.fire(scenario.timer("Timer_MatchExpired"));

        assertThat(scenario.instance()).isWaitingAt("Task_ProposeMatches").hasPassed("EndEvent_MatchExpired");
        assertThat(matches.findByPartnershipOrderById(record())).extracting(MatchProposal::getStatus)
            .containsExactlyInAnyOrder(MatchStatus.DECLINED, MatchStatus.EXPIRED);

        scenario.propose(COMPANY).answer(COMPANY, "accepter");
        assertThat(scenario.instance()).isWaitingAt("Task_FrameExperiment");
        assertThat(matches.findByPartnershipOrderById(record())).filteredOn(match -> match.getRound() == 2)
            .extracting(MatchProposal::getStatus)
            .containsExactly(MatchStatus.ACCEPTED);
    }

    @Test
    void theFunderAsksForReworkThenRefuses() {
        scenario.start("Financement difficile").throughMatchmaking().frame(6).indicators().fund("a-retravailler");
        assertThat(scenario.instance()).isWaitingAt("Task_FrameExperiment");

        scenario.frame(4).indicators().fund("refuse");

        assertThat(scenario.instance()).hasPassed("Event_FundingRefused", "EndEvent_PartnershipStoppedNoFunding")
            .isEnded();
        assertThat(record().getStage()).isEqualTo(PartnershipStage.STOPPED);
        assertThat(experiments.findByPartnershipOrderByVersion(record())).extracting(Experiment::getFundingDecision)
            .containsExactly("a-retravailler", "refuse");
    }

    @Test
    void anEvaluationCanAdjustThenContinueThenStop() {
        scenario.start("Trois décisions").throughDesign(3).planSupport();
        scenario.fire(scenario.timer("Timer_SupportPeriodOver")).evaluateByPartners().decide("ajuster", null);
        assertThat(scenario.instance()).isWaitingAt("Task_FrameExperiment");
        assertThat(record().getStage()).isEqualTo(PartnershipStage.DESIGN);

        scenario.frame(2).indicators().fund("accorde").signAll().planSupport();
        scenario.fire(scenario.timer("Timer_SupportPeriodOver")).evaluateByPartners().decide("poursuivre", null);
        assertThat(scenario.instance()).isWaitingAt("Task_SupportPlan", "Task_RequestMediation");

        scenario.planSupport()
            .fire(scenario.timer("Timer_SupportPeriodOver"))
            .evaluateByPartners()
            .decide("arreter", null);
        assertThat(scenario.instance()).hasPassed("Task_ClosePartnership", "EndEvent_PartnershipClosed").isEnded();
        assertThat(record().getStage()).isEqualTo(PartnershipStage.CLOSED);
        assertThat(record().getClosedAt()).isNotNull();
        assertThat(evaluations.findByPartnershipOrderByRound(record()))
            .extracting(Evaluation::getRound, Evaluation::getDecision)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ajuster"),
                    org.assertj.core.groups.Tuple.tuple(2, "poursuivre"),
                    org.assertj.core.groups.Tuple.tuple(3, "arreter"));
    }

    @Test
    void spreadingNeedsAnotherExistingTerritory() {
        scenario.start("Essaimage impossible").throughDesign(1).planSupport();
        scenario.fire(scenario.timer("Timer_SupportPeriodOver")).evaluateByPartners();

        assertThatThrownBy(() -> scenario.decide("essaimer", "alpha"))
            .hasMessageContaining("doit désigner un autre territoire existant");
        assertThatThrownBy(() -> scenario.decide("essaimer", null))
            .hasMessageContaining("Territoire d'essaimage (code)");
        assertThat(scenario.instance()).isWaitingAt("Task_EvaluationDecision");
    }

    @Test
    void aPartnerMayWithdrawAfterAMediation() {
        scenario.start("Retrait après médiation").throughDesign(6);
        scenario.completeFor("Task_RequestMediation", "partner", ASSOCIATION,
                values("mediationReason", "Charge de travail trop lourde."));
        scenario.complete("Task_Mediation",
                values("mediationSummary", "L'association ne peut plus suivre.", "mediationOutcome", "retrait"));

        assertThat(scenario.instance()).hasPassed("EndEvent_PartnerWithdrew", "EndEvent_MediationsClosed");
        assertThat(scenario.tasks("Task_RequestMediation")).isEmpty();
        assertThat(scenario.instance()).isWaitingAt("Task_SupportPlan");
        assertThat(inTransaction(() -> engine.getProcessEngineConfiguration() == null ? null
                : partnersOf().stream()
                    .filter(partner -> partner.getOrganisation().getCode().equals(ASSOCIATION))
                    .map(Partner::getStatus)
                    .findFirst()
                    .orElseThrow()))
            .isEqualTo(PartnerStatus.WITHDRAWN);
    }

    @Test
    void aPartnershipStillRunningAfterThirtySixMonthsIsReviewed() {
        scenario.start("Partenariat au long cours").throughDesign(36);
        scenario.fire(scenario.timer("StartEvent_Month36"));

        assertThat(scenario.task("Task_Month36Review").getAssignee()).isEqualTo("cat.alpha");
        scenario.complete("Task_Month36Review", values("month36Assessment",
                "Le service fonctionne et s'étend au canton voisin.", "month36Outlook", "poursuivre"));
        assertThat(scenario.instance()).hasPassed("EndEvent_Month36Reviewed").isNotEnded();
        assertThat(journal.findByPartnershipOrderById(record())).extracting(JournalEntry::getKind)
            .contains(JournalKind.MONTH36_REVIEW);
    }

    @Autowired
    PartnerRepository partnerRepository;

    private java.util.List<Partner> partnersOf() {
        return partnerRepository.findByPartnershipOrderById(record());
    }

    static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    static String recipient(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

}
