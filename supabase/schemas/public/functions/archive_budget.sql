-- Archives a budget: it no longer applies to new claims (tasks waiting on it are due again); its
-- periods, reservations and alerts stay, and reservations held by running tasks still settle.
create or replace function public.archive_budget(p_budget_id uuid)
 returns ai.budgets
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row ai.budgets := ai.fn_rpc_budget('archive_budget', p_budget_id, true);
begin
  update ai.budgets b set archived_at = now() where b.id = v_row.id returning * into v_row;
  return v_row;
end
$function$;

comment on function public.archive_budget(p_budget_id uuid) is 'Archives a budget: it stops applying to new claims; its history stays.';

revoke all on function public.archive_budget(p_budget_id uuid) from public;
grant execute on function public.archive_budget(p_budget_id uuid) to authenticated, service_role;
