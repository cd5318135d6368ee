create or replace function public.create_guardrail_rule(p_tier agents.guardrail_tier, p_name text, p_kind agents.guardrail_kind, p_action agents.guardrail_action, p_config jsonb, p_ai_lenser_id uuid default null, p_team_id uuid default null, p_binding_id uuid default null, p_direction agents.guardrail_direction default 'both'::agents.guardrail_direction, p_severity agents.guardrail_severity default 'medium'::agents.guardrail_severity)
 returns agents.guardrail_rules
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_guardrail_rule';
  v_row agents.guardrail_rules;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_guardrail_rule', 'p_name', p_name, 200);
  perform lensers.fn_limit_json('create_guardrail_rule', 'p_config', p_config, 65536, 32);
  perform agents.fn_rpc_not_null(c_rpc, 'p_tier', p_tier);
  perform agents.fn_rpc_not_null(c_rpc, 'p_kind', p_kind);
  perform agents.fn_rpc_not_null(c_rpc, 'p_action', p_action);
  perform agents.fn_rpc_not_null(c_rpc, 'p_direction', p_direction);
  perform agents.fn_rpc_not_null(c_rpc, 'p_severity', p_severity);
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 200);
  -- Exactly the target its tier names.
  if p_tier = 'agent' then
    if p_team_id is not null then
      raise exception '%: p_team_id must be null for an agent rule', c_rpc using errcode = '22023';
    end if;
    if p_binding_id is not null then
      raise exception '%: p_binding_id must be null for an agent rule (use p_tier binding)', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
  elsif p_tier = 'team' then
    if p_ai_lenser_id is not null then
      raise exception '%: p_ai_lenser_id must be null for a team rule', c_rpc using errcode = '22023';
    end if;
    if p_binding_id is not null then
      raise exception '%: p_binding_id must be null for a team rule', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_editable_team(c_rpc, p_team_id);
  else
    if p_team_id is not null then
      raise exception '%: p_team_id must be null for a binding rule', c_rpc using errcode = '22023';
    end if;
    if p_binding_id is null then
      raise exception '%: p_binding_id is required for a binding rule', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_require_manage(c_rpc, p_ai_lenser_id);
    -- The binding must be one of this agent's (RLS shows the caller the bindings of agents they operate).
    if not exists (select 1 from agents.channel_bindings b where b.id = p_binding_id and b.ai_lenser_id = p_ai_lenser_id) then
      raise exception '%: p_binding_id %: no channel binding of agent % that you can see', c_rpc, p_binding_id, p_ai_lenser_id
        using errcode = 'PT404';
    end if;
  end if;
  perform agents.fn_rpc_guardrail_config(c_rpc, p_kind, p_config);
  insert into agents.guardrail_rules (tier, ai_lenser_id, team_id, binding_id, name, kind, direction, action,
    severity, config, created_by)
  values (p_tier, p_ai_lenser_id, p_team_id, p_binding_id, btrim(p_name), p_kind, p_direction, p_action,
    p_severity, p_config, lensers.current_profile_id())
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.create_guardrail_rule(p_tier agents.guardrail_tier, p_name text, p_kind agents.guardrail_kind, p_action agents.guardrail_action, p_config jsonb, p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_severity agents.guardrail_severity) is 'Creates a guardrail rule on an agent (p_ai_lenser_id), a team (p_team_id) or a channel binding (p_binding_id and its agent p_ai_lenser_id) that the caller manages: blocked_terms, regex, max_length, pii or model_judge, checked on input, output or both, with the action block, rewrite or log.';

revoke all on function public.create_guardrail_rule(p_tier agents.guardrail_tier, p_name text, p_kind agents.guardrail_kind, p_action agents.guardrail_action, p_config jsonb, p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_severity agents.guardrail_severity) from public;
grant execute on function public.create_guardrail_rule(p_tier agents.guardrail_tier, p_name text, p_kind agents.guardrail_kind, p_action agents.guardrail_action, p_config jsonb, p_ai_lenser_id uuid, p_team_id uuid, p_binding_id uuid, p_direction agents.guardrail_direction, p_severity agents.guardrail_severity) to authenticated;
