-- The search, scope and paging of list_lenses and list_workflows: checks their arguments (errors
-- name p_rpc), then returns the ids of one page of p_table (lenses.lenses or lenses.workflows) in
-- page order, newest change first: p_scope mine (lensers the caller acts as) or public, filtered by
-- status (p_status: a value of that table's status enum, or a null of that type), tag, text in title
-- or description, lenser. The caller joins the rows back by id; RLS filters both reads (security
-- invoker). rows 50 (a page, not the default 1000) lets the planner join back through the primary
-- key instead of scanning the table.
create or replace function lenses.fn_rpc_list_ids(p_rpc text, p_table regclass, p_scope text, p_status anyelement, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer)
 returns setof uuid
 language plpgsql
 stable rows 50
 set search_path to ''
as $function$
declare
  v_noun text;
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  v_noun := case p_table when 'lenses.lenses'::regclass then 'lenses' when 'lenses.workflows'::regclass then 'workflows' end;
  if v_noun is null then
    raise exception 'lenses.fn_rpc_list_ids: % is not lenses.lenses or lenses.workflows', p_table using errcode = '22023';
  end if;
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception '%: p_scope must be mine or public, got %', p_rpc, coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page(p_rpc, p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception '%: p_search must be at most 200 characters', p_rpc using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception '%: sign in first to list your own % (p_scope mine)', p_rpc, v_noun using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  return query execute format(
    'select t.id from %s t'
    ' where %s'
    ' and ($1 is null or t.status = $1)'
    ' and ($2 is null or t.tags @> array[lower(btrim($2))])'
    ' and ($3 is null or t.title ilike $3 or t.description ilike $3)'
    ' and ($4 is null or t.lenser_id = $4)'
    ' order by t.updated_at desc, t.id'
    ' limit $5 offset $6',
    p_table,
    case p_scope when 'mine' then 't.lenser_id in (select lensers.actable_profile_ids())' else 't.visibility = ''public''' end)
    using p_status, p_tag, v_pattern, p_lenser_id, p_limit, p_offset;
end
$function$;

comment on function lenses.fn_rpc_list_ids(p_rpc text, p_table regclass, p_scope text, p_status anyelement, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Checks the arguments of list_lenses / list_workflows and returns the ids of the page of p_table they ask for, newest change first: scope mine or public, status, tag, text, lenser (RLS applies).';

revoke all on function lenses.fn_rpc_list_ids(p_rpc text, p_table regclass, p_scope text, p_status anyelement, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function lenses.fn_rpc_list_ids(p_rpc text, p_table regclass, p_scope text, p_status anyelement, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;
