create or replace function agents.tg_ai_profile_has_ai_lenser()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if new.type = 'ai' and exists (select 1 from lensers.profiles p where p.id = new.id)
     and not exists (select 1 from agents.ai_lensers a where a.profile_id = new.id) then
    raise exception 'AI profile % has no agents.ai_lensers row (create both in one transaction)', new.handle
      using errcode = '23514';
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_ai_profile_has_ai_lenser() from public;
