-- A published or archived version is history: only the lens's own removal takes it.
create or replace function lenses.tg_versions_guard_delete()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if old.status <> 'draft' and exists (select 1 from lenses.lenses l where l.id = old.lens_id) then
    raise exception 'versions: version % is %; only drafts can be deleted', old.id, old.status using errcode = 'PT409';
  end if;
  return old;
end
$function$;

revoke all on function lenses.tg_versions_guard_delete() from public;
