package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A partnership's business record for Cockpit's « Dossier » tab, found by its process
 * instance: partners, matches, the experiment (its latest version) on its four dimensions
 * with indicators, measurements and signatures, the partners' assessments, the
 * evaluations and the journal. One query per part.
 */
@Component
class PartnershipDossier {

    private final NamedParameterJdbcTemplate jdbc;

    PartnershipDossier(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Dossier(long id, String name, TerritoryRef territory, String kind, String kindLabel, String stage,
            String stageLabel, String startedAt, String objectives, String fragilities, String summary,
            List<PartnerView> partners, List<MatchView> matches, ExperimentView experiment,
            List<AssessmentView> assessments, List<EvaluationView> evaluations, List<JournalView> journal) {
    }

    record PartnerView(String organisation, String status, String statusLabel, String needs, String contribution) {
    }

    record MatchView(String organisation, int round, String status, String statusLabel, String proposedAt,
            String answeredAt, String rationale, String comment) {
    }

    record ExperimentView(int version, String solutions, String valueChain, String economicModel, String governance,
            BigDecimal budget, int durationMonths, String startDate, Funding funding, List<IndicatorView> indicators,
            List<SignatureView> signatures) {
    }

    record Funding(String decision, String label, BigDecimal amount, String comment) {
    }

    record IndicatorView(String name, String unit, BigDecimal target, String collector,
            List<MeasurementView> measurements) {
    }

    record MeasurementView(BigDecimal value, String organisation, String enteredAt, String comment) {
    }

    record SignatureView(String signatory, String signerName, String signedAt) {
    }

    record AssessmentView(int round, String organisation, int product, int balance, int recognition, String impactAxes,
            String comment, String assessedAt) {
    }

    record EvaluationView(int round, String decision, String label, String synthesis, String approaches,
            String decidedAt, String spreadTerritory, BigDecimal productAverage, BigDecimal balanceAverage,
            BigDecimal recognitionAverage) {
    }

    /**
     * {@code outcome}: what the entry concluded, in French; {@code outcomeCode}: the
     * form's value.
     */
    record JournalView(String kind, String kindLabel, String occurredOn, String organisation, String content,
            String outcome, String outcomeCode) {
    }

    Dossier dossier(ObservatoryScope scope, String processInstanceId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("instance", processInstanceId);
        List<Dossier> found = jdbc.query(
                """
                        select p.id, p.name, p.kind, p.stage, p.started_at, p.objectives, p.fragilities, p.summary, t.code, t.name as territory_name
                        from partnership p join territory t on t.id = p.territory_id where p.process_instance_id = :instance
                        """,
                parameters, (row, index) -> {
                    Stage stage = Stage.of(row.getString("stage"));
                    String kind = row.getString("kind");
                    return new Dossier(row.getLong("id"), row.getString("name"),
                            new TerritoryRef(row.getString("code"), row.getString("territory_name")), kind,
                            Labels.KINDS.label(kind), stage.name(), stage.label(),
                            Moments.iso(Moments.instant(row, "started_at")),
                            Labels.OBJECTIVES.labels(row.getString("objectives")),
                            Labels.FRAGILITIES.labels(row.getString("fragilities")), row.getString("summary"),
                            List.of(), List.of(), null, List.of(), List.of(), List.of());
                });
        if (found.isEmpty()) {
            throw Refusal
                .notFound("Aucun partenariat n'est suivi par l'instance de processus « " + processInstanceId + " ».");
        }
        Dossier record = found.get(0);
        scope.require(record.territory().code(), "ce partenariat");
        parameters.addValue("partnership", record.id());

        List<PartnerView> partners = jdbc.query(
                """
                        select o.name, p.status, p.needs, p.contribution from partner p join organisation o on o.id = p.organisation_id
                        where p.partnership_id = :partnership order by o.name, p.id
                        """,
                parameters,
                (row, index) -> new PartnerView(row.getString("name"), row.getString("status"),
                        Labels.partner(row.getString("status")), row.getString("needs"),
                        row.getString("contribution")));
        List<MatchView> matches = jdbc.query("""
                select o.name, m.round, m.status, m.proposed_at, m.answered_at, m.rationale, m.comment
                from partnership_match m join organisation o on o.id = m.organisation_id
                where m.partnership_id = :partnership order by m.round, o.name, m.id
                """, parameters,
                (row, index) -> new MatchView(row.getString("name"), row.getInt("round"), row.getString("status"),
                        Labels.match(row.getString("status")), Moments.iso(Moments.instant(row, "proposed_at")),
                        Moments.iso(Moments.instant(row, "answered_at")), row.getString("rationale"),
                        row.getString("comment")));
        List<AssessmentView> assessments = jdbc.query(
                """
                        select a.round, o.name, a.product_rating, a.balance_rating, a.recognition_rating, a.impact_axes, a.comment, a.assessed_at
                        from partner_assessment a join organisation o on o.id = a.organisation_id
                        where a.partnership_id = :partnership order by a.round, o.name, a.id
                        """,
                parameters,
                (row, index) -> new AssessmentView(row.getInt("round"), row.getString("name"),
                        row.getInt("product_rating"), row.getInt("balance_rating"), row.getInt("recognition_rating"),
                        Labels.IMPACT_AXES.labels(row.getString("impact_axes")), row.getString("comment"),
                        Moments.iso(Moments.instant(row, "assessed_at"))));
        List<EvaluationView> evaluations = jdbc.query(
                """
                        select round, decision, synthesis, approaches, decided_at, spread_territory, product_average, balance_average,
                          recognition_average
                        from evaluation where partnership_id = :partnership order by round
                        """,
                parameters,
                (row, index) -> new EvaluationView(row.getInt("round"), row.getString("decision"),
                        Labels.decision(row.getString("decision")), row.getString("synthesis"),
                        Labels.APPROACHES.labels(row.getString("approaches")),
                        Moments.iso(Moments.instant(row, "decided_at")), row.getString("spread_territory"),
                        row.getBigDecimal("product_average"), row.getBigDecimal("balance_average"),
                        row.getBigDecimal("recognition_average")));
        List<JournalView> journal = jdbc.query("""
                select j.kind, j.occurred_on, o.name, j.content, j.outcome
                from partnership_journal j left join organisation o on o.id = j.organisation_id
                where j.partnership_id = :partnership order by j.occurred_on, j.id
                """, parameters,
                (row, index) -> new JournalView(row.getString("kind"), Labels.journal(row.getString("kind")),
                        Moments.iso(Moments.date(row, "occurred_on")), row.getString("name"), row.getString("content"),
                        Labels.OUTCOMES.label(row.getString("outcome")), row.getString("outcome")));

        return new Dossier(record.id(), record.name(), record.territory(), record.kind(), record.kindLabel(),
                record.stage(), record.stageLabel(), record.startedAt(), record.objectives(), record.fragilities(),
                record.summary(), partners, matches, experiment(parameters), assessments, evaluations, journal);
    }

    /**
     * The experiment's latest version (a new one each time the evaluation says « ajuster
     * » or the funder asks for rework).
     */
    private ExperimentView experiment(MapSqlParameterSource parameters) {
        List<ExperimentView> latest = jdbc.query(
                """
                        select id, version, solutions, value_chain, economic_model, governance, budget, duration_months, start_date,
                          funding_decision, funding_amount, funding_comment
                        from experiment where partnership_id = :partnership order by version desc limit 1
                        """,
                parameters, (row, index) -> {
                    parameters.addValue("experiment", row.getLong("id"));
                    String decision = row.getString("funding_decision");
                    return new ExperimentView(row.getInt("version"), row.getString("solutions"),
                            row.getString("value_chain"), row.getString("economic_model"), row.getString("governance"),
                            row.getBigDecimal("budget"), row.getInt("duration_months"),
                            Moments.iso(Moments.date(row, "start_date")),
                            decision == null ? null
                                    : new Funding(decision, Labels.funding(decision),
                                            row.getBigDecimal("funding_amount"), row.getString("funding_comment")),
                            List.of(), List.of());
                });
        if (latest.isEmpty()) {
            return null;
        }
        ExperimentView experiment = latest.get(0);
        Map<Long, List<MeasurementView>> measurements = new LinkedHashMap<>();
        jdbc.query(
                """
                        select m.indicator_id, m.measured_value, o.name, m.entered_at, m.comment
                        from measurement m join indicator i on i.id = m.indicator_id join organisation o on o.id = m.organisation_id
                        where i.experiment_id = :experiment order by m.entered_at, m.id
                        """,
                parameters, row -> {
                    measurements.computeIfAbsent(row.getLong("indicator_id"), id -> new ArrayList<>())
                        .add(new MeasurementView(row.getBigDecimal("measured_value"), row.getString("name"),
                                Moments.iso(Moments.instant(row, "entered_at")), row.getString("comment")));
                });
        List<IndicatorView> indicators = jdbc.query("""
                select i.id, i.name, i.unit, i.target, o.name as collector
                from indicator i join organisation o on o.id = i.collector_organisation_id
                where i.experiment_id = :experiment order by i.id
                """, parameters,
                (row, index) -> new IndicatorView(row.getString("name"), row.getString("unit"),
                        row.getBigDecimal("target"), row.getString("collector"),
                        measurements.getOrDefault(row.getLong("id"), List.of())));
        List<SignatureView> signatures = jdbc.query(
                """
                        select signatory_group, signer_name, signed_at from agreement_signature where experiment_id = :experiment order by signed_at, id
                        """,
                parameters, (row, index) -> new SignatureView(row.getString("signatory_group"),
                        row.getString("signer_name"), Moments.iso(Moments.instant(row, "signed_at"))));
        return new ExperimentView(experiment.version(), experiment.solutions(), experiment.valueChain(),
                experiment.economicModel(), experiment.governance(), experiment.budget(), experiment.durationMonths(),
                experiment.startDate(), experiment.funding(), indicators, signatures);
    }

}
