create or replace function public.update_personality_profile(p_profile_id uuid, p_name text default NULL::text, p_tone agents.personality_tone default NULL::agents.personality_tone, p_expertise_level agents.expertise_level default NULL::agents.expertise_level, p_risk_tolerance agents.risk_tolerance default NULL::agents.risk_tolerance, p_autonomy_level agents.autonomy_level default NULL::agents.autonomy_level, p_communication_style agents.communication_style default NULL::agents.communication_style, p_decision_style agents.decision_style default NULL::agents.decision_style, p_escalation_behavior agents.escalation_behavior default NULL::agents.escalation_behavior, p_system_prompt_patch text default NULL::text, p_clear_system_prompt_patch boolean default false, p_is_default boolean default NULL::boolean)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_personality_profile';
  v_row agents.personality_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_personality_profile', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('update_personality_profile', 'p_system_prompt_patch', p_system_prompt_patch, 16000);
  v_row := agents.fn_rpc_profile(c_rpc, null::agents.personality_profiles, p_profile_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
    perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.personality_profiles, v_row.ai_lenser_id, p_name, p_profile_id);
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_system_prompt_patch', p_clear_system_prompt_patch);
  if p_system_prompt_patch is not null then
    if p_clear_system_prompt_patch then
      raise exception '%: give p_system_prompt_patch or p_clear_system_prompt_patch, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_system_prompt_patch', p_system_prompt_patch, 8000);
  end if;
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.personality_profiles, v_row.ai_lenser_id, p_profile_id);
  end if;
  update agents.personality_profiles p set
    name = coalesce(btrim(p_name), p.name),
    tone = coalesce(p_tone, p.tone),
    expertise_level = coalesce(p_expertise_level, p.expertise_level),
    risk_tolerance = coalesce(p_risk_tolerance, p.risk_tolerance),
    autonomy_level = coalesce(p_autonomy_level, p.autonomy_level),
    communication_style = coalesce(p_communication_style, p.communication_style),
    decision_style = coalesce(p_decision_style, p.decision_style),
    escalation_behavior = coalesce(p_escalation_behavior, p.escalation_behavior),
    system_prompt_patch = case when p_clear_system_prompt_patch then null else coalesce(btrim(p_system_prompt_patch), p.system_prompt_patch) end,
    is_default = coalesce(p_is_default, p.is_default)
  where p.id = p_profile_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.update_personality_profile(p_profile_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_clear_system_prompt_patch boolean, p_is_default boolean) is 'Changes a personality profile; null arguments keep their value, p_clear_system_prompt_patch removes the patch.';

revoke all on function public.update_personality_profile(p_profile_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_clear_system_prompt_patch boolean, p_is_default boolean) from public;
grant execute on function public.update_personality_profile(p_profile_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_clear_system_prompt_patch boolean, p_is_default boolean) to authenticated;
