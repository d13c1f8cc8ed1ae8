-- Documents attached to tasks and process instances (fr.catalyse.documents): deliverables, signed
-- agreements, session minutes, the published socle commun. The file itself is stored here, so that
-- one PostgreSQL backup holds the whole programme.
create table catalyse_document (
  id varchar(36) primary key,
  -- Every document belongs to a process instance. Deleting the instance's history, by hand or by the
  -- engine's history cleanup, deletes its row of act_hi_procinst and therefore its documents, in the
  -- same transaction: nothing outlives the history it belongs to.
  process_instance_id varchar(64) not null references act_hi_procinst (id_) on delete cascade,
  -- The task it was attached to (null for a document of the instance, e.g. the published socle commun).
  task_id varchar(64),
  task_definition_key varchar(255),
  -- The territory whose participants may read it once its task is completed (null: the whole instance).
  territory_code varchar(64),
  -- The collective session (S1…S4) of a pilot pathway's task, from its « session » variable: the observatory's
  -- cohort grid links each deliverable cell to its file.
  session_code varchar(4),
  kind varchar(64) not null,
  file_name varchar(255) not null,
  content_type varchar(128) not null,
  size_bytes bigint not null,
  sha256 varchar(64) not null,
  uploaded_by varchar(255) not null,
  uploaded_at timestamp with time zone not null,
  replaced_at timestamp with time zone,
  content bytea not null
);

create index catalyse_document_task on catalyse_document (task_id);
create index catalyse_document_instance on catalyse_document (process_instance_id, task_definition_key);
