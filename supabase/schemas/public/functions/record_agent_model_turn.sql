-- Worker: records one model answer of an agent turn that asked for tools, in one transaction with
-- the lease held: the call in the ledger, the answer in the journal, and a decision per tool call
-- (agents.fn_decide_tool_call). p_message: {content, tool_calls: [{id, name, arguments (as the
-- model wrote them), input (the parsed object) | argument_error}]}. Returns {round, limit_reached,
-- calls: [{tool_call_id, tool_key, action: execute | await_approval | refused, ...}]}.
create or replace function public.record_agent_model_turn(p_result_id uuid, p_lease_token uuid, p_message jsonb, p_llm_call jsonb)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_result lenses.workflow_node_results;
  v_turn agents.agent_turns;
  c_fn constant text := 'record_agent_model_turn';
  v_calls jsonb := p_message -> 'tool_calls';
  v_round integer;
  v_limit integer;
  v_usage record;
  v_call jsonb;
  v_answers jsonb := '[]'::jsonb;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('record_agent_model_turn', 'p_message', p_message, 262144, 64);
  perform lensers.fn_limit_json('record_agent_model_turn', 'p_llm_call', p_llm_call, 262144, 16);
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  v_turn := agents.fn_leased_turn(c_fn, v_result);
  if p_message is null or jsonb_typeof(p_message) <> 'object' or octet_length(p_message::text) > 262144 then
    raise exception '%: p_message must be a JSON object of at most 256 KiB', c_fn using errcode = '22023';
  end if;
  if v_calls is null or jsonb_typeof(v_calls) <> 'array' or jsonb_array_length(v_calls) not between 1 and 32 then
    raise exception '%: p_message.tool_calls must be an array of 1 to 32 calls (an answer without calls completes the task)', c_fn
      using errcode = '22023';
  end if;
  if exists (select 1 from jsonb_array_elements(v_calls) c
             where jsonb_typeof(c) <> 'object' or coalesce(c ->> 'id', '') = '' or char_length(c ->> 'id') > 200
               or jsonb_typeof(c -> 'name') is distinct from 'string'
               or not ((c ? 'input' and jsonb_typeof(c -> 'input') = 'object') or jsonb_typeof(c -> 'argument_error') = 'string')) then
    raise exception '%: each tool call needs an id (1-200 chars), a name, and an input object or an argument_error', c_fn
      using errcode = '22023';
  end if;
  if (select count(distinct c ->> 'id') from jsonb_array_elements(v_calls) c) <> jsonb_array_length(v_calls) then
    raise exception '%: tool call ids must be distinct within a message', c_fn using errcode = '22023';
  end if;

  select v.input_tokens, v.output_tokens, v.cached_tokens, v.cost into v_usage
  from lenses.fn_record_llm_call(v_result, p_llm_call, 'succeeded', null) v;
  perform lenses.fn_add_usage_to_result(p_result_id, v_usage.input_tokens, v_usage.output_tokens, v_usage.cached_tokens, v_usage.cost);

  select count(*) + 1 into v_round from agents.agent_turn_messages j
  where j.node_result_id = p_result_id and j.turn_no = v_turn.turn_no and j.role = 'assistant' and j.tool_calls is not null;
  select a.max_tool_iterations into v_limit from agents.ai_lensers a where a.id = v_turn.ai_lenser_id;
  perform agents.fn_journal_append(p_result_id, v_turn.turn_no, 'assistant', left(coalesce(p_message ->> 'content', ''), 30000),
    (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', c ->> 'id', 'name', c ->> 'name',
       'arguments', left(coalesce(c ->> 'arguments', (c -> 'input')::text, ''), 3000),
       'thought_signature', left(c ->> 'thought_signature', 8000))))
     from jsonb_array_elements(v_calls) c));
  for v_call in select c from jsonb_array_elements(v_calls) c loop
    v_answers := v_answers || jsonb_build_array(agents.fn_decide_tool_call(v_result, v_turn, v_call, v_round > v_limit));
  end loop;
  return jsonb_build_object('round', v_round, 'limit_reached', v_round >= v_limit, 'calls', v_answers);
end
$function$;

comment on function public.record_agent_model_turn(p_result_id uuid, p_lease_token uuid, p_message jsonb, p_llm_call jsonb) is 'Worker: records an agent turn''s model answer that asked for tools (ledger, journal, a policy decision and invocation per call) and says what to do with each call.';

revoke all on function public.record_agent_model_turn(p_result_id uuid, p_lease_token uuid, p_message jsonb, p_llm_call jsonb) from public;
grant execute on function public.record_agent_model_turn(p_result_id uuid, p_lease_token uuid, p_message jsonb, p_llm_call jsonb) to service_role;
