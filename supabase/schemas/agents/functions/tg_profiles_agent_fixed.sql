-- A profile's agent never changes.
create or replace function agents.tg_profiles_agent_fixed()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if new.ai_lenser_id is distinct from old.ai_lenser_id then
    raise exception '%.ai_lenser_id cannot change: a profile belongs to its agent for life', tg_table_name
      using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_profiles_agent_fixed() from public;
