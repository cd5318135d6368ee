-- list_<kind>_profiles: an agent's profiles of one kind a page at a time, the default first, then by
-- name, for a caller who owns, co-owns or operates the agent.
create or replace function agents.fn_rpc_list_profiles(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_limit integer, p_offset integer)
 returns setof anyelement
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
begin
  perform agents.fn_rpc_require_operate(p_rpc, p_ai_lenser_id);
  perform lensers.fn_rpc_page(p_rpc, p_limit, p_offset);
  return query execute format('select p.* from agents.%I p where p.ai_lenser_id = $1'
    ' order by p.is_default desc, lower(p.name), p.id limit $2 offset $3', v_kind || '_profiles')
    using p_ai_lenser_id, p_limit, p_offset;
end
$function$;

comment on function agents.fn_rpc_list_profiles(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'A page of the agent''s profiles of the kind of p_kind (null::agents.<kind>_profiles), default first, then by name; the caller must own, co-own or operate the agent.';

revoke all on function agents.fn_rpc_list_profiles(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function agents.fn_rpc_list_profiles(p_rpc text, p_kind anyelement, p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;
