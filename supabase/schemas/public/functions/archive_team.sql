create or replace function public.archive_team(p_team_id uuid)
 returns agents.teams
 language plpgsql
 set search_path to ''
as $function$
declare
  v_team agents.teams := agents.fn_rpc_editable_team('archive_team', p_team_id);
begin
  update agents.teams t set status = 'archived', archived_at = now() where t.id = v_team.id returning * into v_team;
  -- Nothing is dispatched to an archived team any more.
  update agents.workflow_assignments a set status = 'disabled', disabled_at = now()
  where a.assignee_team_id = v_team.id and a.status = 'active';
  return v_team;
end
$function$;

comment on function public.archive_team(p_team_id uuid) is 'Archives a team and disables its active workflow assignments: it stays readable, and never changes again.';

revoke all on function public.archive_team(p_team_id uuid) from public;
grant execute on function public.archive_team(p_team_id uuid) to authenticated;
