-- The observatory's reads (fr.catalyse.observatory), set-based over the whole programme.

-- Late tasks (due date past on the engine's clock), counted by territory and role over every open task:
-- the engine has no index on the due date.
create index catalyse_idx_task_due on act_ru_task (due_date_);

-- Indicator entries on time: one task definition of the history, per territory (tenant).
create index catalyse_idx_hi_task_def_tenant on act_hi_taskinst (task_def_key_, tenant_id_);

-- A partnership's dossier: its assessments, its experiment's indicators and signatures.
create index partner_assessment_partnership on partner_assessment (partnership_id);
create index indicator_experiment on indicator (experiment_id);
create index agreement_signature_experiment on agreement_signature (experiment_id);

-- The socle commun's reviews received, and the dialogues of a territory.
create index foundation_review_version on foundation_review (foundation_version_id);
create index governance_dialogue_territory on governance_dialogue (territory_id);
