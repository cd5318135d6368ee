-- An RPC's p_approval_policy for a schedule: only for a schedule of an assignment (its team runs are
-- requested with it), of the approval policy's shape; 22023 naming the argument otherwise.
create or replace function lenses.fn_rpc_schedule_approval(p_rpc text, p_workflow_assignment_id uuid, p_approval_policy jsonb)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_approval_policy is null then
    return;
  end if;
  if p_workflow_assignment_id is null then
    raise exception '%: p_approval_policy is for a schedule of an assignment (its team runs); a workflow run has no approval',
      p_rpc using errcode = '22023';
  end if;
  if cardinality(agents.fn_approval_policy_errors(p_approval_policy)) > 0 then
    raise exception '%: p_approval_policy is invalid: %', p_rpc,
      array_to_string(agents.fn_approval_policy_errors(p_approval_policy), '; ') using errcode = '22023';
  end if;
end
$function$;

comment on function lenses.fn_rpc_schedule_approval(p_rpc text, p_workflow_assignment_id uuid, p_approval_policy jsonb) is 'Refuses a schedule''s p_approval_policy that is not an approval policy, or is given without an assignment (22023).';

revoke all on function lenses.fn_rpc_schedule_approval(p_rpc text, p_workflow_assignment_id uuid, p_approval_policy jsonb) from public;
