create or replace function public.list_lenses(p_scope text default 'public'::text, p_status lenses.lens_status default NULL::lenses.lens_status, p_tag text default NULL::text, p_search text default NULL::text, p_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.lenses
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('list_lenses', 'p_scope', p_scope, 200);
  perform lensers.fn_limit_text('list_lenses', 'p_tag', p_tag, 200);
  perform lensers.fn_limit_text('list_lenses', 'p_search', p_search, 200);
  return query
    select l.*
    from lenses.fn_rpc_list_ids('list_lenses', 'lenses.lenses'::regclass, p_scope, p_status, p_tag, p_search, p_lenser_id, p_limit, p_offset)
      with ordinality as page(id, n)
    join lenses.lenses l on l.id = page.id
    order by page.n;
end
$function$;

comment on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Lenses a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text in title/description, lenser.';

revoke all on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_lenses(p_scope text, p_status lenses.lens_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;
