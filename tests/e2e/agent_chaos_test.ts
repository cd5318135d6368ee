// Agent turns under chaos: worker processes running agent turns (two tool rounds per node) are
// SIGKILLed every 0.7 s while new ones start; every run still completes, every tool call the
// model asked for is one invocation that succeeded once, every call has one result in its journal,
// no task is left leased or parked, no budget reservation is left held, and the budgets' periods
// hold exactly what the ledger spent.
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import { cancelOpenRuns, pricedLocalModel, spawnWorker, startWorkers, waitFor } from "../_support/engine.ts";
import { must, profiledAgent, startToolServer } from "../_support/agents.ts";
import { buildWorkflow } from "../_support/workflows.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const RUNS = 16;

Deno.test({
  ...opts,
  name:
    "agent turns survive workers killed mid-turn: every call made once per invocation, every run completed",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const server = startToolServer();
    const spawned: Awaited<ReturnType<typeof spawnWorker>>[] = [];
    let rescuer: Awaited<ReturnType<typeof startWorkers>> | null = null;
    const spawn = async (n: number) => {
      const w = await spawnWorker({
        CL_WORKER_ID: `chaos-${n}`,
        CL_WORKER_LEASE_SECONDS: "2",
        CL_WORKER_CONCURRENCY: "4",
      });
      spawned.push(w);
      return w;
    };
    try {
      const agent = await profiledAgent(sql, owner, {
        summaryStrategy: "rolling",
        modelId: await pricedLocalModel(sql),
      });
      const template = [
        "Work step KEY.",
        '@tool calculator {"expression":"2+2"}',
        `@tool http_get {"url":"${server.url}/delay"}`,
      ].join("\n");
      const workflow = await buildWorkflow(owner.client, {
        title: "chaos",
        lenserId: agent.profileId,
        nodes: ["a", "b", "c"].map((key) => ({ key, template: template.replace("KEY", key) })),
        edges: [{ from: "a", to: "b" }, { from: "b", to: "c" }],
      });
      // Budgets on both sides: a hard one on the workflow (large enough never to refuse), a soft one
      // on the agent. Killed workers leave reservations that the reaper must settle or release.
      const hard = must(
        "create_budget",
        await owner.client.rpc("create_budget", {
          p_scope: "workflow",
          p_amount_credits: 1000,
          p_period: "day",
          p_enforcement: "hard",
          p_on_exceed: "wait",
          p_workflow_id: workflow.id,
        }),
      );
      const soft = must(
        "create_budget",
        await owner.client.rpc("create_budget", {
          p_scope: "ai_lenser",
          p_amount_credits: 1000,
          p_period: "day",
          p_enforcement: "soft",
          p_ai_lenser_id: agent.agentId,
        }),
      );
      // An expired lease counts against the retry policy: room for several kills of one task.
      const runIds: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        runIds.push(
          must(
            "start_workflow_run",
            await owner.client.rpc("start_workflow_run", {
              p_workflow_id: workflow.id,
              p_input: {},
              p_max_retries: 10,
            }),
          ).id,
        );
      }

      // Two workers at a time; every 0.7 s one of them is killed and another takes its place.
      let n = 0;
      const live = [await spawn(n++), await spawn(n++)];
      const ended = async () => {
        const [row] = await sql<{ ended: number }[]>`
          select count(*)::int as ended from lenses.workflow_runs
          where id = any(${runIds}::uuid[]) and status in ('completed', 'failed', 'cancelled', 'timed_out')`;
        return row.ended;
      };
      let kills = 0;
      const t0 = Date.now();
      while (kills < 8 && (await ended()) < RUNS && Date.now() - t0 < 40_000) {
        await new Promise((r) => setTimeout(r, 700));
        const victim = live.shift()!;
        victim.child.kill("SIGKILL");
        await victim.child.status;
        kills++;
        live.push(await spawn(n++));
      }
      for (const w of live) w.child.kill("SIGTERM");
      await Promise.all(live.map((w) => w.child.status));
      rescuer = await startWorkers(1, { workerId: "chaos-rescuer", concurrency: 8, leaseSeconds: 10 });
      await waitFor("every run to end", async () => (await ended()) === RUNS ? true : null, 90_000);
      assert(kills >= 1, "at least one worker was killed mid-work");

      const [runs] = await sql<{ completed: number }[]>`
        select count(*)::int as completed from lenses.workflow_runs where id = any(${runIds}::uuid[]) and status = 'completed'`;
      assertEquals(runs.completed, RUNS, "every run completed");
      const perNode = await sql<{ calls: number; succeeded: number; results: number; leased: number }[]>`
        select count(i.id)::int as calls,
               count(i.id) filter (where i.status = 'succeeded')::int as succeeded,
               (select count(*)::int from agents.agent_turn_messages j where j.node_result_id = x.id and j.role = 'tool') as results,
               (x.lease_token is not null or x.status <> 'completed')::int as leased
        from lenses.workflow_node_results x
        left join agents.tool_invocations i on i.workflow_node_result_id = x.id
        where x.run_id = any(${runIds}::uuid[])
        group by x.id`;
      assertEquals(perNode.length, RUNS * 3);
      const bad = perNode.filter((p) =>
        p.calls !== 2 || p.succeeded !== 2 || p.results !== 2 || p.leased !== 0
      );
      assertEquals(
        bad,
        [],
        "two calls per node, each one invocation that succeeded, with one journaled result",
      );

      // No reservation left held; each budget's period holds exactly what the ledger says was spent.
      const [held] = await sql<{ n: number }[]>`
        select count(*)::int as n from ai.budget_reservations r
        join lenses.workflow_node_results x on x.id = r.node_result_id
        where x.run_id = any(${runIds}::uuid[]) and r.status = 'held'`;
      assertEquals(held.n, 0, "no reservation left behind");
      const [ledger] = await sql<{ cost: string }[]>`
        select sum(cost_credits)::numeric(14,6)::text as cost from ai.llm_calls where run_id = any(${runIds}::uuid[])`;
      assert(Number(ledger.cost) > 0, "the priced model cost something");
      for (const budget of [hard, soft]) {
        const [period] = await sql<{ reserved: string; spent: string }[]>`
          select reserved_credits::text as reserved, spent_credits::text as spent from ai.budget_periods
          where budget_id = ${budget.id} order by period_start desc limit 1`;
        assertEquals(
          [Number(period.reserved), Number(period.spent)],
          [0, Number(ledger.cost)],
          `budget ${budget.id}`,
        );
      }
    } finally {
      for (const w of spawned) {
        try {
          w.child.kill("SIGKILL");
        } catch { /* already gone */ }
      }
      await rescuer?.stop();
      await server.close();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});
