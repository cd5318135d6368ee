create or replace function public.list_workflows(p_scope text default 'public'::text, p_status lenses.workflow_status default NULL::lenses.workflow_status, p_tag text default NULL::text, p_search text default NULL::text, p_lenser_id uuid default NULL::uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof lenses.workflows
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('list_workflows', 'p_scope', p_scope, 200);
  perform lensers.fn_limit_text('list_workflows', 'p_tag', p_tag, 200);
  perform lensers.fn_limit_text('list_workflows', 'p_search', p_search, 200);
  return query
    select w.*
    from lenses.fn_rpc_list_ids('list_workflows', 'lenses.workflows'::regclass, p_scope, p_status, p_tag, p_search, p_lenser_id, p_limit, p_offset)
      with ordinality as page(id, n)
    join lenses.workflows w on w.id = page.id
    order by page.n;
end
$function$;

comment on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) is 'Workflows a page at a time, newest change first: p_scope mine (lensers the caller acts as) or public; filters by status, tag, text, lenser.';

revoke all on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflows(p_scope text, p_status lenses.workflow_status, p_tag text, p_search text, p_lenser_id uuid, p_limit integer, p_offset integer) to anon, authenticated, service_role;
