-- The status lifecycle, and the columns that never change after insert.
create or replace function lensers.tg_profiles_guard_update()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if new.type is distinct from old.type then
    raise exception 'profiles.type cannot change (was %, asked %)', old.type, new.type using errcode = '23514';
  end if;
  if new.user_id is distinct from old.user_id then
    raise exception 'profiles.user_id cannot change' using errcode = '23514';
  end if;
  if new.status is distinct from old.status and not (
    (old.status = 'active' and new.status in ('suspended', 'deactivated', 'pending_deletion'))
    or (old.status = 'suspended' and new.status in ('active', 'pending_deletion'))
    or (old.status = 'deactivated' and new.status in ('active', 'pending_deletion'))
    or (old.status = 'pending_deletion' and new.status in ('active', 'deleted'))
  ) then
    raise exception 'profiles.status cannot go from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  return new;
end
$function$;

revoke all on function lensers.tg_profiles_guard_update() from public;
