package fr.catalyse.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme at the scale the observatory must read (issue 13): 500 territories (b001
 * to b500, the tenants of the task-queries measure), 20 partnerships each (10,000) spread
 * over every stage with their partners, matches, experiments, indicators, measurements,
 * signatures, assessments, evaluations and journal; two cohorts (a closed one of 100
 * territories, a running one of 500 with late deliverables); one governance dialogue per
 * territory, some past month 36. Written by set-based SQL: the partnerships' lifecycle
 * through the engine would take hours at this size.
 *
 * <p>
 * The 100,000 open tasks are those of the task-queries measure (200 per tenant, due from
 * 10 days ago to 60 days ahead, a candidate group each). The observatory joins open tasks
 * to records by process instance, and ACT_RU_TASK.PROC_INST_ID_ references
 * ACT_RU_EXECUTION, so each open partnership, active dialogue and the running cohort gets
 * a process instance row (on the real deployed definitions), and the tasks are attached
 * to them with the task keys and names of their stage, as the models create them: per
 * territory one deliverable task of the cohort, one review of its dialogue, the rest
 * shared by its 16 open partnerships (about 12 each, one a standing « médiation (si
 * besoin) » for those in support). Their history rows follow, and 22,000 finished
 * indicator entries (some late) fill the history.
 */
final class ObservatoryDataSet {

    static final String RUNNING_COHORT = "Cohorte banc 2026";

    /** A partnership in support with every part of the dossier filled. */
    static final String DOSSIER_INSTANCE = "bench-p-b042-12";

    /** The benchmark's territories, with their number n (b042 → 42). */
    private static final String T = "(select id, code, name, cast(substr(code, 2) as integer) as n from territory "
            + "where code ~ '^b[0-9]{3}$')";

    /**
     * The benchmark's partnerships, with their rank k in their territory (1 to 20, which
     * decides their stage).
     */
    private static final String P = "(select p.*, cast(split_part(p.process_instance_id, '-', 4) as integer) as k "
            + "from partnership p where p.process_instance_id like 'bench-p-%')";

    /**
     * Each territory's four organisations, with their rank j: 1 local authority, 2
     * association, 3 company, 4 funder.
     */
    private static final String O = "(select id, territory_id, cast(right(code, 1) as integer) as j from organisation "
            + "where code ~ '^b[0-9]{3}-o[1-4]$')";

    /**
     * The open tasks each stage gives a partnership, in the order they are handed out.
     */
    private static final Map<String, String> TASK_NAMES = new LinkedHashMap<>();

    static {
        TASK_NAMES.put("Task_SharedDiagnostic", "Établir le diagnostic partagé du territoire");
        TASK_NAMES.put("Task_MapStakeholders", "Cartographier les parties prenantes");
        TASK_NAMES.put("Task_AcquaintanceMeeting", "Organiser la rencontre d''interconnaissance");
        TASK_NAMES.put("Task_ValidateSharedStakes", "Valider les enjeux partagés");
        TASK_NAMES.put("Task_StateNeeds", "Exprimer les besoins et les apports de votre organisation");
        TASK_NAMES.put("Task_ProposeMatches", "Proposer des mises en relation");
        TASK_NAMES.put("Task_AnswerMatch", "Accepter ou décliner la mise en relation");
        TASK_NAMES.put("Task_FrameExperiment", "Cadrer l''expérimentation sur les quatre dimensions");
        TASK_NAMES.put("Task_DefineIndicators", "Définir les indicateurs et leurs contributeurs");
        TASK_NAMES.put("Task_FundingDecision", "Décider du financement");
        TASK_NAMES.put("Task_SignAgreement", "Signer la convention de partenariat");
        TASK_NAMES.put("Task_RequestMediation", "Demander une médiation (si besoin)");
        TASK_NAMES.put("Task_EnterIndicators", "Saisir les indicateurs du mois");
        TASK_NAMES.put("Task_LogSupportActions", "Consigner les actions d''accompagnement du mois");
        TASK_NAMES.put("Task_SteeringMeeting", "Tenir le comité de pilotage du trimestre");
        TASK_NAMES.put("Task_PartnerEvaluation", "Évaluer le partenariat");
        TASK_NAMES.put("Task_EvaluationDecision", "Synthétiser l''évaluation et décider de la suite");
        TASK_NAMES.put("Task_SubmitDeliverable", "Déposer le livrable de la session");
        TASK_NAMES.put("Task_QuarterlyReview", "Tenir la revue trimestrielle");
    }

