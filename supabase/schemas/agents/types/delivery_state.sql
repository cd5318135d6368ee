-- A bus event's delivery to one consumer (agents.event_deliveries.state): pending (due at
-- next_attempt_at), processing (leased by a worker until lease_expires_at), processed (done, once),
-- failed (a permanent error, or max_attempts reached). Only pending <-> processing -> processed | failed.
create type agents.delivery_state as enum (
  'pending',
  'processing',
  'processed',
  'failed'
);
