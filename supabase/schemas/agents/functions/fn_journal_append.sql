-- Appends one message to a node result's agent turn journal (the caller holds the result's lease
-- or lock); returns its seq.
create or replace function agents.fn_journal_append(p_result_id uuid, p_turn_no integer, p_role text, p_content text, p_tool_calls jsonb default null, p_tool_call_id text default null, p_tool_name text default null, p_is_error boolean default false, p_invocation_id uuid default null)
 returns integer
 language plpgsql
 set search_path to ''
as $function$
declare
  v_seq integer;
begin
  select coalesce(max(j.seq), 0) + 1 into v_seq from agents.agent_turn_messages j where j.node_result_id = p_result_id;
  insert into agents.agent_turn_messages (node_result_id, seq, turn_no, role, content, tool_calls, tool_call_id, tool_name,
    is_error, tool_invocation_id)
  values (p_result_id, v_seq, p_turn_no, p_role, coalesce(p_content, ''), p_tool_calls, p_tool_call_id, p_tool_name,
    coalesce(p_is_error, false), p_invocation_id);
  return v_seq;
end
$function$;

revoke all on function agents.fn_journal_append(p_result_id uuid, p_turn_no integer, p_role text, p_content text, p_tool_calls jsonb, p_tool_call_id text, p_tool_name text, p_is_error boolean, p_invocation_id uuid) from public;
grant execute on function agents.fn_journal_append(p_result_id uuid, p_turn_no integer, p_role text, p_content text, p_tool_calls jsonb, p_tool_call_id text, p_tool_name text, p_is_error boolean, p_invocation_id uuid) to service_role;
