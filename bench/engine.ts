// Engine throughput, for the ratio to pgbench on the same cluster (scripts/bench.sh runs pgbench -N
// before and after this and prints the ratio).
//
// A user publishes a ten-node DAG of local-provider lens nodes (zero latency), starts many runs,
// then several in-process worker loops run them all to completion. Each loop works as the worker
// does: claims in batches, and sends the completions that end together in one transaction that
// also leases its next tasks (complete_workflow_tasks). The figure is node completions per second
// while the loops run; the ratio to pgbench -N tps says how close one node transition comes to
// "one small write transaction". Alongside: the worker's round trips (each one transaction) per
// node, the machine's CPU per node (this machine is CPU-bound in the engine phase), and where the
// database sessions spent their time (pg_stat_activity sampled every 25 ms). With
// CL_BENCH_PROFILE=1 (bench.sh then turns track_functions on) also the server time per node of each
// engine function.
//
// Settings: CL_BENCH_RUNS (400), CL_BENCH_LOOPS (4 worker loops), CL_BENCH_CONCURRENCY (64 tasks in
// flight per loop: a worker waiting on LLM calls keeps many in flight), CL_BENCH_POOL (4 connections
// shared by the loops: the work is CPU-bound on the server, and more connections only add
// contention), CL_BENCH_SYNC_COMMIT (the worker sessions' synchronous_commit; the server's default
// when unset), CL_BENCH_BUDGETS (on or off: every node runs on a priced copy of the local model;
// with on, the workflow has a hard budget too large ever to block and its user a soft budget that
// crosses its alert thresholds, both archived at the end so that a later off run takes the claim's
// no-budget fast path; scripts/bench.sh with CL_BENCH_MODE=budgets alternates the two).
import process from "node:process";
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { buildWorkflow, type WorkflowSpec } from "../tests/_support/workflows.ts";
import { createLogger, type RoundTrips, WorkerLoop } from "../functions/_shared/worker/mod.ts";

const int = (name: string, fallback: number) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const RUNS = int("CL_BENCH_RUNS", 400);
const LOOPS = int("CL_BENCH_LOOPS", 4);
const CONCURRENCY = int("CL_BENCH_CONCURRENCY", 64);
const POOL = int("CL_BENCH_POOL", 4);
const SYNC_COMMIT = Deno.env.get("CL_BENCH_SYNC_COMMIT");
const PROFILE = Deno.env.get("CL_BENCH_PROFILE") === "1";
const BUDGETS = Deno.env.get("CL_BENCH_BUDGETS");
if (BUDGETS !== undefined && BUDGETS !== "on" && BUDGETS !== "off") throw new Error("CL_BENCH_BUDGETS must be on or off");

// root -> three branches of two -> a merge (array) -> two more: ten nodes, fan-out and fan-in.
const DAG: WorkflowSpec = {
  title: "bench: ten-node DAG",
  nodes: ["n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09", "n10"].map((key) => ({
    key,
    template: `Step ${key}.`,
  })),
  edges: [
    { from: "n01", to: "n02" },
    { from: "n01", to: "n03" },
    { from: "n01", to: "n04" },
    { from: "n02", to: "n05" },
    { from: "n03", to: "n06" },
    { from: "n04", to: "n07" },
    { from: "n05", to: "n08", merge: "array", targetPath: "parts" },
    { from: "n06", to: "n08", merge: "array", targetPath: "parts" },
    { from: "n07", to: "n08", merge: "array", targetPath: "parts" },
    { from: "n08", to: "n09" },
    { from: "n09", to: "n10" },
  ],
};

type FunctionStats = Map<string, { calls: number; self: number }>;

async function functionStats(sql: postgres.Sql): Promise<FunctionStats> {
  const rows = await sql<{ fn: string; calls: number; self: number }[]>`
    select schemaname || '.' || funcname as fn, calls::float8 as calls, self_time as self
    from pg_stat_user_functions`;
  return new Map(rows.map((r) => [r.fn, { calls: r.calls, self: r.self }]));
}

/** Busy and total CPU time of the machine so far, in ms (Linux /proc/stat; null elsewhere). */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = Deno.readTextFileSync("/proc/stat").split("\n")[0].trim().split(/\s+/).slice(1).map(
      Number,
    );
    const ticks = fields.reduce((a, b) => a + b, 0);
    const idle = fields[3] + (fields[4] ?? 0);
    return { busy: ((ticks - idle) * 1000) / 100, total: (ticks * 1000) / 100 };
  } catch {
    return null;
  }
}

