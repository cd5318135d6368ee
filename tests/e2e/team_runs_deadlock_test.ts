// Two completion batches ending the runs of two assignments' team runs in opposite assignment
// order, while a third session holds one of the team runs' rows (as the run-events listener's
// watched_until mark does for a moment), must not deadlock: a batch locks the assignments of the
// team runs it may end up front, in id order, after the runs' locks.
import postgres from "postgres";
import { assertEquals } from "../_support/assert.ts";
import { createUser, db, stack } from "../_support/stack.ts";
import { assignedAgent, cancelOpenTeamRuns, runAssignment } from "../_support/team-runs.ts";

Deno.test({
  sanitizeOps: false,
  sanitizeResources: false,
  name: "completion batches ending team runs of two assignments in opposite orders do not deadlock",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const one = [{ key: "only" }];
    const x = await assignedAgent(owner, {
      approval: { requiresApproval: false },
      queue: { mode: "parallel" },
    }, one);
    const y = await assignedAgent(owner, {
      approval: { requiresApproval: false },
      queue: { mode: "parallel" },
    }, one);
    const runs: { run: string; a: string; tr: string }[] = [];
    // A: an X run then a Y run (in run id order); B: a Y run then an X run. Run ids are random: with
    // four runs of each assignment, all X ids fall below (or above) all Y ids one time in 35, so
    // runs are added in pairs until both orders exist.
    let pairA: [typeof runs[0], typeof runs[0]] | null = null,
      pairB: [typeof runs[0], typeof runs[0]] | null = null;
    for (let round = 0; round < 12 && !pairA; round++) {
      for (const a of [x, y]) {
        for (let i = 0; i < (round === 0 ? 4 : 1); i++) {
          const t = await runAssignment(owner.client, a.assignmentId);
          runs.push({ run: t.workflow_run_id!, a: a.assignmentId, tr: t.id });
        }
      }
      const xs = runs.filter((r) => r.a === x.assignmentId), ys = runs.filter((r) => r.a === y.assignmentId);
      for (const a1 of xs) {
        for (const a2 of ys) {
          for (const b1 of ys) {
            for (const b2 of xs) {
              if (pairA) break;
              if (a1 !== b2 && a2 !== b1 && a1.run < a2.run && b1.run < b2.run) {
                pairA = [a1, a2];
                pairB = [b1, b2];
              }
            }
          }
        }
      }
    }
    if (!pairA || !pairB) {
      throw new Error(`no pairing of run ids in ${runs.length} runs`);
    }
    const claimed = await sql<{ result_id: string; lease_token: string; run_id: string }[]>`
    select c.result_id, c.lease_token, c.run_id from public.claim_workflow_tasks('repro', 50, 120) c
    where c.run_id = any (${runs.map((r) => r.run)}::uuid[])`;
    const task = (run: string) => {
      const t = claimed.find((c) => c.run_id === run)!;
      return { result_id: t.result_id, lease_token: t.lease_token, text: "done" };
    };
    const c = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
    const a = postgres(stack.dbUrl, {
      max: 1,
      onnotice: () => {},
      connection: { application_name: "repro-a" },
    });
    const b = postgres(stack.dbUrl, {
      max: 1,
      onnotice: () => {},
      connection: { application_name: "repro-b" },
    });
    const waiting = async (name: string) => {
      for (let i = 0; i < 200; i++) {
        const [r] = await sql`select wait_event_type from pg_stat_activity where application_name = ${name}`;
        if (r?.wait_event_type === "Lock") return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${name} never waited`);
    };
    // C holds the row of A's second team run (as the run-events listener's watched_until mark, a
    // cancel_team_run or an approval would, for a moment).
    const held = c.begin(async (tx) => {
      await tx`select 1 from agents.team_runs where id = ${pairA![1].tr} for no key update`;
      await waiting("repro-a");
      await waiting("repro-b");
    });
    await new Promise((r) => setTimeout(r, 100));
    const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e) => `${e.code}: ${e.message}`);
    const ra = outcome(
      a`select public.complete_workflow_tasks(${
        a.json([task(pairA[0].run), task(pairA[1].run)])
      }::jsonb, 'repro')`,
    );
    await waiting("repro-a");
    const rb = outcome(
      b`select public.complete_workflow_tasks(${
        b.json([task(pairB[0].run), task(pairB[1].run)])
      }::jsonb, 'repro')`,
    );
    await held;
    assertEquals([await ra, await rb], ["ok", "ok"], "both batches complete: no deadlock");
    for (const s of [a, b, c]) await s.end();
    await cancelOpenTeamRuns(sql, owner.client, x.assignmentId, y.assignmentId);
    await sql.end();
  },
});
