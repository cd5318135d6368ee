-- Disables one of the caller's own HTTP tools: it is no longer offered or callable; its invocations
-- stay (history). Idempotent.
-- [security definer: clients never write the tool registry; this changes only a tool the caller owns]
create or replace function public.disable_http_tool(p_key text)
 returns agents.tools_registry
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'disable_http_tool';
  v_row agents.tools_registry;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('disable_http_tool', 'p_key', p_key, 200);
  perform agents.fn_rpc_not_null(c_rpc, 'p_key', p_key);
  update agents.tools_registry r set enabled = false
  where r.key = p_key and r.owner_id is not null and r.owner_id = (select lensers.current_profile_id())
  returning * into v_row;
  if v_row.id is null then
    raise exception '%: no HTTP tool "%" of yours', c_rpc, lensers.fn_one_line(p_key) using errcode = 'PT404';
  end if;
  return v_row;
end
$function$;

comment on function public.disable_http_tool(p_key text) is 'Disables one of the caller''s own HTTP tools (kept for history).';

revoke all on function public.disable_http_tool(p_key text) from public;
grant execute on function public.disable_http_tool(p_key text) to authenticated;
