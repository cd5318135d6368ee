create table agents.team_members (
  id uuid default gen_random_uuid() not null,
  team_id uuid not null,
  agent_id uuid not null,
  role agents.team_member_role default 'member'::agents.team_member_role not null,
  responsibility text,
  lane integer default 0 not null,
  personality_profile_id uuid,
  memory_profile_id uuid,
  tool_profile_id uuid,
  model_profile_id uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  capabilities lenses.instruction_category[] default '{}'::lenses.instruction_category[] not null,
  constraint team_members_pkey PRIMARY KEY (id),
  constraint team_members_team_agent_key UNIQUE (team_id, agent_id),
  constraint team_members_team_id_key UNIQUE (team_id, id),
  constraint team_members_lane_not_negative CHECK ((lane >= 0)),
  constraint team_members_responsibility_length CHECK (((char_length(btrim(responsibility)) >= 1) AND (char_length(btrim(responsibility)) <= 2000))),
  constraint team_members_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.ai_lensers(id) ON DELETE CASCADE,
  constraint team_members_memory_profile_fk FOREIGN KEY (memory_profile_id, agent_id) REFERENCES agents.memory_profiles(id, ai_lenser_id),
  constraint team_members_model_profile_fk FOREIGN KEY (model_profile_id, agent_id) REFERENCES agents.model_profiles(id, ai_lenser_id),
  constraint team_members_personality_profile_fk FOREIGN KEY (personality_profile_id, agent_id) REFERENCES agents.personality_profiles(id, ai_lenser_id),
  constraint team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES agents.teams(id) ON DELETE CASCADE,
  constraint team_members_tool_profile_fk FOREIGN KEY (tool_profile_id, agent_id) REFERENCES agents.tool_profiles(id, ai_lenser_id)
);

alter table agents.team_members enable row level security;
comment on table agents.team_members is 'An agent in a team: role, responsibility, lane (members of one lane run in order, lanes in parallel) and profiles.';
comment on column agents.team_members.lane is 'Parallel-execution lane index, 0 or more.';
comment on column agents.team_members.capabilities is 'The lens instruction categories this member takes on (capability-driven node assignment).';

create index team_members_agent_idx on agents.team_members using btree (agent_id);

create index team_members_memory_profile_idx on agents.team_members using btree (memory_profile_id, agent_id);

create index team_members_model_profile_idx on agents.team_members using btree (model_profile_id, agent_id);

create index team_members_personality_profile_idx on agents.team_members using btree (personality_profile_id, agent_id);

create index team_members_tool_profile_idx on agents.team_members using btree (tool_profile_id, agent_id);

create policy team_members_delete on agents.team_members
  as permissive for delete to authenticated
  using ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create policy team_members_insert on agents.team_members
  as permissive for insert to authenticated
  with check (((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)) AND ( SELECT agents.can_operate_ai_lenser(team_members.agent_id) AS can_operate_ai_lenser)));

create policy team_members_select on agents.team_members
  as permissive for select to authenticated
  using ((team_id IN ( SELECT agents.actable_team_ids() AS actable_team_ids)));

create policy team_members_update on agents.team_members
  as permissive for update to authenticated
  using ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)))
  with check ((team_id IN ( SELECT agents.editable_team_ids() AS editable_team_ids)));

create trigger team_members_guard before insert or delete or update on agents.team_members for each row execute procedure agents.tg_team_parts_guard();

create trigger team_members_set_updated_at before update on agents.team_members for each row execute procedure lensers.tg_set_updated_at();

grant select, delete on table agents.team_members to authenticated;
grant all on table agents.team_members to service_role;
grant insert (team_id) on table agents.team_members to authenticated;
grant insert (agent_id) on table agents.team_members to authenticated;
grant insert (role), update (role) on table agents.team_members to authenticated;
grant insert (responsibility), update (responsibility) on table agents.team_members to authenticated;
grant insert (lane), update (lane) on table agents.team_members to authenticated;
grant insert (personality_profile_id), update (personality_profile_id) on table agents.team_members to authenticated;
grant insert (memory_profile_id), update (memory_profile_id) on table agents.team_members to authenticated;
grant insert (tool_profile_id), update (tool_profile_id) on table agents.team_members to authenticated;
grant insert (model_profile_id), update (model_profile_id) on table agents.team_members to authenticated;
grant insert (capabilities), update (capabilities) on table agents.team_members to authenticated;
