-- The trust layer's record (seed 000): every decision on a tool call an agent asked for, who asked,
-- what, under which rule, and the decision. Append-only.
create table agents.policy_decisions (
  id uuid default gen_random_uuid() not null,
  seq bigint generated always as identity not null,
  ai_lenser_id uuid not null,
  node_result_id uuid,
  step_id uuid,
  tool_invocation_id uuid,
  tool_profile_id uuid,
  subject text not null,
  rule agents.policy_rule not null,
  decision agents.policy_decision not null,
  reason text not null,
  created_at timestamp with time zone default now() not null,
  constraint policy_decisions_pkey PRIMARY KEY (id),
  constraint policy_decisions_subject_length CHECK (((char_length(subject) >= 1) AND (char_length(subject) <= 200))),
  constraint policy_decisions_reason_length CHECK (((char_length(reason) >= 1) AND (char_length(reason) <= 2000))),
  constraint policy_decisions_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint policy_decisions_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint policy_decisions_step_id_fkey FOREIGN KEY (step_id) REFERENCES agents.agent_run_steps(id) ON DELETE SET NULL,
  constraint policy_decisions_tool_invocation_id_fkey FOREIGN KEY (tool_invocation_id) REFERENCES agents.tool_invocations(id) ON DELETE SET NULL,
  constraint policy_decisions_tool_profile_id_fkey FOREIGN KEY (tool_profile_id) REFERENCES agents.tool_profiles(id) ON DELETE SET NULL
);

alter table agents.policy_decisions enable row level security;
comment on table agents.policy_decisions is 'Every decision on a tool call an agent asked for: the agent, the tool (subject), the rule, allow / deny / require_approval, why. Append-only.';
comment on column agents.policy_decisions.seq is 'The order decisions were taken in (several share a transaction''s created_at).';
comment on column agents.policy_decisions.subject is 'The tool key the model asked for, as it asked (an unknown tool has no registry row).';

create index policy_decisions_agent_idx on agents.policy_decisions using btree (ai_lenser_id, created_at DESC);
create index policy_decisions_node_result_idx on agents.policy_decisions using btree (node_result_id);
create index policy_decisions_step_idx on agents.policy_decisions using btree (step_id);
create index policy_decisions_invocation_idx on agents.policy_decisions using btree (tool_invocation_id);
create index policy_decisions_tool_profile_idx on agents.policy_decisions using btree (tool_profile_id);

create policy policy_decisions_select on agents.policy_decisions
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(policy_decisions.ai_lenser_id) AS can_operate_ai_lenser));

create trigger policy_decisions_append_only before update or delete on agents.policy_decisions for each row execute procedure lenses.tg_append_only();

create trigger policy_decisions_no_truncate before truncate on agents.policy_decisions for each statement execute procedure lenses.tg_append_only();

grant select on table agents.policy_decisions to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table agents.policy_decisions to service_role;
