package fr.catalyse.partnership;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Records the experiment's design: its framing, indicators, funding and signatures
 * (listeners of SubProcess_ExperimentDesign).
 */
@Component
public class PartnershipDesign {

    private final PartnershipLedger ledger;

    private final ExperimentRepository experiments;

    private final SignatureRepository signatures;

    private final IdentityService identity;

    PartnershipDesign(PartnershipLedger ledger, ExperimentRepository experiments, SignatureRepository signatures,
            IdentityService identity) {
        this.ledger = ledger;
        this.experiments = experiments;
        this.signatures = signatures;
        this.identity = identity;
    }

    /** Task_FrameExperiment: every framing, first or reworked, is a new version. */
    public void experimentFramed(DelegateTask task) {
        Partnership partnership = ledger.of(task);
        int version = experiments.findFirstByPartnershipOrderByVersionDesc(partnership)
            .map(Experiment::getVersion)
            .orElse(0) + 1;
        experiments.save(new Experiment(partnership, version,
                new Experiment.Dimensions(Read.text(task, "solutions"), Read.text(task, "valueChain"),
                        Read.text(task, "economicModel"), Read.text(task, "governance")),
                Read.decimal(task, "budget"), Read.integer(task, "durationMonths"), Read.date(task, "experimentStart"),
                PartnershipLedger.now()));
    }

    /**
     * Task_DefineIndicators: replaces the current version's indicators; the collectors
     * enter them monthly.
     */
    public void indicatorsDefined(DelegateTask task) {
        List<Map<String, Object>> entries = Read.entries(task, "indicators");
        if (entries.isEmpty()) {
            throw new InvalidInputException("Définissez au moins un indicateur.");
        }
        Experiment experiment = current(ledger.of(task));
        Set<String> collectors = new LinkedHashSet<>();
        experiment.replaceIndicators(entries.stream().map(entry -> {
            String collector = String.valueOf(entry.get("indicatorCollector"));
            collectors.add(collector);
            return new Indicator(experiment, String.valueOf(entry.get("indicatorName")).trim(),
                    String.valueOf(entry.get("indicatorUnit")).trim(), Read.decimal(entry.get("indicatorTarget")),
                    ledger.organisation(collector));
        }).toList());
        task.setVariable("indicatorCollectors", FormValues.json(List.copyOf(collectors)));
    }

    /** Task_FundingDecision */
    public void fundingDecided(DelegateTask task) {
        String decision = Read.text(task, "fundingDecision");
        current(ledger.of(task)).decideFunding(decision,
                "accorde".equals(decision) ? Read.decimal(task, "fundingAmount") : null,
                Read.text(task, "fundingComment"));
    }

    /** Task_SignAgreement, once per signatory group. */
    public void agreementSigned(DelegateTask task) {
        String signer = task.getAssignee() != null ? task.getAssignee()
                : Optional.ofNullable(identity.getCurrentAuthentication())
                    .map(person -> person.getUserId())
                    .orElse(null);
        signatures.save(new AgreementSignature(current(ledger.of(task)), Read.text(task, "signatory"), signer,
                Read.text(task, "signatoryName"), PartnershipLedger.now()));
    }

    Experiment current(Partnership partnership) {
        return experiments.findFirstByPartnershipOrderByVersionDesc(partnership)
            .orElseThrow(() -> new IllegalStateException(
                    "Aucune expérimentation cadrée pour le partenariat " + partnership.getId()));
    }

}
