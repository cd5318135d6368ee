-- Escalates a team run's pending approval to the team members that reports_to edges name (the
-- targets of every reports_to edge in the team): the humans who own or co-own those members'
-- agents may then decide it too, and it lists for them in agents.approval_requests_v. Once.
-- [security definer: writes the team run; checks the caller started it or holds a role on the assignee]
create or replace function public.escalate_team_run(p_team_run_id uuid, p_note text default NULL::text)
 returns agents.team_runs
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_me uuid := lensers.current_profile_id();
  v_run agents.team_runs;
  v_note text := nullif(btrim(p_note), '');
  v_targets uuid[];
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('escalate_team_run', 'p_note', p_note, 2000);
  if v_me is null then
    raise exception 'escalate_team_run: sign in first (no profile for this JWT)' using errcode = '42501';
  end if;
  if p_team_run_id is null then
    raise exception 'escalate_team_run: p_team_run_id is required' using errcode = '22023';
  end if;
  if char_length(v_note) > 2000 then
    raise exception 'escalate_team_run: p_note must be at most 2000 characters, got %', char_length(v_note) using errcode = '22023';
  end if;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id;
  if not found or not (v_run.lenser_id = v_me
                       or agents.fn_caller_assignee_role(v_run.assignee_ai_lenser_id, v_run.assignee_team_id) is not null) then
    raise exception 'escalate_team_run: no team run % that you can act on', p_team_run_id using errcode = 'PT404';
  end if;
  perform 1 from agents.workflow_assignments a where a.id = v_run.assignment_id for update;
  select t.* into v_run from agents.team_runs t where t.id = p_team_run_id for update;
  if v_run.approval_status <> 'pending' or v_run.status <> 'queued' then
    raise exception 'escalate_team_run: team run % has no pending approval (%)', p_team_run_id, v_run.approval_status
      using errcode = '23505';
  end if;
  if v_run.escalated_at is not null then
    raise exception 'escalate_team_run: team run % was already escalated at %', p_team_run_id, v_run.escalated_at
      using errcode = '23505';
  end if;
  if v_run.assignee_kind <> 'team' then
    raise exception 'escalate_team_run: only a team''s approval can be escalated (through its reports_to edges)'
      using errcode = '22023';
  end if;
  select array_agg(distinct e.target_member_id order by e.target_member_id) into v_targets
  from agents.team_edges e where e.team_id = v_run.assignee_team_id and e.edge_type = 'reports_to';
  if v_targets is null then
    raise exception 'escalate_team_run: team % has no reports_to edge to escalate to', v_run.assignee_team_id
      using errcode = '22023';
  end if;
  update agents.team_runs t set escalated_at = now(), escalated_to = v_targets where t.id = p_team_run_id
  returning * into v_run;
  perform agents.fn_append_agent_run_event(p_team_run_id, 'approval_requested',
    jsonb_build_object('escalated_to', to_jsonb(v_targets), 'note', v_note), null, v_me);
  return v_run;
end
$function$;

comment on function public.escalate_team_run(p_team_run_id uuid, p_note text) is 'Escalates a pending team run approval to the members its team''s reports_to edges name (their agents'' owners may decide).';

revoke all on function public.escalate_team_run(p_team_run_id uuid, p_note text) from public;
grant execute on function public.escalate_team_run(p_team_run_id uuid, p_note text) to authenticated;
