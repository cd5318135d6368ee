create or replace function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text default NULL::text)
 returns agents.ai_lensers
 language plpgsql
 set search_path to ''
as $function$
declare
  v_agent agents.ai_lensers;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('set_ai_lenser_active', 'p_reason', p_reason, 1000);
  if p_ai_lenser_id is null or p_active is null then
    raise exception 'set_ai_lenser_active: p_ai_lenser_id and p_active are required' using errcode = '22023';
  end if;
  if not (select agents.can_manage_ai_lenser(p_ai_lenser_id)) then
    raise exception 'set_ai_lenser_active: you do not own or co-own agent %', p_ai_lenser_id using errcode = '42501';
  end if;
  if not p_active and (p_reason is null or btrim(p_reason) = '') then
    raise exception 'set_ai_lenser_active: p_reason is required to suspend an agent' using errcode = '22023';
  end if;
  update agents.ai_lensers a set
    is_active = p_active,
    suspended_at = case when p_active then null else now() end,
    suspended_reason = case when p_active then null else btrim(p_reason) end
  where a.id = p_ai_lenser_id
  returning * into v_agent;
  return v_agent;
end
$function$;

comment on function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text) is 'Suspends (with a reason) or reactivates an agent the caller owns or co-owns.';

revoke all on function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text) from public;
grant execute on function public.set_ai_lenser_active(p_ai_lenser_id uuid, p_active boolean, p_reason text) to authenticated;
