-- The shape of an RPC's p_node_bindings: null (keep or default) or a JSON object of node key ->
-- team member id, for team assignments only. Which nodes and members it may name is checked when
-- the row is written (agents.tg_workflow_assignments_check_members).
create or replace function agents.fn_rpc_node_bindings(p_rpc text, p_assignee_kind agents.assignee_kind, p_node_bindings jsonb)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_node_bindings is null then
    return;
  end if;
  if jsonb_typeof(p_node_bindings) <> 'object'
     or exists (select 1 from jsonb_each(p_node_bindings) b
                where jsonb_typeof(b.value) <> 'string'
                   or b.value #>> '{}' !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
    raise exception '%: p_node_bindings must be a JSON object of node key -> team member id (a uuid)', p_rpc
      using errcode = '22023';
  end if;
  if octet_length(p_node_bindings::text) > 65536 then
    raise exception '%: p_node_bindings is % bytes; at most 65536', p_rpc, octet_length(p_node_bindings::text)
      using errcode = '22023';
  end if;
  if p_assignee_kind = 'agent' and p_node_bindings <> '{}'::jsonb then
    raise exception '%: p_node_bindings is only for team assignments (an agent performs every node itself)', p_rpc
      using errcode = '22023';
  end if;
end
$function$;

comment on function agents.fn_rpc_node_bindings(p_rpc text, p_assignee_kind agents.assignee_kind, p_node_bindings jsonb) is 'Refuses a p_node_bindings that is not {node key: member uuid}, too large, or given for an agent assignee (22023).';

revoke all on function agents.fn_rpc_node_bindings(p_rpc text, p_assignee_kind agents.assignee_kind, p_node_bindings jsonb) from public;
grant execute on function agents.fn_rpc_node_bindings(p_rpc text, p_assignee_kind agents.assignee_kind, p_node_bindings jsonb) to authenticated, service_role;
