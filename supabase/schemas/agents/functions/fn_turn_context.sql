-- Everything an agent turn needs, decided at claim (inside lenses.fn_lease_tasks, under the task's
-- lock): the agent's profiles (the team member's, or a conversation turn's binding's overrides, else the
-- agent's defaults), its system prompt
-- (preamble and the memories retrieved for the prompt), the tools its tool profile lets the model
-- call, and the turn's journal so far. A claim with the prompt the journal answers resumes that turn;
-- another prompt (a reviewer's feedback, a rerun) starts the next turn. Tool calls rejected since the
-- last claim are answered in the journal here, so the model reads the reason.
create or replace function agents.fn_turn_context(p_result_id uuid, p_run_id uuid, p_workflow_id uuid, p_ai_lenser_id uuid, p_member_id uuid, p_team_id uuid, p_prompt text)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_agent agents.ai_lensers;
  v_member agents.team_members;
  v_personality_id uuid;
  v_memory agents.memory_profiles;
  v_tool_profile agents.tool_profiles;
  v_hash text := encode(pg_catalog.sha256(convert_to(p_prompt, 'UTF8')), 'hex');
  v_turn agents.agent_turns;
  v_model_id uuid;
  v_memories jsonb := '[]'::jsonb;
  v_memory_query jsonb;
  v_tools jsonb := '[]'::jsonb;
  v_journal jsonb;
  v_invocations jsonb;
  v_system text;
begin
  select a.* into v_agent from agents.ai_lensers a where a.id = p_ai_lenser_id;
  if p_member_id is not null then
    select m.* into v_member from agents.team_members m where m.id = p_member_id;
  else
    -- A conversation turn's run: its binding's profile overrides stand in for a member's.
    select b.personality_profile_id, b.memory_profile_id, b.tool_profile_id
    into v_member.personality_profile_id, v_member.memory_profile_id, v_member.tool_profile_id
    from agents.conversation_turns t join agents.channel_bindings b on b.id = t.binding_id
    where t.run_id = p_run_id;
  end if;
  v_personality_id := coalesce(v_member.personality_profile_id,
    (select p.id from agents.personality_profiles p where p.ai_lenser_id = p_ai_lenser_id and p.is_default));
  select p.* into v_memory from agents.memory_profiles p
  where p.ai_lenser_id = p_ai_lenser_id and (p.id = v_member.memory_profile_id or (v_member.memory_profile_id is null and p.is_default));
  select p.* into v_tool_profile from agents.tool_profiles p
  where p.ai_lenser_id = p_ai_lenser_id and (p.id = v_member.tool_profile_id or (v_member.tool_profile_id is null and p.is_default));

  select t.* into v_turn from agents.agent_turns t where t.node_result_id = p_result_id for update;
  if v_turn.node_result_id is null or v_turn.prompt_hash <> v_hash or v_turn.ai_lenser_id <> p_ai_lenser_id then
    insert into agents.agent_turns as t (node_result_id, ai_lenser_id, turn_no, prompt_hash, personality_profile_id,
      memory_profile_id, tool_profile_id, memory_ids)
    values (p_result_id, p_ai_lenser_id, 1, v_hash, v_personality_id, v_memory.id, v_tool_profile.id, '{}')
    on conflict (node_result_id) do update
      set ai_lenser_id = excluded.ai_lenser_id, turn_no = t.turn_no + 1, prompt_hash = excluded.prompt_hash,
          personality_profile_id = excluded.personality_profile_id, memory_profile_id = excluded.memory_profile_id,
          tool_profile_id = excluded.tool_profile_id, memory_ids = '{}', started_at = now()
    returning * into v_turn;

    -- A new turn retrieves its memories once; a resumed turn keeps the ones it started with.
    if v_memory.id is not null and v_memory.retrieval_top_k > 0 then
      v_model_id := coalesce(v_memory.embedding_model_id, ai.fn_local_embedding_model_id());
      if v_model_id = ai.fn_local_embedding_model_id() then
        update agents.agent_turns t
        set memory_ids = coalesce((
          select array_agg(r.memory_id order by r.similarity desc, r.memory_id)
          from agents.fn_retrieve_memories(p_ai_lenser_id, v_memory.id, v_model_id, ai.fn_local_embedding(p_prompt),
            v_memory.retrieval_top_k, p_workflow_id, p_run_id, p_team_id, p_member_id) r
          where r.similarity > 0), '{}')
        where t.node_result_id = p_result_id
        returning * into v_turn;
      else
        -- A remote embedder: the worker embeds the prompt and calls retrieve_agent_memories.
        select jsonb_build_object('model_id', m.id, 'model_key', m.model_key, 'provider_key', p.key,
          'provider_adapter', p.adapter, 'provider_base_url', p.base_url, 'api_key_env', p.api_key_env)
        into v_memory_query
        from ai.models m join ai.providers p on p.id = m.provider_id where m.id = v_model_id;
      end if;
    end if;
  end if;

  select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'content', m.content, 'scope', m.scope) order by u.ord), '[]')
  into v_memories
  from unnest(v_turn.memory_ids) with ordinality u(id, ord)
  join agents.memories m on m.id = u.id and m.redacted_at is null;

  v_system := agents.fn_agent_preamble(p_ai_lenser_id, v_personality_id);
  if jsonb_array_length(v_memories) > 0 then
    v_system := v_system || E'\n\nWhat you remember that may be relevant:\n'
      || (select string_agg('- ' || (e ->> 'content'), E'\n') from jsonb_array_elements(v_memories) e);
  end if;

  -- Offered tools: allowed by the profile (deny wins), enabled, and executable by this engine
  -- (send_message only for an agent with an active channel binding).
  if v_tool_profile.id is not null and v_agent.max_tool_iterations > 0 then
    select coalesce(jsonb_agg(jsonb_build_object('key', r.key, 'description', r.description, 'input_schema', r.input_schema,
      'egress_class', r.egress_class, 'settings', r.settings, 'requires_approval', r.requires_approval or v_tool_profile.requires_approval,
      'timeout_ms', (v_tool_profile.provider_overrides -> r.key ->> 'timeoutMs')::integer) order by r.key), '[]')
    into v_tools
    from agents.tools_registry r
    where r.enabled and not (r.key = any (v_tool_profile.deny_tools))
      and (r.key = any (v_tool_profile.allow_tools) or r.tool_group = any (v_tool_profile.tool_groups))
      and (r.key <> 'send_message' or agents.fn_agent_has_channel(p_ai_lenser_id)) and agents.fn_tool_usable(r.owner_id, p_ai_lenser_id);
  end if;

  -- Calls rejected since the last claim: the model reads who rejected them and why.
  insert into agents.agent_turn_messages (node_result_id, seq, turn_no, role, content, tool_call_id, tool_name, is_error, tool_invocation_id)
  select p_result_id,
    coalesce((select max(j.seq) from agents.agent_turn_messages j where j.node_result_id = p_result_id), 0)
      + row_number() over (order by i.call_index),
    v_turn.turn_no, 'tool', format('refused: an owner rejected this call (%s)', i.rejected_reason), i.tool_call_id, r.key, true, i.id
  from agents.tool_invocations i
  join agents.tools_registry r on r.id = i.tool_id
  where i.workflow_node_result_id = p_result_id and i.status = 'rejected' and i.tool_call_id is not null
    and not exists (select 1 from agents.agent_turn_messages j
                    where j.node_result_id = p_result_id and j.turn_no = v_turn.turn_no and j.tool_call_id = i.tool_call_id);

  select coalesce(jsonb_agg(jsonb_build_object('seq', j.seq, 'role', j.role, 'content', j.content, 'tool_calls', j.tool_calls,
    'tool_call_id', j.tool_call_id, 'tool_name', j.tool_name, 'is_error', j.is_error) order by j.seq), '[]')
  into v_journal
  from agents.agent_turn_messages j where j.node_result_id = p_result_id and j.turn_no = v_turn.turn_no;

  -- The turn's calls that have no result in the journal yet: approved ones to run, running ones that
  -- a lost worker may or may not have made (re-made with the same idempotency key).
  select coalesce(jsonb_agg(jsonb_build_object('invocation_id', i.id, 'tool_call_id', i.tool_call_id, 'tool_key', r.key,
    'status', i.status, 'input', i.input, 'call_index', i.call_index, 'idempotency_key', p_result_id::text || ':' || i.call_index,
    'egress_class', r.egress_class, 'settings', r.settings,
    'timeout_ms', (v_tool_profile.provider_overrides -> r.key ->> 'timeoutMs')::integer) order by i.call_index), '[]')
  into v_invocations
  from agents.tool_invocations i
  join agents.tools_registry r on r.id = i.tool_id
  where i.workflow_node_result_id = p_result_id and i.status in ('approved', 'running')
    and exists (select 1 from agents.agent_turn_messages j, jsonb_array_elements(j.tool_calls) c
                where j.node_result_id = p_result_id and j.turn_no = v_turn.turn_no and c ->> 'id' = i.tool_call_id)
    and not exists (select 1 from agents.agent_turn_messages j
                    where j.node_result_id = p_result_id and j.turn_no = v_turn.turn_no and j.tool_call_id = i.tool_call_id);

  return jsonb_build_object(
    'ai_lenser_id', p_ai_lenser_id,
    'turn_no', v_turn.turn_no,
    'system_prompt', v_system,
    'max_tool_iterations', v_agent.max_tool_iterations,
    'personality_profile_id', v_personality_id,
    'memory_profile_id', v_memory.id,
    'tool_profile_id', v_tool_profile.id,
    'memories', v_memories,
    'memory_query', v_memory_query,
    'tools', v_tools,
    'http', jsonb_build_object('allow_hosts', to_jsonb(coalesce(v_tool_profile.http_allow_hosts, '{}')),
      'allow_private_network', coalesce(v_tool_profile.http_allow_private_network, false)),
    'journal', v_journal,
    'pending_calls', v_invocations);
end
$function$;

comment on function agents.fn_turn_context(p_result_id uuid, p_run_id uuid, p_workflow_id uuid, p_ai_lenser_id uuid, p_member_id uuid, p_team_id uuid, p_prompt text) is 'At claim: an agent turn''s profiles, system prompt (preamble + retrieved memories), offered tools, journal and calls to (re)make; starts or resumes the turn.';

revoke all on function agents.fn_turn_context(p_result_id uuid, p_run_id uuid, p_workflow_id uuid, p_ai_lenser_id uuid, p_member_id uuid, p_team_id uuid, p_prompt text) from public;
grant execute on function agents.fn_turn_context(p_result_id uuid, p_run_id uuid, p_workflow_id uuid, p_ai_lenser_id uuid, p_member_id uuid, p_team_id uuid, p_prompt text) to service_role;
