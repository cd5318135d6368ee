-- After an agent turn completes its node, the agent keeps what its memory profile's summary strategy
-- says (source workflow): rolling, every answer; periodic, the first answer of each day; on_threshold,
-- answers of 200 characters or more; none, nothing. The entry is the node key and the answer (at most
-- 2,000 characters), scoped and embedded as agents.fn_remember does. A conversation turn with an
-- orphan's message in its conversation keeps nothing.
create or replace function agents.tg_node_results_remember()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_strategy agents.memory_summary_strategy;
  v_profile_id uuid;
  v_answer text;
begin
  select p.summary_strategy, p.id into v_strategy, v_profile_id
  from agents.agent_turns t join agents.memory_profiles p on p.id = t.memory_profile_id
  where t.node_result_id = new.id;
  if v_strategy is null or v_strategy = 'none' then
    return null;
  end if;
  -- A conversation turn whose conversation holds a message from an unresolved sender (an orphan in a
  -- group) remembers nothing: nothing from an orphan enters the agent's memory until it is resolved.
  if exists (select 1 from agents.conversation_turns t
             join agents.messages m on m.conversation_id = t.conversation_id and m.direction = 'inbound'
             join agents.contacts k on k.id = m.contact_id and not k.resolved
             where t.run_id = new.run_id) then
    return null;
  end if;
  v_answer := coalesce(new.output_data ->> 'text', new.output_data::text, '');
  if btrim(v_answer) = ''
     or (v_strategy = 'on_threshold' and char_length(v_answer) < 200)
     or (v_strategy = 'periodic' and exists (
       select 1 from agents.memories m where m.memory_profile_id = v_profile_id and m.source = 'workflow'
         and m.created_at >= date_trunc('day', now()))) then
    return null;
  end if;
  perform agents.fn_remember(new.id, format('%s: %s', new.node_key, left(v_answer, 2000)), 'workflow');
  return null;
end
$function$;

revoke all on function agents.tg_node_results_remember() from public;
