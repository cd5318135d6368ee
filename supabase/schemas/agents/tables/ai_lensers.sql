create table agents.ai_lensers (
  id uuid default gen_random_uuid() not null,
  profile_id uuid not null,
  runtime_pref agents.runtime_pref default 'cloud'::agents.runtime_pref not null,
  is_active boolean default true not null,
  suspended_at timestamp with time zone,
  suspended_reason text,
  personality_note text,
  max_tool_iterations integer default 4 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint ai_lensers_pkey PRIMARY KEY (id),
  constraint ai_lensers_profile_id_key UNIQUE (profile_id),
  constraint ai_lensers_max_tool_iterations_range CHECK (((max_tool_iterations >= 0) AND (max_tool_iterations <= 32))),
  constraint ai_lensers_personality_note_length CHECK ((char_length(personality_note) <= 4000)),
  constraint ai_lensers_suspended_inactive CHECK (((suspended_at IS NULL) OR (NOT is_active))),
  constraint ai_lensers_suspension_consistent CHECK (((suspended_at IS NULL) = (suspended_reason IS NULL))),
  constraint ai_lensers_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES lensers.profiles(id) ON DELETE CASCADE
);

alter table agents.ai_lensers enable row level security;
comment on table agents.ai_lensers is 'Runtime extension of an AI profile; exactly one per lensers.profiles row of type ai.';
comment on column agents.ai_lensers.max_tool_iterations is 'How many rounds of tool calls one agent turn may make (seed 002; 0 offers no tools).';

create policy ai_lensers_select on agents.ai_lensers
  as permissive for select to authenticated
  using (( SELECT agents.can_operate_ai_lenser(ai_lensers.id) AS can_operate_ai_lenser));

create policy ai_lensers_update on agents.ai_lensers
  as permissive for update to authenticated
  using (( SELECT agents.can_manage_ai_lenser(ai_lensers.id) AS can_manage_ai_lenser))
  with check (( SELECT agents.can_manage_ai_lenser(ai_lensers.id) AS can_manage_ai_lenser));

create trigger ai_lensers_profile_is_ai before insert or update of profile_id on agents.ai_lensers for each row execute procedure agents.tg_ai_lensers_profile_is_ai();

create trigger ai_lensers_set_updated_at before update on agents.ai_lensers for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.ai_lensers to authenticated;
grant all on table agents.ai_lensers to service_role;
grant update (runtime_pref) on table agents.ai_lensers to authenticated;
grant update (is_active) on table agents.ai_lensers to authenticated;
grant update (suspended_at) on table agents.ai_lensers to authenticated;
grant update (suspended_reason) on table agents.ai_lensers to authenticated;
grant update (personality_note) on table agents.ai_lensers to authenticated;
grant update (max_tool_iterations) on table agents.ai_lensers to authenticated;
