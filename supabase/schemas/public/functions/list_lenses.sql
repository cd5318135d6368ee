create or replace function public.list_lenses(p_scope text default 'public'::text, p_status lenses.lens_status default NULL::lenses.lens_status, p_tag text default NULL::text, p_search text default NULL::text, p_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.lenses
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_search text := nullif(btrim(p_search), '');
  v_pattern text;
begin
  if p_scope is null or p_scope not in ('mine', 'public') then
    raise exception 'list_lenses: p_scope must be mine or public, got %', coalesce(p_scope, 'null') using errcode = '22023';
  end if;
  perform lensers.fn_rpc_page('list_lenses', p_limit, p_offset);
  if char_length(v_search) > 200 then
    raise exception 'list_lenses: p_search must be at most 200 characters' using errcode = '22023';
  end if;
  if p_scope = 'mine' and (select auth.uid()) is null then
    raise exception 'list_lenses: sign in first to list your own lenses (p_scope mine)' using errcode = '42501';
  end if;
  v_pattern := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_scope = 'mine' then
    return query
      select l.* from lenses.lenses l
      where l.lenser_id in (select lensers.actable_profile_ids())
        and (p_status is null or l.status = p_status)
        and (p_tag is null or l.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or l.title ilike v_pattern or l.description ilike v_pattern)
        and (p_lenser_id is null or l.lenser_id = p_lenser_id)
      order by l.updated_at desc, l.id
      limit p_limit offset p_offset;
  else
    return query
      select l.* from lenses.lenses l
      where l.visibility = 'public'
        and (p_status is null or l.status = p_status)
        and (p_tag is null or l.tags @> array[lower(btrim(p_tag))])
        and (v_search is null or l.title ilike v_pattern or l.description ilike v_pattern)
        and (p_lenser_id is null or l.lenser_id = p_lenser_id)
      order by l.updated_at desc, l.id
      limit p_limit offset p_offset;
  end if;
end
$function$;

comment on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Lenses a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text in title/description, lenser.';

revoke all on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;
