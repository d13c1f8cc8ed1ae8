package fr.catalyse.partnership;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.EngineClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Records the support period: its plan, monthly measurements and actions, steering,
 * mediations (SubProcess_Support).
 */
@Component
public class PartnershipSupport {

    private final PartnershipLedger ledger;

    private final PartnershipDesign design;

    private final MeasurementRepository measurements;

    PartnershipSupport(PartnershipLedger ledger, PartnershipDesign design, MeasurementRepository measurements) {
        this.ledger = ledger;
        this.design = design;
        this.measurements = measurements;
    }

    /** SubProcess_Support start: the period lasts the experiment's duration, from now. */
    public void supportPeriodStarted(DelegateExecution execution) {
        int months = design.current(ledger.of(execution)).getDurationMonths();
        execution.setVariable("supportEndDate", Deadlines.after(EngineClock.date(), "P" + months + "M"));
    }

    /** Task_SupportPlan */
    public void supportPlanned(DelegateTask task) {
        ledger.journal(ledger.of(task), JournalKind.SUPPORT_PLAN, null, null, Read.text(task, "supportPlan"), null);
    }

    /**
     * Task_EnterIndicators, on creation: one line per indicator the partner collects, to
     * be filled in. Set on the activity's own variable (declared by an input parameter)
     * so that each partner's sheet stays its own.
     */
    public void measurementSheetPrepared(DelegateTask task) {
        String partner = Read.text(task, "partner");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Indicator indicator : design.current(ledger.of(task)).getIndicators()) {
            if (indicator.getCollectorOrganisation().getCode().equals(partner)) {
                lines.add(new java.util.LinkedHashMap<>(Map.of("indicatorId", indicator.getId(), "label",
                        indicator.getName() + " (" + indicator.getUnit() + ", cible "
                                + indicator.getTarget().stripTrailingZeros().toPlainString() + ")")));
            }
        }
        task.setVariable("measurements", FormValues.json(lines));
    }

    /** Task_EnterIndicators, once per collecting partner. */
    public void indicatorsEntered(DelegateTask task) {
        Experiment experiment = design.current(ledger.of(task));
        var organisation = ledger.organisation(Read.text(task, "partner"));
        for (Map<String, Object> line : Read.entries(task, "measurements")) {
            long indicatorId = ((Number) line.get("indicatorId")).longValue();
            experiment.getIndicators()
                .stream()
                .filter(indicator -> indicator.getId() == indicatorId)
                .findFirst()
                .ifPresent(indicator -> measurements
                    .save(new Measurement(indicator, organisation, Read.decimal(line.get("value")),
                            Read.text(task, "measurementComment"), PartnershipLedger.now())));
        }
    }

    /** Task_LogSupportActions */
    public void supportActionsLogged(DelegateTask task) {
        ledger.journal(ledger.of(task), JournalKind.SUPPORT_ACTIONS, null, null, Read.text(task, "supportActions"),
                Read.text(task, "partnershipHealth"));
    }

    /** Task_SteeringMeeting */
    public void steeringHeld(DelegateTask task) {
        String decisions = Read.text(task, "steeringDecisions");
        ledger.journal(ledger.of(task), JournalKind.STEERING_MEETING, null, Read.date(task, "steeringDate"),
                Read.text(task, "steeringMinutes") + (decisions == null ? "" : "\nDécisions : " + decisions), null);
    }

    /** Task_RequestMediation */
    public void mediationRequested(DelegateTask task) {
        ledger.journal(ledger.of(task), JournalKind.MEDIATION_REQUESTED, Read.text(task, "partner"), null,
                Read.text(task, "mediationReason"), null);
    }

    /** Task_Mediation: a partner who withdraws leaves the partnership. */
    public void mediationConducted(DelegateTask task) {
        Partnership partnership = ledger.of(task);
        String partner = Read.text(task, "partner");
        String outcome = Read.text(task, "mediationOutcome");
        ledger.journal(partnership, JournalKind.MEDIATION_CONDUCTED, partner, null, Read.text(task, "mediationSummary"),
                outcome);
        if ("retrait".equals(outcome)) {
            ledger.partner(partnership, partner).become(PartnerStatus.WITHDRAWN);
        }
    }

}
