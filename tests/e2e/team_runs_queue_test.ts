// An assignment's queue policy under concurrency: twenty run_workflow_assignment calls at once
// through supabase-js (PostgREST runs them on concurrent connections), then real worker loops
// finishing the workflow runs while a sampler reads how many team runs are active.
//   serial           exactly one runs at any time, admitted in start order, each in the
//                    transaction that ended the one before;
//   skip_if_running  starts while one runs are recorded as skipped, with the reason;
//   parallel (3)     never more than three run, admitted in start order.
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, type TestUser } from "../_support/stack.ts";
import { cancelOpenRuns, startWorkers } from "../_support/engine.ts";
import {
  assignedAgent,
  cancelOpenTeamRuns,
  runAssignment,
  teamRunEvents,
  type TeamRunRow,
  teamRuns,
  waitForTeamRuns,
} from "../_support/team-runs.ts";
import type { QueuePolicy } from "../../types/policies.ts";
import type postgres from "postgres";

const opts = { sanitizeOps: false, sanitizeResources: false };
const STARTS = 20;

interface Starts {
  sql: postgres.Sql;
  owner: TestUser;
  assignmentId: string;
  /** What each call returned. */
  returned: { id: string; status: string; queue_state: string }[];
  /** The assignment's team runs, in start order, as the calls left them. */
  rows: TeamRunRow[];
}

/**
 * An owner's assignment with the queue policy and no approval, started STARTS times at once (no
 * worker runs yet); then `fn`, then cleanup.
 */
async function concurrentStarts(queue: QueuePolicy, fn: (starts: Starts) => Promise<void>) {
  const sql = db();
  const owner = await createUser(sql);
  let assignmentId = "";
  try {
    ({ assignmentId } = await assignedAgent(owner, { approval: { requiresApproval: false }, queue }));
    const returned = await Promise.all(
      Array.from(
        { length: STARTS },
        (_, i) =>
          owner.client.rpc("run_workflow_assignment", { p_assignment_id: assignmentId, p_input: { i } }),
      ),
    );
    for (const res of returned) assertEquals(res.error, null);
    const rows = await teamRuns(sql, { assignmentId });
    await fn({ sql, owner, assignmentId, returned: returned.map((r) => r.data!), rows });
  } finally {
    if (assignmentId) await cancelOpenTeamRuns(sql, owner.client, assignmentId);
    await cancelOpenRuns(sql, owner);
    await sql.end();
  }
}

/**
 * Worker loops run the workflow runs while a sampler reads the assignment's team runs; resolves, once
 * every one has ended, to them (in start order) and the samples.
 */
async function runToTheEnd({ sql, assignmentId, rows }: Starts, loops: number) {
  const sampler = sample(sql, assignmentId);
  const workers = await startWorkers(loops, { concurrency: 4 });
  try {
    const ended = await waitForTeamRuns(sql, rows.map((r) => r.id));
    assert(ended.every((r) => r.status === "completed"), ended.map((r) => r.status).join());
    return { ended, samples: await sampler.stop() };
  } finally {
    await sampler.stop();
    await workers.stop();
  }
}

interface Sample {
  /** Team runs admitted and not ended. */
  active: number;
  /** Every admitted team run comes before every waiting one in start order (queue_position). */
  inOrder: boolean;
}

/** Samples the assignment's team runs (each sample one snapshot) until stopped; resolves to the samples. */
function sample(sql: postgres.Sql, assignmentId: string) {
  let stop = false;
  const samples = (async () => {
    const seen: Sample[] = [];
    while (!stop) {
      const [row] = await sql<Sample[]>`
        select count(*) filter (where queue_state = 'admitted' and status in ('queued', 'running', 'blocked'))::integer
                 as active,
               coalesce(max(queue_position) filter (where queue_state = 'admitted')
                          < min(queue_position) filter (where queue_state = 'waiting'), true) as "inOrder"
        from agents.team_runs where assignment_id = ${assignmentId}`;
      seen.push(row);
      await new Promise((r) => setTimeout(r, 2));
    }
    return seen;
  })();
  return { stop: () => (stop = true, samples) };
}

/** Asserts what the samples saw: at most `limit` active, admitted in start order, and some work seen. */
function assertSamples(seen: Sample[], limit: number) {
  assert(seen.filter((s) => s.active === limit).length > 5, `${limit} active in several samples`);
  const over = seen.filter((s) => s.active > limit);
  assertEquals(over, [], `never more than ${limit} active (${seen.length} samples)`);
  assertEquals(seen.filter((s) => !s.inOrder), [], "admitted in start order at every sample");
}

