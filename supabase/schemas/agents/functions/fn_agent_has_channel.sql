-- Whether agent p_ai_lenser_id has an active channel binding: the send_message tool is offered (and
-- may be called) only then.
create or replace function agents.fn_agent_has_channel(p_ai_lenser_id uuid)
 returns boolean
 language sql
 stable
 set search_path to ''
as $function$
  select exists (select 1 from agents.channel_bindings b where b.ai_lenser_id = p_ai_lenser_id and b.status = 'active')
$function$;

comment on function agents.fn_agent_has_channel(p_ai_lenser_id uuid) is 'The agent has an active channel binding (send_message is offered only then).';

revoke all on function agents.fn_agent_has_channel(p_ai_lenser_id uuid) from public;
grant execute on function agents.fn_agent_has_channel(p_ai_lenser_id uuid) to authenticated, service_role;
