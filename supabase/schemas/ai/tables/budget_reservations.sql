create table ai.budget_reservations (
  node_result_id uuid not null,
  attempt integer not null,
  run_id uuid not null,
  budget_ids uuid[] not null,
  period_starts timestamp with time zone[] not null,
  amount_credits numeric(14,6) not null,
  unpriced boolean default false not null,
  status ai.budget_reservation_status default 'held'::ai.budget_reservation_status not null,
  actual_credits numeric(14,6),
  created_at timestamp with time zone default now() not null,
  ended_at timestamp with time zone,
  constraint budget_reservations_pkey PRIMARY KEY (node_result_id, attempt),
  constraint budget_reservations_budgets CHECK (((cardinality(budget_ids) >= 1) AND (cardinality(budget_ids) <= 1000) AND (cardinality(period_starts) = cardinality(budget_ids)) AND (array_position(budget_ids, NULL::uuid) IS NULL) AND (array_position(period_starts, NULL::timestamp with time zone) IS NULL))),
  constraint budget_reservations_amounts CHECK (((amount_credits >= (0)::numeric) AND ((actual_credits IS NULL) OR (actual_credits >= (0)::numeric)))),
  constraint budget_reservations_ended CHECK ((((status = 'held'::ai.budget_reservation_status) = (ended_at IS NULL)) AND ((status = 'settled'::ai.budget_reservation_status) = (actual_credits IS NOT NULL)))),
  constraint budget_reservations_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE
) with (fillfactor=80);

alter table ai.budget_reservations enable row level security;
comment on table ai.budget_reservations is 'What each task attempt reserved at its claim (its estimate, in each of the budgets it touches: budget_ids with their period_starts, in budget id order), and how it ended: settled (its calls'' cost charged to spent in each) or released. One row per attempt, not per budget: a claim writes one row per task and settling updates one. No foreign key to the budgets or periods: every claim writes here, and a key check would lock the period rows every claim shares. One index (the key, led by the task) and none on status, so that settling is a HOT update.';
comment on constraint budget_reservations_pkey on ai.budget_reservations is 'One reservation per task attempt. A released attempt gives its number back (release_workflow_task), and the claim that takes it again replaces the released row (ai.fn_reserve_budgets: on conflict, only over a released one).';
comment on column ai.budget_reservations.amount_credits is 'The attempt''s estimate, reserved in each of its budgets (the same amount in each).';
comment on column ai.budget_reservations.unpriced is 'The model had no price at the claim: nothing could be estimated (only a soft budget reserves that).';

create policy budget_reservations_select on ai.budget_reservations
  as permissive for select to authenticated
  using ((budget_ids && ARRAY( SELECT b.id
   FROM ai.budgets b)));

grant select on table ai.budget_reservations to authenticated;
grant all on table ai.budget_reservations to service_role;
