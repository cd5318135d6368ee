-- Each answer with the status its run has now.
create or replace function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[])
 returns jsonb[]
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  return array(
    select u.answer || jsonb_build_object('run_status', r.status)
    from unnest(p_answers, p_run_ids) with ordinality u(answer, run_id, ord)
    join lenses.workflow_runs r on r.id = u.run_id and r.id = any (p_run_ids)
    order by u.ord);
end
$function$;

revoke all on function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[]) from public;
grant execute on function lenses.fn_answers_with_run_status(p_answers jsonb[], p_run_ids uuid[]) to service_role;
