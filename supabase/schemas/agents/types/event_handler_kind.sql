-- How a bus consumer runs: 'sql' in the database, in the transaction that marks its delivery
-- processed (exactly once by construction); 'worker' claimed by the worker under a lease
-- (public.claim_event_deliveries), for what Postgres cannot do (HTTP).
create type agents.event_handler_kind as enum (
  'sql',
  'worker'
);
