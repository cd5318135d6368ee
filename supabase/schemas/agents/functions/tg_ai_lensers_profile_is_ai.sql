-- Exactly one ai_lensers row per AI profile: the row must point at an AI profile (here), and an AI
-- profile must have its row by the end of the transaction (deferred trigger on profiles).
create or replace function agents.tg_ai_lensers_profile_is_ai()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if not exists (select 1 from lensers.profiles p where p.id = new.profile_id and p.type = 'ai') then
    raise exception 'ai_lensers.profile_id % is not an AI profile', new.profile_id using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_ai_lensers_profile_is_ai() from public;
