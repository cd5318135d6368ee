// Budgets end to end. The concurrency proof: 50 claims racing on 12 database connections against a
// hard budget that fits exactly 10 tasks: exactly 10 run, the spend never passes the limit, and every
// reservation is settled once they complete. Then the budget and ledger RPCs through the gateway
// with supabase-js: the HTTP status of each refusal, and that another user sees none of it.
import postgres from "postgres";
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers, stack } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { cancelOpenRuns } from "../_support/engine.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

/** A local model priced at 10,000 credits per million output tokens (input free), 100 output tokens
 * at most: every task is estimated at exactly 1 credit. */
async function priced(sql: postgres.Sql): Promise<string> {
  const key = `budget-e2e-${crypto.randomUUID().slice(0, 8)}`;
  const [row] = await sql<{ id: string }[]>`
    insert into ai.models (provider_id, model_key, display_name, context_window, max_output_tokens, support_level, summary)
    select p.id, ${key}, ${key}, 8000, 100, 'runnable', 'A priced model for budget tests.'
    from ai.providers p where p.key = 'local'
    returning id`;
  await sql`
    insert into ai.model_prices (model_id, effective_from, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok,
                                 output_per_mtok, reasoning_per_mtok)
    values (${row.id}, now() - interval '1 minute', 0, 0, 0, 10000, 10000)`;
  return row.id;
}

