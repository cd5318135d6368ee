create or replace function public.get_workflow_run(p_run_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_run jsonb;
begin
  if p_run_id is null then
    raise exception 'get_workflow_run: p_run_id is required' using errcode = '22023';
  end if;
  select to_jsonb(r) into v_run from lenses.workflow_runs r where r.id = p_run_id;
  if v_run is null then
    raise exception 'get_workflow_run: no run % that you can see', p_run_id using errcode = 'PT404';
  end if;
  return v_run || jsonb_build_object('results', (
    select coalesce(jsonb_agg(to_jsonb(x) - 'lease_token' order by x.node_key), '[]')
    from lenses.workflow_node_results x where x.run_id = p_run_id
  ));
end
$function$;

comment on function public.get_workflow_run(p_run_id uuid) is 'A run with every node result (lease tokens left out).';

revoke all on function public.get_workflow_run(p_run_id uuid) from public;
grant execute on function public.get_workflow_run(p_run_id uuid) to authenticated, service_role;
