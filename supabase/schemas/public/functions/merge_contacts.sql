-- Merges contact p_merged_id into p_survivor_id (two contacts of one agent the caller owns or
-- co-owns, the same person): the merged contact's identities, 1:1 conversations, the messages it
-- sent and its profile link move to the survivor, and the merged contact points to it
-- (merged_into_id). What moved is recorded in an agents.contact_merges row, so unmerge_contacts
-- restores exactly that. Refusals: the same contact twice or two agents' contacts 22023; either one
-- already merged, or both linked to different profiles, PT409.
-- A contacts_merged event on the bus (the agent's scope) in the same transaction.
-- [security definer: moves the merged contact's messages and identities, which clients never write; checks that the caller owns or co-owns the agent]
create or replace function public.merge_contacts(p_survivor_id uuid, p_merged_id uuid)
 returns agents.contact_merges
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'merge_contacts';
  v_survivor agents.contacts;
  v_merged agents.contacts;
  v_identities uuid[];
  v_conversations uuid[];
  v_messages uuid[];
  v_row agents.contact_merges;
begin
  v_survivor := agents.fn_rpc_contact(c_rpc, 'p_survivor_id', p_survivor_id);
  v_merged := agents.fn_rpc_contact(c_rpc, 'p_merged_id', p_merged_id);
  if p_survivor_id = p_merged_id then
    raise exception '%: p_merged_id must differ from p_survivor_id', c_rpc using errcode = '22023';
  end if;
  if v_survivor.ai_lenser_id <> v_merged.ai_lenser_id then
    raise exception '%: p_merged_id % and p_survivor_id % are contacts of different agents', c_rpc, p_merged_id, p_survivor_id
      using errcode = '22023';
  end if;
  -- Lock both, in id order, and read them again under the lock.
  perform 1 from agents.contacts c where c.id in (p_survivor_id, p_merged_id) order by c.id for update;
  select c.* into v_survivor from agents.contacts c where c.id = p_survivor_id;
  select c.* into v_merged from agents.contacts c where c.id = p_merged_id;
  if v_survivor.merged_into_id is not null then
    raise exception '%: p_survivor_id % was merged into contact %', c_rpc, p_survivor_id, v_survivor.merged_into_id using errcode = 'PT409';
  end if;
  if v_merged.merged_into_id is not null then
    raise exception '%: p_merged_id % is already merged into contact %', c_rpc, p_merged_id, v_merged.merged_into_id using errcode = 'PT409';
  end if;
  if v_survivor.profile_id is not null and v_merged.profile_id is not null then
    raise exception '%: p_survivor_id % and p_merged_id % are linked to different accounts', c_rpc, p_survivor_id, p_merged_id
      using errcode = 'PT409';
  end if;
  with moved as (
    update agents.contact_identities i set contact_id = p_survivor_id where i.contact_id = p_merged_id returning i.id)
  select coalesce(array_agg(id order by id), '{}') into v_identities from moved;
  with moved as (
    update agents.conversations c set contact_id = p_survivor_id where c.contact_id = p_merged_id returning c.id)
  select coalesce(array_agg(id order by id), '{}') into v_conversations from moved;
  with moved as (
    update agents.messages m set contact_id = p_survivor_id where m.contact_id = p_merged_id returning m.id)
  select coalesce(array_agg(id order by id), '{}') into v_messages from moved;
  update agents.contacts c set merged_into_id = p_survivor_id, profile_id = null where c.id = p_merged_id;
  if v_merged.profile_id is not null then
    update agents.contacts c set profile_id = v_merged.profile_id where c.id = p_survivor_id;
  end if;
  insert into agents.contact_merges (ai_lenser_id, survivor_id, merged_id, moved_identity_ids, moved_conversation_ids,
    moved_message_ids, moved_profile_id, merged_by)
  values (v_survivor.ai_lenser_id, p_survivor_id, p_merged_id, v_identities, v_conversations, v_messages, v_merged.profile_id,
    (select p.id from lensers.profiles p where p.user_id = (select auth.uid())))
  returning * into v_row;
  perform agents.fn_emit_event('contacts', 'contacts_merged', (select a.profile_id from agents.ai_lensers a where a.id = v_row.ai_lenser_id),
    jsonb_build_object('merge_id', v_row.id, 'survivor_id', v_row.survivor_id, 'merged_id', v_row.merged_id,
      'moved_identities', cardinality(v_identities), 'moved_conversations', cardinality(v_conversations),
      'moved_messages', cardinality(v_messages)),
    'contact', v_row.survivor_id, v_row.merged_by, v_row.survivor_id);
  return v_row;
end
$function$;

comment on function public.merge_contacts(p_survivor_id uuid, p_merged_id uuid) is 'Merges a contact into another of the same agent (identities, conversations, messages and profile link move to the survivor); unmerge_contacts undoes it.';

revoke all on function public.merge_contacts(p_survivor_id uuid, p_merged_id uuid) from public;
grant execute on function public.merge_contacts(p_survivor_id uuid, p_merged_id uuid) to authenticated;
