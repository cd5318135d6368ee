-- Insert: always a draft, numbered under the parent lens's row lock.
create or replace function lenses.tg_versions_before_insert()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses;
begin
  select l.* into v_lens from lenses.lenses l where l.id = new.lens_id for update;
  if not found then
    raise exception 'versions: lens % does not exist or you may not edit it', new.lens_id using errcode = '42501';
  end if;
  if v_lens.status = 'archived' then
    raise exception 'versions: lens % is archived; it takes no new versions', new.lens_id using errcode = 'PT409';
  end if;
  if new.status <> 'draft' then
    raise exception 'versions: a version is created as a draft (asked %); publish it afterwards', new.status
      using errcode = '23514';
  end if;
  new.version_number := coalesce((select max(v.version_number) from lenses.versions v where v.lens_id = new.lens_id), 0) + 1;
  new.published_at := null;
  new.archived_at := null;
  return new;
end
$function$;

revoke all on function lenses.tg_versions_before_insert() from public;
