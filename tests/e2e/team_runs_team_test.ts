// A three-member team in two lanes with a reviewer runs an assignment end to end through supabase-js
// and real workers: the lead performs the plan and the write-up (lane 0), a member researches
// (lane 1), and a reviewer (an OpenAI-compatible fake that rejects each step's first answer)
// reviews the lead's work. Steps and events mirror the workflow run; the rejection sends the step
// back once with the feedback in the prompt, and the second attempt passes.
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, type TestUser } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { cancelOpenRuns, fakeProvider, startWorkers, waitFor } from "../_support/engine.ts";
import type { FakeAnswer } from "../functions/fakes/server.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const FEEDBACK = "Add a conclusion.";

function must<T>(what: string, res: { data: T | null; error: { message: string; code?: string } | null }): T {
  if (res.error) throw new Error(`${what}: ${res.error.message} (${res.error.code})`);
  return res.data as T;
}

const verdict = (approved: boolean): FakeAnswer => {
  const text = JSON.stringify(approved ? { approved, feedback: "Good." } : { approved, feedback: FEEDBACK });
  return { chunks: [text], model: "fake-reviewer", inputTokens: 50, outputTokens: 10, cachedTokens: 0 };
};

async function agent(user: TestUser, handle: string): Promise<string> {
  return must(
    "create_ai_lenser",
    await user.client.rpc("create_ai_lenser", {
      p_handle: `${handle}-${crypto.randomUUID().slice(0, 6)}`,
      p_display_name: handle,
    }),
  ).id;
}