Deno.test({
  ...opts,
  name: "50 concurrent claims against a hard budget that fits 10 tasks: exactly 10 run and spend never passes the limit",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const pool = postgres(stack.dbUrl, { max: 12, onnotice: () => {} });
    try {
      const model = await priced(sql);
      const wf = await buildWorkflow(user.client, {
        title: "budget race",
        nodes: [{ key: "only", config: { model_id: model } }],
      });
      const budget = await user.client.rpc("create_budget", {
        p_scope: "workflow",
        p_workflow_id: wf.id,
        p_amount_credits: 10,
        p_period: "month",
        p_enforcement: "hard",
        p_on_exceed: "wait",
      });
      assertEquals(budget.error, null);
      const budgetId = budget.data!.id;
      const runIds: string[] = [];
      for (let i = 0; i < 50; i++) {
        const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
        assertEquals(res.error, null);
        runIds.push(res.data!.id);
      }

      // Twelve connections open first, then 50 claims at once, one task each. Tasks other tests left
      // due may be taken too: waves of 50 go on while any of ours is still due and unexamined.
      await Promise.all(Array.from({ length: 12 }, () => pool`select pg_sleep(0.05)`));
      const wave = (n: number) =>
        Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            pool<{ pid: number; claimed: { result_id: string; lease_token: string; run_id: string }[] }[]>`
              select pg_backend_pid() as pid,
                     (select coalesce(json_agg(json_build_object('result_id', c.result_id, 'lease_token', c.lease_token,
                                                                 'run_id', c.run_id)), '[]')
                      from public.claim_workflow_tasks(${`racer-${n}-${i}`}, 1, 120) c) as claimed`),
        );
      const claims = await wave(0);
      const pids = new Set(claims.map((c) => c[0].pid));
      assert(pids.size >= 10, `the claims ran on ${pids.size} connections, want at least 10`);
      const mine = claims.flatMap((c) => c[0].claimed).filter((t) => runIds.includes(t.run_id));
      for (let n = 1; n < 10; n++) {
        const [due] = await sql<{ n: number }[]>`
          select count(*)::int as n from lenses.workflow_node_results
          where run_id = any (${runIds}::uuid[]) and status = 'queued' and waiting_reason = 'queued'`;
        if (due.n === 0) break;
        mine.push(...(await wave(n)).flatMap((c) => c[0].claimed).filter((t) => runIds.includes(t.run_id)));
      }
      assertEquals(mine.length, 10, "exactly ten of the fifty tasks were leased");

      const state = await sql<{ status: string; waiting_reason: string | null; n: number }[]>`
        select x.status::text, x.waiting_reason::text, count(*)::int as n
        from lenses.workflow_node_results x where x.run_id = any (${runIds}::uuid[])
        group by 1, 2 order by 1, 2`;
      assertEquals(state.map((s) => [s.status, s.waiting_reason, s.n]), [
        ["queued", "budget", 40],
        ["running", null, 10],
      ]);
      const period = async () =>
        (await sql<{ limit: string; reserved: string; spent: string }[]>`
          select limit_credits::text as limit, reserved_credits::text as reserved, spent_credits::text as spent
          from ai.budget_periods where budget_id = ${budgetId}`)[0];
      assertEquals(await period(), { limit: "10.000000", reserved: "10.000000", spent: "0.000000" });
      const [events] = await sql<{ n: number }[]>`
        select count(*)::int as n from lenses.workflow_run_events
        where run_id = any (${runIds}::uuid[]) and event_type = 'budget_exceeded' and payload ->> 'budget_id' = ${budgetId}`;
      assertEquals(events.n, 40, "each waiting task has one budget_exceeded event naming the budget");

      // A second wave of claims finds the budget full.
      await sql`update lenses.workflow_node_results set next_attempt_at = now()
                where run_id = any (${runIds}::uuid[]) and waiting_reason = 'budget'`;
      const again = await Promise.all(
        Array.from({ length: 20 }, (_, i) => pool`select * from public.claim_workflow_tasks(${`late-${i}`}, 2, 120)`),
      );
      assertEquals(again.flat().filter((t) => runIds.includes(t.run_id as string)).length, 0, "nothing more fits");

      // The ten complete concurrently, each costing exactly its estimate (100 output tokens).
      const done = await Promise.all(mine.map((t) =>
        pool<{ r: { status: string } }[]>`
          select public.complete_workflow_task(${t.result_id}, ${t.lease_token}, 'done', null,
            ${pool.json({ input_tokens: 5, output_tokens: 100, latency_ms: 1 })}) as r`
      ));
      assert(done.every((d) => d[0].r.status === "completed"), "all ten completed");
      const after = await period();
      assertEquals(after, { limit: "10.000000", reserved: "0.000000", spent: "10.000000" });
      assert(Number(after.spent) <= Number(after.limit), "spent never passes the limit");
      const [held] = await sql<{ held: number; settled: number }[]>`
        select count(*) filter (where status = 'held')::int as held, count(*) filter (where status = 'settled')::int as settled
        from ai.budget_reservations where ${budgetId}::uuid = any (budget_ids)`;
      assertEquals(held, { held: 0, settled: 10 }, "every reservation is settled");
      const [ledger] = await sql<{ n: number; cost: string }[]>`
        select count(*)::int as n, sum(cost_credits)::text as cost from ai.llm_calls where run_id = any (${runIds}::uuid[])`;
      assertEquals(ledger, { n: 10, cost: "10.000000" }, "spent is the ledger's sum");
    } finally {
      await cancelOpenRuns(sql, user);
      await pool.end();
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "a claim that judged a hard budget from a stale read is made again with the budget locked: the second task waits",
  async fn() {
    // The claim admits from an unlocked read and applies its reservations to the period row last.
    // T1 claims one task (the budget fits one) and holds its transaction open; T2 claims the other:
    // its read still shows the room, its final guarded update waits for T1's row lock, finds the room
    // gone once T1 commits, and T2's claim is undone and made again with the period row locked first.
    const sql = db();
    const user = await createUser(sql);
    const t1 = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
    const t2 = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
    try {
      const model = await priced(sql);
      const wf = await buildWorkflow(user.client, { title: "budget stale read", nodes: [{ key: "only", config: { model_id: model } }] });
      const budget = await user.client.rpc("create_budget", {
        p_scope: "workflow", p_workflow_id: wf.id, p_amount_credits: 1, p_period: "none", p_enforcement: "hard", p_on_exceed: "wait",
      });
      assertEquals(budget.error, null);
      const budgetId = budget.data!.id;
      const runIds: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
        assertEquals(res.error, null);
        runIds.push(res.data!.id);
      }
      // The period row exists before the race (a claim that creates it locks it at once).
      await sql`insert into ai.budget_periods (budget_id, period_start, period_end, limit_credits, enforcement)
                values (${budgetId}, '-infinity', 'infinity', 1, 'hard') on conflict do nothing`;
      // Each claim takes the task due first: ours are made due before anything other tests left due.
      const [first, second] = await sql<{ id: string; run_id: string }[]>`
        select id, run_id from lenses.workflow_node_results where run_id = any (${runIds}::uuid[]) order by run_id`;
      await sql`update lenses.workflow_node_results set next_attempt_at = now() - interval '10 years' where id = ${first.id}`;
      // The second is not due during the first claim (a claim locks the due rows it looks at).
      await sql`update lenses.workflow_node_results set next_attempt_at = now() + interval '1 hour' where id = ${second.id}`;
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const claim1 = t1.begin(async (tx) => {
        const got = await tx<{ result_id: string }[]>`select result_id from public.claim_workflow_tasks('stale-1', 1, 60)
                                                      where run_id = any (${runIds}::uuid[])`;
        await released;
        return got;
      });
      // T1 now holds the period row (its reservation applied) and task one.
      try {
        await waitForLock(sql, budgetId);
      } catch (e) {
        release();
        throw e;
      }
      await sql`update lenses.workflow_node_results set next_attempt_at = now() - interval '10 years' where id = ${second.id}`;
      const claim2 = t2<{ result_id: string }[]>`select result_id from public.claim_workflow_tasks('stale-2', 1, 60)
                                                where run_id = any (${runIds}::uuid[])`.execute();
      // T2 reaches its guarded update and waits on T1's row lock.
      try {
        await waitForWaiter(sql);
      } finally {
        release();
      }
      const [got1, got2] = await Promise.all([claim1, claim2]);
      assertEquals(got1.map((r) => r.result_id), [first.id], "the first claim leases the task that fits");
      assertEquals(got2.length, 0, "the second claim leases nothing");
      const [second2] = await sql<{ status: string; waiting_reason: string; attempt_count: number }[]>`
        select status::text, waiting_reason::text, attempt_count from lenses.workflow_node_results where id = ${second.id}`;
      assertEquals(second2, { status: "queued", waiting_reason: "budget", attempt_count: 0 }, "the second task waits for budget");
      const [period] = await sql<{ reserved: string }[]>`
        select reserved_credits::text as reserved from ai.budget_periods where budget_id = ${budgetId}`;
      assertEquals(period.reserved, "1.000000", "one reservation, within the limit");
      const [held] = await sql<{ n: number }[]>`
        select count(*)::int as n from ai.budget_reservations where ${budgetId}::uuid = any (budget_ids) and status = 'held'`;
      assertEquals(held.n, 1, "the undone claim left no reservation behind");
      const [events] = await sql<{ started: number; exceeded: number }[]>`
        select count(*) filter (where event_type = 'node_started')::int as started,
               count(*) filter (where event_type = 'budget_exceeded')::int as exceeded
        from lenses.workflow_run_events where run_id = ${second.run_id}`;
      assertEquals(events, { started: 0, exceeded: 1 }, "the undone claim's node_started event is gone; one budget_exceeded");
    } finally {
      await cancelOpenRuns(sql, user);
      await t1.end();
      await t2.end();
      await sql.end();
    }
  },
});

