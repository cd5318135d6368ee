create or replace function public.update_guardrail_rule(p_rule_id uuid, p_name text default null, p_direction agents.guardrail_direction default null, p_action agents.guardrail_action default null, p_severity agents.guardrail_severity default null, p_config jsonb default null, p_enabled boolean default null)
 returns agents.guardrail_rules
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_guardrail_rule';
  v_rule agents.guardrail_rules;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_guardrail_rule', 'p_name', p_name, 200);
  perform lensers.fn_limit_json('update_guardrail_rule', 'p_config', p_config, 65536, 32);
  v_rule := agents.fn_rpc_editable_guardrail_rule(c_rpc, p_rule_id);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 200);
  end if;
  if p_config is not null then
    perform agents.fn_rpc_guardrail_config(c_rpc, v_rule.kind, p_config);
  end if;
  update agents.guardrail_rules r
  set name = coalesce(btrim(p_name), r.name),
      direction = coalesce(p_direction, r.direction),
      action = coalesce(p_action, r.action),
      severity = coalesce(p_severity, r.severity),
      config = coalesce(p_config, r.config),
      enabled = coalesce(p_enabled, r.enabled)
  where r.id = v_rule.id
  returning * into v_rule;
  return v_rule;
end
$function$;

comment on function public.update_guardrail_rule(p_rule_id uuid, p_name text, p_direction agents.guardrail_direction, p_action agents.guardrail_action, p_severity agents.guardrail_severity, p_config jsonb, p_enabled boolean) is 'Changes a guardrail rule the caller manages (null arguments keep their value; p_config is checked for the rule''s kind); any change bumps its version.';

revoke all on function public.update_guardrail_rule(p_rule_id uuid, p_name text, p_direction agents.guardrail_direction, p_action agents.guardrail_action, p_severity agents.guardrail_severity, p_config jsonb, p_enabled boolean) from public;
grant execute on function public.update_guardrail_rule(p_rule_id uuid, p_name text, p_direction agents.guardrail_direction, p_action agents.guardrail_action, p_severity agents.guardrail_severity, p_config jsonb, p_enabled boolean) to authenticated;
