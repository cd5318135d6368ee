-- Reading runs, for clients: SECURITY INVOKER, so RLS on the run tables decides what a caller sees.

create function public.get_workflow_run(p_run_id uuid) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_run jsonb;
begin
  if p_run_id is null then
    raise exception 'get_workflow_run: p_run_id is required' using errcode = '22023';
  end if;
  select to_jsonb(r) into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run is null then
    raise exception 'get_workflow_run: no run % that you can see', p_run_id using errcode = 'P0002';
  end if;
  return v_run || jsonb_build_object('results', (
    select coalesce(jsonb_agg(to_jsonb(x) - 'lease_token' order by x.node_key), '[]')
    from lenses.workflow_node_results x where x.run_id = p_run_id
  ));
end
$$;
comment on function public.get_workflow_run(uuid) is 'A run with every node result (lease tokens left out).';

create function public.list_workflow_runs(
  p_workflow_id uuid default null,
  p_status lenses.workflow_run_status default null,
  p_limit integer default 50,
  p_offset integer default 0
) returns setof lenses.workflow_runs
language plpgsql
stable
set search_path = ''
as $$
begin
  perform lensers.fn_rpc_page('list_workflow_runs', p_limit, p_offset);
  return query
    select r.* from lenses.workflow_runs r
    where (p_workflow_id is null or r.workflow_id = p_workflow_id) and (p_status is null or r.status = p_status)
    order by r.created_at desc, r.id
    limit p_limit offset p_offset;
end
$$;
comment on function public.list_workflow_runs(uuid, lenses.workflow_run_status, integer, integer) is
  'Runs the caller may see, newest first.';

create function public.list_workflow_run_events(p_run_id uuid, p_after_event_id bigint default 0, p_limit integer default 500)
returns setof lenses.workflow_run_events
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_run_id is null then
    raise exception 'list_workflow_run_events: p_run_id is required' using errcode = '22023';
  end if;
  if p_after_event_id is null or p_after_event_id < 0 then
    raise exception 'list_workflow_run_events: p_after_event_id must be 0 or more' using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'list_workflow_run_events: p_limit must be between 1 and 1000, got %', coalesce(p_limit::text, 'null')
      using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflow_runs r where r.id = p_run_id) then
    raise exception 'list_workflow_run_events: no run % that you can see', p_run_id using errcode = 'P0002';
  end if;
  return query
    select e.* from lenses.workflow_run_events e
    where e.run_id = p_run_id and e.event_id > p_after_event_id
    order by e.event_id
    limit p_limit;
end
$$;
comment on function public.list_workflow_run_events(uuid, bigint, integer) is
  'A run''s events after a given event_id, in order (for catching up and for SSE resumption).';

create function public.list_workflow_run_provenance(p_run_id uuid) returns setof lenses.workflow_run_provenance
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_run_id is null then
    raise exception 'list_workflow_run_provenance: p_run_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.workflow_runs r where r.id = p_run_id) then
    raise exception 'list_workflow_run_provenance: no run % that you can see', p_run_id using errcode = 'P0002';
  end if;
  return query select p.* from lenses.workflow_run_provenance p where p.run_id = p_run_id order by p.id;
end
$$;
comment on function public.list_workflow_run_provenance(uuid) is 'Which source node output path fed which target input path.';

revoke execute on function public.get_workflow_run(uuid),
  public.list_workflow_runs(uuid, lenses.workflow_run_status, integer, integer),
  public.list_workflow_run_events(uuid, bigint, integer), public.list_workflow_run_provenance(uuid) from public;
grant execute on function public.get_workflow_run(uuid),
  public.list_workflow_runs(uuid, lenses.workflow_run_status, integer, integer),
  public.list_workflow_run_events(uuid, bigint, integer), public.list_workflow_run_provenance(uuid)
to authenticated, service_role;

