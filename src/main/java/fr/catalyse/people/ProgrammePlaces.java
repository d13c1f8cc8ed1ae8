package fr.catalyse.people;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A person's places in the programme's records that name them by their user id: a binôme
 * of a cohort still under way (pathway's {@code participation}) and the partnerships they
 * are in charge of (partnership's table and its instance's {@code catalyst} variable,
 * which assigns the catalyst's next tasks). Read and rewritten here by SQL because those
 * modules offer no such operation yet; each could take its part over through
 * {@link PersonalData}.
 */
@Component
class ProgrammePlaces {

    /**
     * Cohorts whose binômes still act: convened to sessions, reviewing the socle commun.
     */
    private static final String OPEN_COHORT = "c.status <> 'CLOSED'";

    private final PeopleLedger ledger;

    private final RuntimeService runtime;

    ProgrammePlaces(PeopleLedger ledger, @Lazy RuntimeService runtime) {
        this.ledger = ledger;
        this.runtime = runtime;
    }

    /** A binôme of an open cohort the person holds a place in. */
    record BinomePlace(long participationId, String cohort, String territoryCode, String territoryName,
            String catalystOne, String catalystTwo) {
    }

    /** An open partnership the person is in charge of. */
    record PartnershipPlace(long id, String name, String territoryCode, String processInstanceId) {
    }

    List<BinomePlace> binomes(String userId) {
        return ledger.rows("select p.id, c.name cohort, t.code, t.name territory, p.catalyst_one, p.catalyst_two "
                + "from participation p join cohort c on c.id = p.cohort_id join territory t on t.id = p.territory_id "
                + "where " + OPEN_COHORT
                + " and p.status in ('APPLIED', 'SELECTED') and (p.catalyst_one = ? or p.catalyst_two = ?) "
                + "order by p.id", userId, userId)
            .stream()
            .map(ProgrammePlaces::binome)
            .toList();
    }

    /**
     * Binômes of open cohorts with a catalyst who left: the programme team completes
     * them.
     */
    List<BinomePlace> incompleteBinomes() {
        return ledger.rows("select p.id, c.name cohort, t.code, t.name territory, p.catalyst_one, p.catalyst_two "
                + "from participation p join cohort c on c.id = p.cohort_id join territory t on t.id = p.territory_id "
                + "where " + OPEN_COHORT
                + " and p.status in ('APPLIED', 'SELECTED') and exists (select 1 from person_departure d "
                + "where d.user_id in (p.catalyst_one, p.catalyst_two)) order by p.id")
            .stream()
            .map(ProgrammePlaces::binome)
            .toList();
    }

    List<PartnershipPlace> partnerships(String userId) {
        return ledger.rows("select p.id, p.name, t.code, p.process_instance_id from partnership p "
                + "join territory t on t.id = p.territory_id where p.closed_at is null and p.catalyst_user_id = ? order by p.id",
                userId)
            .stream()
            .map(row -> new PartnershipPlace(((Number) row.get("id")).longValue(), (String) row.get("name"),
                    (String) row.get("code"), (String) row.get("process_instance_id")))
            .toList();
    }

    /** The successor takes the person's place in the binôme. */
    void replaceInBinome(BinomePlace binome, String userId, String successor) {
        ledger.update("update participation set catalyst_one = ? where id = ? and catalyst_one = ?", successor,
                binome.participationId(), userId);
        ledger.update("update participation set catalyst_two = ? where id = ? and catalyst_two = ?", successor,
                binome.participationId(), userId);
    }

    /**
     * The successor (or, with none, the territory's catalysts: the partnership's next
     * tasks are then offered to their group) is in charge of the partnership from now on.
     */
    void replaceInPartnership(PartnershipPlace partnership, String successor) {
        ledger.update("update partnership set catalyst_user_id = ? where id = ?", successor, partnership.id());
        if (partnership.processInstanceId() != null && runtime.createProcessInstanceQuery()
            .processInstanceId(partnership.processInstanceId())
            .count() > 0) {
            runtime.setVariable(partnership.processInstanceId(), "catalyst", successor);
        }
    }

    private static BinomePlace binome(Map<String, Object> row) {
        return new BinomePlace(((Number) row.get("id")).longValue(), (String) row.get("cohort"),
                (String) row.get("code"), (String) row.get("territory"), (String) row.get("catalyst_one"),
                (String) row.get("catalyst_two"));
    }

}
