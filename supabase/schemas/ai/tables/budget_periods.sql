create table ai.budget_periods (
  budget_id uuid not null,
  period_start timestamp with time zone not null,
  period_end timestamp with time zone not null,
  limit_credits numeric(14,6) not null,
  enforcement ai.budget_enforcement not null,
  reserved_credits numeric(14,6) default 0 not null,
  spent_credits numeric(14,6) default 0 not null,
  overrun_credits numeric(14,6) default 0 not null,
  created_at timestamp with time zone default now() not null,
  constraint budget_periods_pkey PRIMARY KEY (budget_id, period_start),
  constraint budget_periods_bounds CHECK ((period_end > period_start)),
  constraint budget_periods_figures_not_negative CHECK (((reserved_credits >= (0)::numeric) AND (spent_credits >= (0)::numeric) AND (overrun_credits >= (0)::numeric))),
  constraint budget_periods_hard_limit CHECK (((enforcement = 'soft'::ai.budget_enforcement) OR ((spent_credits + reserved_credits) <= (limit_credits + overrun_credits)))),
  constraint budget_periods_limit_positive CHECK ((limit_credits > (0)::numeric)),
  constraint budget_periods_budget_id_fkey FOREIGN KEY (budget_id) REFERENCES ai.budgets(id) ON DELETE CASCADE
) with (fillfactor=10);

alter table ai.budget_periods enable row level security;
comment on table ai.budget_periods is 'One row per budget and period (created on demand by the first reservation, insert ... on conflict do nothing); a new period is a new row, the old one is never reset. reserved: estimates held by running tasks; spent: settled cost from the ledger. Fillfactor 10: every claim and completion updates these few rows, and a page is pruned of their dead versions once it is 10% full, so reads walk short update chains.';
comment on column ai.budget_periods.limit_credits is 'The budget''s amount when the period began; update_budget changes the current period''s too.';
comment on column ai.budget_periods.overrun_credits is 'What settled calls cost beyond their reservation (an estimate that fell short): the only way spent can pass a hard limit, and it is counted here.';
comment on constraint budget_periods_hard_limit on ai.budget_periods is 'A reservation can never take a hard budget past its limit: spent + reserved <= limit, plus what settlement found beyond estimates.';

create policy budget_periods_select on ai.budget_periods
  as permissive for select to authenticated
  using ((budget_id IN ( SELECT b.id
   FROM ai.budgets b)));

grant select on table ai.budget_periods to authenticated;
grant all on table ai.budget_periods to service_role;
