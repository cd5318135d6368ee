-- agents.fn_wake_worker: the hosted wake-up of the worker edge function through pg_net and the Vault.
-- Neither exists here, so the test first proves the no-op, then stands in for both with the same
-- signatures (net.http_post records its calls; vault.decrypted_secrets is a table) to prove what the
-- function does where they exist: not configured, woken once, throttled within the window, woken
-- again after it, and the webhook path (receive_channel_events) waking for stored messages only.
begin;
select plan(14);

select is(agents.fn_wake_worker('channels'), 'no_pg_net', 'locally (no pg_net): a no-op');
select is((select count(*)::int from agents.worker_wakes), 0, 'and nothing is written');

create schema net;
create table net.calls (url text, body jsonb, headers jsonb, timeout_milliseconds integer);
create function net.http_post(url text, body jsonb default '{}', params jsonb default '{}', headers jsonb default '{}',
  timeout_milliseconds integer default 5000) returns bigint language sql as $$
  insert into net.calls values (url, body, headers, timeout_milliseconds) returning 1::bigint $$;
grant usage on schema net to service_role;
grant select on net.calls to service_role;
select is(agents.fn_wake_worker('channels'), 'no_vault', 'pg_net without the Vault: a no-op');
create schema vault;
create table vault.decrypted_secrets (name text, decrypted_secret text);
select is(agents.fn_wake_worker('channels'), 'not_configured', 'no secrets in the Vault: a no-op');
select is((select count(*)::int from net.calls), 0, 'no request');

insert into vault.decrypted_secrets values
  ('cl_worker_url', 'https://ref.supabase.co/functions/v1/worker'), ('cl_worker_service_key', 'service-key');
select is(agents.fn_wake_worker('channels'), 'woken', 'configured: the worker is woken');
select results_eq($$select url, body, headers ->> 'Authorization', timeout_milliseconds from net.calls$$,
  $$values ('https://ref.supabase.co/functions/v1/worker', '{"budget_ms": 30000}'::jsonb, 'Bearer service-key', 5000)$$,
  'with one POST to the function''s URL, the service key and a budget');
select is(agents.fn_wake_worker('channels'), 'throttled', 'again within 20 seconds: throttled');
select is((select count(*)::int from net.calls), 1, 'no second request');
update agents.worker_wakes set woken_at = now() - interval '21 seconds';
select is(agents.fn_wake_worker('channels'), 'woken', 'after the window: woken again');
select throws_ok($$select agents.fn_wake_worker('everything')$$, '23514', null, 'only known kinds of work');

-- The webhook path: a stored message wakes the worker; a redelivery (nothing stored) does not.
select tests.create_user('wake-owner@example.com', '{"handle":"wake-owner"}') as owner \gset
select tests.new_agent(:'owner', 'woken') as agent \gset
select tests.authenticate_as(:'owner');
\o /dev/null
select * from public.create_channel_binding(:'agent', 'whatsapp', 'Wake line', '15558188',
  p_app_secret_env => 'WA_APP_SECRET', p_verify_token_env => 'WA_VERIFY_TOKEN', p_access_token_env => 'WA_ACCESS_TOKEN') \gset wa_
\o
select tests.authenticate_as_service_role();
update agents.worker_wakes set woken_at = now() - interval '21 seconds';
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.wake1","sender":{"externalId":"4917100009","name":"Wanda"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select is((select count(*)::int from net.calls), 3, 'an inbound message wakes the worker');
update agents.worker_wakes set woken_at = now() - interval '21 seconds';
\o /dev/null
select public.receive_channel_events(:'wa_id', '[{"kind":"message","providerMessageId":"wamid.wake1","sender":{"externalId":"4917100009","name":"Wanda"},"body":"hi","sentAt":"2026-12-02T10:00:00Z"}]');
\o
select is((select count(*)::int from net.calls), 3, 'a redelivered one (nothing stored) does not');
select tests.clear_authentication();
select is((select count(*)::int from agents.worker_wakes where woken_at > now() - interval '1 second'), 0,
  'the throttle row is not a client''s to see') ;

select * from finish();
rollback;
