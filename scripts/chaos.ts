// npm run chaos: workers killed without warning, and nothing lost or done twice. N runs of a six-node
// DAG (fan-out, an array merge, fan-out again) on a priced copy of the local model, with a hard budget
// on the workflow (too large ever to refuse) and a soft one on the user, so that every task reserves.
// WORKERS worker processes (scripts/worker.ts, as `npm start` runs it) work them; every KILL_MS the
// oldest is SIGKILLed and a new one started, until every run has ended (no kill while fewer than two
// work, so a machine that starts workers slowly never runs out of them). Then it prints:
//
//   terminal          runs that ended, and how (completed must be all of them)
//   duplicates        node results completed more than once (node_completed events, or succeeded
//                     ledger rows, per result)
//   event gaps        runs whose event ids are not exactly 1..N, or that have no end event; and runs
//                     with events after their end event (a run's log takes nothing after its end: the
//                     run-events stream closes there)
//   leases left       node results still leased, or not ended, after their run ended
//   reservations left budget reservations still held, and budget periods whose reserved is not 0 or
//                     whose spent differs from the ledger's cost
//
// and exits 1 on any loss (a run not completed), duplicate, gap or leftover; 0 otherwise.
//
// Settings: CL_CHAOS_RUNS (1000), CL_CHAOS_WORKERS (4), CL_CHAOS_KILL_MS (2000),
// CL_CHAOS_LEASE_SECONDS (5: how soon a killed worker's tasks are taken again),
// CL_CHAOS_CONCURRENCY (8 tasks in flight per worker), CL_CHAOS_MAX_RETRIES (10: an expired lease
// counts as an attempt), CL_CHAOS_TIMEOUT_S (900). scripts/chaos.sh brings the stack up and sets the
// environment (SUPABASE_URL, SUPABASE_DB_URL, ...).
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { buildWorkflow, type WorkflowSpec } from "../tests/_support/workflows.ts";

const int = (name: string, fallback: number, min = 1) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}`);
  return value;
};
const RUNS = int("CL_CHAOS_RUNS", 1000);
const WORKERS = int("CL_CHAOS_WORKERS", 4);
const KILL_MS = int("CL_CHAOS_KILL_MS", 2000, 100);
const LEASE_SECONDS = int("CL_CHAOS_LEASE_SECONDS", 5);
const CONCURRENCY = int("CL_CHAOS_CONCURRENCY", 8);
const MAX_RETRIES = int("CL_CHAOS_MAX_RETRIES", 10, 0);
const TIMEOUT_S = int("CL_CHAOS_TIMEOUT_S", 900);

const ENDED = ["completed", "failed", "cancelled", "timed_out"];

// a -> b, c; b, c -> d (array merge); d -> e, f: six nodes, a fan-out, a fan-in and a fan-out again.
function dag(modelId: string): WorkflowSpec {
  const node = (key: string) => ({ key, template: `Chaos step ${key}.`, config: { model_id: modelId } });
  return {
    title: "chaos: six-node DAG",
    nodes: ["a", "b", "c", "d", "e", "f"].map(node),
    edges: [
      { from: "a", to: "b" },
      { from: "a", to: "c" },
      { from: "b", to: "d", merge: "array", targetPath: "parts" },
      { from: "c", to: "d", merge: "array", targetPath: "parts" },
      { from: "d", to: "e" },
      { from: "d", to: "f" },
    ],
  };
}

interface Worker {
  child: Deno.ChildProcess;
  /** Resolves with its status once it has exited. */
  exited: Promise<Deno.CommandStatus>;
}

/** scripts/worker.ts as a process of its own (in `all` while it may run); resolves once it listens. */
async function spawnWorker(env: Record<string, string>, all: Set<Worker>): Promise<Worker> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--config", `${stack.root}/deno.json`, `${stack.root}/scripts/worker.ts`],
    env: { SUPABASE_DB_URL: stack.dbUrl, ...env },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const worker: Worker = { child, exited: child.status };
  all.add(worker);
  // Its log is drained all along (a full pipe would block it); "listening on workflow_tasks" (info,
  // on stdout) says it is ready; the end of stderr says why when it is not.
  let out = "";
  let err = "";
  const drain = async (stream: ReadableStream<Uint8Array>, keep: (text: string) => void) => {
    try {
      for await (const chunk of stream.pipeThrough(new TextDecoderStream())) keep(chunk);
    } catch { /* killed */ }
  };
  void drain(child.stdout, (t) => (out = (out + t).slice(-4000)));
  const stderrDone = drain(child.stderr, (t) => (err = (err + t).slice(-2000)));
  const deadline = Date.now() + 60_000;
  let exited = false;
  worker.exited.then(() => (exited = true));
  while (!out.includes("listening on workflow_tasks")) {
    if (exited || Date.now() > deadline) {
      try {
        child.kill("SIGKILL");
      } catch { /* gone already */ }
      const status = await worker.exited;
      all.delete(worker);
      await Promise.race([stderrDone, new Promise((r) => setTimeout(r, 1000))]);
      throw new Error(
        `${
          exited ? `it exited (${status.code}, ${status.signal ?? "no signal"})` : "not listening after 60 s"
        }: ${(err || out).slice(-400)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return worker;
}

