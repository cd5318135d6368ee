// An approval-gated tool call end to end: the agent's http_post (an external write) parks the task
// (blocked, lease released) until an owner approves it once, bound to the call's hash; the worker
// that then makes the call is SIGKILLed after the effect was recorded and before the turn completes;
// another worker resumes from the journal without repeating the call, which reached the server
// exactly once with its idempotency key. A rejection answers the model with the reason.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import {
  cancelOpenRuns,
  results,
  runEvents,
  spawnWorker,
  startWorkers,
  waitFor,
  waitForRun,
} from "../_support/engine.ts";
import {
  agentWorkflow,
  invocations,
  journal,
  must,
  profiledAgent,
  startToolServer,
} from "../_support/agents.ts";
import { asUser } from "../_support/team-runs.ts";
import { buildWorkflow } from "../_support/workflows.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "http_post waits for one approval; a worker killed after the effect does not repeat it",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const operator = await createUser(sql);
    const server = startToolServer();
    const doomed = await spawnWorker({
      CL_WORKER_ID: "doomed",
      CL_WORKER_LEASE_SECONDS: "2",
      CL_WORKER_CONCURRENCY: "1",
    });
    let rescuers: Awaited<ReturnType<typeof startWorkers>> | null = null;
    try {
      const agent = await profiledAgent(sql, owner, { summaryStrategy: "none" });
      await sql`
        insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role)
        values (${agent.agentId}, (select id from lensers.profiles where user_id = ${operator.id}), 'operator')`;
      const workflow = await agentWorkflow(owner.client, agent, [{
        key: "post",
        template: [
          "Record the effect.",
          `@tool http_post {"url":"${server.url}/effects","body":{"effect":"ship order 7"}}`,
          `@tool http_get {"url":"${server.url}/slow"}`,
        ].join("\n"),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );

      // The doomed worker asks for the call and parks the task: blocked, no lease, nothing sent.
      const parked = await waitFor("the task to wait for approval", async () => {
        const r = (await results(sql, run.id)).post;
        return r.status === "blocked" ? r : null;
      });
      assertEquals([parked.waiting_reason, parked.lease_token], ["external_callback", null]);
      assertEquals(server.requests.length, 0);
      const [call] = await invocations(sql, parked.id);
      assertEquals([call.tool, call.status, call.requires_approval], [
        "http_post",
        "awaiting_approval",
        true,
      ]);

      // The owner sees it among the approvals they may decide; the operator does not.
      const listed = await asUser(
        sql,
        owner,
        (tx) =>
          tx`select kind::text, tool_invocation_id from agents.approval_requests_v where tool_invocation_id = ${call.id}`,
      );
      assertEquals(listed.map((r) => r.kind), ["tool_invocation"]);
      const operatorSees = await asUser(
        sql,
        operator,
        (tx) => tx`select 1 from agents.approval_requests_v where tool_invocation_id = ${call.id}`,
      );
      assertEquals(operatorSees.length, 0);
      const byOperator = await operator.client.rpc("fn_approve_tool_invocation", {
        p_invocation_id: call.id,
      });
      assertEquals([byOperator.status, byOperator.error?.code], [403, "42501"]);
      const wrongHash = await owner.client.rpc("fn_approve_tool_invocation", {
        p_invocation_id: call.id,
        p_approval_hash: "0".repeat(64),
      });
      assertEquals([wrongHash.status, wrongHash.error?.code], [400, "22023"]);

      // The second round's GET stalls, so the doomed worker is stuck after the POST was recorded.
      server.hold("/slow");
      const approved = await owner.client.rpc("fn_approve_tool_invocation", {
        p_invocation_id: call.id,
        p_approval_hash: call.approval_hash!,
      });
      assertEquals([approved.error, approved.data?.status], [null, "approved"]);
      const twice = await owner.client.rpc("fn_approve_tool_invocation", { p_invocation_id: call.id });
      assertEquals([twice.status, twice.error?.code], [409, "PT409"], "a decision happens once");
      assertMatch(
        String(twice.error?.message),
        /is not awaiting approval \(it is (approved|running|succeeded)\)/,
      );

      await waitFor(
        "the doomed worker to be in the second round",
        () => server.requests.some((r) => r.path === "/slow") ? true : null,
      );
      doomed.child.kill("SIGKILL");
      assertEquals((await doomed.child.status).signal, "SIGKILL");
      await doomed.done;
      server.release("/slow");

      rescuers = await startWorkers(1, { workerId: "rescuer", concurrency: 2, leaseSeconds: 10 });
      const ended = await waitForRun(sql, run.id, undefined, 30_000);
      const node = (await results(sql, run.id)).post;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");

      // The effect reached the server once, with the idempotency key of (node result, call 1).
      const posts = server.requests.filter((r) => r.method === "POST");
      assertEquals(posts.length, 1, "the recorded call was not made again");
      assertEquals(posts[0].headers.get("idempotency-key"), `${node.id}:1`);
      assertEquals(JSON.parse(posts[0].body), { effect: "ship order 7" });
      const calls = await invocations(sql, node.id);
      assertEquals(calls.map((c) => [c.tool, c.status, c.call_index]), [
        ["http_post", "succeeded", 1],
        ["http_get", "succeeded", 2],
      ]);
      const entries = await journal(sql, node.id);
      assertEquals(entries.filter((j) => j.tool_name === "http_post").length, 1, "one result per call");
      assertMatch(String(node.output_data?.text), /\[tool http_post\] .*"status":201/);
      const types = (await runEvents(sql, run.id)).map((e) => e.event_type);
      for (const t of ["approval_requested", "approval_granted", "lease_expired", "node_completed"]) {
        assert(types.includes(t), `the log has ${t}`);
      }
    } finally {
      if (doomed.child.pid) {
        try {
          doomed.child.kill("SIGKILL");
        } catch { /* already gone */ }
      }
      await rescuers?.stop();
      await server.close();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "a rejected tool call is answered to the model with the reason, and the turn goes on",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const server = startToolServer();
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const agent = await profiledAgent(sql, owner, { summaryStrategy: "none" });
      const workflow = await agentWorkflow(owner.client, agent, [{
        key: "post",
        template: ["Try to post.", `@tool http_post {"url":"${server.url}/effects","body":{"n":1}}`].join(
          "\n",
        ),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const parked = await waitFor("the task to wait for approval", async () => {
        const r = (await results(sql, run.id)).post;
        return r.status === "blocked" ? r : null;
      });
      const [call] = await invocations(sql, parked.id);
      const noReason = await owner.client.rpc("fn_reject_tool_invocation", {
        p_invocation_id: call.id,
        p_reason: " ",
      });
      assertEquals(noReason.status, 400);
      const rejected = await owner.client.rpc("fn_reject_tool_invocation", {
        p_invocation_id: call.id,
        p_reason: "not during the audit",
      });
      assertEquals(rejected.error, null);
      const ended = await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).post;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");
      assertMatch(
        String(node.output_data?.text),
        /\[tool http_post\] refused: an owner rejected this call \(not during the audit\)/,
      );
      assertEquals(server.requests.length, 0, "a rejected call never reaches the server");
      assertEquals((await invocations(sql, node.id)).map((c) => c.status), ["rejected"]);
    } finally {
      await workers.stop();
      await server.close();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "run_workflow: once approved, the agent's task waits without a lease for the sub-run, then reads its outcome",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 4 });
    try {
      const agent = await profiledAgent(sql, owner, {
        allowTools: ["run_workflow"],
        summaryStrategy: "none",
      });
      const child = await agentWorkflow(owner.client, agent, [{
        key: "child",
        template: "The child run says hello.",
      }]);
      const foreign = await buildWorkflow(other.client, { title: "not yours", nodes: [{ key: "x" }] });
      const parent = await agentWorkflow(owner.client, agent, [{
        key: "delegate",
        template: [
          "Delegate.",
          `@tools [{"name":"run_workflow","arguments":{"workflow_id":"${foreign.id}"}},` +
          `{"name":"run_workflow","arguments":{"workflow_id":"${child.id}","input":{}}}]`,
        ].join("\n"),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: parent.id, p_input: {} }),
      );
      const parked = await waitFor("both calls to wait for approval", async () => {
        const r = (await results(sql, run.id)).delegate;
        return r.status === "blocked" ? r : null;
      });
      const calls = await invocations(sql, parked.id);
      assertEquals(calls.map((c) => c.status), ["awaiting_approval", "awaiting_approval"]);
      for (const c of calls) {
        must(
          "fn_approve_tool_invocation",
          await owner.client.rpc("fn_approve_tool_invocation", { p_invocation_id: c.id }),
        );
      }

      const ended = await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).delegate;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");
      const [refused, started] = await invocations(sql, node.id);
      assertEquals(refused.status, "failed");
      assertMatch(
        String(refused.error),
        new RegExp(`there is no workflow ${foreign.id} that this agent may run`),
      );
      assertEquals(started.status, "succeeded");
      const out = started.output as { run_id: string; status: string };
      assertEquals(out.status, "completed");
      const [sub] = await sql<
        { parent_invocation_id: string; status: string; lenser_id: string; own: string }[]
      >`
        select r.parent_invocation_id, r.status::text, r.lenser_id,
               (select lenser_id from lenses.workflow_runs where id = ${run.id}) as own
        from lenses.workflow_runs r where r.id = ${out.run_id}`;
      assertEquals([sub.parent_invocation_id, sub.status], [started.id, "completed"]);
      assertEquals(sub.lenser_id, sub.own, "the sub-run is the parent run's lenser's (who pays)");
      const types = (await runEvents(sql, run.id)).map((e) => e.event_type);
      assert(
        types.filter((t) => t === "node_queued").length >= 2,
        "queued again after the approvals and after the sub-run",
      );
      assertMatch(
        String(node.output_data?.text),
        /\[tool run_workflow\] \{"output":\{"child":\{"text":"The child run says hello\."\}\},"run_id":"[0-9a-f-]{36}","status":"completed"\}/,
      );
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, owner);
      await cancelOpenRuns(sql, other);
      await sql.end();
    }
  },
});
