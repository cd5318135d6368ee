// Schedule dispatch throughput, for the ratio to pgbench on the same cluster (scripts/bench.sh runs
// pgbench -N and prints the ratio): 10,000 schedules due at once, the time one dispatcher tick
// takes to fire them all (each fire: its row, a workflow run with its results and events), then
// another 10,000 with two dispatchers racing. Runs started per second is the figure; a tick must
// also finish well inside its minute.
import postgres from "postgres";
import { createUser, stack } from "../tests/_support/stack.ts";
import { buildWorkflow } from "../tests/_support/workflows.ts";

const SCHEDULES = Number(Deno.env.get("CL_BENCH_SCHEDULES") ?? 10_000);

const sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });
const user = await createUser(sql, { handle: `bench-sched-${crypto.randomUUID().slice(0, 6)}` });
try {
  const [{ id: lenserId }] = await sql<
    { id: string }[]
  >`select id from lensers.profiles where user_id = ${user.id}`;
  const wf = await buildWorkflow(user.client, {
    title: "scheduled bench",
    nodes: [{ key: "a" }, { key: "b" }],
  });
  // Due now, then yearly: however long a pass takes, no schedule comes due again during the next.
  const due = () =>
    sql`insert into lenses.workflow_schedules (lenser_id, workflow_id, name, cron_expression, timezone, next_run_at)
        select ${lenserId}, ${wf.id}, 'bench ' || g, '0 0 1 1 *',
               (array['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'])[1 + g % 5],
               now() - interval '1 minute'
        from generate_series(1, ${SCHEDULES}) g`;
  // Runs the schedules of this benchmark have started so far (skipped fires are not runs).
  const started = async () =>
    (await sql<{ n: number }[]>`
      select count(*)::int as n from lenses.workflow_schedule_fires f join lenses.workflow_schedules s on s.id = f.schedule_id
      where s.lenser_id = ${lenserId} and f.outcome = 'started'`)[0].n;

  await due();
  let t0 = performance.now();
  await sql`select lenses.fn_dispatch_schedules(${SCHEDULES})`;
  const oneSeconds = (performance.now() - t0) / 1000;
  const one = await started();
  console.log(
    `schedules: one dispatcher started ${one} runs of ${SCHEDULES} due schedules in ${
      oneSeconds.toFixed(2)
    } s`,
  );

  await due();
  const a = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
  const b = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
  t0 = performance.now();
  const [[ra], [rb]] = await Promise.all([
    a<{ n: number }[]>`select lenses.fn_dispatch_schedules(${SCHEDULES}) as n`,
    b<{ n: number }[]>`select lenses.fn_dispatch_schedules(${SCHEDULES}) as n`,
  ]);
  const twoSeconds = (performance.now() - t0) / 1000;
  await Promise.all([a.end(), b.end()]);
  const two = (await started()) - one;
  console.log(
    `schedules: two racing dispatchers (${ra.n} + ${rb.n} fires) started ${two} runs of ${SCHEDULES} due schedules in ${
      twoSeconds.toFixed(2)
    } s`,
  );
  const [{ runs, fires }] = await sql<{ runs: number; fires: number }[]>`
    select count(distinct f.workflow_run_id)::int as runs, count(*)::int as fires
    from lenses.workflow_schedule_fires f join lenses.workflow_schedules s on s.id = f.schedule_id
    where s.lenser_id = ${lenserId}`;
  if (runs !== 2 * SCHEDULES || one !== SCHEDULES || two !== SCHEDULES) {
    throw new Error(
      `expected ${SCHEDULES} runs per pass, got ${one} and ${two} (${runs} runs, ${fires} fires)`,
    );
  }
  console.log(`schedule runs started/s (one dispatcher): ${(one / oneSeconds).toFixed(1)}`);
  console.log(`schedule runs started/s (two racing): ${(two / twoSeconds).toFixed(1)}`);
} finally {
  // The runs are cancelled (nothing is left for a worker) and the schedules stop; deleting tens of
  // thousands of runs would take minutes, and the next reset of the database drops them anyway.
  await sql`update lenses.workflow_schedules set next_run_at = null
            where lenser_id in (select id from lensers.profiles where user_id = ${user.id})`;
  await sql`select lenses.fn_cancel_run(r.id, 'benchmark cleanup', null) from lenses.workflow_runs r
            where r.lenser_id in (select id from lensers.profiles where user_id = ${user.id})
              and r.status not in ('completed', 'failed', 'cancelled', 'timed_out')`;
  await sql.end();
}
