create or replace function public.archive_lens_version(p_version_id uuid)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions := lenses.fn_editable_version('archive_lens_version', p_version_id);
begin
  if v_version.status = 'archived' then
    raise exception 'archive_lens_version: p_version_id % is already archived', p_version_id using errcode = 'PT409';
  end if;
  update lenses.versions v set status = 'archived' where v.id = p_version_id;
  return lenses.fn_version_json(p_version_id);
end
$function$;

comment on function public.archive_lens_version(p_version_id uuid) is 'Archives a draft or published version; the lens is no longer published once no version is.';

revoke all on function public.archive_lens_version(p_version_id uuid) from public;
grant execute on function public.archive_lens_version(p_version_id uuid) to authenticated;
