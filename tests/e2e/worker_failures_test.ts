// How runs fail, retry, wait and stop, with real worker loops: backoff up to the retry policy,
// isolate vs stop_run, rate limits, client errors, cancel, node timeouts and run deadlines (the
// reaper), human input once, and rerun from a node. Provider failures and slow calls come from an
// OpenAI-compatible fake server (tests/functions/fakes) in the catalog: the engine gives a node no
// way to pass the local provider's knobs (model params come only from an agent's model profile,
// whose params allow sampling settings alone).
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db, type TestUser } from "../_support/stack.ts";
import { buildWorkflow, type WorkflowSpec } from "../_support/workflows.ts";
import {
  cancelOpenRuns,
  fakeProvider,
  llmCalls,
  results,
  runEvents,
  runRow,
  startWorkers,
  waitFor,
  waitForRun,
  workerSql,
} from "../_support/engine.ts";
import { StaleLeaseError, WorkerDb } from "../../functions/_shared/worker/mod.ts";
import type postgres from "postgres";
import type { FakeProvider } from "../_support/engine.ts";
import { DEFAULT_ANSWER } from "../functions/fakes/server.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

async function start(user: TestUser, spec: WorkflowSpec, args: Record<string, unknown> = {}) {
  const wf = await buildWorkflow(user.client, spec);
  const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {}, ...args });
  if (res.error) throw new Error(`start_workflow_run: ${res.error.message}`);
  return { wf, runId: res.data!.id as string };
}

/**
 * A user, and a fake OpenAI-compatible provider with three models: "fails" answers every request
 * with HTTP 500 unless the test says otherwise, "stalls" never answers (until the fake closes),
 * "works" streams its answer.
 */
async function withUser(fn: (sql: postgres.Sql, user: TestUser, provider: FakeProvider) => Promise<void>) {
  const sql = db();
  const user = await createUser(sql);
  const provider = await fakeProvider(sql, ["fails", "stalls", "works"]);
  provider.answer((req) =>
    req.body?.model === "fails"
      ? { kind: "error", status: 500 }
      : req.body?.model === "stalls"
      ? { kind: "stall" }
      : { kind: "ok" }
  );
  try {
    await fn(sql, user, provider);
  } finally {
    await cancelOpenRuns(sql, user);
    await provider.close();
    await sql.end();
  }
}

