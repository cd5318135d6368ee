// Run event appends per second (scripts/bench.sh, CL_BENCH_MODE=appends, which runs pgbench -N
// before and after this and prints the ratio).
//
// The path the engine takes: lenses.fn_append_workflow_run_events(jsonb), each call its own
// transaction, over TCP like pgbench. CL_BENCH_APPEND_CLIENTS (4, as pgbench -c 4) sessions append
// for CL_BENCH_APPEND_SECONDS (15, as pgbench -T) each to its own 8 runs in turn (started through the
// client RPC first, not timed; no worker runs them): once one event per call (the ratio to pgbench's
// one small update per transaction), then CL_BENCH_APPEND_BATCH (10) events of one run per call, as
// the worker sends a node's events together. Afterwards every run's event_ids are checked gap-free.
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { buildWorkflow } from "../tests/_support/workflows.ts";

const int = (name: string, fallback: number) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const CLIENTS = int("CL_BENCH_APPEND_CLIENTS", 4);
const SECONDS = int("CL_BENCH_APPEND_SECONDS", 15);
const BATCH = int("CL_BENCH_APPEND_BATCH", 10);
const OUT = Deno.env.get("CL_BENCH_RESULT");
const RUNS_PER_CLIENT = 8;

const sql = postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
const appendSql = postgres(stack.dbUrl, { max: CLIENTS, onnotice: () => {} });
try {
  const user = await createUser(sql, { handle: `append-${crypto.randomUUID().slice(0, 6)}` });
  const wf = await buildWorkflow(user.client, {
    title: "bench: event appends",
    nodes: [{ key: "only", template: "Hello." }],
    edges: [],
  });
  const runIds: string[] = [];
  for (let i = 0; i < CLIENTS * RUNS_PER_CLIENT; i++) {
    const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
    if (res.error) throw new Error(`start_workflow_run: ${res.error.message}`);
    runIds.push(res.data.id);
  }
  const conns = await Promise.all(Array.from({ length: CLIENTS }, () => appendSql.reserve()));

  const phase = async (batch: number) => {
    const deadline = performance.now() + SECONDS * 1000;
    const t0 = performance.now();
    const counts = await Promise.all(conns.map(async (conn, c) => {
      let calls = 0;
      while (performance.now() < deadline) {
        const run = runIds[c * RUNS_PER_CLIENT + (calls % RUNS_PER_CLIENT)];
        const events = Array.from({ length: batch }, (_, k) => ({
          run_id: run,
          event_type: "message",
          payload: { bench: true, call: calls, k },
        }));
        await conn`select lenses.fn_append_workflow_run_events(${conn.json(events)}::jsonb)`;
        calls++;
      }
      return calls;
    }));
    const seconds = (performance.now() - t0) / 1000;
    const calls = counts.reduce((a, b) => a + b, 0);
    return { calls, events: calls * batch, seconds, callsPerSecond: calls / seconds, eventsPerSecond: (calls * batch) / seconds };
  };

  const single = await phase(1);
  console.log(
    `appends: one event per call: ${single.events} events in ${single.seconds.toFixed(1)} s, ${CLIENTS} sessions`,
  );
  const batched = await phase(BATCH);
  console.log(
    `appends: ${BATCH} events per call: ${batched.events} events in ${batched.calls} calls, ${batched.seconds.toFixed(1)} s`,
  );
  conns.forEach((c) => c.release());

  // Every run's log numbers on without a gap or a duplicate.
  const [check] = await sql<{ bad: number; n: number }[]>`
    select count(*) filter (where max_id <> n)::integer as bad, sum(n)::integer as n from (
      select run_id, max(event_id) as max_id, count(*) as n from lenses.workflow_run_events
      where run_id = any (${runIds}::uuid[]) group by run_id) s`;
  const started = runIds.length * 1; // run_queued + node_queued events of the starts are counted in n too
  if (check.bad !== 0) throw new Error(`appends: ${check.bad} runs have gaps in their event_ids`);
  if (check.n < single.events + batched.events + started) throw new Error(`appends: events missing (${check.n})`);
  console.log(`appends: ${runIds.length} runs, event_ids gap-free, ${check.n} events in all`);
  console.log(`event appends/s (one per call): ${single.eventsPerSecond.toFixed(1)}`);
  console.log(`event appends/s (${BATCH} per call): ${batched.eventsPerSecond.toFixed(1)} (${batched.callsPerSecond.toFixed(1)} calls/s)`);
  if (OUT) await Deno.writeTextFile(OUT, JSON.stringify({ clients: CLIENTS, seconds: SECONDS, batch: BATCH, single, batched }, null, 2));
} finally {
  await appendSql.end({ timeout: 5 });
  await sql.end({ timeout: 5 });
}
