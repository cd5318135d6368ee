create or replace function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone default 'neutral'::agents.personality_tone, p_expertise_level agents.expertise_level default 'intermediate'::agents.expertise_level, p_risk_tolerance agents.risk_tolerance default 'low'::agents.risk_tolerance, p_autonomy_level agents.autonomy_level default 'supervised'::agents.autonomy_level, p_communication_style agents.communication_style default 'concise'::agents.communication_style, p_decision_style agents.decision_style default 'balanced'::agents.decision_style, p_escalation_behavior agents.escalation_behavior default 'on_uncertainty'::agents.escalation_behavior, p_system_prompt_patch text default NULL::text, p_is_default boolean default false)
 returns agents.personality_profiles
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_personality_profile';
  v_row agents.personality_profiles;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_personality_profile', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('create_personality_profile', 'p_system_prompt_patch', p_system_prompt_patch, 16000);
  perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 80);
  perform agents.fn_rpc_not_null(c_rpc, 'p_tone', p_tone);
  perform agents.fn_rpc_not_null(c_rpc, 'p_expertise_level', p_expertise_level);
  perform agents.fn_rpc_not_null(c_rpc, 'p_risk_tolerance', p_risk_tolerance);
  perform agents.fn_rpc_not_null(c_rpc, 'p_autonomy_level', p_autonomy_level);
  perform agents.fn_rpc_not_null(c_rpc, 'p_communication_style', p_communication_style);
  perform agents.fn_rpc_not_null(c_rpc, 'p_decision_style', p_decision_style);
  perform agents.fn_rpc_not_null(c_rpc, 'p_escalation_behavior', p_escalation_behavior);
  perform agents.fn_rpc_not_null(c_rpc, 'p_is_default', p_is_default);
  if p_system_prompt_patch is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_system_prompt_patch', p_system_prompt_patch, 8000);
  end if;
  perform agents.fn_rpc_profile_name_free(c_rpc, null::agents.personality_profiles, p_ai_lenser_id, p_name, null);
  if p_is_default then
    perform agents.fn_profile_clear_default(null::agents.personality_profiles, p_ai_lenser_id, null);
  end if;
  insert into agents.personality_profiles (ai_lenser_id, name, tone, expertise_level, risk_tolerance, autonomy_level,
    communication_style, decision_style, escalation_behavior, system_prompt_patch, is_default)
  values (p_ai_lenser_id, btrim(p_name), p_tone, p_expertise_level, p_risk_tolerance, p_autonomy_level,
    p_communication_style, p_decision_style, p_escalation_behavior, btrim(p_system_prompt_patch), p_is_default)
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_is_default boolean) is 'Creates a personality profile for an agent the caller owns or co-owns.';

revoke all on function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_is_default boolean) from public;
grant execute on function public.create_personality_profile(p_ai_lenser_id uuid, p_name text, p_tone agents.personality_tone, p_expertise_level agents.expertise_level, p_risk_tolerance agents.risk_tolerance, p_autonomy_level agents.autonomy_level, p_communication_style agents.communication_style, p_decision_style agents.decision_style, p_escalation_behavior agents.escalation_behavior, p_system_prompt_patch text, p_is_default boolean) to authenticated;
