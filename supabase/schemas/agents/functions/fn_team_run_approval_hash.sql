-- What an approval binds to: sha256 over the workflow, the policies and the input. jsonb's text
-- form is canonical (keys sorted, no insignificant whitespace), so equal values hash equally.
create or replace function agents.fn_team_run_approval_hash(p_workflow_id uuid, p_policies jsonb, p_input jsonb)
 returns text
 language sql
 immutable
 set search_path to ''
as $function$
  select encode(pg_catalog.sha256(convert_to(jsonb_build_array(p_workflow_id, p_policies, p_input)::text, 'UTF8')), 'hex')
$function$;

comment on function agents.fn_team_run_approval_hash(p_workflow_id uuid, p_policies jsonb, p_input jsonb) is 'sha256 (hex) of the workflow id, the policies and the input: the identity of what an approval approves.';

revoke all on function agents.fn_team_run_approval_hash(p_workflow_id uuid, p_policies jsonb, p_input jsonb) from public;
grant execute on function agents.fn_team_run_approval_hash(p_workflow_id uuid, p_policies jsonb, p_input jsonb) to authenticated, service_role;
