-- Every authorization check of a signed-in person looks up the rows granted to them by USER_ID_. The
-- engine's own index on it starts with TYPE_, so with one authorization per candidate group of every
-- open task that look-up read the whole index: 25 ms for the « En retard » filter at 100,000 tasks,
-- 1.7 ms with this index.
create index catalyse_idx_auth_user on act_ru_authorization (user_id_);
