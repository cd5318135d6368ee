create or replace function public.get_workflow(p_workflow_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows;
begin
  if p_workflow_id is null then
    raise exception 'get_workflow: p_workflow_id is required' using errcode = '22023';
  end if;
  select w.* into v_workflow from lenses.workflows w where w.id = p_workflow_id;
  if not found then
    raise exception 'get_workflow: no workflow % that you can see', p_workflow_id using errcode = 'PT404';
  end if;
  return to_jsonb(v_workflow) || jsonb_build_object(
    'nodes', coalesce((select jsonb_agg(to_jsonb(n) order by n.key) from lenses.workflow_nodes n where n.workflow_id = p_workflow_id), '[]'::jsonb),
    'edges', coalesce((
      select jsonb_agg(to_jsonb(e) || jsonb_build_object('source_key', s.key, 'target_key', t.key) order by s.key, t.key, e.id)
      from lenses.workflow_edges e
      join lenses.workflow_nodes s on s.id = e.source_node_id
      join lenses.workflow_nodes t on t.id = e.target_node_id
      where e.workflow_id = p_workflow_id), '[]'::jsonb));
end
$function$;

comment on function public.get_workflow(p_workflow_id uuid) is 'A workflow with its nodes (by key) and edges (with their source and target keys).';

revoke all on function public.get_workflow(p_workflow_id uuid) from public;
grant execute on function public.get_workflow(p_workflow_id uuid) to anon, authenticated, service_role;
