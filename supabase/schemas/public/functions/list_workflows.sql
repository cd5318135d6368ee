create or replace function public.list_workflows(p_scope text default 'public'::text, p_status lenses.workflow_status default NULL::lenses.workflow_status, p_tag text default NULL::text, p_search text default NULL::text, p_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflows
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception 'list_workflows: p_scope must be mine or public, got %', coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_workflows', p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception 'list_workflows: p_search must be at most 200 characters' using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception 'list_workflows: sign in first to list your own workflows (p_scope mine)' using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_scope = 'mine' then
    return query
      select w.* from lenses.workflows w
      where w.lenser_id in (select lensers.actable_profile_ids())
        and (p_status is null or w.status = p_status)
        and (p_tag is null or w.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or w.title ilike v_pattern or w.description ilike v_pattern)
        and (p_lenser_id is null or w.lenser_id = p_lenser_id)
      order by w.updated_at desc, w.id
      limit p_limit offset p_offset;
  else
    return query
      select w.* from lenses.workflows w
      where w.visibility = 'public'
        and (p_status is null or w.status = p_status)
        and (p_tag is null or w.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or w.title ilike v_pattern or w.description ilike v_pattern)
        and (p_lenser_id is null or w.lenser_id = p_lenser_id)
      order by w.updated_at desc, w.id
      limit p_limit offset p_offset;
  end if;
end
$function$;

comment on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Workflows a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text, lenser.';

revoke all on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;
