-- What each person wants to receive, per kind of email: immediately, in the weekly digest, or not at all.
create table notification_preference (
    user_id     varchar(64) not null,
    kind        varchar(16) not null,
    mode        varchar(16) not null,
    updated_at  timestamp with time zone not null,
    primary key (user_id, kind)
);

-- Emails kept for the weekly digest, or not sent by choice, are recorded too; the digest links to them.
alter table notification add column preference_kind varchar(16);
alter table notification add column link varchar(500);
create index notification_recipient_status on notification (recipient_user, status);

-- Calendar invitations of a session: same UID, SEQUENCE raised at each change.
alter table collective_session add column calendar_sequence integer default 0 not null;