/** Samples what the engine's database sessions are doing until stopped. */
function sampleWaits(sql: postgres.Sql) {
  const counts = new Map<string, number>();
  let running = true;
  const done = (async () => {
    while (running) {
      const rows = await sql<{ what: string }[]>`
        select coalesce(wait_event_type || ':' || wait_event, 'CPU (running)') as what
        from pg_stat_activity
        where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
          and application_name = 'connectedlenses-bench-worker'`;
      for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return async () => {
    running = false;
    await done;
    return counts;
  };
}

const sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });
const workerSql = postgres(stack.dbUrl, {
  max: POOL,
  onnotice: () => {},
  connection: {
    application_name: "connectedlenses-bench-worker",
    ...(SYNC_COMMIT ? { synchronous_commit: SYNC_COMMIT } : {}),
  },
});
try {
  const user = await createUser(sql, { handle: `bench-${crypto.randomUUID().slice(0, 6)}` });
  let dag = DAG;
  const budgetIds: string[] = [];
  if (BUDGETS) {
    // A priced copy of the local model (both modes run on it, so both write priced ledger rows).
    const key = `bench-priced-${crypto.randomUUID().slice(0, 8)}`;
    const [model] = await sql<{ id: string }[]>`
      insert into ai.models (provider_id, model_key, display_name, capability_tags, context_window, max_output_tokens,
                             support_level, summary, input_price_per_mtok, output_price_per_mtok, cached_input_price_per_mtok)
      select p.id, ${key}, ${key}, '{chat,streaming}', 128000, 1024, 'runnable', 'A priced local model for the bench.', 3, 15, 0.3
      from ai.providers p where p.key = 'local'
      returning id`;
    dag = { ...DAG, nodes: DAG.nodes.map((n) => ({ ...n, config: { model_id: model.id } })) };
  }
  // With budgets (on or off), two copies of the workflow, runs alternating between them: with on,
  // each has its own hard budget and both share the lenser's soft one, so transactions mix tasks
  // of different budget sets (their period locks must never be taken in opposite orders).
  const workflows = [await buildWorkflow(user.client, dag)];
  if (BUDGETS) workflows.push(await buildWorkflow(user.client, { ...dag, title: `${dag.title} (second)` }));
  const workflow = workflows[0];
  if (BUDGETS === "on") {
    for (
      const args of [
        ...workflows.map((w) => ({
          p_scope: "workflow", p_workflow_id: w.id, p_amount_credits: 99999999, p_period: "month", p_enforcement: "hard", p_on_exceed: "wait",
        })),
        { p_scope: "lenser", p_amount_credits: 0.5, p_period: "day", p_enforcement: "soft" },
      ]
    ) {
      // deno-lint-ignore no-explicit-any
      const res = await (user.client.rpc as any)("create_budget", args);
      if (res.error) throw new Error(`create_budget: ${res.error.message}`);
      budgetIds.push(res.data.id);
    }
  }

  // Every run is started first (not timed), through the client RPC.
  const runIds: string[] = [];
  for (let i = 0; i < RUNS; i += 20) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(20, RUNS - i) },
        (_, j) => user.client.rpc("start_workflow_run", { p_workflow_id: workflows[(i + j) % workflows.length].id, p_input: {} }),
      ),
    );
    for (const res of batch) {
      if (res.error) throw new Error(`start_workflow_run: ${res.error.message}`);
      runIds.push(res.data.id);
    }
  }

  const fnBefore = PROFILE ? await functionStats(sql) : null;
  const loops = Array.from(
    { length: LOOPS },
    (_, i) =>
      new WorkerLoop(workerSql, { workerId: `bench-${i}`, concurrency: CONCURRENCY, pollMs: 500 }, {
        log: createLogger(`bench ${i}`, "error"),
      }),
  );
  const stopSampling = sampleWaits(sql);
  const cpu0 = machineCpu();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(loops.map((l) => l.start()));
  let done = 0;
  while (true) {
    const [row] = await sql<{ done: number; ended: number }[]>`
      select count(*) filter (where status = 'completed')::integer as done,
             count(*) filter (where status in ('completed', 'failed', 'cancelled', 'timed_out'))::integer as ended
      from lenses.workflow_runs where id = any (${runIds}::uuid[])`;
    done = row.done;
    if (row.ended === RUNS) break;
    if (performance.now() - t0 > 600_000) {
      throw new Error(`not done after 10 minutes: ${row.ended}/${RUNS} runs ended`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = machineCpu();
  const own = process.cpuUsage(own0);
  const waits = await stopSampling();
  const trips = loops.map((l) => l.roundTrips).reduce((sum, t) => {
    for (const k of Object.keys(sum) as (keyof RoundTrips)[]) sum[k] += t[k];
    return sum;
  });
  const batches = loops.map((l) => l.completionBatches).reduce((a, b) => ({
    batches: a.batches + b.batches,
    completions: a.completions + b.completions,
  }));
  await Promise.all(loops.map((l) => l.stop(0)));
  // Closing the sessions flushes their statistics (an idle session flushes only every 10 s).
  await workerSql.end({ timeout: 5 });

  const [counts] = await sql<{ completed: number; events: number }[]>`
    select (select count(*)::integer from lenses.workflow_node_results
            where run_id = any (${runIds}::uuid[]) and status = 'completed') as completed,
           (select count(*)::integer from lenses.workflow_run_events where run_id = any (${runIds}::uuid[])) as events`;
  const n = counts.completed;
  const perSecond = n / seconds;
  const per = (x: number) => (x / n).toFixed(2);

  console.log(
    `engine: ${RUNS} runs x ${DAG.nodes.length} nodes, ${LOOPS} worker loops x ${CONCURRENCY} tasks in flight, ` +
      `${POOL} connections${SYNC_COMMIT ? `, synchronous_commit=${SYNC_COMMIT}` : ""}`,
  );
  console.log(`engine: ${done}/${RUNS} runs completed, ${n} node completions in ${seconds.toFixed(2)} s`);
  console.log(
    `engine: per node: ${per(counts.events)} run events, ` +
      `${
        per(trips.claim + trips.complete + trips.fail + trips.progress + trips.heartbeat + trips.release)
      } round trips, each one transaction ` +
      `(claim ${per(trips.claim)}, complete ${per(trips.complete)}, progress ${per(trips.progress)}, ` +
      `heartbeat ${per(trips.heartbeat)}, fail ${per(trips.fail)}); ` +
      `${
        (batches.completions / Math.max(batches.batches, 1)).toFixed(1)
      } completions per complete transaction`,
  );
  if (cpu0 && cpu1) {
    // The machine's CPU (database, workers, everything) per node while the loops ran: the figure
    // that moves with the engine's own cost when the machine is saturated.
    const busy = cpu1.busy - cpu0.busy;
    console.log(
      `engine: machine CPU ${(busy / n).toFixed(2)} ms per node (this worker process ${
        ((own.user + own.system) / 1000 / n).toFixed(2)
      }), ${(100 * busy / (cpu1.total - cpu0.total)).toFixed(0)}% busy`,
    );
  }
  const sampled = [...waits.values()].reduce((a, b) => a + b, 0);
  console.log(
    `engine: worker sessions in the database, sampled: ${
      [...waits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)
        .map(([what, c]) => `${what} ${((100 * c) / sampled).toFixed(0)}%`).join(", ")
    }`,
  );
  if (fnBefore) {
    await new Promise((r) => setTimeout(r, 500));
    const fnAfter = await functionStats(sql);
    const rows = [...fnAfter.entries()]
      .map(([fn, a]) => {
        const b = fnBefore.get(fn) ?? { calls: 0, self: 0 };
        return { fn, calls: a.calls - b.calls, self: a.self - b.self };
      })
      .filter((r) => r.calls > 0)
      .sort((a, b) => b.self - a.self)
      .slice(0, 15);
    const total = rows.reduce((s, r) => s + r.self, 0);
    console.log(
      `engine: server time per node by function (self ms, wall clock, top 15 = ${
        (total / n).toFixed(2)
      } ms):`,
    );
    for (const r of rows) {
      console.log(
        `  ${r.fn.padEnd(40)} ${(r.self / n).toFixed(3).padStart(7)} ms  ${(r.calls / n).toFixed(2)} calls`,
      );
    }
  }
  if (BUDGETS === "on") {
    const periods = await sql<{ enforcement: string; reserved: string; spent: string; limit: string; alerts: number }[]>`
      select p.enforcement::text, p.reserved_credits::text as reserved, p.spent_credits::text as spent,
             p.limit_credits::text as limit,
             (select count(*)::int from ai.budget_alerts a where a.budget_id = p.budget_id) as alerts
      from ai.budget_periods p where p.budget_id = any (${budgetIds}::uuid[]) order by 1`;
    for (const p of periods) {
      console.log(`budgets: ${p.enforcement} budget: spent ${p.spent} of ${p.limit}, reserved ${p.reserved}, ${p.alerts} alerts`);
      if (Number(p.reserved) !== 0) {
        console.error("budgets: a reservation is still held after every run ended");
        Deno.exitCode = 1;
      }
    }
    for (const id of budgetIds) {
      // deno-lint-ignore no-explicit-any
      await (user.client.rpc as any)("archive_budget", { p_budget_id: id });
    }
  }
  if (BUDGETS) console.log(`budgets: ${BUDGETS}`);
  console.log(`node completions/s: ${perSecond.toFixed(1)}`);
  if (done !== RUNS) {
    console.error(`engine: ${RUNS - done} runs did not complete`);
    Deno.exitCode = 1;
  }
} finally {
  await workerSql.end({ timeout: 5 });
  await sql.end({ timeout: 5 });
}
