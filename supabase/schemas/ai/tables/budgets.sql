create table ai.budgets (
  id uuid default gen_random_uuid() not null,
  scope ai.budget_scope not null,
  lenser_id uuid,
  ai_lenser_id uuid,
  workflow_id uuid,
  amount_credits numeric(14,6) not null,
  period ai.budget_period not null,
  enforcement ai.budget_enforcement not null,
  on_exceed ai.budget_on_exceed,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  archived_at timestamp with time zone,
  constraint budgets_pkey PRIMARY KEY (id),
  constraint budgets_amount_positive CHECK ((amount_credits > (0)::numeric)),
  constraint budgets_on_exceed_when_hard CHECK (((enforcement = 'hard'::ai.budget_enforcement) = (on_exceed IS NOT NULL))),
  constraint budgets_one_subject CHECK (
CASE scope
    WHEN 'lenser'::ai.budget_scope THEN ((lenser_id IS NOT NULL) AND (ai_lenser_id IS NULL) AND (workflow_id IS NULL))
    WHEN 'ai_lenser'::ai.budget_scope THEN ((lenser_id IS NULL) AND (ai_lenser_id IS NOT NULL) AND (workflow_id IS NULL))
    WHEN 'workflow'::ai.budget_scope THEN ((lenser_id IS NULL) AND (ai_lenser_id IS NULL) AND (workflow_id IS NOT NULL))
    ELSE NULL::boolean
END),
  constraint budgets_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint budgets_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint budgets_lenser_id_fkey FOREIGN KEY (lenser_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE,
  constraint budgets_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES lenses.workflows(id) ON DELETE CASCADE
);

alter table ai.budgets enable row level security;
comment on table ai.budgets is 'Spend limits in credits per agent, workflow or human lenser, per UTC period (ai.budget_periods holds each period''s figures). Hard budgets are reserved in the claim and cannot be passed by a reservation; soft ones alert. Archived budgets no longer apply to new claims.';
comment on column ai.budgets.lenser_id is 'scope lenser: the human whose own runs and owned agents (ownership role owner) it covers.';
comment on column ai.budgets.on_exceed is 'Hard budgets only: what a task that cannot reserve does (wait or fail).';

create index budgets_ai_lenser_idx on ai.budgets using btree (ai_lenser_id) where (archived_at IS NULL);

create index budgets_created_by_idx on ai.budgets using btree (created_by);

create index budgets_lenser_idx on ai.budgets using btree (lenser_id) where (archived_at IS NULL);

create index budgets_workflow_idx on ai.budgets using btree (workflow_id) where (archived_at IS NULL);

create policy budgets_select on ai.budgets
  as permissive for select to authenticated
  using ((((lenser_id IS NOT NULL) AND (lenser_id = ( SELECT lensers.current_profile_id() AS current_profile_id))) OR ((ai_lenser_id IS NOT NULL) AND ai_lenser_id IN ( SELECT a.id
   FROM agents.ai_lensers a)) OR ((workflow_id IS NOT NULL) AND ai.fn_may_manage_workflow_budget(workflow_id))));

create policy budgets_insert on ai.budgets
  as permissive for insert to authenticated
  with check (ai.fn_may_manage_budget(scope, lenser_id, ai_lenser_id, workflow_id));

create policy budgets_update on ai.budgets
  as permissive for update to authenticated
  using (ai.fn_may_manage_budget(scope, lenser_id, ai_lenser_id, workflow_id))
  with check (ai.fn_may_manage_budget(scope, lenser_id, ai_lenser_id, workflow_id));

create trigger budgets_apply_to_period after update of amount_credits, enforcement, archived_at on ai.budgets for each row execute procedure ai.tg_budgets_apply_to_period();

create trigger budgets_set_updated_at before update on ai.budgets for each row execute procedure lensers.tg_set_updated_at();

grant select, insert on table ai.budgets to authenticated;
grant all on table ai.budgets to service_role;
grant update (amount_credits, enforcement, on_exceed, archived_at) on table ai.budgets to authenticated;