Deno.test({
  ...opts,
  name:
    "a team of three in two lanes with a reviewer runs an assignment; a rejection is reworked once, then passes",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const reviewerModel = await fakeProvider(sql, ["reviewer"]);
    // The reviewer rejects the first answer of each step it reviews and approves the next.
    const reviewed = new Map<string, number>();
    reviewerModel.answer((req) => {
      const messages = (req.body?.messages ?? []) as { role: string; content: string }[];
      const prompt = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
      const step = /on step "([^"]+)"/.exec(prompt)?.[1] ?? "";
      const round = (reviewed.get(step) ?? 0) + 1;
      reviewed.set(step, round);
      return { kind: "ok", answer: verdict(round > 1) };
    });
    const workers = await startWorkers(2, { concurrency: 4, leaseSeconds: 10 });
    try {
      const lead = await agent(owner, "lead");
      const researcher = await agent(owner, "researcher");
      const critic = await agent(owner, "critic");
      must(
        "create_model_profile",
        await owner.client.rpc("create_model_profile", {
          p_ai_lenser_id: critic,
          p_name: "Critic",
          p_model_id: reviewerModel.models.reviewer,
          p_is_default: true,
        }),
      );
      const workflow = await buildWorkflow(owner.client, {
        title: "team work",
        nodes: [
          { key: "plan", template: "Plan a note about otters." },
          { key: "research", template: "Find three facts about otters." },
          { key: "write", template: "Write the note from the plan and the facts." },
        ],
        edges: [
          { from: "plan", to: "write", merge: "json_object", targetPath: "parts" },
          { from: "research", to: "write", merge: "json_object", targetPath: "parts" },
        ],
      });
      const team = must("create_team", await owner.client.rpc("create_team", { p_name: "Otter desk" }));
      const member = async (agentId: string, role: string, lane: number) =>
        must(
          "add_team_member",
          await owner.client.rpc("add_team_member", {
            p_team_id: team.id,
            p_agent_id: agentId,
            // deno-lint-ignore no-explicit-any
            p_role: role as any,
            p_lane: lane,
          }),
        ).id;
      const mLead = await member(lead, "lead", 0);
      const mResearcher = await member(researcher, "member", 1);
      const mCritic = await member(critic, "reviewer", 1);
      must(
        "add_team_edge",
        await owner.client.rpc("add_team_edge", {
          p_source_member_id: mCritic,
          p_target_member_id: mLead,
          p_edge_type: "reviews",
        }),
      );
      const assignment = must(
        "create_workflow_assignment",
        await owner.client.rpc("create_workflow_assignment", {
          p_workflow_id: workflow.id,
          p_assignee_kind: "team",
          p_assignee_team_id: team.id,
          p_approval_policy: { requiresApproval: false },
          p_retry_policy: { maxRetries: 2 },
          p_node_bindings: { plan: mLead, research: mResearcher, write: mLead },
        }),
      );

      const started = must(
        "run_workflow_assignment",
        await owner.client.rpc("run_workflow_assignment", { p_assignment_id: assignment.id, p_input: {} }),
      );
      assertEquals([started.status, started.approval_status], ["running", "not_required"]);

      const ended = await waitFor("the team run ends", async () => {
        const run = must(
          "get_team_run",
          await owner.client.rpc("get_team_run", { p_team_run_id: started.id }),
        );
        return ["completed", "failed", "cancelled", "blocked"].includes(run.status) ? run : null;
      }, 60_000);
      assertEquals(ended.status, "completed", ended.status_reason ?? "");

      // Steps: one perform step per node, with its member and lane; a review step per reviewed node.
      const steps = must(
        "list_team_run_steps",
        await owner.client.rpc("list_team_run_steps", { p_team_run_id: started.id }),
      );
      const byKey = (kind: string) =>
        Object.fromEntries(steps.filter((s) => s.kind === kind).map((s) => [s.node_key, s]));
      const perform = byKey("perform");
      const review = byKey("review");
      assertEquals(
        Object.values(perform).map((s) => [s.node_key, s.member_id, s.lane, s.status]).sort(),
        [
          ["plan", mLead, 0, "completed"],
          ["research", mResearcher, 1, "completed"],
          ["write", mLead, 0, "completed"],
        ],
      );
      assertEquals(Object.keys(review).sort(), ["plan", "write"], "the lead's two steps are reviewed");
      assert(Object.values(review).every((s) => s.member_id === mCritic && s.status === "completed"));
      assertEquals([perform.plan.review_rounds, perform.write.review_rounds], [1, 1], "each rejected once");

      // Every step has its node result, and mirrors it.
      const mirrored = await sql<{ node_key: string; result: string }[]>`
        select s.node_key, r.status::text as result
        from agents.agent_run_steps s join lenses.workflow_node_results r on r.id = s.node_result_id
        where s.team_run_id = ${started.id} and s.kind = 'perform' order by 1`;
      assertEquals(mirrored.map((m) => [m.node_key, m.result]), [
        ["plan", "completed"],
        ["research", "completed"],
        ["write", "completed"],
      ]);

      // The rework carried the feedback: the lead (local echo) answered the prompt that holds it,
      // and the reviewer saw that answer.
      const [{ text }] = await sql<{ text: string }[]>`
        select r.output_data ->> 'text' as text
        from lenses.workflow_node_results r join agents.team_runs t on t.workflow_run_id = r.run_id
        where t.id = ${started.id} and r.node_key = 'plan'`;
      assert(text.includes(`Their feedback:\n${FEEDBACK}`), text);
      assertEquals(Object.fromEntries(reviewed), { plan: 2, write: 2 }, "two reviews of each reviewed step");

      // Events: 1..N with no gap, a start and an end for every step, in the shared envelope.
      const events = must(
        "list_team_run_events",
        await owner.client.rpc("list_team_run_events", { p_team_run_id: started.id, p_limit: 1000 }),
      );
      assertEquals(events.map((e) => e.event_id), events.map((_, i) => i + 1));
      const count = (type: string) => events.filter((e) => e.event_type === type).length;
      assertEquals(
        count("step_started"),
        3 + 2 + 4,
        "three perform starts, two reworks and four review rounds",
      );
      assertEquals(count("step_completed"), 3 + 4, "three performed steps and four reviews");
      assertEquals(count("step_queued"), 3 + 4 + 2, "each step queued, each review requested, each rework");
      assertEquals(events.at(-1)!.event_type, "run_completed");

      // Lane 0 took one step at a time: the lead's steps never overlapped.
      const lane0 = await sql<{ started_at: Date; finished_at: Date }[]>`
        select started_at, finished_at from agents.agent_run_steps
        where team_run_id = ${started.id} and kind = 'perform' and lane = 0 order by started_at`;
      assert(lane0[0].finished_at <= lane0[1].started_at, "the lane's steps ran one after the other");

      // The ledger: one call per attempt (plan and write: two attempts and two reviews each).
      const [{ calls }] = await sql<{ calls: number }[]>`
        select count(*)::int as calls from ai.llm_calls c
        join lenses.workflow_node_results r on r.id = c.node_result_id
        join agents.team_runs t on t.workflow_run_id = r.run_id where t.id = ${started.id}`;
      assertEquals(calls, 4 + 1 + 4);
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, owner);
      await reviewerModel.close();
      await sql.end();
    }
  },
});
