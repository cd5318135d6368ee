create or replace function agents.tg_ownerships_owner_is_human()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if not exists (select 1 from lensers.profiles p where p.id = new.owner_lenser_id and p.type = 'human') then
    raise exception 'ownerships.owner_lenser_id % is not a human profile', new.owner_lenser_id using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and (new.ai_lenser_id, new.owner_lenser_id, new.granted_at) is distinct from (old.ai_lenser_id, old.owner_lenser_id, old.granted_at) then
    raise exception 'an ownership''s agent, owner and grant time never change; revoke it and grant anew' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and old.revoked_at is not null then
    raise exception 'a revoked ownership is history and cannot change' using errcode = 'PT409';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_ownerships_owner_is_human() from public;
