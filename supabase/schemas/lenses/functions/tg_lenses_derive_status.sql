-- The derived status, and the columns that never change. The published-version test reads
-- lenses.versions, created by the next migration; plpgsql resolves it when the trigger runs.
create or replace function lenses.tg_lenses_derive_status()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'UPDATE' then
    if new.lenser_id is distinct from old.lenser_id then
      raise exception 'lenses.lenser_id cannot change (a lens stays with its lenser)' using errcode = '23514';
    end if;
    if new.created_by is distinct from old.created_by and new.created_by is not null then
      raise exception 'lenses.created_by cannot change' using errcode = '23514';
    end if;
    if old.archived_at is not null and new.archived_at is distinct from old.archived_at then
      raise exception 'lens % is archived and stays archived', old.id using errcode = 'PT409';
    end if;
  end if;
  if new.archived_at is not null then
    new.status := 'archived';
  elsif tg_op = 'UPDATE' and exists (
    select 1 from lenses.versions v where v.lens_id = new.id and v.status = 'published'
  ) then
    new.status := 'published';
  else
    new.status := 'draft';
  end if;
  if new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_lenses_derive_status() from public;
