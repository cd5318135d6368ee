-- Every guardrail verdict that is not a pass, one row per rule that hit (seed 002's
-- guardrail_violations: tier, rule, severity, whether the outbound was blocked, context; issue 12:
-- the original and rewritten text side by side). Written by agents.fn_record_guardrail_verdict in
-- the transaction that lets the message go on (or stops it). Append-only.
-- The binding, conversation and message are kept as null when they are deleted (the violation stays
-- history). One row per message, rule and direction (the unique index), so recording a verdict twice
-- writes nothing the second time.
create table agents.guardrail_violations (
  id uuid default gen_random_uuid() not null,
  seq bigint generated always as identity not null,
  rule_id uuid,
  rule_version integer not null,
  tier agents.guardrail_tier not null,
  kind agents.guardrail_kind not null,
  action agents.guardrail_action not null,
  severity agents.guardrail_severity not null,
  direction agents.guardrail_direction not null,
  ai_lenser_id uuid not null,
  team_id uuid,
  binding_id uuid,
  conversation_id uuid,
  message_id uuid,
  node_result_id uuid,
  outbound_blocked boolean not null,
  original_text text not null,
  rewritten_text text,
  matches jsonb default '[]'::jsonb not null,
  context jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint guardrail_violations_pkey PRIMARY KEY (id),
  constraint guardrail_violations_direction_checked CHECK ((direction <> 'both'::agents.guardrail_direction)),
  constraint guardrail_violations_rewritten CHECK (((rewritten_text IS NULL) OR (action = 'rewrite'::agents.guardrail_action))),
  constraint guardrail_violations_matches_array CHECK ((jsonb_typeof(matches) = 'array'::text)),
  constraint guardrail_violations_context_object CHECK ((jsonb_typeof(context) = 'object'::text)),
  constraint guardrail_violations_original_length CHECK ((char_length(original_text) <= 1000000)),
  constraint guardrail_violations_rule_id_fkey FOREIGN KEY (rule_id) REFERENCES agents.guardrail_rules(id) ON DELETE SET NULL,
  constraint guardrail_violations_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint guardrail_violations_team_id_fkey FOREIGN KEY (team_id) REFERENCES agents.teams(id) ON DELETE SET NULL,
  constraint guardrail_violations_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint guardrail_violations_binding_id_fkey FOREIGN KEY (binding_id) REFERENCES agents.channel_bindings(id) ON DELETE SET NULL,
  constraint guardrail_violations_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES agents.conversations(id) ON DELETE SET NULL,
  constraint guardrail_violations_message_id_fkey FOREIGN KEY (message_id) REFERENCES agents.messages(id) ON DELETE SET NULL
);

alter table agents.guardrail_violations enable row level security;
comment on table agents.guardrail_violations is 'Every guardrail hit of a verdict that was not a pass: the rule and its version, tier, kind, action, severity, direction, whether the message was blocked, the original and rewritten text, the matches, context. Append-only; visible to the agent''s owners and operators.';
comment on column agents.guardrail_violations.outbound_blocked is 'The verdict was block: an output was not sent; an input never reached the agent (no reply came from it).';
comment on column agents.guardrail_violations.rewritten_text is 'For a rewrite hit of a verdict that let the message go: the text that went instead of the original.';
comment on column agents.guardrail_violations.conversation_id is 'The conversation the checked message belongs to.';
comment on column agents.guardrail_violations.message_id is 'The message checked.';

create index guardrail_violations_agent_idx on agents.guardrail_violations using btree (ai_lenser_id, created_at DESC);
create index guardrail_violations_rule_idx on agents.guardrail_violations using btree (rule_id);
create index guardrail_violations_team_idx on agents.guardrail_violations using btree (team_id);
create index guardrail_violations_binding_idx on agents.guardrail_violations using btree (binding_id, created_at DESC);
create index guardrail_violations_conversation_idx on agents.guardrail_violations using btree (conversation_id, created_at DESC);
create index guardrail_violations_node_result_idx on agents.guardrail_violations using btree (node_result_id);
create unique index guardrail_violations_message_rule_key on agents.guardrail_violations using btree (message_id, rule_id, direction) where (message_id IS NOT NULL);

create policy guardrail_violations_select on agents.guardrail_violations
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(guardrail_violations.ai_lenser_id) AS can_operate_ai_lenser));

create trigger guardrail_violations_append_only before update or delete on agents.guardrail_violations for each row execute procedure lenses.tg_append_only();

create trigger guardrail_violations_no_truncate before truncate on agents.guardrail_violations for each statement execute procedure lenses.tg_append_only();

grant select on table agents.guardrail_violations to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table agents.guardrail_violations to service_role;
