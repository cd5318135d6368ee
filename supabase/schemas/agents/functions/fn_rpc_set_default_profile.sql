-- set_default_<kind>_profile: the profile the caller manages becomes its agent's default of its kind
-- (the previous default stops being one); returns the profile.
create or replace function agents.fn_rpc_set_default_profile(p_rpc text, p_kind anyelement, p_profile_id uuid)
 returns anyelement
 language plpgsql
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
  v_row alias for $0;
begin
  v_row := agents.fn_rpc_profile(p_rpc, p_kind, p_profile_id);
  perform agents.fn_profile_clear_default(p_kind, (to_jsonb(v_row) ->> 'ai_lenser_id')::uuid, p_profile_id);
  execute format('update agents.%I p set is_default = true where p.id = $1 returning p.*', v_kind || '_profiles')
    into v_row using p_profile_id;
  return v_row;
end
$function$;

comment on function agents.fn_rpc_set_default_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) is 'Makes the profile p_profile_id of the kind of p_kind (null::agents.<kind>_profiles) its agent''s default, for a caller who may manage it; returns the changed row.';

revoke all on function agents.fn_rpc_set_default_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) from public;
grant execute on function agents.fn_rpc_set_default_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) to authenticated;
