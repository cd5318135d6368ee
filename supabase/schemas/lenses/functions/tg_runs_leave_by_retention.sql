-- Runs (lenses.workflow_runs, agents.team_runs) are deleted only by lenses.fn_purge_runs, never as a
-- side effect: a direct DELETE, or one cascading from a deleted workflow, team, agent, assignment or
-- profile (a user's deletion), is refused while the run exists, with a message naming the way out.
-- SECURITY DEFINER: it reads lenses.retention_purges (no client grants); a trigger function cannot
-- be called directly.
create or replace function lenses.tg_runs_leave_by_retention()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  if lenses.fn_retention_purge_open() then
    return old;
  end if;
  raise exception '%.%: run % cannot be deleted: runs and their logs leave only through lenses.fn_purge_runs (by age, or erasing a lenser with p_lenser_id)',
    tg_table_schema, tg_table_name, old.id
    using errcode = '42501';
end
$function$;

revoke all on function lenses.tg_runs_leave_by_retention() from public;