const sql = postgres(stack.dbUrl, {
  max: 4,
  onnotice: () => {},
  connection: { application_name: "connectedlenses-chaos" },
});
const workers = new Set<Worker>();
let exitCode = 1;
try {
  // Nothing else may work these runs: a worker that is never killed would hide what a kill does.
  const [others] = await sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity where application_name = 'connectedlenses-worker'`;
  if (others.n > 0) {
    throw new Error(
      `${others.n} worker connection(s) are open already (a stack worker? npm run stack:stop, then CL_WORKER=off npm run stack:start)`,
    );
  }

  const user = await createUser(sql, { handle: `chaos-${crypto.randomUUID().slice(0, 6)}` });
  const key = `chaos-priced-${crypto.randomUUID().slice(0, 8)}`;
  const [model] = await sql<{ id: string }[]>`
    insert into ai.models (provider_id, model_key, display_name, capability_tags, context_window, max_output_tokens,
                           support_level, summary, input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok)
    select p.id, ${key}, ${key}, '{chat,streaming}', 128000, 1024, 'runnable', 'A priced local model for npm run chaos.', 3, 15, 0.3
    from ai.providers p where p.key = 'local'
    returning id`;
  const workflow = await buildWorkflow(user.client, dag(model.id));
  const budgets: string[] = [];
  for (
    const args of [
      {
        p_scope: "workflow",
        p_workflow_id: workflow.id,
        p_amount_credits: 99999999,
        p_period: "month",
        p_enforcement: "hard",
        p_on_exceed: "wait",
      },
      { p_scope: "lenser", p_amount_credits: 1, p_period: "month", p_enforcement: "soft" },
    ]
  ) {
    // deno-lint-ignore no-explicit-any
    const res = await (user.client.rpc as any)("create_budget", args);
    if (res.error) throw new Error(`create_budget: ${res.error.message}`);
    budgets.push(res.data.id);
  }

  const runIds: string[] = [];
  for (let i = 0; i < RUNS; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, RUNS - i) }, () =>
        user.client.rpc("start_workflow_run", {
          p_workflow_id: workflow.id,
          p_input: {},
          p_max_retries: MAX_RETRIES,
        })),
    );
    for (const res of batch) {
      if (res.error) throw new Error(`start_workflow_run: ${res.error.message}`);
      runIds.push(res.data!.id);
    }
  }
  console.log(
    `chaos: ${RUNS} runs x 6 nodes, ${WORKERS} workers (${CONCURRENCY} tasks in flight each, ` +
      `${LEASE_SECONDS} s leases), one SIGKILLed every ${KILL_MS} ms and replaced; max retries ${MAX_RETRIES}`,
  );

  let spawned = 0;
  const spawn = async () => {
    return await spawnWorker({
      CL_WORKER_ID: `chaos-${++spawned}`,
      CL_WORKER_LEASE_SECONDS: String(LEASE_SECONDS),
      CL_WORKER_CONCURRENCY: String(CONCURRENCY),
      CL_WORKER_POLL_MS: "500",
      CL_WORKER_LOG: "info",
    }, workers);
  };
  const ended = async () => {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from lenses.workflow_runs where id = any (${runIds}::uuid[]) and status::text = any (${ENDED})`;
    return row.n;
  };

  const live: Worker[] = await Promise.all(Array.from({ length: WORKERS }, spawn));
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  let kills = 0;
  let failedStarts = 0;
  let deferred = 0;
  let starting = 0;
  let lastReport = t0;
  let done = 0;
  while ((done = await ended()) < RUNS && performance.now() - t0 < TIMEOUT_S * 1000) {
    await new Promise((r) => setTimeout(r, KILL_MS));
    // Kill the oldest while at least two work (so the runs always move on); replacements start
    // meanwhile, several at once when the machine starts them slowly.
    if (live.length >= Math.min(2, WORKERS)) {
      const victim = live.shift()!;
      victim.child.kill("SIGKILL");
      await victim.exited;
      workers.delete(victim);
      kills++;
    } else {
      deferred++;
    }
    while (live.length + starting < WORKERS) {
      starting++;
      pending.push(
        spawn().then((w) => void live.push(w), (err) => {
          failedStarts++;
          console.log(`chaos: a worker did not start: ${(err as Error).message}`);
        }).finally(() => starting--),
      );
    }
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      console.log(
        `chaos: ${
          ((lastReport - t0) / 1000).toFixed(0)
        } s, ${done}/${RUNS} runs ended, ${kills} workers killed`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.allSettled(pending);
  // The survivors stop as on Ctrl-C (in-flight tasks finish or go back to the queue).
  for (const w of workers) {
    try {
      w.child.kill("SIGTERM");
    } catch { /* gone already */ }
  }
  await Promise.all([...workers].map((w) => w.exited));
  workers.clear();

  // ---------------------------------------------------------------- what happened
  const [runs] = await sql<{ completed: number; failed: number; other_end: number; open: number }[]>`
    select count(*) filter (where status = 'completed')::int as completed,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status in ('cancelled', 'timed_out'))::int as other_end,
           count(*) filter (where status::text <> all (${ENDED}))::int as open
    from lenses.workflow_runs where id = any (${runIds}::uuid[])`;
  const [nodes] = await sql<
    {
      results: number;
      completed: number;
      dup_events: number;
      dup_ledger: number;
      leased: number;
      unended: number;
      attempts: number;
      reclaimed: number;
    }[]
  >`
    with r as (
      select x.id, x.status, x.lease_token, x.attempt_count,
             (select count(*) from lenses.workflow_run_events e
              where e.run_id = x.run_id and e.node_id = x.node_id and e.event_type = 'node_completed') as completions,
             (select count(*) from ai.llm_calls c where c.node_result_id = x.id and c.status = 'succeeded') as succeeded_calls
      from lenses.workflow_node_results x where x.run_id = any (${runIds}::uuid[]))
    select count(*)::int as results,
           count(*) filter (where status = 'completed')::int as completed,
           count(*) filter (where completions > 1)::int as dup_events,
           count(*) filter (where succeeded_calls > 1)::int as dup_ledger,
           count(*) filter (where lease_token is not null)::int as leased,
           count(*) filter (where status::text not in ('completed', 'failed', 'skipped', 'cancelled', 'timed_out', 'invalidated'))::int as unended,
           coalesce(sum(attempt_count), 0)::int as attempts,
           (select count(*)::int from lenses.workflow_run_events e
            where e.run_id = any (${runIds}::uuid[]) and e.event_type = 'lease_expired') as reclaimed
    from r`;
  const [events] = await sql<
    { gaps: number; unended: number; after_end: number; after_types: string | null; total: number }[]
  >`
    with per_run as (
      select e.run_id, count(*) as n, min(e.event_id) as lo, max(e.event_id) as hi,
             min(e.event_id) filter (where e.event_type in ('run_completed', 'run_failed', 'run_cancelled', 'run_timed_out')) as end_id
      from lenses.workflow_run_events e where e.run_id = any (${runIds}::uuid[]) group by e.run_id)
    select count(*) filter (where lo <> 1 or hi <> n)::int as gaps,
           count(*) filter (where end_id is null)::int as unended,
           count(*) filter (where end_id < hi)::int as after_end,
           (select string_agg(distinct e.event_type::text, ', ') from per_run r
            join lenses.workflow_run_events e on e.run_id = r.run_id and e.event_id > r.end_id) as after_types,
           coalesce(sum(n), 0)::int as total
    from per_run`;
  const [held] = await sql<{ n: number }[]>`
    select count(*)::int as n from ai.budget_reservations r
    join lenses.workflow_node_results x on x.id = r.node_result_id
    where x.run_id = any (${runIds}::uuid[]) and r.status = 'held'`;
  const [ledger] = await sql<{ cost: string }[]>`
    select coalesce(sum(cost_credits), 0)::numeric(14,6)::text as cost from ai.llm_calls where run_id = any (${runIds}::uuid[])`;
  const periods = await sql<{ budget_id: string; reserved: string; spent: string }[]>`
    select budget_id, sum(reserved_credits)::numeric(14,6)::text as reserved, sum(spent_credits)::numeric(14,6)::text as spent
    from ai.budget_periods where budget_id = any (${budgets}::uuid[]) group by budget_id`;
  const drift = periods.filter((p) => Number(p.reserved) !== 0 || Number(p.spent) !== Number(ledger.cost));

  const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
  const terminal = RUNS - runs.open;
  console.log("");
  console.log(
    `chaos: ${kills} workers SIGKILLed, ${spawned} started (${failedStarts} of them did not), in ${
      seconds.toFixed(1)
    } s; ${deferred} kills put off while fewer than two workers were up`,
  );
  console.log(
    `terminal: ${terminal}/${RUNS} runs ended (${pct(terminal, RUNS)}): ${runs.completed} completed ` +
      `(${
        pct(runs.completed, RUNS)
      }), ${runs.failed} failed, ${runs.other_end} cancelled or timed out, ${runs.open} not ended`,
  );
  console.log(
    `nodes: ${nodes.completed}/${nodes.results} completed, ${nodes.attempts} attempts, ` +
      `${nodes.reclaimed} leases expired and taken again, ${
        (nodes.completed / seconds).toFixed(0)
      } node completions/s`,
  );
  console.log(
    `duplicate completions: ${nodes.dup_events} (node_completed twice), ${nodes.dup_ledger} (two succeeded ledger rows)`,
  );
  console.log(
    `event gaps: ${events.gaps} runs whose event ids are not 1..N, ${events.unended} without an end event, ` +
      `${events.after_end} with events after their end${
        events.after_types ? ` (${events.after_types})` : ""
      } (${events.total} events)`,
  );
  console.log(`leases left: ${nodes.leased} leased, ${nodes.unended} results not ended`);
  console.log(
    `reservations left: ${held.n} held; budget periods off the ledger (${ledger.cost} credits spent): ${drift.length}`,
  );

  const problems = [
    runs.completed < RUNS ? `${RUNS - runs.completed} runs lost (not completed)` : "",
    nodes.dup_events + nodes.dup_ledger > 0 ? "duplicate completions" : "",
    events.gaps + events.unended > 0 ? "event gaps" : "",
    events.after_end > 0 ? "events after a run's end" : "",
    nodes.leased + nodes.unended > 0 ? "leases left" : "",
    held.n + drift.length > 0 ? "budget reservations left" : "",
  ].filter(Boolean);
  if (problems.length) {
    console.log(`chaos: FAILED: ${problems.join(", ")}`);
  } else {
    console.log("chaos: ok: every run completed, nothing done twice, no gap, nothing left held");
    exitCode = 0;
  }
} catch (err) {
  console.error(`chaos: ${(err as Error).message}`);
} finally {
  for (const w of workers) {
    try {
      w.child.kill("SIGKILL");
    } catch { /* gone already */ }
  }
  await sql.end({ timeout: 5 });
}
Deno.exit(exitCode);
