// Agent turns against plain nodes, measured in one invocation (scripts/bench.sh prints the ratio):
// the same ten-node DAG on the local provider, once owned by the user (each node one plain model
// call) and once owned by an agent whose every node is an agent turn that calls `calculator` once
// (claim with the turn's context, the model asks, the call is decided, run, journaled, the model
// answers, the node completes). The figure is node completions per second while the worker loops
// run; plain is measured before and after the tool runs and averaged, as the machine is shared.
//
// Settings: CL_BENCH_AGENT_RUNS (150 runs per phase), CL_BENCH_LOOPS (4), CL_BENCH_CONCURRENCY (64),
// CL_BENCH_POOL (4).
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { buildWorkflow, type WorkflowSpec } from "../tests/_support/workflows.ts";
import { profiledAgent } from "../tests/_support/agents.ts";
import type { Client } from "../tests/_support/stack.ts";
import { createLogger, WorkerLoop } from "../functions/_shared/worker/mod.ts";

const int = (name: string, fallback: number) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const RUNS = int("CL_BENCH_AGENT_RUNS", 150);
const LOOPS = int("CL_BENCH_LOOPS", 4);
const CONCURRENCY = int("CL_BENCH_CONCURRENCY", 64);
const POOL = int("CL_BENCH_POOL", 4);

function dag(template: string): WorkflowSpec {
  const keys = ["n01", "n02", "n03", "n04", "n05", "n06", "n07", "n08", "n09", "n10"];
  return {
    title: "bench: ten-node DAG",
    nodes: keys.map((key) => ({ key, template: template.replace("KEY", key) })),
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
}

const sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });

/** Starts RUNS runs of the workflow, then runs them all with fresh worker loops: node completions/s. */
async function phase(client: Client, workflowId: string, label: string): Promise<number> {
  const runIds: string[] = [];
  for (let i = 0; i < RUNS; i += 20) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(20, RUNS - i) },
        () => client.rpc("start_workflow_run", { p_workflow_id: workflowId, p_input: {} }),
      ),
    );
    for (const res of batch) {
      if (res.error) throw new Error(`start_workflow_run: ${res.error.message}`);
      runIds.push(res.data.id);
    }
  }
  const workerSql = postgres(stack.dbUrl, { max: POOL, onnotice: () => {} });
  const loops = Array.from(
    { length: LOOPS },
    (_, i) =>
      new WorkerLoop(workerSql, { workerId: `bench-agents-${i}`, concurrency: CONCURRENCY, pollMs: 500 }, {
        log: createLogger(`bench ${i}`, "error"),
      }),
  );
  const t0 = performance.now();
  await Promise.all(loops.map((l) => l.start()));
  for (;;) {
    const [row] = await sql<{ ended: number; failed: number }[]>`
      select count(*) filter (where status in ('completed', 'failed', 'cancelled', 'timed_out'))::integer as ended,
             count(*) filter (where status <> 'completed' and status in ('failed', 'cancelled', 'timed_out'))::integer as failed
      from lenses.workflow_runs where id = any (${runIds}::uuid[])`;
    if (row.failed > 0) throw new Error(`${label}: ${row.failed} runs did not complete`);
    if (row.ended === RUNS) break;
    if (performance.now() - t0 > 600_000) throw new Error(`${label}: not done after 10 minutes`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(loops.map((l) => l.stop(0)));
  await workerSql.end({ timeout: 5 });
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::integer as n from lenses.workflow_node_results
    where run_id = any (${runIds}::uuid[]) and status = 'completed'`;
  const perSecond = n / seconds;
  console.log(
    `agents: ${label}: ${n} node completions in ${seconds.toFixed(2)} s: ${perSecond.toFixed(1)}/s`,
  );
  return perSecond;
}

try {
  const user = await createUser(sql, { handle: `bench-agents-${crypto.randomUUID().slice(0, 6)}` });
  const plain = await buildWorkflow(user.client, dag("Step KEY."));
  const agent = await profiledAgent(sql, user, { allowTools: ["calculator"], summaryStrategy: "none" });
  const toolDag = await buildWorkflow(user.client, {
    ...dag('Step KEY.\n@tool calculator {"expression":"6*7"}'),
    lenserId: agent.profileId,
  });
  const before = await phase(user.client, plain.id, "plain nodes (before)");
  const withTool = await phase(user.client, toolDag.id, "agent turns with one calculator call per node");
  const after = await phase(user.client, plain.id, "plain nodes (after)");
  const base = (before + after) / 2;
  const [{ calls }] = await sql<{ calls: number }[]>`
    select count(*)::integer as calls from agents.tool_invocations i
    join lenses.workflow_node_results x on x.id = i.workflow_node_result_id
    join lenses.workflow_runs r on r.id = x.run_id where r.workflow_id = ${toolDag.id} and i.status = 'succeeded'`;
  console.log(`agents: ${calls} calculator calls succeeded`);
  console.log(`agent turn completions/s (one tool call per node): ${withTool.toFixed(1)}`);
  console.log(
    `plain node completions/s: ${base.toFixed(1)} (before ${before.toFixed(1)}, after ${after.toFixed(1)})`,
  );
  console.log(`ratio (agent turn with a tool call / plain node): ${(withTool / base).toFixed(3)}`);
} finally {
  await sql.end({ timeout: 5 });
}
