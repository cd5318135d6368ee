// A run belongs to whoever starts it (issue 13, item 2), through the gateway: a stranger starts the
// owner's public workflow; the owner reads nothing of that run (input, output, events, provenance,
// ledger, stream) and cannot cancel it or answer its human input, while the stranger can; the owner
// sees only that the workflow ran (get_workflow_run_stats: counts by status, cost, last run).
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { type Client, createUser, db, stack } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import {
  cancelOpenRuns,
  engineCounts,
  llmCalls,
  pricedLocalModel,
  results,
  runEvents,
  runRow,
  startWorkers,
  waitFor,
  waitForRun,
} from "../_support/engine.ts";
import { profileId } from "../_support/team-runs.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

// deno-lint-ignore no-explicit-any
const rpc = (client: Client, name: string, args: Record<string, unknown>) => (client.rpc as any)(name, args);

// "Not yours" is answered as "not found" (never revealing which): HTTP 404, SQLSTATE PT404, the RPC's
// own message, and no row changed (checked by the callers against the database).
async function refused(client: Client, name: string, args: Record<string, unknown>, message: RegExp) {
  const res = await rpc(client, name, args);
  assertEquals([res.status, res.error?.code], [404, "PT404"], `${name}: ${JSON.stringify(res.error)}`);
  assertMatch(res.error.message, message);
}

