package fr.catalyse.partnership;

import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.territory.TerritoryRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Records the evaluation: each partner's view, the synthesis and the decision
 * (SubProcess_Evaluation).
 */
@Component
public class PartnershipEvaluation {

    private final PartnershipLedger ledger;

    private final AssessmentRepository assessments;

    private final EvaluationRepository evaluations;

    private final TerritoryRepository territories;

    PartnershipEvaluation(PartnershipLedger ledger, AssessmentRepository assessments, EvaluationRepository evaluations,
            TerritoryRepository territories) {
        this.ledger = ledger;
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.territories = territories;
    }

    /** Task_PartnerEvaluation, once per partner. */
    public void partnerEvaluated(DelegateTask task) {
        assessments
            .save(new PartnerAssessment(ledger.of(task), round(task), ledger.organisation(Read.text(task, "partner")),
                    new PartnerAssessment.Ratings(Read.integer(task, "productRating"),
                            Read.integer(task, "balanceRating"), Read.integer(task, "recognitionRating")),
                    Read.joined(task, "impactAxes"), Read.text(task, "evaluationComment"), PartnershipLedger.now()));
    }

    /**
     * Task_EvaluationDecision, on creation: the partners' mean ratings, shown in the
     * form.
     */
    public void evaluationSummarised(DelegateTask task) {
        Evaluation.Averages averages = averages(ledger.of(task), round(task));
        task.setVariable("productAverage", shown(averages.product()));
        task.setVariable("balanceAverage", shown(averages.balance()));
        task.setVariable("recognitionAverage", shown(averages.recognition()));
    }

    /**
     * Task_EvaluationDecision: the decision; spreading needs another existing territory.
     */
    public void evaluationDecided(DelegateTask task) {
        Partnership partnership = ledger.of(task);
        String decision = Read.text(task, "evaluationDecision");
        String target = "essaimer".equals(decision) ? Read.text(task, "spreadTerritory") : null;
        if (target != null
                && (target.equals(partnership.getTerritory().getCode()) || territories.findByCode(target).isEmpty())) {
            throw new InvalidInputException(
                    "Le champ « Territoire d'essaimage (code) » doit désigner un autre territoire " + "existant que « "
                            + partnership.getTerritory().getCode() + " » : « " + target + " » ne convient pas.");
        }
        int round = round(task);
        evaluations.save(
                new Evaluation(partnership, round, averages(partnership, round), Read.text(task, "evaluationSynthesis"),
                        Read.joined(task, "approaches"), decision, target, PartnershipLedger.now()));
    }

    /** Task_Month36Review */
    public void month36Reviewed(DelegateTask task) {
        ledger.journal(ledger.of(task), JournalKind.MONTH36_REVIEW, null, null, Read.text(task, "month36Assessment"),
                Read.text(task, "month36Outlook"));
    }

    private Evaluation.Averages averages(Partnership partnership, int round) {
        List<PartnerAssessment> views = assessments.findByPartnershipAndRound(partnership, round);
        return new Evaluation.Averages(mean(views, PartnerAssessment::getProductRating),
                mean(views, PartnerAssessment::getBalanceRating), mean(views, PartnerAssessment::getRecognitionRating));
    }

    private static BigDecimal mean(List<PartnerAssessment> views, ToIntFunction<PartnerAssessment> rating) {
        if (views.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(views.stream().mapToInt(rating).sum())
            .divide(BigDecimal.valueOf(views.size()), 2, RoundingMode.HALF_UP);
    }

    private static String shown(BigDecimal average) {
        return average == null ? "—" : average.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static int round(DelegateTask task) {
        return Read.integer(task, PartnershipStages.EVALUATION_ROUND);
    }

}
