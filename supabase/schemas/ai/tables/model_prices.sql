create table ai.model_prices (
  model_id uuid not null,
  effective_from timestamp with time zone not null,
  input_per_mtok numeric(12,6) not null,
  cached_input_per_mtok numeric(12,6) not null,
  cache_write_per_mtok numeric(12,6) not null,
  output_per_mtok numeric(12,6) not null,
  reasoning_per_mtok numeric(12,6) not null,
  created_at timestamp with time zone default now() not null,
  constraint model_prices_pkey PRIMARY KEY (model_id, effective_from),
  constraint model_prices_not_negative CHECK (((input_per_mtok >= (0)::numeric) AND (cached_input_per_mtok >= (0)::numeric) AND (cache_write_per_mtok >= (0)::numeric) AND (output_per_mtok >= (0)::numeric) AND (reasoning_per_mtok >= (0)::numeric))),
  constraint model_prices_model_id_fkey FOREIGN KEY (model_id) REFERENCES ai.models(id) ON DELETE CASCADE
);

alter table ai.model_prices enable row level security;
comment on table ai.model_prices is 'Versioned prices per million tokens, one row per model and effective_from; a call is priced by the newest row effective at its time (ai.fn_model_price). Buckets are disjoint: uncached input, cached input read, cache write, output (not reasoning), reasoning. A model with no row at a call''s time is unpriced: its ledger row has a null cost.';
comment on column ai.model_prices.effective_from is 'When this price starts to apply (-infinity: always, for prices migrated from the catalog columns). A later row supersedes it; ledger rows keep the price they used (ai.llm_calls.price_effective_from).';

create policy model_prices_read on ai.model_prices
  as permissive for select to anon, authenticated
  using (true);

create trigger model_prices_mirror after insert or delete or update on ai.model_prices for each row execute procedure ai.tg_model_prices_mirror();

grant select on table ai.model_prices to anon, authenticated;
grant all on table ai.model_prices to service_role;
