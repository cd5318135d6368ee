create or replace function agents.can_operate_ai_lenser(p_ai_lenser_id uuid)
 returns boolean
 language sql
 stable security definer
 set search_path to ''
as $function$
  select exists (
    select 1
    from agents.ownerships o
    join lensers.profiles p on p.id = o.owner_lenser_id
    where p.user_id = (select auth.uid())
      and o.ai_lenser_id = p_ai_lenser_id
      and o.revoked_at is null
  )
$function$;

comment on function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) is 'True when the caller holds any live ownership (owner, co_owner or operator): may run, not edit.';

revoke all on function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) from public;
grant execute on function agents.can_operate_ai_lenser(p_ai_lenser_id uuid) to authenticated, service_role;
