-- Undoes a merge (agents.contact_merges p_merge_id) of an agent the caller owns or co-owns: exactly the
-- identities, conversations, messages and profile link that moved go back to the merged contact, which
-- is a contact of its own again. Twice: PT409; while the survivor is itself merged into a third contact
-- (undo that first): PT409.
-- A contacts_unmerged event on the bus (the agent's scope) in the same transaction.
-- [security definer: moves messages and identities back, which clients never write; checks that the caller owns or co-owns the agent]
create or replace function public.unmerge_contacts(p_merge_id uuid)
 returns agents.contact_merges
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'unmerge_contacts';
  v_row agents.contact_merges;
  v_survivor agents.contacts;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_merge_id', p_merge_id);
  select m.* into v_row from agents.contact_merges m where m.id = p_merge_id;
  if not found or (current_user <> 'service_role' and not (select agents.can_operate_ai_lenser(v_row.ai_lenser_id))) then
    raise exception '%: no contact merge % that you can see', c_rpc, p_merge_id using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  perform 1 from agents.contacts c where c.id in (v_row.survivor_id, v_row.merged_id) order by c.id for update;
  select m.* into v_row from agents.contact_merges m where m.id = p_merge_id for update;
  if v_row.unmerged_at is not null then
    raise exception '%: merge % was already undone', c_rpc, p_merge_id using errcode = 'PT409';
  end if;
  select c.* into v_survivor from agents.contacts c where c.id = v_row.survivor_id;
  if v_survivor.merged_into_id is not null then
    raise exception '%: the survivor of merge % was merged into contact % since: undo that merge first', c_rpc, p_merge_id,
      v_survivor.merged_into_id using errcode = 'PT409';
  end if;
  update agents.contact_identities i set contact_id = v_row.merged_id
  where i.id = any (v_row.moved_identity_ids) and i.contact_id = v_row.survivor_id;
  update agents.conversations c set contact_id = v_row.merged_id
  where c.id = any (v_row.moved_conversation_ids) and c.contact_id = v_row.survivor_id;
  update agents.messages m set contact_id = v_row.merged_id
  where m.id = any (v_row.moved_message_ids) and m.contact_id = v_row.survivor_id;
  if v_row.moved_profile_id is not null then
    update agents.contacts c set profile_id = null where c.id = v_row.survivor_id and c.profile_id = v_row.moved_profile_id;
  end if;
  update agents.contacts c set merged_into_id = null, profile_id = coalesce(v_row.moved_profile_id, c.profile_id)
  where c.id = v_row.merged_id;
  update agents.contact_merges m set unmerged_at = now(),
    unmerged_by = (select p.id from lensers.profiles p where p.user_id = (select auth.uid()))
  where m.id = p_merge_id
  returning * into v_row;
  perform agents.fn_emit_event('contacts', 'contacts_unmerged', (select a.profile_id from agents.ai_lensers a where a.id = v_row.ai_lenser_id),
    jsonb_build_object('merge_id', v_row.id, 'survivor_id', v_row.survivor_id, 'merged_id', v_row.merged_id),
    'contact', v_row.merged_id, v_row.unmerged_by, v_row.merged_id);
  return v_row;
end
$function$;

comment on function public.unmerge_contacts(p_merge_id uuid) is 'Undoes a contact merge, moving back exactly what it moved.';

revoke all on function public.unmerge_contacts(p_merge_id uuid) from public;
grant execute on function public.unmerge_contacts(p_merge_id uuid) to authenticated;
