-- Who performs each node of an assignment's workflow, deterministically:
--   an agent assignee performs every node itself (source assignee);
--   for a team: the assignment's node_bindings (node key -> team member id) when it names the node;
--   else a member (not an observer) whose capabilities include the node's lens version
--   instruction_category, the lowest lane first, then a lead before others, then the earliest
--   member; else the team's lead (lowest lane, earliest). A node nobody can take is refused
--   (22023, naming the node), and so is a binding to an unknown node or to a non-member.
-- When the chosen member's agent is inactive or suspended, the step goes to the first active member
-- its handoff edges name, else its delegates edges (lowest lane, earliest), else it stays (and
-- waits in the queue like any step of an inactive agent).
-- workflow_order: the node's place in the workflow (depth from the roots, then key): the order in
-- which one lane takes its steps.
-- Used when an assignment is saved and again when a run starts (p_rpc names the caller).
create or replace function agents.fn_node_members(p_rpc text, p_assignment agents.workflow_assignments)
 returns table(node_id uuid, node_key text, node_title text, member_id uuid, ai_lenser_id uuid, lane integer, source agents.step_member_source, workflow_order integer)
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_key text;
  v_missing text;
begin
  if p_assignment.assignee_kind = 'agent' then
    return query
      select n.id, n.key, coalesce(n.title, n.key), null::uuid, p_assignment.assignee_ai_lenser_id, 0,
             'assignee'::agents.step_member_source, o.workflow_order
      from lenses.workflow_nodes n
      join agents.fn_workflow_order(p_assignment.workflow_id) o on o.node_id = n.id
      order by o.workflow_order;
    return;
  end if;

  for v_key in select jsonb_object_keys(p_assignment.node_bindings) loop
    if not exists (select 1 from lenses.workflow_nodes n where n.workflow_id = p_assignment.workflow_id and n.key = v_key) then
      raise exception '%: node_bindings names node "%", which the workflow does not have', p_rpc, v_key
        using errcode = '22023';
    end if;
    if not exists (select 1 from agents.team_members m
                   where m.team_id = p_assignment.assignee_team_id
                     and m.id::text = p_assignment.node_bindings ->> v_key and m.role <> 'observer') then
      raise exception '%: node_bindings binds node "%" to %, which is not a member of the team who can perform it',
        p_rpc, v_key, p_assignment.node_bindings -> v_key using errcode = '22023';
    end if;
  end loop;

  select n.key into v_missing
  from lenses.workflow_nodes n
  left join lenses.versions v on v.id = n.lens_version_id
  where n.workflow_id = p_assignment.workflow_id
    and not (p_assignment.node_bindings ? n.key)
    and not exists (select 1 from agents.team_members m
                    where m.team_id = p_assignment.assignee_team_id and m.role <> 'observer'
                      and (m.role = 'lead' or v.instruction_category = any (m.capabilities)))
  order by n.key limit 1;
  if v_missing is not null then
    raise exception '%: nobody in the team can take node "%": bind it in node_bindings, give a member its instruction category, or give the team a lead',
      p_rpc, v_missing using errcode = '22023';
  end if;

  return query
    select n.id, n.key, coalesce(n.title, n.key), coalesce(sub.member_id, m.id), coalesce(sub.agent_id, m.agent_id),
           coalesce(sub.lane, m.lane), coalesce(sub.source, pick.source), o.workflow_order
    from lenses.workflow_nodes n
    join agents.fn_workflow_order(p_assignment.workflow_id) o on o.node_id = n.id
    left join lenses.versions v on v.id = n.lens_version_id
    cross join lateral (
      select b.id as member_id, 'binding'::agents.step_member_source as source, 0 as rank
      from agents.team_members b
      where b.team_id = p_assignment.assignee_team_id and b.id::text = p_assignment.node_bindings ->> n.key
      union all
      (select c.id, 'capability', 1 from agents.team_members c
       where c.team_id = p_assignment.assignee_team_id and c.role <> 'observer'
         and v.instruction_category = any (c.capabilities)
       order by c.lane, (c.role = 'lead') desc, c.created_at, c.id limit 1)
      union all
      (select l.id, 'lead', 2 from agents.team_members l
       where l.team_id = p_assignment.assignee_team_id and l.role = 'lead'
       order by l.lane, l.created_at, l.id limit 1)
      order by rank limit 1
    ) pick
    join agents.team_members m on m.id = pick.member_id
    join agents.ai_lensers ma on ma.id = m.agent_id
    -- the member's agent cannot work: a handoff, else a delegate, that can
    left join lateral (
      select t.id as member_id, t.agent_id, t.lane,
             case e.edge_type when 'handoff' then 'handoff' else 'delegate' end::agents.step_member_source as source
      from agents.team_edges e
      join agents.team_members t on t.id = e.target_member_id
      join agents.ai_lensers ta on ta.id = t.agent_id
      where not ma.is_active and e.team_id = p_assignment.assignee_team_id and e.source_member_id = m.id
        and e.edge_type in ('handoff', 'delegates') and ta.is_active and t.role <> 'observer'
      order by (e.edge_type = 'handoff') desc, t.lane, t.created_at, t.id
      limit 1
    ) sub on true
    where n.workflow_id = p_assignment.workflow_id
    order by o.workflow_order;
end
$function$;

comment on function agents.fn_node_members(p_rpc text, p_assignment agents.workflow_assignments) is 'The member who performs each node of the assignment''s workflow (binding, capability, lead; the agent itself for an agent assignee); 22023 for a node nobody can take.';

revoke all on function agents.fn_node_members(p_rpc text, p_assignment agents.workflow_assignments) from public;
grant execute on function agents.fn_node_members(p_rpc text, p_assignment agents.workflow_assignments) to authenticated, service_role;
