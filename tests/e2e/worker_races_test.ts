// Workers racing: many loops on many tasks complete each result exactly once; a worker killed
// with SIGKILL mid-task leaves a lease that expires, and the task completes once, elsewhere; the
// dead worker's stale lease is refused; SIGTERM hands in-flight work back and exits 0.
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import {
  cancelOpenRuns,
  fakeProvider,
  llmCalls,
  results,
  runEvents,
  runRow,
  spawnWorker,
  startWorkers,
  waitFor,
  waitForRun,
  workerSql,
} from "../_support/engine.ts";
import { StaleLeaseError, WorkerDb } from "../../functions/_shared/worker/mod.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "six racing worker loops complete every result exactly once",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const workers = await startWorkers(6, { concurrency: 4, batchSize: 3, leaseSeconds: 30 });
    try {
      const wf = await buildWorkflow(user.client, {
        nodes: [{ key: "root" }, { key: "left" }, { key: "right" }, { key: "join" }],
        edges: [
          { from: "root", to: "left" },
          { from: "root", to: "right" },
          { from: "left", to: "join", merge: "array", sourcePath: "text", targetPath: "parts" },
          { from: "right", to: "join", merge: "array", sourcePath: "text", targetPath: "parts" },
        ],
      });
      const runIds: string[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: { i } });
        assertEquals(res.error, null);
        runIds.push(res.data!.id);
      }
      for (const id of runIds) assertEquals((await waitForRun(sql, id)).status, "completed");

      const perResult = await sql<{ id: string; completions: number; calls: number; attempts: number }[]>`
        select r.id,
               (select count(*)::integer from lenses.workflow_run_events e
                where e.run_id = r.run_id and e.node_id = r.node_id and e.event_type = 'node_completed') as completions,
               (select count(*)::integer from ai.llm_calls c where c.node_result_id = r.id and c.status = 'succeeded') as calls,
               r.attempt_count as attempts
        from lenses.workflow_node_results r where r.run_id = any (${runIds}::uuid[])`;
      assertEquals(perResult.length, 160);
      assert(perResult.every((r) => r.completions === 1), "one node_completed per result");
      assert(perResult.every((r) => r.calls === 1), "one succeeded model call per result");
      assert(perResult.every((r) => r.attempts === 1), "no task was claimed twice");
      const stats = await workers.stop();
      assertEquals(stats.claimed, 160);
      assertEquals(stats.completed, 160);
      assertEquals(stats.lost + stats.failed + stats.abandoned + stats.released, 0);
      assert(workers.loops.filter((l) => l.stats.completed > 0).length >= 2, "the work was shared");
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "a worker killed mid-task: its lease expires, the task completes once elsewhere, its stale lease is refused",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    // The first call never answers (the worker dies in it); later ones do.
    const provider = await fakeProvider(sql, ["model"]);
    provider.answer((_req, n) => (n === 1 ? { kind: "stall" } : { kind: "ok" }));
    const doomed = await spawnWorker({
      CL_WORKER_ID: "doomed",
      CL_WORKER_LEASE_SECONDS: "2",
      CL_WORKER_CONCURRENCY: "1",
    });
    let rescuers: Awaited<ReturnType<typeof startWorkers>> | null = null;
    const pool = workerSql(2);
    try {
      const wf = await buildWorkflow(user.client, {
        nodes: [{ key: "slow", config: { model_id: provider.models.model } }],
      });
      const started = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const runId = started.data!.id;
      const held = await waitFor("the doomed worker to be in the call", async () => {
        const r = (await results(sql, runId)).slow;
        return r.status === "running" && r.lease_owner === "doomed" && provider.fake.requests.length === 1
          ? r
          : null;
      });
      doomed.child.kill("SIGKILL");
      const status = await doomed.child.status;
      assertEquals(status.signal, "SIGKILL");
      await doomed.done;

      rescuers = await startWorkers(1, {
        workerId: "rescuer",
        concurrency: 2,
        leaseSeconds: 10,
        pollMs: 200,
      });
      const run = await waitForRun(sql, runId, undefined, 30_000);
      assertEquals(run.status, "completed");
      const r = (await results(sql, runId)).slow;
      assertEquals([r.attempt_count, r.retry_count], [2, 1], "the expired lease counted as an attempt");
      const events = await runEvents(sql, runId);
      const types = events.map((e) => e.event_type);
      assertEquals(types.filter((t) => t === "lease_expired").length, 1);
      assertEquals(types.filter((t) => t === "node_completed").length, 1);
      assertEquals(events.filter((e) => e.event_type === "node_started").map((e) => e.payload.worker), [
        "doomed",
        "rescuer-0",
      ]);
      const calls = await llmCalls(sql, runId);
      assertEquals(calls.map((c) => [c.status, c.attempt]), [["succeeded", 2]]);

      // The dead worker's lease, played back late: refused, and nothing changes.
      const late = new WorkerDb(pool);
      let refused: unknown = null;
      try {
        await late.complete({ result_id: held.id, lease_token: held.lease_token! }, "late answer", {
          input_tokens: 1,
          output_tokens: 1,
          cached_tokens: 0,
          latency_ms: 1,
          ttft_ms: null,
        });
      } catch (err) {
        refused = err;
      }
      assert(refused instanceof StaleLeaseError, `refused with PT409, got ${refused}`);
      const after = await runRow(sql, runId);
      assertEquals(after.last_event_id, run.last_event_id);
      assertEquals((await results(sql, runId)).slow.output_data, r.output_data);
      assertEquals((await llmCalls(sql, runId)).length, 1);
      assertEquals(provider.fake.requests.length, 2);
    } finally {
      try {
        doomed.child.kill("SIGKILL");
      } catch { /* already dead */ }
      await rescuers?.stop();
      await provider.close();
      await pool.end();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "SIGTERM: the worker process stops claiming, hands its in-flight task back and exits 0",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const provider = await fakeProvider(sql, ["model"]);
    provider.answer(() => ({ kind: "stall" }));
    const worker = await spawnWorker({
      CL_WORKER_ID: "graceful",
      CL_WORKER_DRAIN_MS: "300",
      CL_WORKER_CONCURRENCY: "2",
    });
    try {
      const wf = await buildWorkflow(user.client, {
        nodes: [{ key: "slow", config: { model_id: provider.models.model } }],
      });
      const started = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const runId = started.data!.id;
      await waitFor(
        "the worker to be in the call",
        async () =>
          (await results(sql, runId)).slow.lease_owner === "graceful" && provider.fake.requests.length === 1,
      );
      const t0 = Date.now();
      worker.child.kill("SIGTERM");
      const status = await worker.child.status;
      await worker.done;
      assertEquals(status.code, 0, worker.output());
      assert(Date.now() - t0 < 10_000, "it did not wait for a call that never answers");
      const r = (await results(sql, runId)).slow;
      assertEquals(
        [r.status, r.attempt_count, r.lease_token],
        ["queued", 0, null],
        "handed back; the attempt does not count",
      );
      assertEquals((await runEvents(sql, runId)).at(-1)?.event_type, "node_released");
      assert(worker.output().includes('"released":1'), worker.output());
    } finally {
      try {
        worker.child.kill("SIGKILL");
      } catch { /* exited */ }
      await provider.close();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});
