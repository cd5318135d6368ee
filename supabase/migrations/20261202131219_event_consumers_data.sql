-- event_consumers_data: hand-written data migration.
-- The bus's built-in consumers (README "Events"): the output_destination policy of workflow
-- assignments, delivered when a team run ends completed. output_memory runs in the database (the
-- memory entry and the delivery's processed state in one transaction); output_webhook is claimed by
-- the worker (functions/_shared/worker/event_deliveries.ts); output_channel runs in the database too
-- (the reply queued in the outbox, through the guardrails, once per event). Re-applying is harmless.
insert into agents.event_consumers (name, description, event_types, payload_filter, handler_kind, max_attempts, backoff_base_ms, backoff_max_ms)
values
  ('output_memory',
   'output_destination {kind: memory}: writes a completed team run''s output as one memory entry of the destination''s memory profile.',
   array['run_completed']::lenses.run_event_type[], '$.output_destination.kind == "memory"', 'sql', 5, 1000, 3600000),
  ('output_webhook',
   'output_destination {kind: webhook}: the worker POSTs a completed team run''s output to the URL, signed when secretEnv is named, with the delivery id as Idempotency-Key.',
   array['run_completed']::lenses.run_event_type[], '$.output_destination.kind == "webhook"', 'worker', 10, 1000, 3600000),
  ('output_channel',
   'output_destination {kind: channel}: sends a completed team run''s text output to the destination''s contact on its channel binding, through the guardrails and the outbox.',
   array['run_completed']::lenses.run_event_type[], '$.output_destination.kind == "channel"', 'sql', 5, 1000, 3600000)
on conflict (name) do nothing;
