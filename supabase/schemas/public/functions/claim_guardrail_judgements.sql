-- Worker (the model judges): leases at most p_limit (1 to 100) due pending guardrail judgements for
-- p_lease_seconds (1 to 3600), oldest first, FOR UPDATE SKIP LOCKED; an expired lease is taken again,
-- counted as an attempt. A judgement already leased 5 times without an answer (its worker died each
-- time) is closed here instead, fail closed: its first pending rule is answered as unavailable
-- (judge_unavailable: block) and the message settled (agents.fn_settle_guardrail_judgement).
-- Returns a JSON array of {id, leaseToken, attempt, direction, verdict} (types/guardrail-judgements.ts
-- ClaimedGuardrailJudgement): the worker asks each pending rule's judge (resolvePendingJudgements)
-- and answers with complete_guardrail_judgement. Granted to service_role only.
create or replace function public.claim_guardrail_judgements(p_worker text, p_limit integer default 20, p_lease_seconds integer default 120)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'claim_guardrail_judgements';
  c_max_attempts constant integer := 5;
  v_row agents.guardrail_judgements;
  v_exhausted agents.guardrail_judgements[] := array[]::agents.guardrail_judgements[];
  v_token uuid;
  v_out jsonb := '[]'::jsonb;
begin
  perform lensers.fn_limit_text('claim_guardrail_judgements', 'p_worker', p_worker, 200);
  if p_worker is null or btrim(p_worker) = '' then
    raise exception '%: p_worker must name the worker', c_rpc using errcode = '22023';
  end if;
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception '%: p_limit must be 1 to 100', c_rpc using errcode = '22023';
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    raise exception '%: p_lease_seconds must be 1 to 3600', c_rpc using errcode = '22023';
  end if;
  for v_row in
    select j.* from agents.guardrail_judgements j
    where j.status = 'pending' and j.next_attempt_at <= now()
      and (j.lease_expires_at is null or j.lease_expires_at < now())
    order by j.next_attempt_at, j.created_at
    limit p_limit
    for update skip locked
  loop
    if v_row.attempts >= c_max_attempts then
      v_exhausted := v_exhausted || v_row;
      continue;
    end if;
    v_token := pg_catalog.gen_random_uuid();
    update agents.guardrail_judgements j set attempts = j.attempts + 1, lease_token = v_token, lease_owner = p_worker,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds)
    where j.id = v_row.id;
    v_out := v_out || jsonb_build_array(jsonb_build_object('id', v_row.id, 'leaseToken', v_token,
      'attempt', v_row.attempts + 1, 'direction', v_row.direction, 'verdict', v_row.verdict));
  end loop;
  -- Settled last: settling records the verdict, which emits on the bus.
  foreach v_row in array v_exhausted loop
    perform agents.fn_settle_guardrail_judgement(v_row, public.record_guardrail_judgement(v_row.verdict,
      (v_row.verdict -> 'pending' -> 0 ->> 'ruleId')::uuid,
      jsonb_build_object('error', format('no judge answered after %s attempts', v_row.attempts))));
  end loop;
  return v_out;
end
$function$;

comment on function public.claim_guardrail_judgements(p_worker text, p_limit integer, p_lease_seconds integer) is 'Worker: leases due guardrail judgements (held channel messages waiting for their model judges); closes as judge_unavailable (block) one leased 5 times without an answer. Service role only.';

revoke all on function public.claim_guardrail_judgements(p_worker text, p_limit integer, p_lease_seconds integer) from public, anon, authenticated;
grant execute on function public.claim_guardrail_judgements(p_worker text, p_limit integer, p_lease_seconds integer) to service_role;
