// Engine throughput against pgbench on the same cluster, in one invocation (scripts/bench.sh runs
// pgbench -N first and passes its tps in CL_PGBENCH_TPS).
//
// A user publishes a ten-node DAG of local-provider lens nodes (zero latency), starts many runs,
// then several in-process worker loops (batch claims) run them all to completion. The figure is
// node completions per second while the loops run; the ratio to pgbench -N tps says how close one
// node transition comes to "one small write transaction".
//
// Settings: CL_BENCH_RUNS (200), CL_BENCH_LOOPS (4), CL_BENCH_CONCURRENCY (16 tasks per loop).
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { buildWorkflow, type WorkflowSpec } from "../tests/_support/workflows.ts";
import { createLogger, WorkerLoop } from "../functions/_shared/worker/mod.ts";

const RUNS = Number(Deno.env.get("CL_BENCH_RUNS") ?? 200);
const LOOPS = Number(Deno.env.get("CL_BENCH_LOOPS") ?? 4);
const CONCURRENCY = Number(Deno.env.get("CL_BENCH_CONCURRENCY") ?? 16);
const PGBENCH_TPS = Number(Deno.env.get("CL_PGBENCH_TPS") ?? NaN);

// root -> three branches of two -> a merge (array) -> two more: ten nodes, 3 levels of fan-out/in.
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

const sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });
const workerSql = postgres(stack.dbUrl, { max: LOOPS * CONCURRENCY + 4, onnotice: () => {} });
try {
  const user = await createUser(sql, { handle: `bench-${crypto.randomUUID().slice(0, 6)}` });
  const workflow = await buildWorkflow(user.client, DAG);

  // Start every run first (not timed), through the client RPC.
  const runIds: string[] = [];
  for (let i = 0; i < RUNS; i += 20) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(20, RUNS - i) },
        () => user.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      ),
    );
    for (const res of batch) {
      if (res.error) throw new Error(`start_workflow_run: ${res.error.message}`);
      runIds.push((res.data as { id: string }).id);
    }
  }
  const nodes = RUNS * DAG.nodes.length;

  const before = await statementCounts(sql);
  const loops = Array.from(
    { length: LOOPS },
    (_, i) =>
      new WorkerLoop(workerSql, { workerId: `bench-${i}`, concurrency: CONCURRENCY, pollMs: 500 }, {
        log: createLogger(`bench ${i}`, "error"),
      }),
  );
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
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  const stats = await Promise.all(loops.map((l) => l.stop(0)));
  const after = await statementCounts(sql);

  const [completed] = await sql<{ n: number }[]>`
    select count(*)::integer as n from lenses.workflow_node_results
    where run_id = any (${runIds}::uuid[]) and status = 'completed'`;
  const [events] = await sql<{ n: number }[]>`
    select count(*)::integer as n from lenses.workflow_run_events where run_id = any (${runIds}::uuid[])`;
  const perSecond = completed.n / seconds;
  const claims = stats.reduce((s, x) => s + x.claimed, 0);

  console.log(
    `engine: ${RUNS} runs x ${DAG.nodes.length} nodes = ${nodes} node tasks, ${LOOPS} loops x ${CONCURRENCY} in flight`,
  );
  console.log(
    `engine: ${done}/${RUNS} runs completed, ${completed.n} node completions in ${seconds.toFixed(2)} s`,
  );
  console.log(
    `engine: ${events.n} run events (${
      (events.n / completed.n).toFixed(1)
    } per node), ${claims} tasks claimed`,
  );
  if (after && before) {
    const xacts = after.xact_commit - before.xact_commit;
    console.log(
      `engine: ${xacts} committed transactions in the database while the loops ran (${
        (xacts / completed.n).toFixed(2)
      } per node)`,
    );
  }
  console.log(`node completions/s: ${perSecond.toFixed(1)}`);
  if (Number.isFinite(PGBENCH_TPS)) {
    const ratio = perSecond / PGBENCH_TPS;
    console.log(`pgbench -N tps: ${PGBENCH_TPS.toFixed(1)}`);
    console.log(
      `ratio (node completions/s / pgbench tps): ${ratio.toFixed(3)} (target >= 0.5: ${
        ratio >= 0.5 ? "met" : "NOT met"
      })`,
    );
  } else {
    console.log("pgbench -N tps: not measured (run through `npm run bench`)");
  }
  if (done !== RUNS) {
    console.error(`engine: ${RUNS - done} runs did not complete`);
    Deno.exitCode = 1;
  }
} finally {
  await workerSql.end({ timeout: 5 });
  await sql.end({ timeout: 5 });
}

async function statementCounts(sql: postgres.Sql) {
  const [row] = await sql<{ xact_commit: number }[]>`
    select xact_commit::bigint::float8 as xact_commit from pg_stat_database where datname = current_database()`;
  return row;
}
