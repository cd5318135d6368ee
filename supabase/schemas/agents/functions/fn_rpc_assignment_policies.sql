-- Each given policy has the right shape; a memory destination names a memory profile of the
-- assignee (for a team: of one of its members' agents).
create or replace function agents.fn_rpc_assignment_policies(p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[];
  v_profile_id uuid;
begin
  v_errors := agents.fn_approval_policy_errors(p_approval_policy);
  if p_approval_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_approval_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_retry_policy_errors(p_retry_policy);
  if p_retry_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_retry_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_failure_policy_errors(p_failure_policy);
  if p_failure_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_failure_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_queue_policy_errors(p_queue_policy);
  if p_queue_policy is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_queue_policy is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  v_errors := agents.fn_output_destination_errors(p_output_destination);
  if p_output_destination is not null and cardinality(v_errors) > 0 then
    raise exception '%: p_output_destination is invalid: %', p_rpc, array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  if p_output_destination ->> 'kind' = 'memory' then
    v_profile_id := (p_output_destination ->> 'memoryProfileId')::uuid;
    if not exists (
      select 1 from agents.memory_profiles p
      where p.id = v_profile_id
        and (p.ai_lenser_id = p_assignee_ai_lenser_id
             or p.ai_lenser_id in (select m.agent_id from agents.team_members m where m.team_id = p_assignee_team_id))
    ) then
      raise exception '%: p_output_destination.memoryProfileId % is not a memory profile of the assignee', p_rpc, v_profile_id
        using errcode = '22023';
    end if;
  end if;
end
$function$;

revoke all on function agents.fn_rpc_assignment_policies(p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) from public;
grant execute on function agents.fn_rpc_assignment_policies(p_rpc text, p_assignee_ai_lenser_id uuid, p_assignee_team_id uuid, p_approval_policy jsonb, p_retry_policy jsonb, p_failure_policy jsonb, p_queue_policy jsonb, p_output_destination jsonb) to authenticated, service_role;
