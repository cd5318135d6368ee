-- [security definer: the publisher cannot write plans, and the plan must hold the versions whatever the publisher's row visibility]
create or replace function lenses.tg_workflows_compile_plan()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
begin
  perform lenses.fn_compile_workflow_plan(new.id);
  return null;
end
$function$;

comment on function lenses.tg_workflows_compile_plan() is 'Compiles the plan of a workflow being published.';

revoke all on function lenses.tg_workflows_compile_plan() from public;
