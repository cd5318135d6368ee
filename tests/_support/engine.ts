// What the engine tests share: real worker loops in this process, waiting on database conditions
// with a timeout (never on fixed sleeps), and reading a run's state as `postgres`.
import postgres from "postgres";
import {
  createLogger,
  WorkerLoop,
  type WorkerLoopConfig,
  type WorkerStats,
} from "../../functions/_shared/worker/mod.ts";
import type { EnvReader } from "../../functions/_shared/providers/index.ts";
import { stack } from "./stack.ts";
import { type OpenAIFake, startOpenAIFake } from "../functions/fakes/openai.ts";
import type { FakeMode, RecordedRequest } from "../functions/fakes/server.ts";

/** A pool for worker loops (each loop holds up to `concurrency` connections while calls finish). */
export function workerSql(max = 20) {
  return postgres(stack.dbUrl, { max, onnotice: () => {} });
}

export interface Workers {
  loops: WorkerLoop[];
  sql: postgres.Sql;
  /** Stops every loop (in-flight tasks get drainMs, then are handed back) and closes the pool. */
  stop(drainMs?: number): Promise<WorkerStats>;
}

/** Starts `count` worker loops in this process; resolves once every loop listens. */
export async function startWorkers(
  count: number,
  config: WorkerLoopConfig = {},
  env: EnvReader = { get: () => undefined },
): Promise<Workers> {
  const sql = workerSql(Math.min(90, count * ((config.concurrency ?? 8) + 1) + 2));
  const loops = Array.from(
    { length: count },
    (_, i) =>
      new WorkerLoop(sql, { pollMs: 200, ...config, workerId: `${config.workerId ?? "test"}-${i}` }, {
        env,
        log: createLogger(
          `test worker ${i}`,
          (Deno.env.get("CL_TEST_WORKER_LOG") as "debug" | undefined) ?? "error",
        ),
      }),
  );
  await Promise.all(loops.map((l) => l.start()));
  let stopping: Promise<WorkerStats> | null = null;
  return {
    loops,
    sql,
    stop(drainMs = 0) {
      stopping ??= (async () => {
        const all = await Promise.all(loops.map((l) => l.stop(drainMs)));
        await sql.end({ timeout: 5 });
        return all.reduce((sum, s) => {
          for (const k of Object.keys(sum) as (keyof WorkerStats)[]) sum[k] += s[k];
          return sum;
        }, { claimed: 0, completed: 0, failed: 0, released: 0, lost: 0, abandoned: 0, parked: 0 });
      })();
      return stopping;
    },
  };
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (true) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last})` : ""}`,
      );
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const RUN_ENDED = ["completed", "failed", "cancelled", "timed_out"];

export interface RunRow {
  id: string;
  status: string;
  output: Record<string, unknown> | null;
  error_message: string | null;
  /** The highest event id of the run's log. */
  last_event_id: number;
  total_input_tokens: number;
  total_output_tokens: number;
  total_cached_tokens: number;
  total_cost_credits: string;
  recovered_from_run_id: string | null;
}

export async function runRow(sql: postgres.Sql, runId: string): Promise<RunRow> {
  const [row] = await sql<RunRow[]>`
    select id, status::text, output, error_message,
           (select coalesce(max(e.event_id), 0)::integer from lenses.workflow_run_events e where e.run_id = r.id)
             as last_event_id,
           total_input_tokens::integer,
           total_output_tokens::integer, total_cached_tokens::integer, total_cost_credits::text, recovered_from_run_id
    from lenses.workflow_runs r where id = ${runId}`;
  if (!row) throw new Error(`no run ${runId}`);
  return row;
}

/** Waits until the run's status is one of `statuses` (default: any end) and returns the run. */
export async function waitForRun(sql: postgres.Sql, runId: string, statuses = RUN_ENDED, timeoutMs = 60_000) {
  return await waitFor(`run ${runId} to be ${statuses.join(" or ")}`, async () => {
    const run = await runRow(sql, runId);
    return statuses.includes(run.status) ? run : null;
  }, timeoutMs);
}

export interface ResultRow {
  id: string;
  node_id: string;
  node_key: string;
  status: string;
  waiting_reason: string | null;
  attempt_count: number;
  retry_count: number;
  error_kind: string | null;
  error_message: string | null;
  input_data: Record<string, unknown> | null;
  output_data: Record<string, unknown> | null;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost_credits: string;
  lease_token: string | null;
  lease_owner: string | null;
  next_attempt_at: Date | null;
  reused_from_result_id: string | null;
}

export async function results(sql: postgres.Sql, runId: string): Promise<Record<string, ResultRow>> {
  const rows = await sql<ResultRow[]>`
    select id, node_id, node_key, status::text, waiting_reason::text, attempt_count, retry_count, error_kind::text,
           error_message, input_data, output_data, input_tokens::integer, output_tokens::integer,
           cached_tokens::integer, cost_credits::text, lease_token, lease_owner, next_attempt_at, reused_from_result_id
    from lenses.workflow_node_results where run_id = ${runId}`;
  return Object.fromEntries(rows.map((r) => [r.node_key, r]));
}

