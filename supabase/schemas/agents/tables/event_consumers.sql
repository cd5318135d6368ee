-- The bus's consumers: each subscribes to event types (and, optionally, only to events whose payload
-- matches a jsonpath predicate), and gets one agents.event_deliveries row per matching event, made in
-- the emitting transaction. A platform catalog written by migrations (and service_role): clients read
-- it to know what a delivery's consumer is.
create table agents.event_consumers (
  name text not null,
  description text not null,
  event_types lenses.run_event_type[] not null,
  payload_filter jsonpath,
  handler_kind agents.event_handler_kind not null,
  enabled boolean default true not null,
  max_attempts integer default 10 not null,
  backoff_base_ms integer default 1000 not null,
  backoff_max_ms integer default 3600000 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint event_consumers_pkey PRIMARY KEY (name),
  constraint event_consumers_name_format CHECK ((name ~ '^[a-z][a-z0-9_]{0,62}$'::text)),
  constraint event_consumers_description_length CHECK (((char_length(description) >= 1) AND (char_length(description) <= 2000))),
  constraint event_consumers_event_types_not_empty CHECK ((cardinality(event_types) >= 1)),
  constraint event_consumers_max_attempts_range CHECK (((max_attempts >= 1) AND (max_attempts <= 100))),
  constraint event_consumers_backoff_range CHECK (((backoff_base_ms >= 0) AND (backoff_max_ms >= backoff_base_ms) AND (backoff_max_ms <= 86400000)))
);

alter table agents.event_consumers enable row level security;
comment on table agents.event_consumers is 'Consumers of the event bus: the event types each takes, an optional jsonpath filter on the payload, how it runs (sql in the database, worker under a lease), its retry limits.';
comment on column agents.event_consumers.payload_filter is 'A jsonpath predicate on the event payload (jsonb_path_match); null takes every event of the types.';
comment on column agents.event_consumers.max_attempts is 'Attempts before a retryable failure becomes failed.';
comment on column agents.event_consumers.backoff_base_ms is 'Retry n waits backoff_base_ms * 2^(n-1), capped at backoff_max_ms, times a jitter of 0.5 to 1.';

create policy event_consumers_read on agents.event_consumers
  as permissive for select to authenticated
  using (true);

create trigger event_consumers_set_updated_at before update on agents.event_consumers for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.event_consumers to authenticated;
grant all on table agents.event_consumers to service_role;
