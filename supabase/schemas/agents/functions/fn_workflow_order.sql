-- The nodes of a workflow in workflow order: by depth (the longest path from a root), then key.
-- Steps of one lane run one at a time in this order. (union, not union all: each (node, depth) pair
-- once, so diamonds do not multiply paths.)
create or replace function agents.fn_workflow_order(p_workflow_id uuid)
 returns table(node_id uuid, workflow_order integer)
 language sql
 stable
 set search_path to ''
as $function$
  with recursive depth(node_id, depth) as (
    select n.id, 0 from lenses.workflow_nodes n
    where n.workflow_id = p_workflow_id
      and not exists (select 1 from lenses.workflow_edges e where e.target_node_id = n.id)
    union
    select e.target_node_id, d.depth + 1
    from depth d join lenses.workflow_edges e on e.source_node_id = d.node_id
    where d.depth < 1000
  )
  select n.id, (row_number() over (order by max(d.depth), n.key))::integer
  from lenses.workflow_nodes n join depth d on d.node_id = n.id
  where n.workflow_id = p_workflow_id
  group by n.id, n.key
$function$;

comment on function agents.fn_workflow_order(p_workflow_id uuid) is 'Each node''s place in the workflow (1..N: depth from the roots, then key).';

revoke all on function agents.fn_workflow_order(p_workflow_id uuid) from public;
grant execute on function agents.fn_workflow_order(p_workflow_id uuid) to authenticated, service_role;
