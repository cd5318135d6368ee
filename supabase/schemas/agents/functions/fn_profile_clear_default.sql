-- The agent's default profile of the kind of p_kind stops being its default, unless it is
-- p_keep_id (null: whichever it is), so that another can become the default (one per agent and kind).
create or replace function agents.fn_profile_clear_default(p_kind anyelement, p_ai_lenser_id uuid, p_keep_id uuid)
 returns void
 language plpgsql
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
begin
  execute format('update agents.%I p set is_default = false where p.ai_lenser_id = $1 and p.is_default'
    ' and p.id is distinct from $2', v_kind || '_profiles')
    using p_ai_lenser_id, p_keep_id;
end
$function$;

comment on function agents.fn_profile_clear_default(p_kind anyelement, p_ai_lenser_id uuid, p_keep_id uuid) is 'Unsets the agent''s default profile of the kind of p_kind (null::agents.<kind>_profiles), except p_keep_id, before another becomes the default.';

revoke all on function agents.fn_profile_clear_default(p_kind anyelement, p_ai_lenser_id uuid, p_keep_id uuid) from public;
grant execute on function agents.fn_profile_clear_default(p_kind anyelement, p_ai_lenser_id uuid, p_keep_id uuid) to authenticated;
