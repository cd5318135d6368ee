-- True when an outbound message may move from p_from to p_to: forward only (queued < sent <
-- delivered < read), failed only from queued or sent, nothing after read or failed.
create or replace function agents.fn_message_status_moves(p_from agents.message_status, p_to agents.message_status)
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select p_from not in ('read', 'failed')
     and case when p_to = 'failed' then p_from in ('queued', 'sent')
              else agents.fn_message_status_rank(p_to) > agents.fn_message_status_rank(p_from) end
$function$;

comment on function agents.fn_message_status_moves(p_from agents.message_status, p_to agents.message_status) is 'Whether a delivery status may move from p_from to p_to (forward only; failed from queued or sent).';

revoke all on function agents.fn_message_status_moves(p_from agents.message_status, p_to agents.message_status) from public;
grant execute on function agents.fn_message_status_moves(p_from agents.message_status, p_to agents.message_status) to authenticated, service_role;
