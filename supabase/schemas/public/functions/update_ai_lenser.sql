create or replace function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref default NULL::agents.runtime_pref, p_personality_note text default NULL::text, p_display_name text default NULL::text, p_visibility lensers.profile_visibility default NULL::lensers.profile_visibility, p_max_tool_iterations integer default NULL::integer)
 returns agents.ai_lensers
 language plpgsql
 set search_path to ''
as $function$
declare
  v_agent agents.ai_lensers;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_ai_lenser', 'p_personality_note', p_personality_note, 4000);
  perform lensers.fn_limit_text('update_ai_lenser', 'p_display_name', p_display_name, 120);
  if p_ai_lenser_id is null then
    raise exception 'update_ai_lenser: p_ai_lenser_id is required' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'update_ai_lenser: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if char_length(p_personality_note) > 4000 then
    raise exception 'update_ai_lenser: p_personality_note must be at most 4000 characters' using errcode = '22023';
  end if;
  if p_max_tool_iterations is not null and p_max_tool_iterations not between 0 and 32 then
    raise exception 'update_ai_lenser: p_max_tool_iterations must be between 0 and 32, got %', p_max_tool_iterations using errcode = '22023';
  end if;
  if p_display_name is not null and char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'update_ai_lenser: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  update agents.ai_lensers a set
    runtime_pref = coalesce(p_runtime_pref, a.runtime_pref),
    personality_note = coalesce(p_personality_note, a.personality_note),
    max_tool_iterations = coalesce(p_max_tool_iterations, a.max_tool_iterations)
  where a.id = p_ai_lenser_id
  returning * into v_agent;
  update lensers.profiles p set
    display_name = coalesce(btrim(p_display_name), p.display_name),
    visibility = coalesce(p_visibility, p.visibility)
  where p.id = v_agent.profile_id;
  return v_agent;
end
$function$;

comment on function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref, p_personality_note text, p_display_name text, p_visibility lensers.profile_visibility, p_max_tool_iterations integer) is 'Changes an agent the caller owns or co-owns; arguments left null keep their value.';

revoke all on function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref, p_personality_note text, p_display_name text, p_visibility lensers.profile_visibility, p_max_tool_iterations integer) from public;
grant execute on function public.update_ai_lenser(p_ai_lenser_id uuid, p_runtime_pref agents.runtime_pref, p_personality_note text, p_display_name text, p_visibility lensers.profile_visibility, p_max_tool_iterations integer) to authenticated;
