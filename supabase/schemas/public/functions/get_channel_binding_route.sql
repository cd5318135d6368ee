-- Webhooks: which binding a routing key names, and the names of the environment variables holding its
-- secrets, so the function can verify the signature before it writes anything. Read only; an archived
-- binding is returned with its status (the function refuses it). Unknown key: PT404. Service role only.
create or replace function public.get_channel_binding_route(p_channel agents.channel, p_routing_key text)
 returns table(binding_id uuid, ai_lenser_id uuid, status agents.binding_status, app_secret_env text, verify_token_env text, access_token_env text, signing_secret_env text, bot_token_env text, allowed_origins text[])
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_limit_text('get_channel_binding_route', 'p_routing_key', p_routing_key, 200);
  perform agents.fn_rpc_not_null('get_channel_binding_route', 'p_channel', p_channel);
  perform agents.fn_rpc_not_null('get_channel_binding_route', 'p_routing_key', p_routing_key);
  return query
    select b.id, b.ai_lenser_id, b.status, b.app_secret_env, b.verify_token_env, b.access_token_env,
      b.signing_secret_env, b.bot_token_env, b.allowed_origins
    from agents.channel_bindings b
    where b.channel = p_channel and b.routing_key = p_routing_key;
  if not found then
    raise exception 'get_channel_binding_route: no % binding with p_routing_key "%"', p_channel, lensers.fn_one_line(p_routing_key)
      using errcode = 'PT404';
  end if;
end
$function$;

comment on function public.get_channel_binding_route(p_channel agents.channel, p_routing_key text) is 'Webhooks: the binding of a routing key and the environment variable names of its secrets. Service role only.';

revoke all on function public.get_channel_binding_route(p_channel agents.channel, p_routing_key text) from public, anon, authenticated;
grant execute on function public.get_channel_binding_route(p_channel agents.channel, p_routing_key text) to service_role;
