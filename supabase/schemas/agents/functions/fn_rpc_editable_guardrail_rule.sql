-- The guardrail rule a caller may change, or a clear refusal: PT404 when the caller cannot see it
-- (or it does not exist), 42501 when they may read but not change it (an operator, a team reader).
create or replace function agents.fn_rpc_editable_guardrail_rule(p_rpc text, p_rule_id uuid)
 returns agents.guardrail_rules
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_rule agents.guardrail_rules;
begin
  if p_rule_id is null then
    raise exception '%: p_rule_id is required', p_rpc using errcode = '22023';
  end if;
  select r.* into v_rule from agents.guardrail_rules r where r.id = p_rule_id;
  if not found then
    raise exception '%: no guardrail rule % that you can see', p_rpc, p_rule_id using errcode = 'PT404';
  end if;
  if v_rule.tier = 'team' then
    perform agents.fn_rpc_editable_team(p_rpc, v_rule.team_id);
  else
    perform agents.fn_rpc_require_manage(p_rpc, v_rule.ai_lenser_id);
  end if;
  return v_rule;
end
$function$;

revoke all on function agents.fn_rpc_editable_guardrail_rule(p_rpc text, p_rule_id uuid) from public;
grant execute on function agents.fn_rpc_editable_guardrail_rule(p_rpc text, p_rule_id uuid) to authenticated, service_role;
