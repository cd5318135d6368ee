-- Every agent keeps at least one live owner.
create or replace function agents.tg_ownerships_keep_an_owner()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if old.role = 'owner' and old.revoked_at is null
     and (tg_op = 'DELETE' or new.revoked_at is not null or new.role <> 'owner')
     and exists (select 1 from agents.ai_lensers a where a.id = old.ai_lenser_id)
     and not exists (
       select 1 from agents.ownerships o
       where o.ai_lenser_id = old.ai_lenser_id and o.id <> old.id and o.role = 'owner' and o.revoked_at is null
     ) then
    raise exception 'the last owner of an agent cannot be removed; grant another owner first' using errcode = 'PT409';
  end if;
  return null;
end
$function$;

revoke all on function agents.tg_ownerships_keep_an_owner() from public;