/** Waits until some transaction holds a lock on the budget's period row (NOWAIT finds it taken). */
async function waitForLock(sql: postgres.Sql, budgetId: string) {
  for (let i = 0; i < 400; i++) {
    try {
      await sql.begin((tx) => tx`select 1 from ai.budget_periods where budget_id = ${budgetId} for no key update nowait`);
    } catch (e) {
      if ((e as { code?: string }).code === "55P03") return;
      throw e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the first claim never locked the period row");
}

/** Waits until a session waits on a transaction lock (the second claim's guarded update). */
async function waitForWaiter(sql: postgres.Sql) {
  for (let i = 0; i < 400; i++) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'transactionid'`;
    if (row.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the second claim never waited on the first one's lock");
}

Deno.test({
  ...opts,
  name: "budget and ledger RPCs through the gateway: refusals by status, the owner's view, nothing for another user",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const stranger = await createUser(sql);
    try {
      const model = await priced(sql);
      const wf = await buildWorkflow(owner.client, {
        title: "budget rpcs",
        nodes: [{ key: "only", config: { model_id: model } }],
      });
      const count = async () =>
        (await sql<{ n: number }[]>`select count(*)::int as n from ai.budgets where workflow_id = ${wf.id}`)[0].n;

      const zero = await owner.client.rpc("create_budget", {
        p_scope: "workflow",
        p_workflow_id: wf.id,
        p_amount_credits: 0,
        p_period: "day",
        p_enforcement: "soft",
      });
      assertEquals([zero.status, zero.error?.code], [400, "22023"]);
      assert(zero.error!.message.includes("p_amount_credits"), zero.error!.message);
      const noAction = await owner.client.rpc("create_budget", {
        p_scope: "workflow",
        p_workflow_id: wf.id,
        p_amount_credits: 5,
        p_period: "day",
        p_enforcement: "hard",
      });
      assertEquals([noAction.status, noAction.error?.code], [400, "22023"]);
      assert(noAction.error!.message.includes("p_on_exceed"), noAction.error!.message);
      const foreign = await stranger.client.rpc("create_budget", {
        p_scope: "workflow",
        p_workflow_id: wf.id,
        p_amount_credits: 5,
        p_period: "day",
        p_enforcement: "soft",
      });
      // Not found or not yours: PT404, which PostgREST answers with 404 (the message kept).
      assertEquals([foreign.status, foreign.error?.code], [404, "PT404"]);
      assertEquals(await count(), 0, "no refusal wrote a budget");

      const created = await owner.client.rpc("create_budget", {
        p_scope: "workflow",
        p_workflow_id: wf.id,
        p_amount_credits: 5,
        p_period: "day",
        p_enforcement: "hard",
        p_on_exceed: "fail",
      });
      assertEquals(created.error, null);
      const id = created.data!.id;
      assertEquals([created.data!.period, created.data!.enforcement, created.data!.on_exceed], ["day", "hard", "fail"]);

      // A run spends 1.5 of it (the claim reserves 1, the call costs 1.5: the overrun is counted).
      const run = await owner.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
      assertEquals(run.error, null);
      const [task] = await sql<{ result_id: string; lease_token: string }[]>`
        select c.result_id, c.lease_token from public.claim_workflow_tasks('rpc-test', 50, 60) c where c.run_id = ${run.data!.id}`;
      await sql`select public.complete_workflow_task(${task.result_id}, ${task.lease_token}, 'done', null,
        ${sql.json({ input_tokens: 3, output_tokens: 150, latency_ms: 1 })})`;

      const status = await owner.client.rpc("get_budget_status", { p_budget_id: id });
      assertEquals(status.error, null);
      const s = status.data![0];
      assertEquals(
        [s.limit_credits, s.reserved_credits, s.spent_credits, s.overrun_credits, s.remaining_credits].map(Number),
        [5, 0, 1.5, 0.5, 3.5],
      );
      const below = await owner.client.rpc("update_budget", { p_budget_id: id, p_amount_credits: 1 });
      assertEquals([below.status, below.error?.code], [409, "23505"], "a hard limit below the period's spend is a conflict");
      const raised = await owner.client.rpc("update_budget", { p_budget_id: id, p_amount_credits: 8 });
      assertEquals(raised.error, null);
      assertEquals(Number(raised.data!.amount_credits), 8);
      const strangerUpdate = await stranger.client.rpc("update_budget", { p_budget_id: id, p_amount_credits: 100 });
      assertEquals([strangerUpdate.status, strangerUpdate.error?.code], [404, "PT404"]);

      const listed = await owner.client.rpc("list_budgets", {});
      assertEquals(listed.data?.map((b) => b.id), [id]);
      const strangerList = await stranger.client.rpc("list_budgets", {});
      assertEquals(strangerList.data, [], "another user sees no budget of mine");
      const strangerStatus = await stranger.client.rpc("get_budget_status", { p_budget_id: id });
      assertEquals([strangerStatus.status, strangerStatus.error?.code], [404, "PT404"]);

      // The ledger: schema ai is not exposed; the RPCs are.
      const direct = await owner.client.schema("ai" as never).from("llm_calls").select("*");
      assertEquals(direct.status, 406, "PostgREST does not serve schema ai");
      const calls = await owner.client.rpc("list_llm_calls", { p_run_id: run.data!.id });
      assertEquals(calls.error, null);
      assertEquals(calls.data!.length, 1);
      assertEquals([Number(calls.data![0].cost_credits), calls.data![0].unpriced, calls.data![0].workflow_id], [1.5, false, wf.id]);
      const strangerCalls = await stranger.client.rpc("list_llm_calls", { p_run_id: run.data!.id });
      assertEquals([strangerCalls.status, strangerCalls.error?.code], [404, "PT404"], "another user reads no ledger row of mine");
      const both = await owner.client.rpc("list_llm_calls", { p_run_id: run.data!.id, p_ai_lenser_id: crypto.randomUUID() });
      assertEquals([both.status, both.error?.code], [400, "22023"]);

      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const rollup = await owner.client.rpc("get_llm_cost_rollup", { p_from: from, p_to: to, p_group_by: "workflow" });
      assertEquals(rollup.error, null);
      const row = rollup.data!.find((r) => r.group_key === wf.id)!;
      assertEquals([Number(row.calls), Number(row.output_tokens), Number(row.cost_credits)], [1, 150, 1.5]);
      const strangerRollup = await stranger.client.rpc("get_llm_cost_rollup", { p_from: from, p_to: to, p_group_by: "workflow" });
      assertEquals(strangerRollup.data, [], "another user's rollup holds none of my spend");
      const badGroup = await owner.client.rpc("get_llm_cost_rollup", { p_from: from, p_to: to, p_group_by: "hour" });
      assertEquals([badGroup.status, badGroup.error?.code], [400, "22023"]);
      assert(badGroup.error!.message.includes("p_group_by"), badGroup.error!.message);
      const badRange = await owner.client.rpc("get_llm_cost_rollup", { p_from: to, p_to: from, p_group_by: "day" });
      assertEquals([badRange.status, badRange.error?.code], [400, "22023"]);

      const archived = await owner.client.rpc("archive_budget", { p_budget_id: id });
      assertEquals(archived.error, null);
      const again = await owner.client.rpc("archive_budget", { p_budget_id: id });
      assertEquals([again.status, again.error?.code], [409, "23505"]);
    } finally {
      await cancelOpenRuns(sql, owner);
      await deleteUsers(sql, owner, stranger);
      await sql.end();
    }
  },
});
