create or replace function public.disable_guardrail_rule(p_rule_id uuid)
 returns agents.guardrail_rules
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'disable_guardrail_rule';
  v_rule agents.guardrail_rules;
begin
  v_rule := agents.fn_rpc_editable_guardrail_rule(c_rpc, p_rule_id);
  if not v_rule.enabled then
    raise exception '%: guardrail rule % is already disabled', c_rpc, p_rule_id using errcode = 'PT409';
  end if;
  update agents.guardrail_rules r set enabled = false where r.id = v_rule.id returning * into v_rule;
  return v_rule;
end
$function$;

comment on function public.disable_guardrail_rule(p_rule_id uuid) is 'Disables a guardrail rule the caller manages (a new version; its violations stay). update_guardrail_rule(p_enabled => true) enables it again.';

revoke all on function public.disable_guardrail_rule(p_rule_id uuid) from public;
grant execute on function public.disable_guardrail_rule(p_rule_id uuid) to authenticated;
