-- For the engine: whether an edge is active for a source output, and the value it carries.
-- (plpgsql, not sql: with SET a sql function is never inlined and is planned at every call; the
-- engine calls these two for every edge of every completed node.)
create or replace function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb)
 returns boolean
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  return p_condition is null or coalesce(jsonb_path_match(coalesce(p_output, 'null'::jsonb), p_condition, '{}', true), false);
end
$function$;

comment on function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) is 'True when the edge condition (a jsonpath predicate, silent) yields true on the output; a null condition always holds.';

revoke all on function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) from public;
grant execute on function lenses.fn_edge_condition_holds(p_condition jsonpath, p_output jsonb) to anon, authenticated, service_role;
