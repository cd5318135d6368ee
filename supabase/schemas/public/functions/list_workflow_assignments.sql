create or replace function public.list_workflow_assignments(p_workflow_id uuid default NULL::uuid, p_ai_lenser_id uuid default NULL::uuid, p_team_id uuid default NULL::uuid, p_include_disabled boolean default false, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.workflow_assignments
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform lensers.fn_rpc_page('list_workflow_assignments', p_limit, p_offset);
  perform agents.fn_rpc_not_null('list_workflow_assignments', 'p_include_disabled', p_include_disabled);
  return query
    select a.* from agents.workflow_assignments a
    where (p_workflow_id is null or a.workflow_id = p_workflow_id)
      and (p_ai_lenser_id is null or a.assignee_ai_lenser_id = p_ai_lenser_id)
      and (p_team_id is null or a.assignee_team_id = p_team_id)
      and (p_include_disabled or a.status = 'active')
    order by a.created_at desc, a.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_workflow_assignments(p_workflow_id uuid, p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) is 'Assignments the caller may see, optionally of one workflow, agent or team, newest first.';

revoke all on function public.list_workflow_assignments(p_workflow_id uuid, p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) from public;
grant execute on function public.list_workflow_assignments(p_workflow_id uuid, p_ai_lenser_id uuid, p_team_id uuid, p_include_disabled boolean, p_limit integer, p_offset integer) to authenticated;
