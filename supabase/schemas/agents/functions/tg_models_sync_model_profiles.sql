-- When the catalog renames a model or provider, or changes a support level, the copies follow.
create or replace function agents.tg_models_sync_model_profiles()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if tg_table_name = 'models' then
    update agents.model_profiles mp set
      model_key = new.model_key,
      support_level = new.support_level,
      provider_key = (select p.key from ai.providers p where p.id = new.provider_id)
    where mp.model_id = new.id;
  else
    update agents.model_profiles mp set provider_key = new.key
    where mp.model_id in (select m.id from ai.models m where m.provider_id = new.id);
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_models_sync_model_profiles() from public;
