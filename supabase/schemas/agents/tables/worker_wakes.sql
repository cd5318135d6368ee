create table agents.worker_wakes (
  kind text not null,
  woken_at timestamp with time zone not null,
  constraint worker_wakes_pkey PRIMARY KEY (kind),
  constraint worker_wakes_kind CHECK ((kind = 'channels'::text))
);

alter table agents.worker_wakes enable row level security;
comment on table agents.worker_wakes is 'When the hosted worker was last woken for each kind of work (agents.fn_wake_worker): the throttle that makes a burst of webhooks one wake per window. Platform state, no user data: service_role only.';

-- No client reads or writes it: said as a policy (RLS with no policy reads as an oversight).
create policy worker_wakes_no_client on agents.worker_wakes
  as restrictive for all to anon, authenticated
  using (false) with check (false);

grant select, insert, update on table agents.worker_wakes to service_role;