export interface EventRow {
  event_id: number;
  event_type: string;
  node_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

export async function runEvents(sql: postgres.Sql, runId: string): Promise<EventRow[]> {
  return Array.from(
    await sql<EventRow[]>`
      select event_id::integer, event_type::text, node_id, actor_id, payload
      from lenses.workflow_run_events where run_id = ${runId} order by event_id`,
  );
}

export interface LlmCallRow {
  node_result_id: string;
  status: string;
  error_kind: string | null;
  attempt: number;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost_credits: string;
  latency_ms: number;
  ttft_ms: number | null;
  provider_key: string;
  model_key: string;
  metadata: Record<string, unknown>;
}

export async function llmCalls(sql: postgres.Sql, runId: string): Promise<LlmCallRow[]> {
  return Array.from(
    await sql<LlmCallRow[]>`
      select node_result_id, status::text, error_kind::text, attempt, input_tokens, output_tokens, cached_tokens,
             cost_credits::text, latency_ms, ttft_ms, provider_key, model_key, metadata
      from ai.llm_calls where run_id = ${runId} order by created_at, id`,
  );
}

/** A model for tests: a priced copy of the local model, so costs are not all zero. */
export async function pricedLocalModel(sql: postgres.Sql): Promise<string> {
  const key = `local-priced-${crypto.randomUUID().slice(0, 8)}`;
  const [row] = await sql<{ id: string }[]>`
    insert into ai.models (provider_id, model_key, display_name, capability_tags, context_window, support_level, summary,
                           input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok)
    select p.id, ${key}, ${key}, '{chat,streaming}', 128000, 'runnable', 'A priced local model for tests.', 3, 15, 0.3
    from ai.providers p where p.key = 'local'
    returning id`;
  return row.id;
}

/** Counts of the engine's rows, to prove a refused call wrote nothing. */
export async function engineCounts(sql: postgres.Sql) {
  const [row] = await sql<
    { runs: number; results: number; events: number; provenance: number; calls: number }[]
  >`
    select (select count(*)::integer from lenses.workflow_runs) as runs,
           (select count(*)::integer from lenses.workflow_node_results) as results,
           (select count(*)::integer from lenses.workflow_run_events) as events,
           (select count(*)::integer from lenses.workflow_run_provenance) as provenance,
           (select count(*)::integer from ai.llm_calls) as calls`;
  return row;
}

export interface FakeProvider {
  fake: OpenAIFake;
  providerKey: string;
  /** Model ids by model key. */
  models: Record<string, string>;
  /** How the fake answers each request (it is asked as each request arrives). */
  answer(choose: (req: RecordedRequest, n: number) => FakeMode): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible provider in the catalog whose base URL is a fake server (tests/functions/
 * fakes), with one model per key. Without `apiKeyEnv` it needs no key (as a local Ollama would),
 * so any worker, the edge function's included, can call it.
 */
export async function fakeProvider(
  sql: postgres.Sql,
  modelKeys: string[],
  options: { apiKeyEnv?: string; prices?: [number, number, number] } = {},
): Promise<FakeProvider> {
  const fake = startOpenAIFake();
  const providerKey = `fake-${crypto.randomUUID().slice(0, 8)}`;
  const [input, output, cached] = options.prices ?? [0, 0, 0];
  const rows = await sql<{ id: string; model_key: string }[]>`
    with p as (
      insert into ai.providers (key, display_name, adapter, support_level, base_url, api_key_env)
      values (${providerKey}, 'Fake OpenAI-compatible', 'openai_compatible', 'runnable', ${fake.baseUrl},
              ${options.apiKeyEnv ?? null})
      returning id)
    insert into ai.models (provider_id, model_key, display_name, capability_tags, context_window, support_level, summary,
                           input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok)
    select p.id, k, k, '{chat,streaming}', 8000, 'runnable', 'A model served by a fake server.', ${input}, ${output}, ${cached}
    from p, unnest(${modelKeys}::text[]) k
    returning id, model_key`;
  return {
    fake,
    providerKey,
    models: Object.fromEntries(rows.map((r) => [r.model_key, r.id])),
    answer(choose) {
      // The fake reads `mode` right after recording each request.
      Object.defineProperty(fake, "mode", {
        configurable: true,
        get: () => choose(fake.requests.at(-1)!, fake.requests.length),
      });
    },
    close: () => fake.close(),
  };
}

/** Cancels the user's runs that have not ended (so no later test's workers pick their tasks up). */
export async function cancelOpenRuns(
  sql: postgres.Sql,
  user: { id: string; client: import("./stack.ts").Client },
) {
  const open = await sql<{ id: string }[]>`
    select r.id from lenses.workflow_runs r join lensers.profiles p on p.id = r.started_by
    where p.user_id = ${user.id} and r.status not in ('completed', 'failed', 'cancelled', 'timed_out')`;
  for (const run of open) {
    // deno-lint-ignore no-explicit-any
    await (user.client.rpc as any)("cancel_workflow_run", { p_run_id: run.id, p_reason: "test cleanup" });
  }
}

/** scripts/worker.ts as a subprocess; resolves once it listens. */
export async function spawnWorker(env: Record<string, string>) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--config", `${stack.root}/deno.json`, `${stack.root}/scripts/worker.ts`],
    env: { SUPABASE_DB_URL: stack.dbUrl, CL_WORKER_LOG: "info", ...env },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) output += chunk;
  };
  const done = Promise.all([collect(child.stdout), collect(child.stderr)]);
  await waitFor(
    "the worker subprocess to listen",
    () => output.includes("listening on workflow_tasks"),
    30_000,
  );
  return { child, done, output: () => output };
}
