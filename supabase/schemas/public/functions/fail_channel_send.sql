-- Worker: the provider refused the leased message p_message_id or could not be reached. p_error: an
-- object {code, message, status?} (the send client's error). Retryable (5xx, 429, a provider's rate
-- limit, a network failure) and under 8 attempts: tried again after p_retry_after_ms when the provider
-- asked (Retry-After wins), else after the backoff 1 s * 2^(attempt-1), capped at 5 minutes, with
-- jitter (half fixed, half random); an uncertain row stays uncertain (a retryable failure says nothing
-- of the attempt that was lost, and a failed Slack lookup is one). A network failure (code `network`:
-- no answer, the connection broke or the answer timed out) leaves the attempt's outcome unknown, as a
-- lost lease does: the row becomes uncertain (since this attempt started), so Slack's next attempt
-- looks the message up before posting, and a WhatsApp one waits at least the 30-second grace window
-- of claim_channel_sends for Meta's status to reconcile it. Otherwise the message fails (delivery
-- status failed, keeping the error) and the row is done. A stale lease: PT409. Returns {messageId,
-- status: retrying | failed, attempts, nextAttemptInMs}.
create or replace function public.fail_channel_send(p_message_id uuid, p_lease_token uuid, p_error jsonb, p_retry_after_ms integer default NULL::integer, p_retryable boolean default false)
 returns jsonb
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'fail_channel_send';
  c_max_attempts constant integer := 8;
  c_whatsapp_grace_ms constant bigint := 30000; -- claim_channel_sends' c_whatsapp_grace
  v_send agents.message_sends;
  v_unknown boolean := p_retryable and p_error ->> 'code' = 'network';
  v_delay_ms bigint;
  v_base_ms double precision;
begin
  perform lensers.fn_limit_json('fail_channel_send', 'p_error', p_error, 16384, 8);
  if p_error is null or jsonb_typeof(p_error) <> 'object' then
    raise exception '%: p_error must be an object {code, message}', c_rpc using errcode = '22023';
  end if;
  if p_retry_after_ms is not null and p_retry_after_ms not between 0 and 86400000 then
    raise exception '%: p_retry_after_ms must be 0 to 86400000', c_rpc using errcode = '22023';
  end if;
  if p_retryable is null then
    raise exception '%: p_retryable must be true or false', c_rpc using errcode = '22023';
  end if;
  v_send := agents.fn_leased_send(c_rpc, p_message_id, p_lease_token);
  if p_retryable and v_send.attempts < c_max_attempts then
    v_base_ms := least(300000, 1000 * power(2, greatest(v_send.attempts - 1, 0)));
    v_delay_ms := coalesce(p_retry_after_ms, round(v_base_ms / 2 + random() * v_base_ms / 2))::bigint;
    if v_unknown and exists (select 1 from agents.channel_bindings b where b.id = v_send.binding_id and b.channel = 'whatsapp') then
      v_delay_ms := greatest(v_delay_ms, c_whatsapp_grace_ms);
    end if;
    update agents.message_sends s set lease_token = null, lease_owner = null, lease_expires_at = null, last_error = p_error,
      next_attempt_at = now() + make_interval(secs => v_delay_ms / 1000.0),
      uncertain_since = case when v_unknown then coalesce(s.uncertain_since, s.last_attempt_at, now()) else s.uncertain_since end
    where s.message_id = p_message_id;
    return jsonb_build_object('messageId', p_message_id, 'status', 'retrying', 'attempts', v_send.attempts, 'nextAttemptInMs', v_delay_ms);
  end if;
  update agents.messages m set delivery_status = 'failed',
    error = jsonb_build_object('title', case when p_retryable then format('gave up after %s attempts', v_send.attempts)
      else 'the provider refused the message' end) || p_error
  where m.id = p_message_id and m.delivery_status = 'queued';
  update agents.message_sends s set lease_token = null, lease_owner = null, lease_expires_at = null, last_error = p_error, done_at = now(),
    uncertain_since = null
  where s.message_id = p_message_id;
  perform agents.fn_emit_message_events(jsonb_build_array(jsonb_build_object('type', 'message_status_changed', 'messageId', p_message_id,
    'payload', jsonb_build_object('error', p_error))));
  return jsonb_build_object('messageId', p_message_id, 'status', 'failed', 'attempts', v_send.attempts, 'nextAttemptInMs', null);
end
$function$;

comment on function public.fail_channel_send(p_message_id uuid, p_lease_token uuid, p_error jsonb, p_retry_after_ms integer, p_retryable boolean) is 'Worker: a leased outbox message was not accepted: retried with backoff (Retry-After wins) or failed for good. Service role only.';

revoke all on function public.fail_channel_send(p_message_id uuid, p_lease_token uuid, p_error jsonb, p_retry_after_ms integer, p_retryable boolean) from public, anon, authenticated;
grant execute on function public.fail_channel_send(p_message_id uuid, p_lease_token uuid, p_error jsonb, p_retry_after_ms integer, p_retryable boolean) to service_role;