Deno.test({
  ...opts,
  name: "a stranger's run of a public workflow is the stranger's: the owner sees only its stats",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    const model = await pricedLocalModel(sql);
    const wf = await buildWorkflow(owner.client, {
      visibility: "public",
      nodes: [
        {
          key: "first",
          template: "Summarise [[secret]].",
          parameters: [{ label: "secret", type: "text", required: true }],
          inputContract: { kind: "json", fields: [{ name: "secret", type: "string", required: true }] },
          config: { model_id: model },
        },
        { key: "ask", kind: "human_input", config: { prompt: "Keep it?" } },
      ],
      edges: [{ from: "first", to: "ask" }],
    });
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const started = await stranger.client.rpc("start_workflow_run", {
        p_workflow_id: wf.id,
        p_input: { secret: "the stranger's diary" },
      });
      assertEquals(started.error, null);
      const runId = started.data!.id as string;
      assertEquals(started.data!.lenser_id, await profileId(sql, stranger), "the run is the stranger's");
      await waitFor("the run to wait for its person", async () => (await results(sql, runId)).ask.status === "blocked");
      assert((await llmCalls(sql, runId)).length >= 1, "the run has ledger rows");

      // ------------------------------------------------ the owner: nothing of it, and changes nothing
      const before = await engineCounts(sql);
      const runBefore = await runRow(sql, runId);
      await refused(owner.client, "get_workflow_run", { p_run_id: runId }, /no run .* that you can see/);
      await refused(owner.client, "list_workflow_run_events", { p_run_id: runId }, /no run .* that you can see/);
      await refused(owner.client, "list_workflow_run_provenance", { p_run_id: runId }, /no run .* that you can see/);
      await refused(owner.client, "list_llm_calls", { p_run_id: runId }, /no run/);
      await refused(owner.client, "cancel_workflow_run", { p_run_id: runId }, /no run .* that you can act on/);
      await refused(
        owner.client,
        "submit_human_input",
        { p_run_id: runId, p_node_key: "ask", p_value: { keep: false } },
        /no run .* that you can act on/,
      );
      await refused(
        owner.client,
        "rerun_workflow_run_from",
        { p_run_id: runId, p_node_key: "first" },
        /no run .* that you can act on/,
      );
      const listed = await owner.client.rpc("list_workflow_runs", { p_workflow_id: wf.id });
      assertEquals(listed.error, null);
      assertEquals(listed.data, [], "list_workflow_runs shows the owner nothing of the stranger's run");
      const rollup = await owner.client.rpc("get_llm_cost_rollup", {
        p_from: new Date(Date.now() - 86_400_000).toISOString(),
        p_to: new Date(Date.now() + 86_400_000).toISOString(),
        p_group_by: "workflow",
      });
      assertEquals(rollup.error, null);
      assertEquals(rollup.data, [], "the owner's cost rollup counts none of the stranger's calls");
      const ownerStream = await fetch(`${stack.url}/functions/v1/run-events?run_id=${runId}`, {
        headers: { Authorization: `Bearer ${owner.jwt}` },
      });
      assertEquals(ownerStream.status, 404, "the owner cannot stream its events");
      await ownerStream.body?.cancel();
      assertEquals(await engineCounts(sql), before, "the owner's calls wrote nothing");
      const runAfter = await runRow(sql, runId);
      assertEquals(runAfter.status, runBefore.status, "the run is as it was");
      assertEquals(runAfter.last_event_id, runBefore.last_event_id, "with no new event");
      assertEquals((await results(sql, runId)).ask.status, "blocked", "its person step still waits");

      // ------------------------------------------------ the owner sees that it ran
      const stats = await owner.client.rpc("get_workflow_run_stats", { p_workflow_id: wf.id });
      assertEquals(stats.error, null);
      assertEquals(stats.data!.map((s) => [s.status, s.runs]), [["running", 1]], "one run, running");
      assertEquals(Object.keys(stats.data![0]).sort(), ["last_run_at", "runs", "status", "total_cost_credits"]);
      assertEquals(Number(stats.data![0].total_cost_credits), Number(runAfter.total_cost_credits));
      assert(Number(stats.data![0].total_cost_credits) > 0, "a priced model: the run cost something");
      // A stranger gets no stats of a workflow that is not theirs.
      await refused(stranger.client, "get_workflow_run_stats", { p_workflow_id: wf.id }, /no workflow .* of yours/);

      // ------------------------------------------------ the stranger has all of it
      const run = await stranger.client.rpc("get_workflow_run", { p_run_id: runId });
      assertEquals(run.error, null);
      assertEquals((run.data as { input: unknown }).input, { secret: "the stranger's diary" });
      const events = await stranger.client.rpc("list_workflow_run_events", { p_run_id: runId });
      assertEquals(events.error, null);
      assertEquals(events.data!.length, (await runEvents(sql, runId)).length, "every event of it");
      const calls = await stranger.client.rpc("list_llm_calls", { p_run_id: runId });
      assertEquals(calls.error, null);
      assertEquals(calls.data!.length, (await llmCalls(sql, runId)).length, "and its ledger rows");
      const answered = await stranger.client.rpc("submit_human_input", {
        p_run_id: runId,
        p_node_key: "ask",
        p_value: { keep: true },
      });
      assertEquals(answered.error, null);
      const ended = await waitForRun(sql, runId);
      assertEquals(ended.status, "completed");
      assertEquals(ended.output, { ask: { keep: true } }, "the stranger's answer, not the owner's");
      const strangerStream = await fetch(`${stack.url}/functions/v1/run-events?run_id=${runId}`, {
        headers: { Authorization: `Bearer ${stranger.jwt}` },
      });
      assertEquals(strangerStream.status, 200, "the stranger streams its events");
      const text = await strangerStream.text();
      assertMatch(text, /event: run_completed/);

      const after = await owner.client.rpc("get_workflow_run_stats", { p_workflow_id: wf.id });
      assertEquals(after.error, null);
      assertEquals(after.data!.map((s) => [s.status, s.runs]), [["completed", 1]], "the owner sees that it completed");
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, stranger);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "the stranger may cancel their run of someone's public workflow; the owner may not",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    const wf = await buildWorkflow(owner.client, {
      visibility: "public",
      nodes: [{ key: "ask", kind: "human_input", config: { prompt: "Go?" } }],
    });
    try {
      const started = await stranger.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(started.error, null);
      const runId = started.data!.id as string;
      const before = await runRow(sql, runId);
      await refused(owner.client, "cancel_workflow_run", { p_run_id: runId }, /no run .* that you can act on/);
      assertEquals((await runRow(sql, runId)).status, before.status, "the owner's cancel changed nothing");
      const cancelled = await stranger.client.rpc("cancel_workflow_run", { p_run_id: runId, p_reason: "mine to stop" });
      assertEquals(cancelled.error, null);
      assertEquals(cancelled.data!.status, "cancelled");
      const stats = await owner.client.rpc("get_workflow_run_stats", { p_workflow_id: wf.id });
      assertEquals(stats.data!.map((s) => [s.status, s.runs]), [["cancelled", 1]]);
    } finally {
      await cancelOpenRuns(sql, stranger);
      await sql.end();
    }
  },
});
