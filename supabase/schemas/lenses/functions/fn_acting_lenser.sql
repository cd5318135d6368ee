-- The lenser a write acts as: p_lenser_id, or the caller's own profile; must be editable by the caller.
create or replace function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid)
 returns uuid
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_lenser uuid;
begin
  if (select auth.uid()) is null then
    raise exception '%: sign in first (no user in the JWT)', p_rpc using errcode = '42501';
  end if;
  v_lenser := coalesce(p_lenser_id, (select lensers.current_profile_id()));
  if v_lenser is null or v_lenser not in (select lensers.editable_profile_ids()) then
    raise exception '%: you cannot act as lenser % (your own profile or an AI you own or co-own)', p_rpc,
      coalesce(v_lenser::text, 'null') using errcode = '42501';
  end if;
  return v_lenser;
end
$function$;

revoke all on function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid) from public;
grant execute on function lenses.fn_acting_lenser(p_rpc text, p_lenser_id uuid) to authenticated, service_role;
