-- One bus event's delivery to one consumer, with the consumer's own processing state. UNIQUE
-- (consumer, scope_id, event_id): a consumer gets an event once, by construction; the delivery is
-- inserted in the transaction that emits the event. sql consumers are processed in the transaction
-- that marks the delivery processed; worker consumers are leased (public.claim_event_deliveries),
-- completed or failed with the lease token, and an expired lease puts the delivery back to pending.
create table agents.event_deliveries (
  id uuid default gen_random_uuid() not null,
  consumer text not null,
  scope_id uuid not null,
  event_id bigint not null,
  state agents.delivery_state default 'pending'::agents.delivery_state not null,
  attempts integer default 0 not null,
  lease_expirations integer default 0 not null,
  next_attempt_at timestamp with time zone default now() not null,
  lease_token uuid,
  lease_owner text,
  lease_expires_at timestamp with time zone,
  last_error text,
  result jsonb,
  processed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint event_deliveries_pkey PRIMARY KEY (id),
  constraint event_deliveries_once UNIQUE (consumer, scope_id, event_id),
  constraint event_deliveries_attempts_not_negative CHECK (((attempts >= 0) AND (lease_expirations >= 0))),
  constraint event_deliveries_lease_when_processing CHECK (((state = 'processing'::agents.delivery_state) = ((lease_token IS NOT NULL) AND (lease_expires_at IS NOT NULL)))),
  constraint event_deliveries_processed_at_when_processed CHECK (((state = 'processed'::agents.delivery_state) = (processed_at IS NOT NULL))),
  constraint event_deliveries_error_when_failed CHECK (((state <> 'failed'::agents.delivery_state) OR (last_error IS NOT NULL))),
  constraint event_deliveries_last_error_length CHECK ((char_length(last_error) <= 16000)),
  constraint event_deliveries_lease_owner_length CHECK ((char_length(lease_owner) <= 200)),
  constraint event_deliveries_result_size CHECK (((result IS NULL) OR (octet_length((result)::text) <= 65536))),
  constraint event_deliveries_consumer_fkey FOREIGN KEY (consumer) REFERENCES agents.event_consumers(name) ON DELETE CASCADE,
  constraint event_deliveries_event_fkey FOREIGN KEY (scope_id, event_id) REFERENCES agents.events(scope_id, event_id) ON DELETE CASCADE
);

alter table agents.event_deliveries enable row level security;
comment on table agents.event_deliveries is 'A bus event''s delivery to one consumer (once per consumer and event): pending, processing (leased), processed or failed, with attempts, backoff and the last error.';
comment on column agents.event_deliveries.lease_expirations is 'How many times a worker''s lease ran out before it completed or failed the delivery (each counted as an attempt).';
comment on column agents.event_deliveries.result is 'What the consumer reported when it processed the delivery (e.g. the memory written, the webhook''s status).';

create index event_deliveries_event_idx on agents.event_deliveries using btree (scope_id, event_id);

create index event_deliveries_due_idx on agents.event_deliveries using btree (consumer, next_attempt_at) where (state = 'pending'::agents.delivery_state);

create index event_deliveries_leased_idx on agents.event_deliveries using btree (consumer, lease_expires_at) where (state = 'processing'::agents.delivery_state);

create policy event_deliveries_select on agents.event_deliveries
  as permissive for select to authenticated
  using ((scope_id IN ( SELECT lensers.actable_profile_ids() AS actable_profile_ids)));

create trigger event_deliveries_set_updated_at before update on agents.event_deliveries for each row execute procedure lensers.tg_set_updated_at();

grant select on table agents.event_deliveries to authenticated;
grant select, insert, update on table agents.event_deliveries to service_role;
