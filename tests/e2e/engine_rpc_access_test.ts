// The engine's RPC surface as clients meet it through PostgREST: the worker RPCs are the service
// role's alone; a user cannot start, read, cancel, answer, rerun or stream another user's private
// run; and every client RPC refuses bad input with a clear error and writes nothing.
import { assertEquals, assertMatch } from "../_support/assert.ts";
import { anonClient, type Client, createUser, db, stack } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import {
  cancelOpenRuns,
  engineCounts,
  results,
  startWorkers,
  waitFor,
  waitForRun,
} from "../_support/engine.ts";
import type postgres from "postgres";

const opts = { sanitizeOps: false, sanitizeResources: false };
const id = () => crypto.randomUUID();

// deno-lint-ignore no-explicit-any
const rpc = (client: Client, name: string, args: Record<string, unknown>) => (client.rpc as any)(name, args);

Deno.test({
  ...opts,
  name: "the worker RPCs refuse the anon key and a user's JWT",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    try {
      const before = await engineCounts(sql);
      const calls: [string, Record<string, unknown>][] = [
        ["claim_workflow_tasks", { p_worker_id: "intruder", p_limit: 5, p_lease_seconds: 60 }],
        ["heartbeat_workflow_task", { p_result_id: id(), p_lease_token: id(), p_lease_seconds: 60 }],
        ["report_workflow_task_progress", { p_result_id: id(), p_lease_token: id(), p_delta: "x" }],
        ["complete_workflow_task", { p_result_id: id(), p_lease_token: id(), p_text: "x" }],
        ["fail_workflow_task", {
          p_result_id: id(),
          p_lease_token: id(),
          p_error_kind: "server",
          p_error_message: "x",
        }],
        ["release_workflow_task", { p_result_id: id(), p_lease_token: id() }],
      ];
      for (const client of [anonClient(), user.client]) {
        for (const [name, args] of calls) {
          const res = await rpc(client, name, args);
          assertEquals(res.error?.code, "42501", `${name}: ${JSON.stringify(res.error)}`);
          assertMatch(res.error.message, new RegExp(`permission denied for function ${name}`));
        }
      }
      assertEquals(await engineCounts(sql), before);
    } finally {
      await sql.end();
    }
  },
});

async function privateRun(sql: postgres.Sql) {
  const owner = await createUser(sql);
  const wf = await buildWorkflow(owner.client, {
    visibility: "private",
    nodes: [{ key: "first" }, { key: "ask", kind: "human_input", config: { prompt: "ok?" } }],
    edges: [{ from: "first", to: "ask" }],
  });
  const res = await owner.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
  assertEquals(res.error, null);
  return { owner, wf, runId: res.data!.id as string };
}

