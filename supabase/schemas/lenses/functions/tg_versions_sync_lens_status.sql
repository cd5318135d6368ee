-- The lens's status follows its versions. SECURITY DEFINER: the lens row is touched on behalf of a
-- version change the caller was allowed to make (RLS on versions already decided that).
create or replace function lenses.tg_versions_sync_lens_status()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  update lenses.lenses l set updated_at = now()
  where l.id = coalesce(new.lens_id, old.lens_id)
    and l.status is distinct from (
      case when l.archived_at is not null then 'archived'
           when exists (select 1 from lenses.versions v where v.lens_id = l.id and v.status = 'published') then 'published'
           else 'draft' end)::lenses.lens_status;
  return null;
end
$function$;

revoke all on function lenses.tg_versions_sync_lens_status() from public;
