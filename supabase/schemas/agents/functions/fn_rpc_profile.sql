-- The profile with id p_profile_id, of the kind of p_kind (pass null::agents.<kind>_profiles), whose
-- agent the caller owns or co-owns: PT404 (404) when the caller cannot see it, 42501 when they cannot manage it.
create or replace function agents.fn_rpc_profile(p_rpc text, p_kind anyelement, p_profile_id uuid)
 returns anyelement
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
  v_row alias for $0;
  v_rows integer;
begin
  perform agents.fn_rpc_not_null(p_rpc, 'p_profile_id', p_profile_id);
  execute format('select p.* from agents.%I p where p.id = $1', v_kind || '_profiles') into v_row using p_profile_id;
  get diagnostics v_rows = row_count;
  if v_rows = 0 then
    raise exception '%: no % profile % that you can see', p_rpc, v_kind, p_profile_id using errcode = 'PT404';
  end if;
  perform agents.fn_rpc_require_manage(p_rpc, (to_jsonb(v_row) ->> 'ai_lenser_id')::uuid);
  return v_row;
end
$function$;

comment on function agents.fn_rpc_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) is 'The agent profile p_profile_id of the kind of p_kind (null::agents.<kind>_profiles) that the caller may manage, or the RPC''s not-found (PT404 (404)) or not-owner (42501) error.';

revoke all on function agents.fn_rpc_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) from public;
grant execute on function agents.fn_rpc_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) to authenticated;
