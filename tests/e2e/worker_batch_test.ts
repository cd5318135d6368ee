// The worker's completion batching against the real engine: completions that end together go in
// one transaction that also leases the next tasks; a lease no longer held rejects only its own
// completion; a batch the database refuses as a whole is retried completion by completion.
import { assert, assertEquals, assertRejects } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { cancelOpenRuns, results, workerSql } from "../_support/engine.ts";
import { ClaimedTask, StaleLeaseError, WorkerDb } from "../../functions/_shared/worker/mod.ts";
import { CompletionBatcher } from "../../functions/_shared/worker/completions.ts";
import type { LlmCall } from "../../functions/_shared/worker/task.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const CALL: LlmCall = { input_tokens: 2, output_tokens: 1, cached_tokens: 0, latency_ms: 1, ttft_ms: null };

/**
 * Runs `fn` with `runs` started runs of root -> (a, b, c) (their roots due) and a worker's database
 * side, then cancels what is left of them.
 */
async function withFanOutRuns(
  runs: number,
  fn: (ctx: { sql: ReturnType<typeof db>; workerDb: WorkerDb; runIds: string[] }) => Promise<void>,
) {
  const sql = db();
  const user = await createUser(sql);
  const pool = workerSql(4);
  try {
    const wf = await buildWorkflow(user.client, {
      nodes: [{ key: "root" }, { key: "a" }, { key: "b" }, { key: "c" }],
      edges: [{ from: "root", to: "a" }, { from: "root", to: "b" }, { from: "root", to: "c" }],
    });
    const runIds: string[] = [];
    for (let i = 0; i < runs; i++) {
      const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: { i } });
      assertEquals(res.error, null);
      runIds.push(res.data!.id);
    }
    await fn({ sql, workerDb: new WorkerDb(pool), runIds });
  } finally {
    await cancelOpenRuns(sql, user);
    await pool.end();
    await sql.end();
  }
}

/** Claims exactly the roots of these runs (and fails if the queue held anything else). */
async function claimRoots(workerDb: WorkerDb, runIds: string[]) {
  const rows = (await workerDb.claim("batch-test", runIds.length, 30)).map((r) => ClaimedTask.parse(r));
  assertEquals(rows.map((r) => r.node_key), runIds.map(() => "root"));
  assertEquals(new Set(rows.map((r) => r.run_id)), new Set(runIds));
  return rows;
}

function batcher(workerDb: WorkerDb, claim: number) {
  const leased: unknown[][] = [];
  const b = new CompletionBatcher(workerDb, {
    maxBatch: 64,
    maxConcurrent: 1,
    workerId: "batch-test",
    leaseSeconds: 30,
    claimWith: () => claim,
    onTasks: (rows) => leased.push(rows),
  });
  return { b, leased };
}

Deno.test({
  ...opts,
  name: "completions that end together are written in one transaction that leases the next tasks",
  fn: () =>
    withFanOutRuns(3, async ({ sql, workerDb, runIds }) => {
      const roots = await claimRoots(workerDb, runIds);
      const before = workerDb.calls.complete;
      const { b, leased } = batcher(workerDb, 5);
      const answers = await Promise.all(
        roots.map((task) => b.complete({ task, text: `done ${task.run_id}`, llmCall: CALL })),
      );

      assert(answers.every((a) => a.status === "completed"), "every completion is taken");
      assertEquals(workerDb.calls.complete - before, 1, "one round trip, one transaction");
      assertEquals(b.counts, { batches: 1, completions: 3 });
      assertEquals(leased.length, 1, "the batch's claim came back once");
      const next = leased[0].map((r) => ClaimedTask.parse(r));
      assertEquals(next.length, 5, "with as many tasks as asked for");
      assert(
        next.every((t) => runIds.includes(t.run_id) && ["a", "b", "c"].includes(t.node_key)),
        "the successors just made ready",
      );
      for (const runId of runIds) {
        const r = await results(sql, runId);
        assertEquals(r.root.status, "completed");
        assertEquals(r.root.output_data, { text: `done ${runId}` });
      }
      const owners = await sql<{ lease_owner: string }[]>`
        select lease_owner from lenses.workflow_node_results where id = any (${
        next.map((t) => t.result_id)
      }::uuid[])`;
      assert(owners.every((o) => o.lease_owner === "batch-test"), "leased to this worker");
    }),
});

Deno.test({
  ...opts,
  name: "a lease no longer held rejects only its own completion in a batch",
  fn: () =>
    withFanOutRuns(2, async ({ sql, workerDb, runIds }) => {
      const [held, stolen] = await claimRoots(workerDb, runIds);
      const { b } = batcher(workerDb, 0);
      const [ok, lost] = await Promise.allSettled([
        b.complete({ task: held, text: "mine", llmCall: CALL }),
        b.complete({
          task: { ...stolen, lease_token: crypto.randomUUID() },
          text: "not mine",
          llmCall: CALL,
        }),
      ]);
      assertEquals(ok.status === "fulfilled" && ok.value.status, "completed");
      assert(
        lost.status === "rejected" && lost.reason instanceof StaleLeaseError,
        "the stale one is a StaleLeaseError",
      );
      assertEquals(b.counts, { batches: 1, completions: 2 });
      assertEquals((await results(sql, stolen.run_id)).root.status, "running", "and its task is untouched");
    }),
});

Deno.test({
  ...opts,
  name: "a batch refused as a whole is retried completion by completion",
  fn: () =>
    withFanOutRuns(2, async ({ sql, workerDb, runIds }) => {
      const [good, bad] = await claimRoots(workerDb, runIds);
      const before = workerDb.calls.complete;
      const { b, leased } = batcher(workerDb, 0);
      const broken = { ...CALL, latency_ms: undefined } as unknown as LlmCall;
      const [ok, refused] = await Promise.allSettled([
        b.complete({ task: good, text: "fine", llmCall: CALL }),
        b.complete({ task: bad, text: "fine too", llmCall: broken }),
      ]);
      assertEquals(ok.status === "fulfilled" && ok.value.status, "completed");
      assert(refused.status === "rejected", "the bad completion fails");
      assert(/latency_ms is required/.test(String(refused.reason)), "with the database's reason");
      assertEquals(workerDb.calls.complete - before, 3, "the batch, then each alone");
      assertEquals(leased, [[]], "and the loop is told nothing was leased");
      assertEquals(
        (await results(sql, bad.run_id)).root.status,
        "running",
        "the refused one changed nothing",
      );
      await assertRejects(() => workerDb.complete(bad, "again", broken));
    }),
});
