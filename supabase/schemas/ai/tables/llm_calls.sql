create table ai.llm_calls (
  id uuid default gen_random_uuid() not null,
  provider_id uuid,
  model_id uuid,
  provider_key text not null,
  model_key text not null,
  node_result_id uuid,
  run_id uuid,
  attempt integer,
  status ai.llm_call_status not null,
  error_kind lenses.task_error_kind,
  input_tokens integer default 0 not null,
  output_tokens integer default 0 not null,
  cached_tokens integer default 0 not null,
  cost_credits numeric(14,6),
  latency_ms integer not null,
  ttft_ms integer,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  cache_write_tokens integer default 0 not null,
  reasoning_tokens integer default 0 not null,
  unpriced boolean default false not null,
  price_effective_from timestamp with time zone,
  ai_lenser_id uuid,
  workflow_id uuid,
  constraint llm_calls_pkey PRIMARY KEY (id),
  constraint llm_calls_cost CHECK ((cost_credits >= (0)::numeric)),
  constraint llm_calls_error_when_failed CHECK (((status = 'failed'::ai.llm_call_status) = (error_kind IS NOT NULL))),
  constraint llm_calls_latency CHECK (((latency_ms >= 0) AND ((ttft_ms IS NULL) OR ((ttft_ms >= 0) AND (ttft_ms <= latency_ms))))),
  constraint llm_calls_metadata_object CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint llm_calls_run_with_result CHECK (((node_result_id IS NULL) = (run_id IS NULL))),
  constraint llm_calls_priced CHECK ((((cost_credits IS NULL) = unpriced) AND ((price_effective_from IS NULL) = unpriced))),
  constraint llm_calls_tokens CHECK (((input_tokens >= 0) AND (output_tokens >= 0) AND (cached_tokens >= 0) AND (cache_write_tokens >= 0) AND (reasoning_tokens >= 0) AND ((cached_tokens + cache_write_tokens) <= input_tokens) AND (reasoning_tokens <= output_tokens))),
  constraint llm_calls_node_result_id_fkey FOREIGN KEY (node_result_id) REFERENCES lenses.workflow_node_results(id) ON DELETE CASCADE,
  constraint llm_calls_run_id_fkey FOREIGN KEY (run_id) REFERENCES lenses.workflow_runs(id) ON DELETE CASCADE
);

alter table ai.llm_calls enable row level security;
comment on table ai.llm_calls is 'Every model call: tokens by bucket, cost from the model''s price row at the call''s time (ai.model_prices), latency, time to first token. Clients read it through list_llm_calls and get_llm_cost_rollup.';
comment on column ai.llm_calls.input_tokens is 'All prompt tokens: uncached input + cached_tokens (cache reads) + cache_write_tokens.';
comment on column ai.llm_calls.output_tokens is 'All generated tokens, reasoning_tokens included; the output bucket is output_tokens - reasoning_tokens.';
comment on column ai.llm_calls.cost_credits is 'The cost from the price row named by price_effective_from, fixed when the row is written (a later price never rewrites it); null when the model had no price at the call''s time (unpriced), never a silent 0.';
comment on column ai.llm_calls.unpriced is 'True when no price row applied at the call''s time: cost_credits is null.';
comment on column ai.llm_calls.ai_lenser_id is 'The agent that acted (the node result''s ai_lenser_id when the call was written), for rollups by agent.';
comment on column ai.llm_calls.workflow_id is 'The run''s workflow when the call was written, for rollups by workflow (no foreign key: history).';
comment on column ai.llm_calls.provider_id is 'The catalog provider called (no foreign key: the ledger is history; provider_key names it after the catalog changes).';
comment on column ai.llm_calls.model_id is 'The catalog model called (no foreign key: the ledger is history; model_key names it after the catalog changes).';

create index llm_calls_ai_lenser_idx on ai.llm_calls using btree (ai_lenser_id, created_at DESC) where (ai_lenser_id IS NOT NULL);

create index llm_calls_model_day_idx on ai.llm_calls using btree (model_id, created_at DESC);

create index llm_calls_node_result_idx on ai.llm_calls using btree (node_result_id);

create index llm_calls_run_idx on ai.llm_calls using btree (run_id);

create policy llm_calls_select on ai.llm_calls
  as permissive for select to authenticated
  using (((run_id IN ( SELECT r.id
   FROM lenses.workflow_runs r)) OR ((ai_lenser_id IS NOT NULL) AND (ai_lenser_id IN ( SELECT a.id
   FROM agents.ai_lensers a)))));

create trigger llm_calls_append_only before delete or update on ai.llm_calls for each row execute procedure lenses.tg_append_only();

create trigger llm_calls_no_truncate before truncate on ai.llm_calls for each statement execute procedure lenses.tg_append_only();

grant select on table ai.llm_calls to authenticated;
-- Append-only: service_role reads and appends; no update, delete or truncate (lenses.fn_purge_runs deletes as the owner).
grant select, insert on table ai.llm_calls to service_role;
