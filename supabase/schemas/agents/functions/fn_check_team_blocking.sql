-- A blocking team edge (source waits until the target's steps are done) must not wait on work that
-- comes after the source's own: refused (22023) when a node the target performs depends, through
-- the workflow's edges, on a node the source performs, since neither could then ever start.
create or replace function agents.fn_check_team_blocking(p_rpc text, p_assignment agents.workflow_assignments)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_conflict record;
begin
  if p_assignment.assignee_kind <> 'team'
     or not exists (select 1 from agents.team_edges e where e.team_id = p_assignment.assignee_team_id and e.is_blocking) then
    return;
  end if;
  with members as (select * from agents.fn_node_members(p_rpc, p_assignment))
  select e.source_member_id, e.target_member_id, a.node_key as source_node, b.node_key as target_node
  into v_conflict
  from agents.team_edges e
  join members a on a.member_id = e.source_member_id
  join members b on b.member_id = e.target_member_id
  where e.team_id = p_assignment.assignee_team_id and e.is_blocking
    and b.node_id in (
      with recursive downstream(node_id) as (
        select w.target_node_id from lenses.workflow_edges w where w.source_node_id = a.node_id
        union
        select w.target_node_id from downstream d join lenses.workflow_edges w on w.source_node_id = d.node_id
      )
      select node_id from downstream)
  limit 1;
  if found then
    raise exception '%: member % waits for member %''s steps (a blocking team edge), but node "%" of member % comes after node "%" of member %: neither could start',
      p_rpc, v_conflict.source_member_id, v_conflict.target_member_id, v_conflict.target_node, v_conflict.target_member_id,
      v_conflict.source_node, v_conflict.source_member_id using errcode = '22023';
  end if;
end
$function$;

comment on function agents.fn_check_team_blocking(p_rpc text, p_assignment agents.workflow_assignments) is 'Refuses a team assignment whose blocking edges would wait on work that depends on the waiting member''s own nodes (22023).';

revoke all on function agents.fn_check_team_blocking(p_rpc text, p_assignment agents.workflow_assignments) from public;
grant execute on function agents.fn_check_team_blocking(p_rpc text, p_assignment agents.workflow_assignments) to authenticated, service_role;
