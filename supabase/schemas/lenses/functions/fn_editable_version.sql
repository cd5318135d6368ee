-- A version the caller may edit (its lens locked), or the errors above.
create or replace function lenses.fn_editable_version(p_rpc text, p_version_id uuid)
 returns lenses.versions
 language plpgsql
 set search_path to ''
as $function$
declare
  v_version lenses.versions;
begin
  if p_version_id is null then
    raise exception '%: p_version_id is required', p_rpc using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select v.* into v_version from lenses.versions v where v.id = p_version_id;
  if not found then
    raise exception '%: no version % that you can see', p_rpc, p_version_id using errcode = 'PT404';
  end if;
  perform lenses.fn_editable_lens(p_rpc, v_version.lens_id);
  select v.* into v_version from lenses.versions v where v.id = p_version_id;
  return v_version;
end
$function$;

revoke all on function lenses.fn_editable_version(p_rpc text, p_version_id uuid) from public;
grant execute on function lenses.fn_editable_version(p_rpc text, p_version_id uuid) to authenticated, service_role;