Deno.test({
  ...opts,
  name: "a model answer streaming past the output ceiling is stopped and fails the attempt as a client error",
  fn: () =>
    withUser(async (sql, user, provider) => {
      // 120 chunks of 10,000 characters: 1.2 million, over the worker's 1,000,000 (README "Limits").
      provider.answer(() => ({ kind: "ok", answer: { ...DEFAULT_ANSWER, chunks: Array(120).fill("x".repeat(10_000)) } }));
      const workers = await startWorkers(1, { concurrency: 2, pollMs: 50 });
      try {
        const { runId } = await start(user, { nodes: [{ key: "runaway", config: { model_id: provider.models.works } }] });
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "failed");
        const r = await results(sql, runId);
        assertEquals([r.runaway.error_kind, r.runaway.retry_count], ["client", 0], "a client error: not retried");
        assertMatch(r.runaway.error_message!, /the model's answer passed the limit of 1000000 characters; the call was stopped/);
        assertEquals(r.runaway.output_data, null, "nothing of the runaway answer is stored");
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "server errors retry with growing backoff up to the policy, then the node fails",
  fn: () =>
    withUser(async (sql, user, provider) => {
      const workers = await startWorkers(1, { concurrency: 2, pollMs: 50 });
      try {
        const { runId } = await start(user, {
          nodes: [{
            key: "flaky",
            config: {
              model_id: provider.models.fails,
              retry: { max_retries: 3, backoff_ms: 200, max_backoff_ms: 5000 },
            },
          }],
        });
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "failed");
        const r = (await results(sql, runId)).flaky;
        assertEquals([r.status, r.error_kind, r.retry_count, r.attempt_count], ["failed", "server", 3, 4]);
        const retries = (await runEvents(sql, runId)).filter((e) => e.event_type === "node_retrying");
        const delays = retries.map((e) => e.payload.delay_ms as number);
        assertEquals(retries.map((e) => e.payload.retry), [1, 2, 3]);
        // Equal jitter around 200, 400, 800 ms: each delay is within [d/2, d], so they never shrink.
        [200, 400, 800].forEach((d, i) =>
          assert(delays[i] >= d / 2 && delays[i] <= d, `retry ${i + 1}: ${delays[i]} ms`)
        );
        assert(delays[0] <= delays[1] && delays[1] <= delays[2], `growing: ${delays}`);
        const calls = await llmCalls(sql, runId);
        assertEquals(calls.map((c) => [c.status, c.error_kind, c.attempt]), [
          ["failed", "server", 1],
          ["failed", "server", 2],
          ["failed", "server", 3],
          ["failed", "server", 4],
        ]);
        assertEquals(calls.map((c) => c.metadata.error_status), [500, 500, 500, 500]);
        assertEquals(provider.fake.requests.length, 4);
      } finally {
        await workers.stop();
      }
    }),
});

/** "bad" gets HTTP 400; "good" answers (local) or, slow, stalls until the run stops it. */
const twoBranches = (provider: FakeProvider, good: "local" | "slow"): WorkflowSpec => ({
  nodes: [
    { key: "bad", config: { model_id: provider.models.fails } },
    { key: "after_bad", template: "Needs bad." },
    { key: "good", config: good === "slow" ? { model_id: provider.models.stalls } : {} },
  ],
  edges: [{ from: "bad", to: "after_bad" }],
});

/** HTTP 400 for "fails", as a provider refuses a bad request. */
function refuseBadRequests(provider: FakeProvider) {
  provider.answer((req) =>
    req.body?.model === "fails"
      ? { kind: "error", status: 400 }
      : req.body?.model === "stalls"
      ? { kind: "stall" }
      : { kind: "ok" }
  );
}

Deno.test({
  ...opts,
  name: "failure mode isolate: siblings go on, dependants are skipped, the run fails at the end",
  fn: () =>
    withUser(async (sql, user, provider) => {
      refuseBadRequests(provider);
      const workers = await startWorkers(1, { concurrency: 4 });
      try {
        const { runId } = await start(user, twoBranches(provider, "local"), { p_failure_mode: "isolate" });
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "failed");
        const r = await results(sql, runId);
        assertEquals(r.bad.status, "failed");
        assertEquals(r.bad.error_kind, "client");
        assertEquals(r.bad.retry_count, 0, "a 4xx fails without retry");
        assertEquals(r.good.status, "completed", "the sibling went on");
        assertEquals(r.after_bad.status, "skipped");
        const types = (await runEvents(sql, runId)).map((e) => e.event_type);
        assert(!types.includes("node_retrying"));
        const [call] = (await llmCalls(sql, runId)).filter((c) => c.status === "failed");
        assertEquals([call.error_kind, call.metadata.error_status], ["client", 400]);
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "failure mode stop_run: the first final failure cancels the rest and refuses their late answers",
  fn: () =>
    withUser(async (sql, user, provider) => {
      refuseBadRequests(provider);
      // A short lease: the heartbeat (every second) is how the worker learns its task was cancelled.
      const workers = await startWorkers(1, { concurrency: 4, leaseSeconds: 3 });
      try {
        const { runId } = await start(user, twoBranches(provider, "slow"), { p_failure_mode: "stop_run" });
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "failed");
        assertMatch(run.error_message ?? "", /node bad failed/);
        const r = await results(sql, runId);
        assertEquals(r.bad.status, "failed");
        assertEquals(r.good.status, "cancelled");
        assertEquals(r.after_bad.status, "cancelled");
        // The worker was still calling for "good": its lease is refused, the call dropped (lost).
        assert((await runEvents(sql, runId)).some((e) =>
          e.event_type === "node_started" && e.payload.node_key === "good"
        ));
        await waitFor(
          "the worker to drop the cancelled task",
          () =>
            workers.loops[0].stats.lost === 1,
          15_000,
        );
        const after = await runRow(sql, runId);
        assertEquals(after.last_event_id, run.last_event_id);
        assertEquals((await results(sql, runId)).good.status, "cancelled");
        assertEquals(
          (await llmCalls(sql, runId)).filter((c) => c.status === "succeeded").length,
          0,
        );
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "a 429 waits with rate_limit for the time the provider asked, without spending a retry",
  fn: () =>
    withUser(async (sql, user, provider) => {
      // Two 429s asking for 700 ms (retry-after-ms, as OpenAI sends it), then an answer.
      provider.answer((_req, n) =>
        n <= 2 ? { kind: "error", status: 429, headers: { "retry-after-ms": "700" } } : { kind: "ok" }
      );
      const workers = await startWorkers(1, { concurrency: 2, pollMs: 50 });
      try {
        const { runId } = await start(user, {
          nodes: [{ key: "limited", config: { model_id: provider.models.works, retry: { max_retries: 0 } } }],
        });
        // Seen while it waits: retrying, for a rate limit.
        const waiting = await waitFor("the rate-limit wait", async () => {
          const r = (await results(sql, runId)).limited;
          return r.status === "retrying" ? r : null;
        });
        assertEquals(waiting.waiting_reason, "rate_limit");
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "completed", "max_retries 0, yet two rate limits did not fail the node");
        const r = (await results(sql, runId)).limited;
        assertEquals([r.retry_count, r.attempt_count], [0, 3]);
        const retries = (await runEvents(sql, runId)).filter((e) => e.event_type === "node_retrying");
        assertEquals(retries.map((e) => [e.payload.reason, e.payload.delay_ms]), [["rate_limit", 700], [
          "rate_limit",
          700,
        ]]);
        const calls = await llmCalls(sql, runId);
        assertEquals(calls.map((c) => c.error_kind), ["rate_limit", "rate_limit", null]);
        assertEquals(calls[0].metadata.error_status, 429);
        assertEquals(r.output_data, { text: "Hello, world!" });
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "a provider whose key is not set fails the node as a client error naming the variable",
  fn: () =>
    withUser(async (sql, user) => {
      const workers = await startWorkers(1, { concurrency: 2 });
      try {
        const suffix = crypto.randomUUID().slice(0, 8);
        const [model] = await sql<{ id: string }[]>`
          with p as (
            insert into ai.providers (key, display_name, adapter, support_level, base_url, api_key_env)
            values (${`nokey-${suffix}`}, 'Keyless', 'anthropic', 'runnable', 'http://127.0.0.1:9', 'CL_TEST_UNSET_KEY')
            returning id)
          insert into ai.models (provider_id, model_key, display_name, capability_tags, context_window, support_level, summary)
          select p.id, 'claude-test', 'Claude test', '{chat}', 8000, 'runnable', 'x' from p returning id`;
        const { runId } = await start(user, { nodes: [{ key: "remote", config: { model_id: model.id } }] });
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "failed");
        const r = (await results(sql, runId)).remote;
        assertEquals(r.error_kind, "client");
        assertMatch(r.error_message ?? "", /CL_TEST_UNSET_KEY is not set/);
        assertEquals(await llmCalls(sql, runId), [], "no call was made, so none is recorded");
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "cancel stops pending and running work and refuses the worker's later completion",
  fn: () =>
    withUser(async (sql, user, provider) => {
      const workers = await startWorkers(1, { concurrency: 2, leaseSeconds: 3 });
      try {
        const { runId } = await start(user, {
          nodes: [{ key: "slow", config: { model_id: provider.models.stalls } }, { key: "next" }],
          edges: [{ from: "slow", to: "next" }],
        });
        await waitFor("the slow node to run", async () =>
          (await results(sql, runId)).slow.status === "running");
        const cancelled = await user.client.rpc("cancel_workflow_run", {
          p_run_id: runId,
          p_reason: "changed my mind",
        });
        assertEquals(cancelled.error, null);
        assertEquals(cancelled.data?.status, "cancelled");
        const r = await results(sql, runId);
        assertEquals([r.slow.status, r.next.status], ["cancelled", "cancelled"]);
        assertEquals(r.slow.lease_token, null);
        const eventsAtCancel = (await runRow(sql, runId)).last_event_id;
        await waitFor("the worker to drop the cancelled task", () =>
          workers.loops[0].stats.lost === 1, 15_000);
        assertEquals(
          (await runRow(sql, runId)).last_event_id,
          eventsAtCancel,
          "nothing was appended after the cancel",
        );
        assertEquals(await llmCalls(sql, runId), []);
        const again = await user.client.rpc("cancel_workflow_run", { p_run_id: runId });
        assertEquals(again.error?.code, "PT409");
        assertMatch(again.error!.message, /already ended \(cancelled\)/);
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "the worker's own call timeout fails the attempt as a timeout",
  fn: () =>
    withUser(async (sql, user, provider) => {
      const workers = await startWorkers(1, { concurrency: 2 });
      try {
        const { runId } = await start(user, {
          nodes: [{
            key: "slow",
            config: { model_id: provider.models.stalls, timeout_ms: 1000, retry: { max_retries: 0 } },
          }],
        });
        const run = await waitForRun(sql, runId, undefined, 20_000);
        assertEquals(run.status, "failed");
        const r = (await results(sql, runId)).slow;
        // The worker's timer and the reaper race at the same instant: either ends the node.
        assert(
          (r.status === "failed" && r.error_kind === "timeout") || r.status === "timed_out",
          `${r.status} ${r.error_kind}`,
        );
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "the reaper times out a node past its timeout and a run past its deadline; late answers are refused",
  fn: () =>
    withUser(async (sql, user, provider) => {
      const pool = workerSql(4);
      const worker = new WorkerDb(pool);
      try {
        // A node timeout: claim the task by hand (nobody answers), pass timeout_ms, reap.
        const nodeRun = await start(user, {
          nodes: [{ key: "stuck", config: { timeout_ms: 1000 } }, { key: "next" }],
          edges: [{ from: "stuck", to: "next" }],
        });
        const claimed = await waitFor("the claim", async () => {
          const rows = await worker.claim("by-hand", 10, 60);
          return rows.length ? rows as { result_id: string; lease_token: string; run_id: string }[] : null;
        });
        const task = claimed.find((t) => t.run_id === nodeRun.runId)!;
        await waitFor(
          "the node timeout to pass and the reaper to act",
          async () => {
            await sql`select lenses.fn_reap_workflow_runs(100)`;
            return (await results(sql, nodeRun.runId)).stuck.status === "timed_out";
          },
          10_000,
          200,
        );
        const r = await results(sql, nodeRun.runId);
        assertEquals(r.next.status, "skipped");
        const run = await runRow(sql, nodeRun.runId);
        assertEquals(run.status, "failed");
        const types = (await runEvents(sql, nodeRun.runId)).map((e) => e.event_type);
        assert(types.includes("node_timed_out") && types.at(-1) === "run_failed");
        await assertStale(() =>
          worker.complete(task, "too late", {
            input_tokens: 1,
            output_tokens: 1,
            cached_tokens: 0,
            latency_ms: 5,
            ttft_ms: null,
          })
        );
        assertEquals((await runRow(sql, nodeRun.runId)).last_event_id, run.last_event_id);

        // A run deadline: the worker is busy with a slow node when the run runs out of time.
        const workers = await startWorkers(1, { concurrency: 2, leaseSeconds: 3 });
        try {
          const deadlineRun = await start(user, {
            nodes: [{ key: "slow", config: { model_id: provider.models.stalls } }],
          }, { p_deadline_seconds: 1 });
          await waitFor("the slow node to run", async () =>
            (await results(sql, deadlineRun.runId)).slow.status === "running");
          await waitFor(
            "the deadline to pass and the reaper to act",
            async () => {
              await sql`select lenses.fn_reap_workflow_runs(100)`;
              return (await runRow(sql, deadlineRun.runId)).status === "timed_out";
            },
            10_000,
            200,
          );
          assertEquals((await results(sql, deadlineRun.runId)).slow.status, "timed_out");
          const ended = await runRow(sql, deadlineRun.runId);
          assertEquals((await runEvents(sql, deadlineRun.runId)).at(-1)?.event_type, "run_timed_out");
          await waitFor("the worker to drop the timed-out task", () =>
            workers.loops[0].stats.lost === 1, 15_000);
          assertEquals((await runRow(sql, deadlineRun.runId)).last_event_id, ended.last_event_id);
        } finally {
          await workers.stop();
        }
      } finally {
        await pool.end();
      }
    }),
});

async function assertStale(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (err) {
    assert(err instanceof StaleLeaseError, `expected a refused lease, got ${err}`);
    return;
  }
  throw new Error("expected the stale lease to be refused");
}

Deno.test({
  ...opts,
  name: "a human input is accepted once",
  fn: () =>
    withUser(async (sql, user) => {
      const workers = await startWorkers(1, { concurrency: 2 });
      try {
        const { runId } = await start(user, {
          nodes: [{ key: "ask", kind: "human_input", config: { prompt: "Yes or no?" } }, { key: "after" }],
          edges: [{ from: "ask", to: "after" }],
        });
        await waitFor("the request", async () => (await results(sql, runId)).ask.status === "blocked");
        const first = await user.client.rpc("submit_human_input", {
          p_run_id: runId,
          p_node_key: "ask",
          p_value: { answer: "yes" },
        });
        assertEquals(first.error, null);
        const second = await user.client.rpc("submit_human_input", {
          p_run_id: runId,
          p_node_key: "ask",
          p_value: { answer: "no" },
        });
        assertEquals(second.error?.code, "PT409");
        assertMatch(second.error!.message, /submit_human_input: node "ask" is not waiting for input/);
        const run = await waitForRun(sql, runId);
        assertEquals(run.status, "completed");
        assertEquals((await results(sql, runId)).ask.output_data, { answer: "yes" });
        assertEquals(
          (await runEvents(sql, runId)).filter((e) => e.event_type === "human_input_received").length,
          1,
        );
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name:
    "rerun from a node: a recovered run reuses upstream outputs, and the old downstream results are invalidated",
  fn: () =>
    withUser(async (sql, user) => {
      const workers = await startWorkers(1, { concurrency: 4 });
      try {
        const { runId } = await start(user, {
          nodes: [{ key: "one" }, { key: "two" }, { key: "three" }],
          edges: [{ from: "one", to: "two" }, { from: "two", to: "three" }],
        });
        assertEquals((await waitForRun(sql, runId)).status, "completed");
        const old = await results(sql, runId);

        const rerun = await user.client.rpc("rerun_workflow_run_from", {
          p_run_id: runId,
          p_node_key: "two",
        });
        assertEquals(rerun.error, null);
        const newId = rerun.data!.id;
        assertEquals(rerun.data!.status, "recovered");
        assertEquals(rerun.data!.recovered_from_run_id, runId);
        const run = await waitForRun(sql, newId);
        assertEquals(run.status, "completed");

        const fresh = await results(sql, newId);
        assertEquals(fresh.one.reused_from_result_id, old.one.id);
        assertEquals(fresh.one.output_data, old.one.output_data);
        assertEquals([fresh.two.reused_from_result_id, fresh.three.reused_from_result_id], [null, null]);
        assertEquals(fresh.two.input_data, old.two.input_data, "two starts from one's reused output");
        const calls = await llmCalls(sql, newId);
        const keyOf = new Map(Object.values(fresh).map((x) => [x.id, x.node_key]));
        assertEquals(
          calls.map((c) => keyOf.get(c.node_result_id)).sort(),
          ["three", "two"],
          "only the rerun nodes called a model",
        );

        const after = await results(sql, runId);
        assertEquals([after.one.status, after.two.status, after.three.status], [
          "completed",
          "invalidated",
          "invalidated",
        ]);
        const invalidated = (await runEvents(sql, runId)).filter((e) => e.event_type === "node_invalidated");
        assertEquals(invalidated.map((e) => e.payload.rerun_id), [newId, newId]);
        assertEquals((await runEvents(sql, newId))[0].event_type, "run_recovered");
      } finally {
        await workers.stop();
      }
    }),
});
