create or replace function lenses.tg_workflow_edges_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow_id uuid := case when tg_op = 'DELETE' then old.workflow_id else new.workflow_id end;
  v_status lenses.workflow_status;
begin
  if tg_op = 'UPDATE' and (new.workflow_id, new.source_node_id, new.target_node_id)
                          is distinct from (old.workflow_id, old.source_node_id, old.target_node_id) then
    raise exception 'workflow_edges: an edge''s workflow and nodes never change (remove it and add another)' using errcode = '23514';
  end if;
  select w.status into v_status from lenses.workflows w where w.id = v_workflow_id;
  if found and v_status <> 'draft' then
    raise exception 'workflow_edges: workflow % is %; its edges cannot change', v_workflow_id, v_status using errcode = 'PT409';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'INSERT' and exists (
    select 1 from lenses.workflow_nodes n
    where n.id in (new.source_node_id, new.target_node_id) and n.workflow_id <> new.workflow_id
  ) then
    raise exception 'workflow_edges: both nodes of an edge must belong to its workflow %', new.workflow_id using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflow_edges_guard() from public;
