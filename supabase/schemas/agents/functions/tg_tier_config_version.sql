-- After insert or update of a channel binding or one of the four profiles (TG_ARGV[0]: its
-- agents.config_tier): appends the row's configuration snapshot as a new version to
-- agents.tier_config_versions when it differs from the last one. A binding carries its version
-- (set by agents.tg_channel_bindings_guard); a profile's is the next number. Concurrent updates of one
-- row are serialised by the row lock, which this trigger runs under, so the numbers never collide.
-- SECURITY DEFINER: the log is append-only and no client role may insert into it; this trigger is
-- its only writer, and a trigger function cannot be called directly.
create or replace function agents.tg_tier_config_version()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_tier agents.config_tier := tg_argv[0]::agents.config_tier;
  v_config jsonb := agents.fn_tier_config(to_jsonb(new));
  v_version integer;
begin
  if tg_op = 'UPDATE' and v_config = agents.fn_tier_config(to_jsonb(old)) then
    return null;
  end if;
  v_version := (to_jsonb(new) ->> 'version')::integer;
  if v_version is null then
    select coalesce(max(v.version), 0) + 1 into v_version
    from agents.tier_config_versions v where v.tier = v_tier and v.subject_id = new.id;
  end if;
  insert into agents.tier_config_versions (tier, subject_id, ai_lenser_id, version, config)
  values (v_tier, new.id, new.ai_lenser_id, v_version, v_config);
  return null;
end
$function$;

revoke all on function agents.tg_tier_config_version() from public;
