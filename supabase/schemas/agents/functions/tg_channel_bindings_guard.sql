-- Before update of a channel binding: its agent, channel, routing key and creator never change; an
-- archived binding is read-only (PT409); a change of configuration (agents.fn_tier_config) counts a
-- new version, which agents.tg_tier_config_version then records.
create or replace function agents.tg_channel_bindings_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if new.ai_lenser_id is distinct from old.ai_lenser_id or new.channel is distinct from old.channel
     or new.routing_key is distinct from old.routing_key or new.created_by is distinct from old.created_by then
    raise exception 'channel_bindings: the agent, channel, routing key and creator of binding % cannot change', old.id
      using errcode = '23514';
  end if;
  if old.status = 'archived' then
    raise exception 'channel_bindings: binding % is archived and read-only', old.id using errcode = 'PT409';
  end if;
  if agents.fn_tier_config(to_jsonb(new)) <> agents.fn_tier_config(to_jsonb(old)) then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_channel_bindings_guard() from public;
