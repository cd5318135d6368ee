-- The output_memory consumer (sql): a team run that ended completed, whose assignment's
-- output_destination (as the run recorded its policies at the request) is {kind: memory,
-- memoryProfileId, scope?}, writes its workflow run's output as one memory entry under that profile
-- (the text when the run has one end node answering text, else the output's JSON).
-- It runs in the transaction that marks the delivery processed, so the entry is written exactly once.
-- The profile must belong to the assignee: the assigned agent, or an agent that is a member of the
-- assigned team (22023 otherwise: a permanent failure). Returns {memory_id, memory_profile_id}.
create or replace function agents.fn_deliver_output_memory(p_event agents.events)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_team agents.team_runs;
  v_destination jsonb;
  v_profile agents.memory_profiles;
  v_run lenses.workflow_runs;
  v_content text;
  v_memory_id uuid;
begin
  if p_event.subject_kind is distinct from 'team_run' then
    raise exception 'output_memory: event % of scope % is not about a team run', p_event.event_id, p_event.scope_id
      using errcode = '22023';
  end if;
  select t.* into v_team from agents.team_runs t where t.id = p_event.subject_id;
  if v_team.id is null then
    raise exception 'output_memory: team run % no longer exists', p_event.subject_id using errcode = '22023';
  end if;
  v_destination := v_team.policies -> 'output_destination';
  if coalesce(v_destination ->> 'kind', '') <> 'memory' then
    raise exception 'output_memory: team run %''s output destination is not memory', v_team.id using errcode = '22023';
  end if;
  select p.* into v_profile from agents.memory_profiles p
  where p.id = (v_destination ->> 'memoryProfileId')::uuid
    and (p.ai_lenser_id = v_team.assignee_ai_lenser_id
         or p.ai_lenser_id in (select m.agent_id from agents.team_members m where m.team_id = v_team.assignee_team_id));
  if v_profile.id is null then
    raise exception 'output_memory: memory profile % does not exist or is not the assignee''s (an agent of the assignment)',
      v_destination ->> 'memoryProfileId' using errcode = '22023';
  end if;
  select r.* into v_run from lenses.workflow_runs r where r.id = v_team.workflow_run_id;
  -- A run's output is {<end node key>: <its output>}: one end node answering text alone is that
  -- text; anything else is kept as its JSON.
  v_content := case
    when jsonb_typeof(v_run.output) = 'string' then v_run.output #>> '{}'
    when jsonb_typeof(v_run.output) = 'object' and (select count(*) from jsonb_object_keys(v_run.output)) = 1
         and (select jsonb_typeof(v.value) = 'object' and (select array_agg(k) from jsonb_object_keys(v.value) k) = array['text']
                     and jsonb_typeof(v.value -> 'text') = 'string'
              from jsonb_each(v_run.output) v)
      then (select v.value ->> 'text' from jsonb_each(v_run.output) v)
    else v_run.output::text end;
  if coalesce(btrim(v_content), '') = '' then
    v_content := '(no output)';
  end if;
  insert into agents.memories (memory_profile_id, ai_lenser_id, scope, source, content, expires_at, metadata)
  values (v_profile.id, v_profile.ai_lenser_id,
    coalesce((v_destination ->> 'scope')::agents.memory_scope, v_profile.scope_type), 'workflow', left(v_content, 20000),
    now() + make_interval(days => v_profile.retention_days),
    jsonb_strip_nulls(jsonb_build_object('workflow_id', v_team.workflow_id, 'run_id', v_team.workflow_run_id,
      'team_run_id', v_team.id, 'assignment_id', v_team.assignment_id, 'team_id', v_team.assignee_team_id,
      'event', jsonb_build_object('scope_id', p_event.scope_id, 'event_id', p_event.event_id))))
  returning id into v_memory_id;
  return jsonb_build_object('memory_id', v_memory_id, 'memory_profile_id', v_profile.id);
end
$function$;

comment on function agents.fn_deliver_output_memory(p_event agents.events) is 'output_memory consumer: writes a completed team run''s output as one memory entry of the destination''s profile.';

revoke all on function agents.fn_deliver_output_memory(p_event agents.events) from public;
grant execute on function agents.fn_deliver_output_memory(p_event agents.events) to service_role;
