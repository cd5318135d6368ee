-- Archives a binding of an agent the caller owns or co-owns: its webhooks stop storing
-- (receive_channel_events answers 409) and it is read-only from then on. Twice: PT409.
create or replace function public.archive_channel_binding(p_binding_id uuid)
 returns agents.channel_bindings
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'archive_channel_binding';
  v_row agents.channel_bindings;
begin
  v_row := agents.fn_rpc_binding(c_rpc, p_binding_id, true);
  update agents.channel_bindings b set status = 'archived'
  where b.id = p_binding_id and b.status <> 'archived'
  returning * into v_row;
  if not found then
    raise exception '%: binding % is already archived', c_rpc, p_binding_id using errcode = 'PT409';
  end if;
  return v_row;
end
$function$;

comment on function public.archive_channel_binding(p_binding_id uuid) is 'Archives a channel binding (read-only; its webhooks stop storing).';

revoke all on function public.archive_channel_binding(p_binding_id uuid) from public;
grant execute on function public.archive_channel_binding(p_binding_id uuid) to authenticated;
