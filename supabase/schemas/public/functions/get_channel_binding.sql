create or replace function public.get_channel_binding(p_binding_id uuid)
 returns agents.channel_bindings
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  return agents.fn_rpc_binding('get_channel_binding', p_binding_id, false);
end
$function$;

comment on function public.get_channel_binding(p_binding_id uuid) is 'A channel binding of an agent the caller owns, co-owns or operates.';

revoke all on function public.get_channel_binding(p_binding_id uuid) from public;
grant execute on function public.get_channel_binding(p_binding_id uuid) to authenticated;
