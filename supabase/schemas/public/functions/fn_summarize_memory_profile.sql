create or replace function public.fn_summarize_memory_profile(p_memory_profile_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_profile agents.memory_profiles := agents.fn_rpc_memory_profile('fn_summarize_memory_profile', p_memory_profile_id, false);
  v_summary jsonb;
begin
  with entries as (
    select m.*, (m.redacted_at is null and (m.expires_at is null or m.expires_at > now())) as live
    from agents.memories m
    where m.memory_profile_id = v_profile.id and m.ai_lenser_id = v_profile.ai_lenser_id
  )
  select jsonb_build_object(
    'memoryProfileId', v_profile.id,
    'name', v_profile.name,
    'aiLenserId', v_profile.ai_lenser_id,
    'total', count(*),
    'live', count(*) filter (where e.live),
    'expired', count(*) filter (where e.redacted_at is null and e.expires_at <= now()),
    'redacted', count(*) filter (where e.redacted_at is not null),
    'withEmbedding', count(*) filter (where e.live and e.embedding is not null),
    'byScope', coalesce((select jsonb_object_agg(s.scope, s.n) from (
        select x.scope, count(*) as n from entries x where x.live group by x.scope) s), '{}'::jsonb),
    'bySource', coalesce((select jsonb_object_agg(s.source, s.n) from (
        select x.source, count(*) as n from entries x where x.live group by x.source) s), '{}'::jsonb),
    'averageConfidence', round(avg(e.confidence) filter (where e.live), 3),
    'oldestAt', min(e.created_at) filter (where e.live),
    'latestAt', max(e.created_at) filter (where e.live),
    'nextExpiryAt', min(e.expires_at) filter (where e.live)
  ) into v_summary
  from entries e;
  return v_summary;
end
$function$;

comment on function public.fn_summarize_memory_profile(p_memory_profile_id uuid) is 'Counts of a memory profile''s entries (total, live, expired, redacted, with embedding, live by scope and source), average confidence, oldest, latest and next expiry of the live ones.';

revoke all on function public.fn_summarize_memory_profile(p_memory_profile_id uuid) from public;
grant execute on function public.fn_summarize_memory_profile(p_memory_profile_id uuid) to authenticated, service_role;