Deno.test({
  ...opts,
  name: "a user cannot start, read, cancel, answer, rerun or stream another user's private run",
  async fn() {
    const sql = db();
    const { owner, wf, runId } = await privateRun(sql);
    const other = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      await waitFor(
        "the run to wait for its person",
        async () => (await results(sql, runId)).ask.status === "blocked",
      );
      const before = await engineCounts(sql);
      const refusals: [string, Record<string, unknown>, string, RegExp][] = [
        [
          "start_workflow_run",
          { p_workflow_id: wf.id, p_input: {} },
          "PT404",
          /no workflow .* that you can run/,
        ],
        ["get_workflow_run", { p_run_id: runId }, "PT404", /no run .* that you can see/],
        ["list_workflow_run_events", { p_run_id: runId }, "PT404", /no run .* that you can see/],
        ["list_workflow_run_provenance", { p_run_id: runId }, "PT404", /no run .* that you can see/],
        ["cancel_workflow_run", { p_run_id: runId }, "PT404", /no run .* that you can act on/],
        [
          "submit_human_input",
          { p_run_id: runId, p_node_key: "ask", p_value: { ok: true } },
          "PT404",
          /no run .* that you can act on/,
        ],
        [
          "rerun_workflow_run_from",
          { p_run_id: runId, p_node_key: "first" },
          "PT404",
          /no run .* that you can act on/,
        ],
      ];
      for (const [name, args, code, message] of refusals) {
        const res = await rpc(other.client, name, args);
        assertEquals(res.error?.code, code, `${name}: ${JSON.stringify(res.error)}`);
        assertMatch(res.error.message, message);
      }
      const listed = await other.client.rpc("list_workflow_runs", { p_workflow_id: wf.id });
      assertEquals(listed.data, [], "list_workflow_runs shows nothing of it");
      // anon: no run-changing RPC is granted to it.
      const anonCalls: [string, Record<string, unknown>][] = [
        ["start_workflow_run", { p_workflow_id: wf.id, p_input: {} }],
        ["cancel_workflow_run", { p_run_id: runId }],
        ["submit_human_input", { p_run_id: runId, p_node_key: "ask", p_value: {} }],
        ["rerun_workflow_run_from", { p_run_id: runId, p_node_key: "first" }],
        ["get_workflow_run", { p_run_id: runId }],
        ["list_workflow_run_events", { p_run_id: runId }],
      ];
      for (const [name, args] of anonCalls) {
        const res = await rpc(anonClient(), name, args);
        assertEquals(res.error?.code, "42501", `${name}: ${JSON.stringify(res.error)}`);
      }
      const stream = await fetch(`${stack.url}/functions/v1/run-events?run_id=${runId}`, {
        headers: { Authorization: `Bearer ${other.jwt}` },
      });
      assertEquals(stream.status, 404);
      await stream.body?.cancel();
      assertEquals(await engineCounts(sql), before, "the refusals wrote nothing");
      assertEquals((await results(sql, runId)).ask.status, "blocked");
      // The owner still can.
      assertEquals((await owner.client.rpc("get_workflow_run", { p_run_id: runId })).error, null);
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "every client RPC of the engine refuses bad input clearly and writes nothing",
  async fn() {
    const sql = db();
    const { owner, wf, runId } = await privateRun(sql);
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      await waitFor(
        "the run to wait for its person",
        async () => (await results(sql, runId)).ask.status === "blocked",
      );
      const draft = await rpc(owner.client, "create_workflow", { p_title: "a draft" });
      assertEquals(draft.error, null);
      const contracted = await buildWorkflow(owner.client, {
        nodes: [{
          key: "entry",
          inputContract: { kind: "json", fields: [{ name: "topic", type: "string", required: true }] },
        }],
      });
      const ended = await buildWorkflow(owner.client, { nodes: [{ key: "only" }] });
      const endedRun = await owner.client.rpc("start_workflow_run", { p_workflow_id: ended.id, p_input: {} });
      await waitForRun(sql, endedRun.data!.id);

      const cases: [string, Record<string, unknown>, string, RegExp][] = [
        [
          "start_workflow_run",
          { p_workflow_id: null },
          "22023",
          /start_workflow_run: p_workflow_id is required/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: wf.id, p_input: [1] },
          "22023",
          /start_workflow_run: p_input must be a JSON object/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: wf.id, p_deadline_seconds: 0 },
          "22023",
          /p_deadline_seconds must be between 1 and 604800, got 0/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: wf.id, p_max_retries: 11 },
          "22023",
          /p_max_retries must be between 0 and 10, got 11/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: wf.id, p_failure_mode: "sometimes" },
          "22P02",
          /invalid input value for enum lenses.failure_mode/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: draft.data.id },
          "PT409",
          /is draft, only a published workflow runs/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: contracted.id, p_input: { topic: 7 } },
          "22023",
          /p_input does not satisfy entry node entry's input contract: field "topic" must be string/,
        ],
        [
          "start_workflow_run",
          { p_workflow_id: contracted.id, p_input: {} },
          "22023",
          /missing required field "topic"/,
        ],
        ["start_workflow_run", { p_workflow_id: id() }, "PT404", /no workflow .* that you can run/],
        ["get_workflow_run", { p_run_id: null }, "22023", /get_workflow_run: p_run_id is required/],
        ["get_workflow_run", { p_run_id: id() }, "PT404", /get_workflow_run: no run/],
        [
          "list_workflow_runs",
          { p_limit: 0 },
          "22023",
          /list_workflow_runs: p_limit must be between 1 and 200, got 0/,
        ],
        [
          "list_workflow_runs",
          { p_offset: -1 },
          "22023",
          /list_workflow_runs: p_offset must be 0 or more, got -1/,
        ],
        [
          "list_workflow_run_events",
          { p_run_id: null },
          "22023",
          /list_workflow_run_events: p_run_id is required/,
        ],
        [
          "list_workflow_run_events",
          { p_run_id: runId, p_after_event_id: -1 },
          "22023",
          /p_after_event_id must be 0 or more/,
        ],
        [
          "list_workflow_run_events",
          { p_run_id: runId, p_limit: 1001 },
          "22023",
          /p_limit must be between 1 and 1000, got 1001/,
        ],
        [
          "list_workflow_run_provenance",
          { p_run_id: null },
          "22023",
          /list_workflow_run_provenance: p_run_id is required/,
        ],
        ["cancel_workflow_run", { p_run_id: null }, "22023", /cancel_workflow_run: p_run_id is required/],
        [
          "cancel_workflow_run",
          { p_run_id: runId, p_reason: "x".repeat(1001) },
          "PT413",
          /cancel_workflow_run: p_reason is 1001 characters long, over the limit of 1000 characters/,
        ],
        ["cancel_workflow_run", { p_run_id: endedRun.data!.id }, "PT409", /already ended \(completed\)/],
        [
          "submit_human_input",
          { p_run_id: runId, p_node_key: null, p_value: {} },
          "22023",
          /p_run_id and p_node_key are required/,
        ],
        [
          "submit_human_input",
          { p_run_id: runId, p_node_key: "nope", p_value: {} },
          "PT404",
          /has no node "nope"/,
        ],
        [
          "submit_human_input",
          { p_run_id: runId, p_node_key: "first", p_value: {} },
          "22023",
          /node "first" is a lens node, not human_input/,
        ],
        [
          "submit_human_input",
          { p_run_id: runId, p_node_key: "ask", p_value: [true] },
          "22023",
          /submit_human_input: p_value must be a JSON object/,
        ],
        [
          "rerun_workflow_run_from",
          { p_run_id: runId, p_node_key: "first" },
          "PT409",
          /is still running; rerun a finished run/,
        ],
        [
          "rerun_workflow_run_from",
          { p_run_id: endedRun.data!.id, p_node_key: "nope" },
          "PT404",
          /the workflow has no node "nope"/,
        ],
        [
          "rerun_workflow_run_from",
          { p_run_id: null, p_node_key: "first" },
          "22023",
          /p_run_id and p_node_key are required/,
        ],
      ];
      for (const [name, args, code, message] of cases) {
        const before = await engineCounts(sql);
        const res = await rpc(owner.client, name, args);
        assertEquals(
          res.error?.code,
          code,
          `${name}(${JSON.stringify(args).slice(0, 120)}): ${JSON.stringify(res.error)}`,
        );
        assertMatch(res.error.message, message);
        assertEquals(await engineCounts(sql), before, `${name} wrote nothing`);
      }
      assertEquals((await results(sql, runId)).ask.status, "blocked");
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});
