create or replace function public.fn_redact_memory_entry(p_memory_id uuid)
 returns agents.memories
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fn_redact_memory_entry';
  v_row agents.memories;
begin
  perform agents.fn_rpc_not_null(c_rpc, 'p_memory_id', p_memory_id);
  select m.* into v_row from agents.memories m where m.id = p_memory_id;
  if not found then
    raise exception '%: no memory entry % that you can see', c_rpc, p_memory_id using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_require_manage(c_rpc, v_row.ai_lenser_id);
  if v_row.redacted_at is not null then
    raise exception '%: memory entry % was already redacted at %', c_rpc, p_memory_id, v_row.redacted_at using errcode = 'PT409';
  end if;
  update agents.memories m set content = '[redacted]', embedding = null, metadata = '{}', redacted_at = now()
  where m.id = p_memory_id
  returning * into v_row;
  return v_row;
end
$function$;

comment on function public.fn_redact_memory_entry(p_memory_id uuid) is 'Redacts an entry: the row stays, its content becomes ''[redacted]'', its embedding and metadata are cleared.';

revoke all on function public.fn_redact_memory_entry(p_memory_id uuid) from public;
grant execute on function public.fn_redact_memory_entry(p_memory_id uuid) to authenticated, service_role;
