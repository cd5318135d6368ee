-- Whether lenser p_lenser may act as lenser p_as without a JWT (for what starts runs on someone's
-- behalf: schedules): the same lenser, or a human holding a live ownership (any role) of the AI
-- whose profile p_as is. The JWT-bound counterpart is lensers.actable_profile_ids(). Security definer
-- so that the answer never depends on the caller's view of agents.ownerships (a schedule's run may
-- start, or a run end, in a transaction of another user).
create or replace function lensers.fn_may_act_as(p_lenser uuid, p_as uuid)
 returns boolean
 language sql
 stable security definer
 set search_path to ''
as $function$
  select p_lenser = p_as
      or exists (select 1 from agents.ownerships o join agents.ai_lensers a on a.id = o.ai_lenser_id
                 where o.owner_lenser_id = p_lenser and a.profile_id = p_as and o.revoked_at is null)
$function$;

comment on function lensers.fn_may_act_as(p_lenser uuid, p_as uuid) is 'True when lenser p_lenser is p_as or holds a live ownership of the AI lenser p_as (what actable_profile_ids() answers for the caller, for any lenser).';

revoke all on function lensers.fn_may_act_as(p_lenser uuid, p_as uuid) from public;
grant execute on function lensers.fn_may_act_as(p_lenser uuid, p_as uuid) to authenticated, service_role;
