-- Profiles the caller may act as (run things for): also the AIs they operate.
-- PL/pgSQL rather than SQL: a session keeps the plan of its query, where a SQL function that cannot be
-- inlined (security definer) is planned again at every call; RLS calls it once per statement that
-- reads runs (npm run bench, CL_BENCH_MODE=rls: 0.38 ms a call as SQL).
create or replace function lensers.actable_profile_ids()
 returns setof uuid
 language plpgsql
 stable security definer
 set search_path to ''
as $function$
declare
  v_uid uuid := (select auth.uid());
begin
  return query
    select p.id from lensers.profiles p where p.user_id = v_uid
    union
    select a.profile_id
    from agents.ownerships o
    join lensers.profiles h on h.id = o.owner_lenser_id
    join agents.ai_lensers a on a.id = o.ai_lenser_id
    where h.user_id = v_uid and o.revoked_at is null;
end
$function$;

comment on function lensers.actable_profile_ids() is 'Profiles the caller may act as: their own and every AI they hold a live ownership of.';

revoke all on function lensers.actable_profile_ids() from public;
grant execute on function lensers.actable_profile_ids() to authenticated, service_role;
