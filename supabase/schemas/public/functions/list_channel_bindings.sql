create or replace function public.list_channel_bindings(p_ai_lenser_id uuid)
 returns setof agents.channel_bindings
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_channel_bindings', p_ai_lenser_id);
  return query
    select b.* from agents.channel_bindings b
    where b.ai_lenser_id = p_ai_lenser_id
    order by b.created_at desc, b.id desc;
end
$function$;

comment on function public.list_channel_bindings(p_ai_lenser_id uuid) is 'The channel bindings of an agent the caller owns, co-owns or operates, newest first (archived ones too).';

revoke all on function public.list_channel_bindings(p_ai_lenser_id uuid) from public;
grant execute on function public.list_channel_bindings(p_ai_lenser_id uuid) to authenticated;
