-- A guardrail rule's version counts its changes: any change of what it checks or does (name,
-- direction, action, severity, config, enabled) is a new version, so a violation names the exact
-- rule it was judged under (rule_id, rule_version). Where it is attached (tier, agent, team,
-- binding), its kind and who made it never change: a different rule is a new rule.
create or replace function agents.tg_guardrail_rules_version()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if (new.tier, new.ai_lenser_id, new.team_id, new.binding_id, new.kind, new.created_by, new.created_at, new.seq)
     is distinct from (old.tier, old.ai_lenser_id, old.team_id, old.binding_id, old.kind, old.created_by, old.created_at, old.seq) then
    raise exception 'guardrail_rules: a rule''s tier, agent, team, binding, kind and creator cannot change (make a new rule)'
      using errcode = '23514';
  end if;
  if (new.name, new.direction, new.action, new.severity, new.config, new.enabled)
     is distinct from (old.name, old.direction, old.action, old.severity, old.config, old.enabled) then
    new.version := old.version + 1;
    new.updated_at := now();
  else
    new.version := old.version;
    new.updated_at := old.updated_at;
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_guardrail_rules_version() from public;
