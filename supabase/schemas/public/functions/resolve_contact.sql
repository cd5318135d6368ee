-- Resolves an orphan (an unknown sender in a group, kept as an unresolved contact) of an agent the
-- caller owns or co-owns: from now on it is a contact like any other and its messages may enter the
-- agent's memory. p_display_name optionally names it. Already resolved, or merged: PT409.
-- To say the orphan is someone the agent already knows, merge it into that contact instead.
create or replace function public.resolve_contact(p_contact_id uuid, p_display_name text default NULL::text)
 returns agents.contacts
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'resolve_contact';
  v_row agents.contacts;
begin
  perform lensers.fn_limit_text('resolve_contact', 'p_display_name', p_display_name, 200);
  v_row := agents.fn_rpc_contact(c_rpc, 'p_contact_id', p_contact_id);
  if p_display_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_display_name', p_display_name, 200);
  end if;
  if v_row.merged_into_id is not null then
    raise exception '%: contact % is merged into contact %', c_rpc, p_contact_id, v_row.merged_into_id using errcode = 'PT409';
  end if;
  update agents.contacts c set resolved = true, resolved_at = now(), display_name = coalesce(btrim(p_display_name), c.display_name)
  where c.id = p_contact_id and not c.resolved
  returning * into v_row;
  if not found then
    raise exception '%: contact % is already resolved', c_rpc, p_contact_id using errcode = 'PT409';
  end if;
  return v_row;
end
$function$;

comment on function public.resolve_contact(p_contact_id uuid, p_display_name text) is 'Resolves an orphan contact (an unknown group sender): its messages may then enter the agent''s memory.';

revoke all on function public.resolve_contact(p_contact_id uuid, p_display_name text) from public;
grant execute on function public.resolve_contact(p_contact_id uuid, p_display_name text) to authenticated;
