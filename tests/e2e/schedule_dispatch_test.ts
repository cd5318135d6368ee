// The schedule dispatcher under concurrency, on the real database: two dispatchers racing over
// 1,000 due schedules start 1,000 runs, no more; a dispatcher killed mid-tick leaves nothing behind,
// and the next one starts each fire once.
import { assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import type postgres from "postgres";

const opts = { sanitizeOps: false, sanitizeResources: false };

/** `count` schedules of the workflow, every minute, due a minute ago; returns their ids. */
// Due a minute ago, then yearly: however long a loaded machine takes, the next fire is far away.
async function dueSchedules(sql: postgres.Sql, lenserId: string, workflowId: string, count: number) {
  const rows = await sql<{ id: string }[]>`
    insert into lenses.workflow_schedules (lenser_id, workflow_id, name, cron_expression, next_run_at)
    select ${lenserId}, ${workflowId}, 'race ' || g, '0 0 1 1 *', now() - interval '1 minute'
    from generate_series(1, ${count}) g
    returning id`;
  return rows.map((r) => r.id);
}

async function fireCounts(sql: postgres.Sql, ids: string[]) {
  const [row] = await sql<{ schedules: number; started: number; runs: number; twice: number }[]>`
    select count(distinct f.schedule_id) filter (where f.outcome = 'started')::int as schedules,
           count(*) filter (where f.outcome = 'started')::int as started,
           count(distinct f.workflow_run_id)::int as runs,
           (select count(*)::int from (select f2.schedule_id from lenses.workflow_schedule_fires f2
              where f2.schedule_id = any(${ids}::uuid[]) and f2.outcome = 'started'
              group by f2.schedule_id having count(*) > 1) d) as twice
    from lenses.workflow_schedule_fires f where f.schedule_id = any(${ids}::uuid[])`;
  return row;
}

Deno.test({
  ...opts,
  name: "two dispatchers racing over 1,000 due schedules start 1,000 runs; a killed dispatch leaves nothing",
  async fn() {
    const sql = db();
    const a = db();
    const b = db();
    const user = await createUser(sql);
    try {
      const [{ id: lenserId }] = await sql<
        { id: string }[]
      >`select id from lensers.profiles where user_id = ${user.id}`;
      const wf = await buildWorkflow(user.client, { title: "scheduled", nodes: [{ key: "only" }] });

      const racing = await dueSchedules(sql, lenserId, wf.id, 1000);
      const [[ra], [rb]] = await Promise.all([
        a`select lenses.fn_dispatch_schedules(1000) as n`,
        b`select lenses.fn_dispatch_schedules(1000) as n`,
      ]);
      const counts = await fireCounts(sql, racing);
      assertEquals(
        counts,
        { schedules: 1000, started: 1000, runs: 1000, twice: 0 },
        "one run per schedule, no more",
      );
      const [{ fires }] = await sql<{ fires: number }[]>`
        select count(*)::int as fires from lenses.workflow_schedule_fires where schedule_id = any(${racing}::uuid[])`;
      assertEquals(ra.n + rb.n, fires, "the dispatchers took disjoint schedules (SKIP LOCKED)");
      const [again] = await a<{ n: number }[]>`select lenses.fn_dispatch_schedules(1000) as n`;
      assertEquals(again.n, 0, "nothing is due any more");

      // A dispatcher killed mid-tick: its transaction is rolled back whole; the next one fires once.
      const killed = await dueSchedules(sql, lenserId, wf.id, 500);
      const k = db();
      const [{ pid }] = await k<{ pid: number }[]>`select pg_backend_pid() as pid`;
      k`select lenses.fn_dispatch_schedules(1000) as n`.catch(() => {});
      await new Promise((r) => setTimeout(r, 150));
      const [{ killed: wasRunning }] = await sql<
        { killed: boolean }[]
      >`select pg_terminate_backend(${pid}) as killed`;
      // Wait until the killed session is gone (its transaction rolled back).
      for (let i = 0; i < 100; i++) {
        const [{ alive }] = await sql<{ alive: boolean }[]>`
          select exists (select 1 from pg_stat_activity where pid = ${pid}) as alive`;
        if (!alive) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      k.end({ timeout: 0 }).catch(() => {});
      const [{ started }] = await sql<{ started: number }[]>`
        select count(*)::int as started from lenses.workflow_schedule_fires where schedule_id = any(${killed}::uuid[])`;
      if (wasRunning) assertEquals(started, 0, "the killed dispatch left no fire behind");
      await b`select lenses.fn_dispatch_schedules(1000)`;
      assertEquals(
        await fireCounts(sql, killed),
        { schedules: 500, started: 500, runs: 500, twice: 0 },
        "after the kill, each schedule fired exactly once",
      );
    } finally {
      // The user's profile goes, and with it the schedules, fires and runs (nothing left queued).
      await deleteUsers(sql, user);
      await Promise.all([sql.end(), a.end().catch(() => {}), b.end()]);
    }
  },
});
