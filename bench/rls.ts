// The runs list under RLS against the same query as service_role, at 1M runs (scripts/bench.sh,
// CL_BENCH_MODE=rls).
//
// Data (made once, set-based, and reused while the database keeps it): CL_BENCH_RLS_USERS (2,000)
// users signed up in one insert (the sign-up trigger makes their profiles), one published workflow,
// and CL_BENCH_RLS_RUNS (1,000,000) runs spread over the users with a skewed distribution (user i of
// n gets a share that falls off like a power law: a few heavy users, a long tail of light ones),
// created over 90 days, mostly completed, some failed or cancelled, a few still running.
//
// Measured for a heavy user (the one with the most runs) and a typical one (the median): the list
// as the frontend asks for it (newest first, 50 a page; and filtered by workflow and status) through
// the path PostgREST takes, in one transaction each: `set local role authenticated`,
// `set_config('request.jwt.claims', ...)`, then `select * from public.list_workflow_runs(...)`, RLS
// deciding what the caller sees. Against it: the same select as service_role (RLS bypassed) with
// the filter RLS stands for written out (`lenser_id = <the user's profile>`), so both return the
// same rows. The figure is the median time of the list statement over CL_BENCH_RLS_ROUNDS (100)
// alternated rounds; the ratio is RLS / service_role (target at most 1.3). The plans of both
// (EXPLAIN ANALYZE of the function's query under each role) go to the log directory.
import postgres from "postgres";
import { stack } from "../tests/_support/stack.ts";

const int = (name: string, fallback: number) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const USERS = int("CL_BENCH_RLS_USERS", 2000);
const RUNS = int("CL_BENCH_RLS_RUNS", 1_000_000);
const ROUNDS = int("CL_BENCH_RLS_ROUNDS", 100);
const LOG_DIR = Deno.env.get("CL_BENCH_LOG_DIR") ?? "/tmp";
const OUT = Deno.env.get("CL_BENCH_RESULT");