/**
 * The most team runs active at once by their started_at / finished_at intervals. Both are now(), the
 * time its transaction began: a run ended and the one it let in share that instant.
 */
function mostAtOnce(rows: TeamRunRow[]): number {
  return Math.max(
    ...rows.map((at) =>
      rows.filter((r) => r.started_at! <= at.started_at! && r.finished_at! > at.started_at!).length
    ),
  );
}

Deno.test({
  ...opts,
  name: "serial: twenty concurrent starts run one at a time, in start order",
  fn: () =>
    concurrentStarts({ mode: "serial" }, async (starts) => {
      // The first start was admitted, every other one waits its turn.
      const { rows, returned } = starts;
      assertEquals(returned.filter((t) => t.status === "running").map((t) => t.id), [rows[0].id]);
      assertEquals(rows.map((r) => [r.status, r.queue_state]), [
        ["running", "admitted"],
        ...Array(STARTS - 1).fill(["queued", "waiting"]),
      ]);

      const { ended, samples } = await runToTheEnd(starts, 2);
      assertSamples(samples, 1);
      assertEquals(mostAtOnce(ended), 1);
      for (let i = 1; i < ended.length; i++) {
        // In start order, each admitted by the transaction that ended the one before (the same now()),
        // and so is its workflow run started.
        assertEquals(ended[i].started_at, ended[i - 1].finished_at, `team run ${i}`);
        assertEquals(ended[i].workflow_run_created_at, ended[i].started_at, `team run ${i}`);
      }
      assertEquals(new Set(ended.map((r) => r.workflow_run_id)).size, STARTS, "one workflow run each");
    }),
});

Deno.test({
  ...opts,
  name: "skip_if_running: concurrent starts while one runs are recorded as skipped, with the reason",
  fn: () =>
    concurrentStarts({ mode: "skip_if_running" }, async ({ sql, owner, assignmentId, returned, rows }) => {
      const [first, ...skipped] = rows;
      assertEquals([first.status, first.queue_state], ["running", "admitted"]);
      assertEquals(
        returned.filter((t) => t.status === "cancelled" && t.queue_state === "skipped").length,
        STARTS - 1,
        "each skipped start says so to its caller",
      );
      for (const run of skipped) {
        assertEquals([run.status, run.queue_state, run.workflow_run_id, run.started_at], [
          "cancelled",
          "skipped",
          null,
          null,
        ]);
        assert(run.finished_at !== null);
        assertEquals(
          run.status_reason,
          `skipped: the assignment's queue policy is skip_if_running and team run ${first.id} is active`,
        );
        const events = await teamRunEvents(sql, run.id);
        assertEquals(events.map((e) => [e.event_id, e.event_type]), [[1, "run_queued"], [
          2,
          "run_cancelled",
        ]]);
        assertEquals(events[1].payload, { reason: "skipped", active_team_run_id: first.id });
      }

      // Once the running one has ended, a new start runs.
      const workers = await startWorkers(1, { concurrency: 4 });
      try {
        const [done] = await waitForTeamRuns(sql, [first.id]);
        assertEquals(done.status, "completed");
        const next = await runAssignment(owner.client, assignmentId);
        assertEquals([next.status, next.queue_state], ["running", "admitted"]);
        assertEquals((await waitForTeamRuns(sql, [next.id]))[0].status, "completed");
      } finally {
        await workers.stop();
      }
    }),
});

Deno.test({
  ...opts,
  name: "parallel with maxConcurrent 3: twenty concurrent starts, never more than three running",
  fn: () =>
    concurrentStarts({ mode: "parallel", maxConcurrent: 3 }, async (starts) => {
      assertEquals(starts.rows.map((r) => r.status), [
        ...Array(3).fill("running"),
        ...Array(STARTS - 3).fill("queued"),
      ], "the first three in start order run; the rest wait");
      assertEquals(starts.returned.filter((t) => t.status === "running").length, 3);

      const { ended, samples } = await runToTheEnd(starts, 3);
      assertSamples(samples, 3);
      const most = mostAtOnce(ended);
      assert(most >= 2 && most <= 3, `at most three at once by their intervals, and more than one: ${most}`);
      for (const run of ended.slice(3)) {
        // Each waiting run was admitted by the transaction that ended another.
        assert(
          ended.some((r) => r.finished_at?.getTime() === run.started_at!.getTime()),
          `team run ${run.id}`,
        );
      }
    }),
});