    private final JdbcTemplate jdbc;

    ObservatoryDataSet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the data set once (the territories' presence says it is there); returns the
     * seconds it took.
     */
    double load() {
        long start = System.nanoTime();
        if (jdbc.queryForObject("select count(*) from territory where code = 'b500'", Long.class) == 0) {
            directory();
            partnerships();
            cohorts();
            dialogues();
            processInstances();
            attachTasks();
            history();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    long partnershipCount() {
        return jdbc.queryForObject("select count(*) from partnership where process_instance_id like 'bench-p-%'",
                Long.class);
    }

    long openTaskCount() {
        return jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
    }

    long cohortId() {
        return jdbc.queryForObject("select id from cohort where name = ?", Long.class, RUNNING_COHORT);
    }

    private void directory() {
        jdbc.execute(
                """
                        insert into territory (code, name)
                        select 'b' || lpad(g::text, 3, '0'), 'Territoire ' || lpad(g::text, 3, '0') from generate_series(1, 500) g
                        """);
        jdbc.execute(
                """
                        insert into organisation (code, name, kind, territory_id)
                        select t.code || '-o' || j, (array['Mairie du ', 'Association du ', 'Entreprise du ', 'Fonds du '])[j] || t.name,
                          (array['COLLECTIVITE', 'ASSOCIATION', 'ENTREPRISE', 'FINANCEUR'])[j], t.id
                        from %s t cross join generate_series(1, 4) j
                        """
                    .formatted(T));
        jdbc.execute(
                """
                        insert into participant (user_id, first_name, last_name, email, role)
                        select c || '.' || t.code, 'Camille', upper(c) || ' ' || t.code, c || '@' || t.code || '.banc.test', 'CATALYST'
                        from %s t cross join (values ('cat1'), ('cat2')) v(c)
                        """
                    .formatted(T));
    }

    private void partnerships() {
        // k 1-3 dialogue, 4-6 matchmaking, 7-9 design, 10-14 support, 15-16 evaluation,
        // 17-18 stopped, 19 spread,
        // 20 closed without funding
        jdbc.execute(
                """
                        insert into partnership (name, territory_id, kind, stage, objectives, fragilities, summary, catalyst_user_id,
                          process_instance_id, started_at, stage_since, closed_at)
                        select (array['Tiers-lieu numérique', 'Épicerie solidaire', 'Mobilité rurale', 'Chantier d''insertion',
                            'Circuit court alimentaire', 'Rénovation énergétique', 'Garde d''enfants', 'Atelier vélo', 'Recyclerie',
                            'Maison de santé'])[1 + k %% 10] || ' ' || t.code || '-' || k,
                          t.id, (array['mecenat', 'pratiques-responsables', 'cooperation-economique', 'innovation-societale'])[1 + k %% 4],
                          case when k <= 3 then 'DIALOGUE' when k <= 6 then 'MATCHMAKING' when k <= 9 then 'DESIGN' when k <= 14 then 'SUPPORT'
                            when k <= 16 then 'EVALUATION' when k <= 18 then 'CLOSED' when k = 19 then 'SPREAD' else 'STOPPED' end,
                          'cohesion-sociale,qualite-de-vie', 'emploi,mobilite',
                          'Diagnostic partagé : des besoins de mobilité et d''emploi, des acteurs prêts à s''engager.', 'cat1.' || t.code,
                          'bench-p-' || t.code || '-' || k, now() - (200 + k * 30 + t.n %% 60) * interval '1 day',
                          now() - (1 + (k * 7 + t.n) %% 90) * interval '1 day',
                          case when k >= 17 then now() - (1 + (k * 7 + t.n) %% 90) * interval '1 day' end
                        from %s t cross join generate_series(1, 20) k
                        """
                    .formatted(T));
        jdbc.execute("""
                insert into partner (partnership_id, organisation_id, status, needs, contribution)
                select p.id, o.id, case when p.k >= 7 then 'PARTNER' when p.k >= 4 then 'INVITED' else 'CANDIDATE' end,
                  'Des bénévoles formés et un local.', 'Un financement d''amorçage et un appui juridique.'
                from %s p join %s o on o.territory_id = p.territory_id and o.j <= 3
                """.formatted(P, O));
        jdbc.execute(
                """
                        insert into partnership_match (partnership_id, organisation_id, round, status, rationale, comment, proposed_at, answered_at)
                        select p.id, o.id, 1, s.status, 'Complémentarité des besoins et des apports.', null,
                          p.started_at + interval '30 days',
                          case when s.status in ('ACCEPTED', 'DECLINED') then p.started_at + (31 + (p.k + o.j) %% 9) * interval '1 day' end
                        from %s p join %s o on o.territory_id = p.territory_id and o.j >= 2
                        cross join lateral (select (array['PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED'])[1 + (p.k + o.j) %% 4] as status) s
                        where p.k >= 4
                        """
                    .formatted(P, O));
        jdbc.execute(
                """
                        insert into experiment (partnership_id, version, solutions, value_chain, economic_model, governance, budget,
                          duration_months, start_date, funding_decision, funding_amount, funding_comment, framed_at)
                        select p.id, 1, 'Une navette solidaire et un point d''accueil.', 'Collectivité, association, entreprise : qui fait quoi.',
                          'Cofinancement public et privé, puis recettes propres.', 'Un comité de pilotage trimestriel.', 25000 + p.k * 1000,
                          12, cast(p.started_at + interval '90 days' as date),
                          case when p.k = 20 then 'refuse' when p.k >= 10 then 'accorde' end,
                          case when p.k between 10 and 19 then 20000 end, null, p.started_at + interval '80 days'
                        from %s p where p.k >= 7
                        """
                    .formatted(P));
        jdbc.execute(
                """
                        insert into indicator (experiment_id, name, unit, target, collector_organisation_id)
                        select e.id, v.name, v.unit, v.target, o.id
                        from experiment e join %s p on p.id = e.partnership_id join %s o on o.territory_id = p.territory_id and o.j = 2
                        cross join (values ('Personnes accompagnées', 'personnes', 120), ('Emplois créés', 'emplois', 8)) v(name, unit, target)
                        """
                    .formatted(P, O));
        jdbc.execute("""
                insert into measurement (indicator_id, organisation_id, measured_value, comment, entered_at)
                select i.id, i.collector_organisation_id, m * 10, null, e.framed_at + m * interval '30 days'
                from indicator i join experiment e on e.id = i.experiment_id join %s p on p.id = e.partnership_id
                cross join generate_series(1, 6) m where p.k between 10 and 19
                """.formatted(P));
        jdbc.execute(
                """
                        insert into agreement_signature (experiment_id, signatory_group, signer_user_id, signer_name, signed_at)
                        select e.id, g.prefix || t.code, null, 'Signataire ' || g.prefix || t.code, e.framed_at + interval '20 days'
                        from experiment e join %s p on p.id = e.partnership_id join territory t on t.id = p.territory_id
                        cross join (values ('collectivites.'), ('associations.'), ('financeurs.')) g(prefix) where p.k between 10 and 19
                        """
                    .formatted(P));
        jdbc.execute("""
                insert into partner_assessment (partnership_id, round, organisation_id, product_rating, balance_rating,
                  recognition_rating, impact_axes, comment, assessed_at)
                select p.id, 1, o.id, 1 + (p.k + o.j) %% 5, 1 + (p.k * o.j) %% 5, 1 + o.j %% 5, 'innovation,confiance',
                  'Un partenariat utile.', p.stage_since - interval '5 days'
                from %s p join %s o on o.territory_id = p.territory_id and o.j <= 3 where p.k between 15 and 19
                """.formatted(P, O));
        // Evaluations: the closed ones (stop, spread), and earlier rounds that sent
        // partnerships back to design or support.
        jdbc.execute(
                """
                        insert into evaluation (partnership_id, round, product_average, balance_average, recognition_average, synthesis,
                          approaches, decision, spread_territory, decided_at)
                        select p.id, 1, 3.5, 3.2, 4.1, 'Des résultats tangibles ; la gouvernance reste à consolider.', 'performance,pertinence',
                          case when p.k in (17, 18) then 'arreter' when p.k = 19 then 'essaimer' when p.k = 8 then 'ajuster' else 'poursuivre' end,
                          case when p.k = 19 then 'b' || lpad((1 + t.n %% 500)::text, 3, '0') end, p.stage_since
                        from %s p join %s t on t.id = p.territory_id where p.k in (8, 12, 17, 18, 19)
                        """
                    .formatted(P, T));
        jdbc.execute(
                """
                        insert into partnership_journal (partnership_id, kind, organisation_id, occurred_on, content, outcome, recorded_at)
                        select p.id, (array['ACQUAINTANCE_MEETING', 'STAKES_DECISION', 'SUPPORT_PLAN', 'SUPPORT_ACTIONS', 'STEERING_MEETING'])[e],
                          o.id, cast(p.started_at + e * interval '20 days' as date), 'Compte rendu : points d''accord et suites à donner.',
                          case when e = 2 then 'valider' end, p.started_at + e * interval '20 days'
                        from %s p cross join generate_series(1, 5) e left join %s o on o.territory_id = p.territory_id and o.j = 1 + e %% 4
                        """
                    .formatted(P, O));
    }

    private void cohorts() {
        jdbc.execute(
                """
                        insert into cohort (name, start_date, target_territories, application_deadline, status, process_instance_id,
                          created_at, closed_at) values
                        ('Cohorte banc 2025', current_date - 540, 100, current_date - 570, 'CLOSED', 'bench-cohort-2025',
                          now() - interval '600 days', now() - interval '200 days'),
                        ('%s', current_date - 150, 500, current_date - 180, 'RUNNING', 'bench-cohort-2026',
                          now() - interval '200 days', null)
                        """
                    .formatted(RUNNING_COHORT));
        String cohorts = "(select id, start_date, status, process_instance_id from cohort where process_instance_id like 'bench-cohort-%')";
        jdbc.execute(
                """
                        insert into collective_session (cohort_id, code, position, title, planned_date, status)
                        select c.id, s.code, s.position, s.title, c.start_date + s.offset_days,
                          case when c.status = 'CLOSED' then 'CAPITALISED' else s.running end
                        from %s c cross join (values ('S1', 1, 'Comprendre', 0, 'CAPITALISED'), ('S2', 2, 'Mettre en œuvre', 45, 'HELD'),
                          ('W', 3, 'Webinaire expert', 90, 'HELD'), ('S3', 4, 'Approfondir', 135, 'CONVENED'),
                          ('S4', 5, 'Mettre en perspective', 240, 'PLANNED')) s(code, position, title, offset_days, running)
                        """
                    .formatted(cohorts));
        jdbc.execute(
                """
                        insert into participation (cohort_id, territory_id, status, catalyst_one, catalyst_two, motivation, applied_at, decided_at)
                        select c.id, t.id, case when c.status = 'RUNNING' and t.n %% 10 = 0 then 'NOT_SELECTED' else 'SELECTED' end,
                          'cat1.' || t.code, 'cat2.' || t.code, 'Nous voulons outiller nos partenariats.',
                          cast(c.start_date - 40 as timestamp with time zone), cast(c.start_date - 20 as timestamp with time zone)
                        from %s c cross join %s t where c.status = 'RUNNING' or t.n <= 100
                        """
                    .formatted(cohorts, T));
        // The running cohort: S1 all in (30 % late), S2 half on time, 20 % late, 30 %
        // overdue, S3 due in ten days
        // (every seventh territory's already overdue); the closed cohort's four all in.
        jdbc.execute(
                """
                        insert into deliverable (participation_id, session_code, kind, due_at, submitted_at, status, summary)
                        select pa.id, d.code, d.kind, d.due_at,
                          case when d.status = 'SUBMITTED' then d.due_at - interval '2 days'
                            when d.status = 'SUBMITTED_LATE' then d.due_at + interval '5 days' end, d.status,
                          case when d.status <> 'EXPECTED' then 'Livrable déposé.' end
                        from participation pa join cohort c on c.id = pa.cohort_id join %s t on t.id = pa.territory_id
                        cross join lateral (values
                          ('S1', 'Bilan initial (autodiagnostic)', cast(c.start_date + 14 as timestamp with time zone),
                            case when t.n %% 10 < 7 then 'SUBMITTED' else 'SUBMITTED_LATE' end),
                          ('S2', 'Fiche de mise en œuvre', cast(c.start_date + 59 as timestamp with time zone),
                            case when t.n %% 10 < 5 then 'SUBMITTED' when t.n %% 10 < 7 then 'SUBMITTED_LATE'
                              when c.status = 'CLOSED' then 'SUBMITTED' else 'EXPECTED' end),
                          ('S3', 'Feuille de route', case when c.status = 'CLOSED' then cast(c.start_date + 149 as timestamp with time zone)
                              when t.n %% 7 = 0 then now() - interval '3 days' else now() + interval '10 days' end,
                            case when c.status = 'CLOSED' or t.n %% 10 < 2 then 'SUBMITTED' else 'EXPECTED' end),
                          ('S4', 'Bilan du participant et contribution au socle commun', cast(c.start_date + 254 as timestamp with time zone),
                            'SUBMITTED')) d(code, kind, due_at, status)
                        where pa.status = 'SELECTED' and (d.code <> 'S4' or c.status = 'CLOSED')
                        """
                    .formatted(T));
        jdbc.execute(
                """
                        insert into support_followup (participation_id, support_month, progress, recorded_at)
                        select pa.id, m, 'Le comité local s''est réuni ; la feuille de route avance.',
                          cast(c.start_date + m * 30 as timestamp with time zone)
                        from participation pa join cohort c on c.id = pa.cohort_id cross join generate_series(1, 6) m
                        where pa.status = 'SELECTED' and c.process_instance_id like 'bench-cohort-%' and (c.status = 'CLOSED' or m <= 3)
                        """);
        jdbc.execute(
                """
                        insert into foundation_version (cohort_id, version, status, consolidated_at, validated_at, published_at)
                        select id, 1, 'PUBLISHED', now() - interval '260 days', now() - interval '230 days', now() - interval '229 days'
                        from cohort where process_instance_id = 'bench-cohort-2025'
                        """);
        jdbc.execute("""
                insert into foundation_review (foundation_version_id, territory_id, opinion, reviewed_at)
                select v.id, pa.territory_id, 'APPROVED', now() - interval '240 days'
                from foundation_version v join participation pa on pa.cohort_id = v.cohort_id
                join cohort c on c.id = v.cohort_id where c.process_instance_id = 'bench-cohort-2025'
                """);
    }

    /**
     * One per territory, started 0 to 47 months ago (those past 36 in their second period
     * for half of them); 10 % closed.
     */
    private void dialogues() {
        jdbc.execute(
                """
                        insert into governance_dialogue (territory_id, cohort_id, subject, status, periods, process_instance_id, started_at, closed_at)
                        select t.id, case when t.n <= 100 then (select id from cohort where process_instance_id = 'bench-cohort-2025') end,
                          'Gouvernance partagée du ' || t.name, case when t.n %% 10 = 9 then 'CLOSED' else 'ACTIVE' end,
                          case when t.n %% 48 >= 36 and t.n %% 2 = 0 then 2 else 1 end, 'bench-g-' || t.code,
                          now() - (t.n %% 48) * interval '1 month' - interval '3 days',
                          case when t.n %% 10 = 9 then now() - interval '10 days' end
                        from %s t
                        """
                    .formatted(T));
    }

    /**
     * The runtime instances the open tasks belong to: open partnerships, active
     * dialogues, the running cohort.
     */
    private void processInstances() {
        String insert = """
                insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, is_active_,
                  is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_, tenant_id_,
                  proc_def_key_)
                select x.instance, 1, x.instance, x.instance, x.business_key, d.id_, true, false, true, false, 1, 0, 1, x.tenant, d.key_
                from (%s) x join (select distinct on (key_) id_, key_ from act_re_procdef where key_ = '%s' order by key_, version_ desc) d
                  on true
                """;
        jdbc.execute(
                insert.formatted(
                        "select p.process_instance_id as instance, p.name as business_key, t.code as tenant " + "from "
                                + P + " p join territory t on t.id = p.territory_id where p.k <= 16",
                        "partnership-lifecycle"));
        jdbc.execute(insert.formatted(
                "select g.process_instance_id as instance, null as business_key, t.code as tenant "
                        + "from governance_dialogue g join territory t on t.id = g.territory_id "
                        + "where g.process_instance_id like 'bench-g-%' and g.status = 'ACTIVE'",
                "governance-dialogue"));
        jdbc.execute(insert
            .formatted("select process_instance_id as instance, name as business_key, cast(null as varchar) as tenant "
                    + "from cohort where process_instance_id = 'bench-cohort-2026'", "pilot-pathway"));
    }

    /**
     * Attaches each territory's 200 tasks, in creation order: the first to the cohort
     * (its deliverable, the catalysts' group, no tenant, as the cohort's tasks are), the
     * second to its dialogue, the others in turn to its 16 open partnerships, with their
     * stage's task keys; those of organisations and funders are offered to their groups.
     * Tasks left without an instance (territory not selected, dialogue closed) stay
     * standalone.
     */
    private void attachTasks() {
        String stageTasks = """
                case when p.k <= 3 then (array['Task_SharedDiagnostic', 'Task_MapStakeholders', 'Task_AcquaintanceMeeting',
                    'Task_ValidateSharedStakes'])[1 + x.round % 4]
                  when p.k <= 6 then (array['Task_ProposeMatches', 'Task_StateNeeds', 'Task_AnswerMatch'])[1 + x.round % 3]
                  when p.k <= 9 then (array['Task_FrameExperiment', 'Task_DefineIndicators', 'Task_FundingDecision',
                    'Task_SignAgreement'])[1 + x.round % 4]
                  when p.k <= 14 then (array['Task_RequestMediation', 'Task_EnterIndicators', 'Task_LogSupportActions',
                    'Task_SteeringMeeting'])[1 + least(x.round, 1 + x.round % 3)]
                  else (array['Task_EvaluationDecision', 'Task_PartnerEvaluation'])[1 + x.round % 2] end""";
        jdbc.execute(
                """
                        with numbered as (
                          select id_, tenant_id_, row_number() over (partition by tenant_id_ order by create_time_, id_) as n
                          from act_ru_task where tenant_id_ ~ '^b[0-9]{3}$' and proc_inst_id_ is null
                        ), x as (
                          select id_, tenant_id_, n, (n - 3) / 16 as round,
                            case when n = 1 and cast(substr(tenant_id_, 2) as integer) %% 10 <> 0 then 'bench-cohort-2026'
                              when n = 1 then null when n = 2 then 'bench-g-' || tenant_id_
                              else 'bench-p-' || tenant_id_ || '-' || (1 + (n - 3) %% 16) end as instance
                          from numbered
                        ), target as (
                          select x.id_, x.instance, e.proc_def_id_, e.tenant_id_,
                            case when x.n = 1 then 'Task_SubmitDeliverable' when x.n = 2 then 'Task_QuarterlyReview' else %s end as task_key
                          from x join act_ru_execution e on e.id_ = x.instance left join %s p on p.process_instance_id = x.instance
                        )
                        update act_ru_task t set proc_inst_id_ = g.instance, execution_id_ = g.instance, proc_def_id_ = g.proc_def_id_,
                          task_def_key_ = g.task_key, tenant_id_ = g.tenant_id_
                        from target g where g.id_ = t.id_
                        """
                    .formatted(stageTasks, P));
        StringBuilder names = new StringBuilder();
        TASK_NAMES.forEach((key, name) -> names.append(names.isEmpty() ? "" : ", ")
            .append("('")
            .append(key)
            .append("', '")
            .append(name)
            .append("')"));
        jdbc.execute("""
                update act_ru_task t set name_ = v.name from (values %s) v(task_key, name)
                where t.task_def_key_ = v.task_key and t.proc_inst_id_ like 'bench-%%'
                """.formatted(names));
        // The standing mediation task has no due date.
        jdbc.execute(
                "update act_ru_task set due_date_ = null where task_def_key_ = 'Task_RequestMediation' and proc_inst_id_ like 'bench-%'");
        jdbc.execute(
                """
                        update act_ru_identitylink l set group_id_ = case
                            when t.task_def_key_ in ('Task_StateNeeds', 'Task_AnswerMatch', 'Task_EnterIndicators', 'Task_PartnerEvaluation')
                              then 'organisation.' || substr(t.proc_inst_id_, 9, 4) || '-o2'
                            when t.task_def_key_ = 'Task_FundingDecision' then 'financeurs.' || substr(t.proc_inst_id_, 9, 4) end
                        from act_ru_task t
                        where l.task_id_ = t.id_ and l.type_ = 'candidate' and t.proc_inst_id_ like 'bench-p-%'
                          and t.task_def_key_ in ('Task_StateNeeds', 'Task_AnswerMatch', 'Task_EnterIndicators', 'Task_PartnerEvaluation',
                            'Task_FundingDecision')
                        """);
    }

    /**
     * The attached tasks' history rows say the same; finished monthly indicator entries
     * of partnerships in support and after.
     */
    private void history() {
        jdbc.execute("""
                update act_hi_taskinst h set proc_inst_id_ = t.proc_inst_id_, execution_id_ = t.execution_id_,
                  root_proc_inst_id_ = t.proc_inst_id_, proc_def_id_ = t.proc_def_id_, task_def_key_ = t.task_def_key_,
                  proc_def_key_ = d.key_, name_ = t.name_, tenant_id_ = t.tenant_id_, due_date_ = t.due_date_
                from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
                where h.id_ = t.id_ and t.proc_inst_id_ like 'bench-%'
                """);
        // 4 entries each of 5,500 partnerships: due a week after they open, some entered
        // late.
        jdbc.execute(
                """
                        insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                          execution_id_, name_, start_time_, end_time_, duration_, delete_reason_, priority_, due_date_, tenant_id_, task_state_)
                        select 'bench-hi-' || p.id || '-' || m, 'Task_EnterIndicators', 'partnership-lifecycle', d.id_, p.process_instance_id,
                          p.process_instance_id, p.process_instance_id, 'Saisir les indicateurs du mois',
                          cast(p.started_at as timestamp) + (90 + m * 30) * interval '1 day',
                          cast(p.started_at as timestamp) + (90 + m * 30 + (p.k + m) %% 10) * interval '1 day',
                          ((p.k + m) %% 10) * 86400000, 'completed', 50,
                          cast(p.started_at as timestamp) + (97 + m * 30) * interval '1 day', t.code, 'Completed'
                        from %s p join territory t on t.id = p.territory_id cross join generate_series(1, 4) m
                        join (select id_ from act_re_procdef where key_ = 'partnership-lifecycle' order by version_ desc limit 1) d on true
                        where p.k between 10 and 19
                        """
                    .formatted(P));
    }

}