const sql = postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const [have] = await sql<{ n: number }[]>`
    select count(*)::integer as n from lenses.workflow_runs r
    join lensers.profiles p on p.id = r.lenser_id join auth.users u on u.id = p.user_id
    where u.email like 'rls-bench-%'`;
  if (have.n >= RUNS) {
    console.log(`rls: reusing ${have.n} runs of the rls-bench users`);
  } else {
    const t0 = performance.now();
    // One workflow to hang the runs on (its owner is the first bench user): made in SQL, not through
    // the RPCs, since it never runs; published so that a run of it is a plausible row.
    await sql.begin(async (tx) => {
      await tx`delete from auth.users where email like 'rls-bench-%'`;
      await tx`
        insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
        select gen_random_uuid(), 'authenticated', 'authenticated', format('rls-bench-%s@example.test', i), now(),
               '{"provider":"email"}', '{}'
        from generate_series(1, ${USERS}) i`;
    });
    const [owner] = await sql<{ id: string }[]>`
      select p.id from lensers.profiles p join auth.users u on u.id = p.user_id
      where u.email = 'rls-bench-1@example.test'`;
    const [wf] = await sql<{ id: string }[]>`
      insert into lenses.workflows (lenser_id, title) values (${owner.id}, 'rls bench: list target') returning id`;
    const t1 = performance.now();
    // Runs in chunks of 100k (one statement each): user rank k (1..USERS) is drawn as
    // ceil(USERS * u^3) for uniform u, so rank 1 gets the most runs and the tail few.
    const chunk = 100_000;
    for (let done = have.n; done < RUNS; done += chunk) {
      const n = Math.min(chunk, RUNS - done);
      await sql.begin(async (tx) => {
        await tx`set local synchronous_commit = off`;
        await tx`
          with users as (
            select p.id, row_number() over (order by u.email) as k
            from lensers.profiles p join auth.users u on u.id = p.user_id where u.email like 'rls-bench-%'),
          draws as (
            select greatest(1, ceil(${USERS}::float8 * power(random(), 3)))::bigint as k,
                   now() - random() * interval '90 days' as created_at, random() as s
            from generate_series(1, ${n}))
          insert into lenses.workflow_runs (workflow_id, lenser_id, started_by, status, input, created_at, started_at,
                                           finished_at, updated_at, total_input_tokens, total_output_tokens, total_cost_credits)
          select ${wf.id}, users.id, users.id,
                 (case when d.s < 0.9 then 'completed' when d.s < 0.96 then 'failed' when d.s < 0.99 then 'cancelled'
                       else 'running' end)::lenses.workflow_run_status,
                 '{}', d.created_at, d.created_at + interval '1 second',
                 case when d.s < 0.99 then d.created_at + interval '20 seconds' end, d.created_at,
                 (d.s * 2000)::bigint, (d.s * 500)::bigint, round((d.s * 0.01)::numeric, 6)
          from draws d join users on users.k = d.k`;
      });
      console.log(`rls: ${Math.min(done + n, RUNS)} runs`);
    }
    await sql`analyze lenses.workflow_runs`;
    await sql`analyze lensers.profiles`;
    console.log(
      `rls: made ${USERS} users and ${RUNS - have.n} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(runs ${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
  }

  const users = await sql<{ user_id: string; profile_id: string; runs: number; workflow_id: string }[]>`
    with counts as (
      select r.lenser_id, count(*)::integer as runs, min(r.workflow_id::text)::uuid as workflow_id
      from lenses.workflow_runs r
      join lensers.profiles p on p.id = r.lenser_id join auth.users u on u.id = p.user_id
      where u.email like 'rls-bench-%' group by r.lenser_id)
    select p.user_id, c.lenser_id as profile_id, c.runs, c.workflow_id
    from counts c join lensers.profiles p on p.id = c.lenser_id order by c.runs desc`;
  const [{ total }] = await sql<{ total: number }[]>`select count(*)::integer as total from lenses.workflow_runs`;
  const heavy = users[0];
  const typical = users[Math.floor(users.length / 2)];
  console.log(`rls: ${total} runs in lenses.workflow_runs; ${users.length} bench users with runs; heaviest ${heavy.runs}, median ${typical.runs}`);

  type Query = { name: string; args: { workflow: boolean; status: boolean } };
  const queries: Query[] = [
    { name: "newest 50", args: { workflow: false, status: false } },
    { name: "workflow + completed, newest 50", args: { workflow: true, status: true } },
  ];
  const conn = await sql.reserve();
  const claims = (userId: string, role: string) => JSON.stringify({ sub: userId, role, aud: role });
  const listAs = async (role: "authenticated" | "service_role", u: typeof heavy, q: Query, explain = false) => {
    await conn`begin`;
    try {
      await conn.unsafe(`set local role ${role}`);
      await conn`select set_config('request.jwt.claims', ${claims(u.user_id, role)}, true)`;
      const wf = q.args.workflow ? u.workflow_id : null;
      const st = q.args.status ? "completed" : null;
      const t = performance.now();
      let rows: readonly unknown[];
      if (explain) {
        // The query each side runs: for authenticated, the one list_workflow_runs runs for a user
        // (RLS adds its filter); for service_role, the plain select with RLS's filter written out.
        const query = role === "service_role"
          ? `select r.* from lenses.workflow_runs r
             where ($1::uuid is null or r.workflow_id = $1::uuid) and ($2::lenses.workflow_run_status is null or r.status = $2::lenses.workflow_run_status)
               and r.lenser_id = $3::uuid
             order by r.created_at desc, r.id limit 50`
          : `select r.* from unnest(array(select lensers.actable_profile_ids())) as p(id)
             cross join lateral (
               select x.* from lenses.workflow_runs x
               where x.lenser_id = p.id and ($1::uuid is null or x.workflow_id = $1::uuid)
                 and ($2::lenses.workflow_run_status is null or x.status = $2::lenses.workflow_run_status)
               order by x.created_at desc, x.id limit 50) r
             where $3::uuid is not null
             order by r.created_at desc, r.id limit 50`;
        rows = await conn.unsafe(`explain (analyze, buffers, costs off) ${query}`, [wf, st, u.profile_id]);
      } else if (role === "authenticated") {
        rows = await conn`select * from public.list_workflow_runs(${wf}::uuid, ${st}::lenses.workflow_run_status, 50, 0)`;
      } else {
        rows = await conn`
          select r.* from lenses.workflow_runs r
          where (${wf}::uuid is null or r.workflow_id = ${wf}::uuid)
            and (${st}::lenses.workflow_run_status is null or r.status = ${st}::lenses.workflow_run_status)
            and r.lenser_id = ${u.profile_id}::uuid
          order by r.created_at desc, r.id limit 50`;
      }
      const ms = performance.now() - t;
      await conn`commit`;
      return { ms, rows };
    } catch (e) {
      await conn`rollback`;
      throw e;
    }
  };

  const results: { user: string; runs: number; query: string; rls: number; service: number; ratio: number }[] = [];
  let plans = "";
  for (const [label, u] of [["heaviest user", heavy], ["median user", typical]] as const) {
    for (const q of queries) {
      // Same rows both ways, or the comparison means nothing.
      const a = await listAs("authenticated", u, q);
      const b = await listAs("service_role", u, q);
      const ids = (r: readonly unknown[]) => JSON.stringify(r.map((x) => (x as { id: string }).id));
      if (ids(a.rows) !== ids(b.rows)) throw new Error(`rls: ${label}, ${q.name}: the two roles listed different runs`);
      if (a.rows.length === 0) throw new Error(`rls: ${label}, ${q.name}: nothing listed`);
      for (let i = 0; i < 10; i++) await listAs(i % 2 ? "authenticated" : "service_role", u, q); // warm
      const rls: number[] = [], svc: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        if (i % 2) {
          rls.push((await listAs("authenticated", u, q)).ms);
          svc.push((await listAs("service_role", u, q)).ms);
        } else {
          svc.push((await listAs("service_role", u, q)).ms);
          rls.push((await listAs("authenticated", u, q)).ms);
        }
      }
      const r = { user: label, runs: u.runs, query: q.name, rls: median(rls), service: median(svc), ratio: median(rls) / median(svc) };
      results.push(r);
      console.log(
        `rls: ${label} (${u.runs} runs), ${q.name}: RLS ${r.rls.toFixed(3)} ms, service_role ${r.service.toFixed(3)} ms ` +
          `(medians of ${ROUNDS}); ratio ${r.ratio.toFixed(3)}`,
      );
      for (const role of ["authenticated", "service_role"] as const) {
        const { rows } = await listAs(role, u, q, true);
        plans += `-- ${label}, ${q.name}, as ${role}\n${(rows as { "QUERY PLAN": string }[]).map((x) => x["QUERY PLAN"]).join("\n")}\n\n`;
      }
    }
  }
  conn.release();
  await Deno.writeTextFile(`${LOG_DIR}/bench-rls-plans.txt`, plans);
  console.log(`rls: plans in ${LOG_DIR}/bench-rls-plans.txt`);
  const worst = results.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(
    `ratio (list under RLS / same list as service_role, worst case): ${worst.ratio.toFixed(3)} ` +
      `(${worst.user}, ${worst.query}; target <= 1.3: ${worst.ratio <= 1.3 ? "met" : "NOT met"})`,
  );
  if (OUT) {
    await Deno.writeTextFile(OUT, JSON.stringify({ total, users: users.length, heavy: heavy.runs, median: typical.runs, rounds: ROUNDS, results, worst }, null, 2));
  }
} finally {
  await sql.end({ timeout: 5 });
}
