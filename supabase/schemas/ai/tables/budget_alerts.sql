create table ai.budget_alerts (
  budget_id uuid not null,
  period_start timestamp with time zone not null,
  threshold_percent smallint not null,
  spent_credits numeric(14,6) not null,
  limit_credits numeric(14,6) not null,
  run_id uuid,
  node_result_id uuid,
  created_at timestamp with time zone default now() not null,
  constraint budget_alerts_pkey PRIMARY KEY (budget_id, period_start, threshold_percent),
  constraint budget_alerts_threshold CHECK ((threshold_percent = ANY (ARRAY[50, 80, 100]))),
  constraint budget_alerts_budget_id_fkey FOREIGN KEY (budget_id) REFERENCES ai.budgets(id) ON DELETE CASCADE
);

alter table ai.budget_alerts enable row level security;
comment on table ai.budget_alerts is 'A soft budget''s spend crossing 50, 80 or 100% of its limit in a period: exactly one row per (budget, period, threshold), written by the settlement that crossed it (insert ... on conflict do nothing), with a budget_threshold_reached event on that run.';
comment on column ai.budget_alerts.run_id is 'The run whose settled call crossed the threshold (history: no foreign key).';

create policy budget_alerts_select on ai.budget_alerts
  as permissive for select to authenticated
  using ((budget_id IN ( SELECT b.id
   FROM ai.budgets b)));

create trigger budget_alerts_append_only before delete or update on ai.budget_alerts for each row execute procedure lenses.tg_append_only();

create trigger budget_alerts_no_truncate before truncate on ai.budget_alerts for each statement execute procedure lenses.tg_append_only();

grant select on table ai.budget_alerts to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table ai.budget_alerts to service_role;
