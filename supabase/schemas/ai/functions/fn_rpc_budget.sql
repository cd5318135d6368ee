-- The budget an RPC acts on: 22023 without an id; PT404 (404) when the caller cannot see it (RLS: never
-- saying whether it exists); with p_manage, 42501 when the caller only reads it (an operator) and
-- 23505 when it is archived.
create or replace function ai.fn_rpc_budget(p_rpc text, p_budget_id uuid, p_manage boolean)
 returns ai.budgets
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_row ai.budgets;
begin
  if p_budget_id is null then
    raise exception '%: p_budget_id is required', p_rpc using errcode = '22023';
  end if;
  select b.* into v_row from ai.budgets b where b.id = p_budget_id;
  if v_row.id is null then
    raise exception '%: no budget %', p_rpc, p_budget_id using errcode = 'PT404';
  end if;
  if p_manage then
    if not ai.fn_may_manage_budget(v_row.scope, v_row.lenser_id, v_row.ai_lenser_id, v_row.workflow_id) then
      raise exception '%: only the budget''s owners change budget %', p_rpc, p_budget_id using errcode = '42501';
    end if;
    if v_row.archived_at is not null then
      raise exception '%: budget % is archived', p_rpc, p_budget_id using errcode = '23505';
    end if;
  end if;
  return v_row;
end
$function$;

revoke all on function ai.fn_rpc_budget(p_rpc text, p_budget_id uuid, p_manage boolean) from public;
grant execute on function ai.fn_rpc_budget(p_rpc text, p_budget_id uuid, p_manage boolean) to authenticated, service_role;
