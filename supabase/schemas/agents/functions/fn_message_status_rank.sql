-- The order of outbound delivery statuses: queued 0 < sent 1 < delivered 2 < read 3. failed is
-- terminal and reachable from queued and sent only: its rank is 2, so a later delivered or read
-- never overwrites it, and failed never overwrites delivered or read.
create or replace function agents.fn_message_status_rank(p_status agents.message_status)
 returns integer
 language sql
 immutable
 set search_path to ''
as $function$
  select case p_status when 'queued' then 0 when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 when 'failed' then 2 end
$function$;

comment on function agents.fn_message_status_rank(p_status agents.message_status) is 'The forward order of delivery statuses (queued < sent < delivered < read; failed only from queued or sent).';

revoke all on function agents.fn_message_status_rank(p_status agents.message_status) from public;
grant execute on function agents.fn_message_status_rank(p_status agents.message_status) to authenticated, service_role;
