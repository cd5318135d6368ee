// A team run end to end, as a frontend and the engine use it: supabase-js through the gateway with
// real JWTs. An owner assigns their agent a published workflow that needs approval; an operator of
// the agent runs it; the owner sees the pending approval and approves; a real worker loop runs the
// workflow run on the local provider; the team run ends completed with one completed step per node
// result and a gap-free event log that mirrors the steps. Refusals answer with the HTTP status
// PostgREST gives their SQLSTATE.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import { cancelOpenRuns, llmCalls, results, startWorkers } from "../_support/engine.ts";
import {
  assignedAgent,
  asUser,
  cancelOpenTeamRuns,
  grantAgentRole,
  profileId,
  teamRunEvents,
  waitForTeamRuns,
} from "../_support/team-runs.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "a team run that needs approval: an operator runs it, the owner approves once, a worker completes it",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const operator = await createUser(sql);
    const stranger = await createUser(sql);
    let assignmentId = "";
    const workers = await startWorkers(1, { concurrency: 4 });
    try {
      const assigned = await assignedAgent(owner, {
        approval: { requiresApproval: true, expiresAfterSeconds: 600 },
        queue: { mode: "serial" },
      });
      assignmentId = assigned.assignmentId;
      await grantAgentRole(sql, assigned.agentId, operator, "operator");

      // Bad input is refused before anything is written: 22023 -> 400.
      const bad = await operator.client.rpc("run_workflow_assignment", {
        p_assignment_id: assignmentId,
        p_input: [1] as unknown as Record<string, never>,
      });
      assertEquals([bad.status, bad.error?.code], [400, "22023"]);
      assertEquals(bad.error?.message, "run_workflow_assignment: p_input must be a JSON object");
      const notRunnable = await stranger.client.rpc("run_workflow_assignment", {
        p_assignment_id: assignmentId,
      });
      assertEquals(notRunnable.error?.code, "PT404", "a stranger cannot run the assignment");

      // The operator runs it: it waits for the owner's approval.
      const started = await operator.client.rpc("run_workflow_assignment", {
        p_assignment_id: assignmentId,
        p_input: { topic: "otters" },
      });
      assertEquals(started.error, null);
      const teamRun = started.data!;
      assertEquals(
        [teamRun.status, teamRun.approval_status, teamRun.queue_state, teamRun.workflow_run_id],
        ["queued", "pending", "waiting", null],
      );
      assertEquals(teamRun.lenser_id, await profileId(sql, operator), "the run belongs to who started it");

      // The owner sees the pending approval: through the RPCs PostgREST exposes, and in
      // agents.approval_requests_v (not exposed: read with the owner's JWT claims).
      const seen = await owner.client.rpc("get_team_run", { p_team_run_id: teamRun.id });
      assertEquals([seen.data?.status, seen.data?.approval_status], ["queued", "pending"]);
      const pending = await owner.client.rpc("list_team_runs", {
        p_assignment_id: assignmentId,
        p_status: "queued",
      });
      assertEquals(pending.data?.map((t) => [t.id, t.approval_status]), [[teamRun.id, "pending"]]);
      const requests = await asUser(
        sql,
        owner,
        (tx) => tx`select kind::text, team_run_id, requested_by from agents.approval_requests_v`,
      );
      assertEquals(
        requests.map((r) => [r.kind, r.team_run_id, r.requested_by]),
        [["team_run", teamRun.id, teamRun.lenser_id]],
      );
      const operatorRequests = await asUser(
        sql,
        operator,
        (tx) => tx`select 1 from agents.approval_requests_v`,
      );
      assertEquals(operatorRequests.length, 0, "approverRoles defaults to owner and co_owner");

      // Who may not decide: the operator (42501 -> 403); a stranger, who is not told the run exists:
      // PT404, which PostgREST answers with 404 (a "no such thing that you can see" refusal).
      const byOperator = await operator.client.rpc("approve_team_run", { p_team_run_id: teamRun.id });
      assertEquals([byOperator.status, byOperator.error?.code], [403, "42501"]);
      assertMatch(byOperator.error!.message, /your role may not decide this approval/);
      const byStranger = await stranger.client.rpc("approve_team_run", { p_team_run_id: teamRun.id });
      assertEquals([byStranger.status, byStranger.error?.code], [404, "PT404"]);
      assertEquals(byStranger.error?.message, `approve_team_run: no team run ${teamRun.id} that you can see`);
      const strangerReads = await stranger.client.rpc("get_team_run", { p_team_run_id: teamRun.id });
      assertEquals(strangerReads.error?.code, "PT404", "RLS hides the team run from a stranger");

      // The owner approves; the serial queue admits it at once and its workflow run starts.
      const approved = await owner.client.rpc("approve_team_run", {
        p_team_run_id: teamRun.id,
        p_reason: "looks fine",
      });
      assertEquals(approved.error, null);
      assertEquals(
        [approved.data?.approval_status, approved.data?.queue_state, approved.data?.decision_reason],
        ["approved", "admitted", "looks fine"],
      );
      assert(approved.data?.workflow_run_id, "the workflow run is linked");
      assertEquals(approved.data?.decided_by, await profileId(sql, owner));
      // A second decision (a replay, a double click) changes nothing: 23505 -> 409.
      const again = await owner.client.rpc("approve_team_run", { p_team_run_id: teamRun.id });
      assertEquals([again.status, again.error?.code], [409, "23505"]);
      assertMatch(again.error!.message, /was already approved by .* nothing changed/);
      const rejectAfter = await owner.client.rpc("reject_team_run", {
        p_team_run_id: teamRun.id,
        p_reason: "no",
      });
      assertEquals([rejectAfter.status, rejectAfter.error?.code], [409, "23505"]);

      // The worker runs the workflow run; its end ends the team run.
      const [ended] = await waitForTeamRuns(sql, [teamRun.id]);
      assertEquals([ended.status, ended.status_reason], ["completed", null]);
      const final = await operator.client.rpc("get_team_run", { p_team_run_id: teamRun.id });
      assertEquals(final.data?.status, "completed", "the operator who started it reads it");
      const workflowRunId = approved.data!.workflow_run_id!;
      const nodeResults = await results(sql, workflowRunId);
      assert(Object.values(nodeResults).every((r) => r.status === "completed"));
      assert(
        (await llmCalls(sql, workflowRunId)).every((c) => c.provider_key === "local"),
        "the local provider",
      );

      // Steps: one per node result, each completed, performed by the assignee agent.
      const steps = await owner.client.rpc("list_team_run_steps", { p_team_run_id: teamRun.id });
      assertEquals(steps.error, null);
      assertEquals(
        steps.data!.map((s) => [s.node_key, s.node_result_id]).sort(),
        Object.values(nodeResults).map((r) => [r.node_key, r.id]).sort(),
        "one step per node result",
      );
      for (const step of steps.data!) {
        assertEquals(
          [step.status, step.kind, step.member_source, step.ai_lenser_id],
          ["completed", "perform", "assignee", assigned.agentId],
          step.node_key,
        );
        assert(step.started_at && step.finished_at && step.started_at <= step.finished_at, step.node_key);
        assertEquals(step.current_task, null, "a finished step has no current task");
        assert(step.recent_output_summary, `${step.node_key} has an output summary`);
      }

      // Events: 1..N with no gap, the same through the client RPC and in the table.
      const listed = await owner.client.rpc("list_team_run_events", { p_team_run_id: teamRun.id });
      assertEquals(listed.error, null);
      const events = await teamRunEvents(sql, teamRun.id);
      assertEquals(events.map((e) => e.event_id), Array.from({ length: events.length }, (_, i) => i + 1));
      assertEquals(
        listed.data!.map((e) => [e.event_id, e.event_type]),
        events.map((e) => [e.event_id, e.event_type]),
      );
      const ownerProfile = await profileId(sql, owner);
      assertEquals(
        events.slice(0, 4).map((e) => [e.event_type, e.actor_id]),
        [
          ["run_queued", teamRun.lenser_id],
          ["approval_requested", teamRun.lenser_id],
          ["approval_granted", ownerProfile],
          ["run_started", null],
        ],
      );
      assertEquals(events[3].payload, { workflow_run_id: workflowRunId, steps: steps.data!.length });
      assertEquals(events.at(-1)?.event_type, "run_completed");
      assertEquals(events.at(-1)?.payload.workflow_run_status, "completed");
      // They mirror the steps: per step, queued, started and completed once each, in that order.
      const stepEvents = events.filter((e) => e.step_id !== null);
      assertEquals(stepEvents.length, 3 * steps.data!.length);
      assertEquals(events.length, 4 + stepEvents.length + 1, "nothing else");
      for (const step of steps.data!) {
        const mine = stepEvents.filter((e) => e.step_id === step.id);
        assertEquals(
          mine.map((e) => e.event_type),
          ["step_queued", "step_started", "step_completed"],
          step.node_key,
        );
        assert(mine.every((e) => e.payload.node_key === step.node_key));
      }
    } finally {
      await workers.stop();
      if (assignmentId) await cancelOpenTeamRuns(sql, owner.client, assignmentId);
      await cancelOpenRuns(sql, operator);
      await sql.end();
    }
  },
});
