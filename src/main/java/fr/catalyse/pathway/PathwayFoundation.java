package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The socle commun: consolidated by the programme team from the territories' S4
 * contributions (or from the version sent back), reviewed by every binôme, validated by
 * the steering committee.
 */
@Component
public class PathwayFoundation {

    static final String ITEMS = "foundationItems";

    private final PathwayLedger ledger;

    private final FoundationVersionRepository versions;

    private final FoundationReviewRepository reviews;

    private final DeliverableRepository deliverables;

    PathwayFoundation(PathwayLedger ledger, FoundationVersionRepository versions, FoundationReviewRepository reviews,
            DeliverableRepository deliverables) {
        this.ledger = ledger;
        this.versions = versions;
        this.reviews = reviews;
        this.deliverables = deliverables;
    }

    /** Task_ConsolidateFoundation, on creation: the items to start from. */
    public void consolidationPrepared(DelegateTask task) {
        Cohort cohort = ledger.cohort(task);
        List<Map<String, Object>> items = new ArrayList<>();
        versions.findFirstByCohortOrderByVersionDesc(cohort)
            .ifPresentOrElse(
                    previous -> previous.getItems()
                        .forEach(
                                item -> items.add(item(item.getCategory(), item.getDimension(), item.getEngineering(),
                                        item.getContent(), item.getSource()))),
                    () -> deliverables.findByParticipationCohortOrderById(cohort)
                        .stream()
                        .filter(deliverable -> deliverable.getContributions() != null)
                        .forEach(deliverable -> FormValues
                            .entries(org.camunda.spin.Spin.JSON(deliverable.getContributions()))
                            .forEach(contribution -> items
                                .add(item(contribution.get("category"), contribution.get("dimension"),
                                        contribution.get("engineering"), contribution.get("content"),
                                        deliverable.getParticipation().getTerritory().getName())))));
        task.setVariable(ITEMS, FormValues.json(items));
    }

    /** Task_ConsolidateFoundation: a new version, sent to the binômes for review. */
    public void consolidated(DelegateTask task) {
        List<Map<String, Object>> items = Read.entries(task, ITEMS);
        if (items.isEmpty()) {
            throw new InvalidInputException("Le socle commun doit contenir au moins un élément.");
        }
        Cohort cohort = ledger.cohort(task);
        int version = versions.findFirstByCohortOrderByVersionDesc(cohort).map(FoundationVersion::getVersion).orElse(0)
                + 1;
        FoundationVersion foundation = new FoundationVersion(cohort, version, PathwayLedger.now());
        items.forEach(item -> foundation.add(new FoundationItem(foundation, text(item, "category"),
                text(item, "dimension"), text(item, "engineering"), text(item, "content"), text(item, "source"))));
        versions.save(foundation);
        cohort.become(CohortStatus.CLOSING, PathwayLedger.now());
        task.setVariable("foundationVersion", version);
    }

    /** Task_ReviewFoundation, once per binôme. */
    public void reviewed(DelegateTask task) {
        reviews.save(new FoundationReview(latest(task), ledger.participation(task).getTerritory(),
                Read.text(task, "foundationOpinion"), Read.text(task, "foundationComment"), PathwayLedger.now()));
    }

    /**
     * Task_ValidateFoundation, on creation: the binômes' opinions, for the committee to
     * read.
     */
    public void validationPrepared(DelegateTask task) {
        List<Map<String, String>> opinions = new ArrayList<>();
        for (FoundationReview review : reviews.findByFoundationVersionOrderById(latest(task))) {
            opinions.add(Map.of("territoire", review.getTerritory().getName(), "avis",
                    "approuve".equals(review.getOpinion()) ? "Approuvé" : "Réserves", "commentaire",
                    review.getComment() == null ? "" : review.getComment()));
        }
        task.setVariableLocal("foundationReviews", FormValues.json(opinions));
    }

    /** Task_ValidateFoundation */
    public void validated(DelegateTask task) {
        latest(task).decide("valider".equals(Read.text(task, "foundationDecision")),
                Read.text(task, "committeeComment"), PathwayLedger.now());
    }

    FoundationVersion latest(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return versions.findFirstByCohortOrderByVersionDesc(ledger.cohort(scope)).orElseThrow();
    }

    private static Map<String, Object> item(Object category, Object dimension, Object engineering, Object content,
            Object source) {
        Map<String, Object> item = new HashMap<>();
        item.put("category", category);
        item.put("dimension", dimension);
        item.put("engineering", engineering);
        item.put("content", content);
        item.put("source", source);
        return item;
    }

    private static String text(Map<String, Object> item, String key) {
        Object value = item.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

}
