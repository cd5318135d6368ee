create table lenses.retention_purges (
  id bigint generated always as identity,
  transaction_id xid8 not null,
  mode text not null,
  older_than interval,
  lenser_id uuid,
  purged_by text not null default current_user,
  started_at timestamp with time zone default clock_timestamp() not null,
  finished_at timestamp with time zone,
  workflow_runs integer,
  team_runs integer,
  kept_for_ledger integer,
  constraint retention_purges_pkey PRIMARY KEY (id),
  constraint retention_purges_mode CHECK ((mode = ANY (ARRAY['age'::text, 'erase'::text]))),
  constraint retention_purges_mode_args CHECK (CASE mode WHEN 'age' THEN ((older_than IS NOT NULL) AND (lenser_id IS NULL)) ELSE ((older_than IS NULL) AND (lenser_id IS NOT NULL)) END),
  constraint retention_purges_counts_when_finished CHECK (((finished_at IS NULL) = (workflow_runs IS NULL)) AND ((finished_at IS NULL) = (team_runs IS NULL)))
);

alter table lenses.retention_purges enable row level security;
comment on table lenses.retention_purges is 'One row per call of lenses.fn_purge_runs, the only way runs and their logs leave (README "Retention"): what it was asked (age or erasure), by whom, when, and what it deleted. While a purge is open (finished_at null) in the current transaction, and only then, the append-only logs accept the deletes it makes (lenses.tg_append_only). No grants to clients; service_role reads it.';
comment on column lenses.retention_purges.transaction_id is 'The transaction the purge ran in (pg_current_xact_id()): the append-only triggers accept deletes only in this transaction and only until finished_at is set.';
comment on column lenses.retention_purges.lenser_id is 'erase mode: the profile erased (no foreign key: it is gone afterwards).';
comment on column lenses.retention_purges.kept_for_ledger is 'age mode: runs old enough to go that were kept because a budget period their ledger rows are charged to is still open.';

create unique index retention_purges_open_key on lenses.retention_purges using btree (transaction_id) where (finished_at IS NULL);

-- The purge log is for operators: service_role reads it (it bypasses RLS on Supabase; the policy says
-- so where it does not); no client role has a grant or a policy.
create policy retention_purges_select on lenses.retention_purges
  as permissive for select to service_role
  using (true);

grant select on table lenses.retention_purges to service_role;
