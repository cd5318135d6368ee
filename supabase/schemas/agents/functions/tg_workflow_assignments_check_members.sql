-- An assignment is saved only when every node of its workflow has a member to perform it
-- (agents.fn_node_members), so a bad binding or a team nobody can work for is refused at once.
create or replace function agents.tg_workflow_assignments_check_members()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if jsonb_typeof(new.node_bindings) <> 'object' then
    raise exception 'workflow assignment: node_bindings must be a JSON object of node key -> team member id'
      using errcode = '22023';
  end if;
  if new.assignee_kind = 'agent' and new.node_bindings <> '{}'::jsonb then
    raise exception 'workflow assignment: node_bindings is only for team assignees (an agent performs every node itself)'
      using errcode = '22023';
  end if;
  perform count(*) from agents.fn_node_members('workflow assignment', new);
  perform agents.fn_check_team_blocking('workflow assignment', new);
  return new;
end
$function$;

revoke all on function agents.tg_workflow_assignments_check_members() from public;
