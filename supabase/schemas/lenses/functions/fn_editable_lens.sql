-- A lens the caller may edit, locked for the rest of the transaction; PT404 (404) when the caller cannot
-- see it, 42501 when they can see but not edit it.
create or replace function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text default 'p_lens_id'::text)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses;
begin
  if p_lens_id is null then
    raise exception '%: % is required', p_rpc, p_arg using errcode = '22023';
  end if;
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id;
  if not found then
    raise exception '%: no lens % that you can see', p_rpc, p_lens_id using errcode = 'PT404';
  end if;
  if v_lens.lenser_id not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot edit lens % (it belongs to a lenser you do not own)', p_rpc, p_lens_id using errcode = '42501';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id for update;
  return v_lens;
end
$function$;

revoke all on function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text) from public;
grant execute on function lenses.fn_editable_lens(p_rpc text, p_lens_id uuid, p_arg text) to authenticated, service_role;
