create or replace function agents.can_manage_ai_lenser(p_ai_lenser_id uuid)
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
      and o.role in ('owner', 'co_owner')
      and o.revoked_at is null
  )
$function$;

comment on function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) is 'True when the caller''s human profile holds a live owner or co_owner ownership of the agent.';

revoke all on function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) from public;
grant execute on function agents.can_manage_ai_lenser(p_ai_lenser_id uuid) to authenticated, service_role;
