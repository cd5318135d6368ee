-- Guardrail rules (README "Guardrails"; seed 002's persona / team / technical guardrails, mapped onto
-- an agent, a team and a channel binding): what a message is checked for, in which direction, and
-- what happens when it matches. A binding rule also stores its binding's agent (ai_lenser_id), which
-- its policies use, and which a foreign key holds to the binding's own agent.
create table agents.guardrail_rules (
  id uuid default gen_random_uuid() not null,
  seq bigint generated always as identity not null,
  tier agents.guardrail_tier not null,
  ai_lenser_id uuid,
  team_id uuid,
  binding_id uuid,
  name text not null,
  kind agents.guardrail_kind not null,
  direction agents.guardrail_direction default 'both'::agents.guardrail_direction not null,
  action agents.guardrail_action not null,
  severity agents.guardrail_severity default 'medium'::agents.guardrail_severity not null,
  config jsonb not null,
  enabled boolean default true not null,
  version integer default 1 not null,
  created_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint guardrail_rules_pkey PRIMARY KEY (id),
  constraint guardrail_rules_tier_target CHECK ((((tier = 'agent'::agents.guardrail_tier) AND (ai_lenser_id IS NOT NULL) AND (team_id IS NULL) AND (binding_id IS NULL)) OR ((tier = 'team'::agents.guardrail_tier) AND (team_id IS NOT NULL) AND (ai_lenser_id IS NULL) AND (binding_id IS NULL)) OR ((tier = 'binding'::agents.guardrail_tier) AND (binding_id IS NOT NULL) AND (ai_lenser_id IS NOT NULL) AND (team_id IS NULL)))),
  constraint guardrail_rules_name_length CHECK (((char_length(btrim(name)) >= 1) AND (char_length(name) <= 200))),
  constraint guardrail_rules_config_valid CHECK ((agents.fn_guardrail_config_errors(kind, config) IS NULL)),
  constraint guardrail_rules_version_positive CHECK ((version >= 1)),
  constraint guardrail_rules_ai_lenser_id_fkey FOREIGN KEY (ai_lenser_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint guardrail_rules_team_id_fkey FOREIGN KEY (team_id) REFERENCES agents.teams(id) ON DELETE CASCADE,
  constraint guardrail_rules_created_by_fkey FOREIGN KEY (created_by) REFERENCES lensers.profiles(id) ON DELETE SET NULL,
  constraint guardrail_rules_binding_fkey FOREIGN KEY (binding_id, ai_lenser_id) REFERENCES agents.channel_bindings(id, ai_lenser_id) ON DELETE CASCADE
);

alter table agents.guardrail_rules enable row level security;
comment on table agents.guardrail_rules is 'Guardrail rules on an agent, a team or a channel binding: blocked terms, a regex, a maximum length, PII patterns or a model''s judgement, checked on input and / or output, each with an action block / rewrite / log. Checked by agents.fn_check_guardrails.';
comment on column agents.guardrail_rules.config is 'The kind''s settings (README "Guardrails"), validated by agents.fn_guardrail_config_errors and by types/guardrails.ts.';
comment on column agents.guardrail_rules.seq is 'Creation order (rules made in one transaction share created_at): rules are checked by tier, then seq.';
comment on column agents.guardrail_rules.version is 'Counts changes: 1 when created, one more for each change of name, direction, action, severity, config or enabled. Violations record the version they were judged under.';
comment on column agents.guardrail_rules.ai_lenser_id is 'The agent of an agent rule, and (denormalised) the agent a binding rule''s binding answers as.';
comment on column agents.guardrail_rules.binding_id is 'The channel binding of a binding rule (whose agent is the rule''s ai_lenser_id).';

create index guardrail_rules_agent_idx on agents.guardrail_rules using btree (ai_lenser_id, seq) where (ai_lenser_id IS NOT NULL);
create index guardrail_rules_team_idx on agents.guardrail_rules using btree (team_id, seq) where (team_id IS NOT NULL);
create index guardrail_rules_binding_idx on agents.guardrail_rules using btree (binding_id, seq) where (binding_id IS NOT NULL);
create index guardrail_rules_created_by_idx on agents.guardrail_rules using btree (created_by);

create policy guardrail_rules_select on agents.guardrail_rules
  as permissive for select to authenticated
  using ((((tier <> 'team'::agents.guardrail_tier) AND ( SELECT agents.can_operate_ai_lenser(guardrail_rules.ai_lenser_id) AS can_operate_ai_lenser)) OR ((tier = 'team'::agents.guardrail_tier) AND (team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids)))));

create policy guardrail_rules_insert on agents.guardrail_rules
  as permissive for insert to authenticated
  with check ((((tier <> 'team'::agents.guardrail_tier) AND ( SELECT agents.can_manage_ai_lenser(guardrail_rules.ai_lenser_id) AS can_manage_ai_lenser)) OR ((tier = 'team'::agents.guardrail_tier) AND (team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)))));

create policy guardrail_rules_update on agents.guardrail_rules
  as permissive for update to authenticated
  using ((((tier <> 'team'::agents.guardrail_tier) AND ( SELECT agents.can_manage_ai_lenser(guardrail_rules.ai_lenser_id) AS can_manage_ai_lenser)) OR ((tier = 'team'::agents.guardrail_tier) AND (team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)))))
  with check ((((tier <> 'team'::agents.guardrail_tier) AND ( SELECT agents.can_manage_ai_lenser(guardrail_rules.ai_lenser_id) AS can_manage_ai_lenser)) OR ((tier = 'team'::agents.guardrail_tier) AND (team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)))));

create trigger guardrail_rules_version before update on agents.guardrail_rules for each row execute procedure agents.tg_guardrail_rules_version();

grant select on table agents.guardrail_rules to authenticated;
grant all on table agents.guardrail_rules to service_role;
grant insert (tier, ai_lenser_id, team_id, binding_id, name, kind, direction, action, severity, config, enabled, created_by) on table agents.guardrail_rules to authenticated;
grant update (name, direction, action, severity, config, enabled) on table agents.guardrail_rules to authenticated;
