create or replace function agents.tg_teams_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'INSERT' then
    if new.status = 'archived' then
      raise exception 'teams: a team is created active or paused, not archived' using errcode = '23514';
    end if;
    return new;
  end if;
  if new.owner_lenser_id is distinct from old.owner_lenser_id then
    raise exception 'teams.owner_lenser_id cannot change' using errcode = '23514';
  end if;
  if old.status = 'archived' then
    raise exception 'teams: team % is archived and read-only', old.id using errcode = 'PT409';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_teams_guard() from public;
