-- ai.llm_calls: the ledger of every model call (provider, model, tokens, cost, latency, time to
-- first token), linked to what caused it. Append-only; written in the same transaction as the
-- transition it served, so run and node totals always agree with it.

create type ai.llm_call_status as enum ('succeeded', 'failed');

create table ai.llm_calls (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid references ai.providers (id) on delete set null,
  model_id uuid references ai.models (id) on delete set null,
  provider_key text not null,
  model_key text not null,
  node_result_id uuid references lenses.workflow_node_results (id) on delete cascade,
  run_id uuid references lenses.workflow_runs (id) on delete cascade,
  attempt integer,
  status ai.llm_call_status not null,
  error_kind lenses.task_error_kind,
  input_tokens integer not null default 0,
  output_tokens integer not null default 0,
  cached_tokens integer not null default 0,
  cost_credits numeric(14, 6) not null default 0,
  latency_ms integer not null,
  ttft_ms integer,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  constraint llm_calls_tokens check (input_tokens >= 0 and output_tokens >= 0 and cached_tokens between 0 and input_tokens),
  constraint llm_calls_cost check (cost_credits >= 0),
  constraint llm_calls_latency check (latency_ms >= 0 and (ttft_ms is null or ttft_ms between 0 and latency_ms)),
  constraint llm_calls_error_when_failed check ((status = 'failed') = (error_kind is not null)),
  constraint llm_calls_run_with_result check ((node_result_id is null) = (run_id is null)),
  constraint llm_calls_metadata_object check (jsonb_typeof(metadata) = 'object')
);
comment on table ai.llm_calls is 'Every model call: tokens in/out/cached, cost from ai.models prices, latency, time to first token.';

create index llm_calls_node_result_idx on ai.llm_calls (node_result_id);
create index llm_calls_run_idx on ai.llm_calls (run_id);
create index llm_calls_model_day_idx on ai.llm_calls (model_id, created_at desc);
create index llm_calls_provider_idx on ai.llm_calls (provider_id);

create trigger llm_calls_append_only before update or delete on ai.llm_calls
  for each row execute function lenses.tg_append_only();

-- Cost in credits (USD) from the model's prices per million tokens; cached input at its own price.
create function ai.fn_call_cost(p_model_id uuid, p_input_tokens bigint, p_output_tokens bigint, p_cached_tokens bigint)
returns numeric
language sql
stable
set search_path = ''
as $$
  select coalesce(round((
      greatest(p_input_tokens - p_cached_tokens, 0) * m.input_price_per_mtok
      + p_cached_tokens * m.cached_input_price_per_mtok
      + p_output_tokens * m.output_price_per_mtok
    ) / 1000000.0, 6), 0)
  from ai.models m where m.id = p_model_id
$$;
revoke execute on function ai.fn_call_cost(uuid, bigint, bigint, bigint) from public;
grant execute on function ai.fn_call_cost(uuid, bigint, bigint, bigint) to authenticated, service_role;

alter table ai.llm_calls enable row level security;
create policy llm_calls_select on ai.llm_calls
  for select to authenticated
  using (run_id in (select r.id from lenses.workflow_runs r));
grant select on ai.llm_calls to authenticated;
grant all on ai.llm_calls to service_role;
