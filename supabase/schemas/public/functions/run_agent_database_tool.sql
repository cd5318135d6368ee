-- Worker: runs a tool that lives in the database (memory_search, memory_write, send_message: the
-- outbox, agents.fn_send_message_tool) for an agent turn,
-- and records its result, in one transaction with the lease held: the effect and its record commit
-- together, so a replay can never repeat it. p_embedding: the query's / content's embedding when the
-- turn's memory profile embeds with a remote model (the worker made it); the local embedder needs none.
create or replace function public.run_agent_database_tool(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_embedding extensions.vector default null)
 returns agents.tool_invocations
 language plpgsql
 set search_path to ''
as $function$
declare
  c_fn constant text := 'run_agent_database_tool';
  v_result lenses.workflow_node_results;
  v_turn agents.agent_turns;
  v_row agents.tool_invocations;
  v_key text;
  v_profile agents.memory_profiles;
  v_model_id uuid;
  v_query extensions.vector;
  v_output jsonb;
  v_error text;
  v_memory agents.memories;
  v_started timestamptz := clock_timestamp();
begin
  v_result := lenses.fn_leased_result(c_fn, p_result_id, p_lease_token);
  v_turn := agents.fn_leased_turn(c_fn, v_result);
  select i.* into v_row from agents.tool_invocations i where i.id = p_invocation_id and i.workflow_node_result_id = p_result_id;
  if v_row.id is null then
    raise exception '%: no tool call % in task %', c_fn, p_invocation_id, p_result_id using errcode = 'PT404';
  end if;
  select r.key into v_key from agents.tools_registry r where r.id = v_row.tool_id;
  if v_key not in ('memory_search', 'memory_write', 'send_message') then
    raise exception '%: tool "%" does not run in the database', c_fn, v_key using errcode = '22023';
  end if;
  if p_embedding is not null and extensions.vector_dims(p_embedding) <> 1536 then
    raise exception '%: p_embedding must have 1536 dimensions', c_fn using errcode = '22023';
  end if;
  select p.* into v_profile from agents.memory_profiles p where p.id = v_turn.memory_profile_id;
  v_model_id := coalesce(v_profile.embedding_model_id, ai.fn_local_embedding_model_id());
  if v_key = 'send_message' then
    begin
      v_output := agents.fn_send_message_tool(v_turn.ai_lenser_id, v_row.input,
        jsonb_build_object('invocationId', v_row.id, 'runId', v_result.run_id));
    exception when sqlstate '22023' then
      v_error := sqlerrm;
    end;
  elsif v_profile.id is null then
    v_error := 'this agent has no memory profile, so it has no memory to search or write';
  elsif v_key = 'memory_search' then
    v_query := case when v_model_id = ai.fn_local_embedding_model_id() then ai.fn_local_embedding(v_row.input ->> 'query') else p_embedding end;
    if v_query is null then
      v_error := 'the query could not be embedded (it has no words, or the remote embedding was not given)';
    else
      select jsonb_build_object('results', coalesce(jsonb_agg(jsonb_build_object('content', m.content, 'scope', m.scope,
        'similarity', round(m.similarity::numeric, 4)) order by m.similarity desc), '[]'))
      into v_output
      from agents.fn_turn_memories(v_turn, v_result, v_model_id, v_query, least(coalesce((v_row.input ->> 'limit')::integer, 5), 50)) m
      where m.similarity > 0;
    end if;
  else
    v_memory := agents.fn_remember(p_result_id, v_row.input ->> 'content', 'tool', coalesce((v_row.input ->> 'confidence')::numeric, 1), p_embedding);
    v_output := jsonb_build_object('memory_id', v_memory.id, 'stored', true);
  end if;
  return public.record_agent_tool_result(p_result_id, p_lease_token, p_invocation_id,
    case when v_error is null then 'succeeded' else 'failed' end::agents.tool_invocation_status, v_output, v_error,
    (extract(epoch from clock_timestamp() - v_started) * 1000)::integer, 0);
end
$function$;

comment on function public.run_agent_database_tool(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_embedding extensions.vector) is 'Worker: runs memory_search / memory_write / send_message for an agent turn and records the result in the same transaction.';

revoke all on function public.run_agent_database_tool(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_embedding extensions.vector) from public;
grant execute on function public.run_agent_database_tool(p_result_id uuid, p_lease_token uuid, p_invocation_id uuid, p_embedding extensions.vector) to service_role;
