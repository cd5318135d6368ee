// The run-events function through the gateway, as a browser-side client would use it: a user's JWT,
// every event in order, the end after the terminal event, resumption with Last-Event-ID, and
// refusals (another user 404, no JWT 401, bad arguments 400), for a workflow run (?run_id=) and a
// team run (?team_run_id=). Reads go through PostgREST with the caller's JWT: a second user's JWT
// sees nothing, which a service-key read would not give.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import postgres from "postgres";
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db, stack, type TestUser } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { cancelOpenRuns, results, runEvents, startWorkers, waitFor } from "../_support/engine.ts";
import { createRunEventsHandler, DEFAULT_POLL_MS } from "../../functions/run-events/handler.ts";
import { RunEventsListener } from "../../functions/run-events/listener.ts";
import { TeamRunEvent } from "../../types/team-runs.ts";
import {
  assignedAgent,
  cancelOpenTeamRuns,
  runAssignment,
  teamRunEvents,
  teamRuns,
} from "../_support/team-runs.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

interface Stream {
  events: EventSourceMessage[];
  /** performance.now() when each event arrived. */
  arrivedAt: number[];
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  cancel(): Promise<void>;
}

async function open(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown; stream?: Stream }> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  assertMatch(res.headers.get("content-type") ?? "", /^text\/event-stream/);
  return { status: 200, body: null, stream: consume(res.body!) };
}

function consume(body: ReadableStream<Uint8Array>): Stream {
  const events: EventSourceMessage[] = [];
  const arrivedAt: number[] = [];
  const comments: string[] = [];
  const parser = createParser({
    onEvent: (e) => {
      events.push(e);
      arrivedAt.push(performance.now());
    },
    onComment: (c) => comments.push(c.trim()),
  });
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  })();
  return { events, arrivedAt, comments, ended, cancel: () => reader.cancel() };
}

function withTimeout<T>(what: string, p: Promise<T>, ms = 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))),
  ]);
}

const eventsUrl = (runId: string, query = "") =>
  `${stack.url}/functions/v1/run-events?run_id=${runId}${query}`;
const auth = (user: TestUser) => ({ Authorization: `Bearer ${user.jwt}`, apikey: stack.anonKey });

/**
 * The handler in this process (not behind the gateway) with its own listener, polling only once a
 * minute: whatever a stream gets sooner, a notification woke it for.
 */
function inProcess(user: TestUser, keepaliveMs?: number) {
  const listenSql = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
  const listener = new RunEventsListener(listenSql);
  const handler = createRunEventsHandler({
    supabaseUrl: stack.url,
    anonKey: stack.anonKey,
    listener,
    keepaliveMs,
    pollMs: 60_000,
  });
  return {
    listener,
    /** Opens a stream as the user. */
    async open(url: string): Promise<Stream> {
      const res = await handler(new Request(url, { headers: { Authorization: `Bearer ${user.jwt}` } }));
      assertEquals(res.status, 200);
      return consume(res.body!);
    },
    close: () => listenSql.end(),
  };
}

interface StoredEvent {
  event_id: number;
  event_type: string;
}

/**
 * What streams of a run (or team run) that has ended with the log `stored` do, `stream` being one
 * opened before its end: every event, in order, once, then the end. Resumed after `seen` (the
 * Last-Event-ID header) or after all but the last (?last_event_id=): the rest. Resumed after the
 * end: nothing, closed at once.
 */
async function assertStreamedAndResumable(
  url: (query?: string) => string,
  user: TestUser,
  stream: Stream,
  stored: StoredEvent[],
  seen: number,
) {
  assertEquals(
    stream.events.map((e) => Number(e.id)),
    stored.map((e) => e.event_id),
    "every event, in order, once",
  );
  assertEquals(stream.events.map((e) => e.event), stored.map((e) => e.event_type));
  const resumed = await open(url(), { ...auth(user), "Last-Event-ID": String(seen) });
  await withTimeout("the resumed stream to end", resumed.stream!.ended);
  assertEquals(resumed.stream!.events.map((e) => Number(e.id)), stored.slice(seen).map((e) => e.event_id));
  const byQuery = await open(url(`&last_event_id=${stored.length - 1}`), auth(user));
  await withTimeout("the query-resumed stream to end", byQuery.stream!.ended);
  assertEquals(byQuery.stream!.events.map((e) => e.event), [stored.at(-1)!.event_type]);
  const past = await open(url(), { ...auth(user), "Last-Event-ID": String(stored.length) });
  await withTimeout("the stream after the end to close", past.stream!.ended, 10_000);
  assertEquals(past.stream!.events, []);
}

/**
 * The refusals of a stream of the owner's run (or team run) `id`: another user 404 (RLS hides it:
 * reads use the caller's JWT), no JWT 401, anon 403, a bad id or Last-Event-ID 400, an unknown id 404.
 */
async function assertRefusals(
  url: (id: string) => string,
  id: string,
  owner: TestUser,
  other: TestUser,
  expect: { param: string; notFound: RegExp },
) {
  const byOther = await open(url(id), auth(other));
  assertEquals(byOther.status, 404, "RLS hides it from a second user: reads use the caller's JWT");
  assertMatch((byOther.body as { error: string }).error, expect.notFound);
  assertEquals((await open(url(id), { apikey: stack.anonKey })).status, 401);
  assertEquals((await open(url(id), { Authorization: `Bearer ${stack.anonKey}` })).status, 403);
  const bad = await open(url("not-a-uuid"), auth(owner));
  assertEquals(bad.status, 400);
  assertMatch((bad.body as { error: string }).error, new RegExp(`^${expect.param} must be a uuid`));
  assertEquals((await open(url(id), { ...auth(owner), "Last-Event-ID": "-3" })).status, 400);
  assertEquals((await open(url(crypto.randomUUID()), auth(owner))).status, 404);
}

async function humanRun(user: TestUser) {
  const wf = await buildWorkflow(user.client, {
    nodes: [{ key: "first" }, { key: "ask", kind: "human_input", config: { prompt: "ok?" } }, {
      key: "last",
    }],
    edges: [{ from: "first", to: "ask" }, { from: "ask", to: "last" }],
  });
  const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
  assertEquals(res.error, null);
  return res.data!.id as string;
}

Deno.test({
  ...opts,
  name: "SSE through the gateway: every event in order, ended after the terminal event, resumable",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const runId = await humanRun(user);
      const live = await open(eventsUrl(runId), auth(user));
      assertEquals(live.status, 200);
      const stream = live.stream!;
      await waitFor(
        "the human input request on the stream",
        () => stream.events.some((e) => e.event === "human_input_requested"),
      );
      const seen = stream.events.length;
      const answered = await user.client.rpc("submit_human_input", {
        p_run_id: runId,
        p_node_key: "ask",
        p_value: { ok: true },
      });
      assertEquals(answered.error, null);
      await withTimeout("the stream to end after the terminal event", stream.ended);

      const stored = await runEvents(sql, runId);
      assertEquals(stream.events.at(-1)?.event, "run_completed");
      const first = JSON.parse(stream.events[0].data);
      assertEquals([first.run_id, first.event_id, first.event_type], [runId, 1, "run_queued"]);
      assertEquals(JSON.parse(stream.events[seen].data).payload, stored[seen].payload);
      await assertStreamedAndResumable((q) => eventsUrl(runId, q), user, stream, stored, seen);
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "SSE refusals: another user 404, no JWT 401, anon 403, bad run_id or Last-Event-ID 400",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    try {
      const runId = await humanRun(owner);
      await assertRefusals(eventsUrl, runId, owner, other, {
        param: "run_id",
        notFound: /no run .* that you can see/,
      });
      assertEquals((await open(`${stack.url}/functions/v1/run-events`, auth(owner))).status, 400);
    } finally {
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "an idle stream sends keepalive comments, and a client that leaves is unsubscribed",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const here = inProcess(user, 100);
    try {
      // No worker runs: the run stays queued and the stream idle.
      const runId = await humanRun(user);
      const stream = await here.open(eventsUrl(runId));
      await waitFor(
        "two keepalives",
        () => stream.comments.filter((c) => c === "keepalive").length >= 2,
        5000,
      );
      assertEquals(stream.events.map((e) => e.event), ["run_queued", "node_queued"]);
      assertEquals(here.listener.subscribers, 1);
      // A notification (an event appended) wakes the stream at once; the poll is a minute away.
      await user.client.rpc("cancel_workflow_run", { p_run_id: runId });
      await withTimeout("the stream to end on run_cancelled", stream.ended, 10_000);
      assertEquals(stream.events.at(-1)?.event, "run_cancelled");
      assertEquals(here.listener.subscribers, 0);

      // A client that goes away mid-stream is unsubscribed.
      const runId2 = await humanRun(user);
      const stream2 = await here.open(eventsUrl(runId2));
      await waitFor("the first events", () => stream2.events.length >= 2);
      assertEquals(here.listener.subscribers, 1);
      await stream2.cancel();
      await waitFor("the unsubscription", () => here.listener.subscribers === 0, 5000);
      assert((await results(sql, runId2)).first.status === "queued");
    } finally {
      await cancelOpenRuns(sql, user);
      await here.close();
      await sql.end();
    }
  },
});

// ---------------------------------------------------------------- team runs (?team_run_id=)

const teamEventsUrl = (teamRunId: string, query = "") =>
  `${stack.url}/functions/v1/run-events?team_run_id=${teamRunId}${query}`;

/** A team run of the owner's new assignment that waits for the owner's approval. */
async function pendingTeamRun(owner: TestUser) {
  const { assignmentId } = await assignedAgent(owner, {
    approval: { requiresApproval: true },
    queue: { mode: "parallel" },
  });
  const teamRun = await runAssignment(owner.client, assignmentId);
  assertEquals(teamRun.approval_status, "pending");
  return { assignmentId, teamRunId: teamRun.id };
}

Deno.test({
  ...opts,
  name: "team run SSE through the gateway: every event in order, ended after the terminal event, resumable",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 4 });
    let assignmentId = "";
    try {
      const pending = await pendingTeamRun(user);
      assignmentId = pending.assignmentId;
      const { teamRunId } = pending;
      const live = await open(teamEventsUrl(teamRunId), auth(user));
      assertEquals(live.status, 200);
      const stream = live.stream!;
      await waitFor("the approval request on the stream", () => stream.events.length === 2);
      assertEquals(stream.events.map((e) => e.event), ["run_queued", "approval_requested"]);
      // Approved while streamed: the rest arrives live (the worker runs the workflow run).
      const approved = await user.client.rpc("approve_team_run", { p_team_run_id: teamRunId });
      assertEquals(approved.error, null);
      await withTimeout("the stream to end after the terminal event", stream.ended);

      const stored = await teamRunEvents(sql, teamRunId);
      assertEquals(stream.events.at(-1)?.event, "run_completed");
      assert(stream.events.some((e) => e.event === "step_completed"));
      const first = TeamRunEvent.parse(JSON.parse(stream.events[0].data));
      assertEquals([first.team_run_id, first.event_id, first.event_type], [teamRunId, 1, "run_queued"]);
      const step = TeamRunEvent.parse(
        JSON.parse(stream.events.find((e) => e.event === "step_started")!.data),
      );
      assertEquals([step.payload, step.step_id], [
        stored[step.event_id - 1].payload,
        stored[step.event_id - 1].step_id,
      ]);
      assert(stream.comments.includes(`events of team run ${teamRunId} after 0`));
      await assertStreamedAndResumable((q) => teamEventsUrl(teamRunId, q), user, stream, stored, 2);
      // An ended team run streamed from the start: everything, and the end at once.
      const replay = await open(teamEventsUrl(teamRunId), auth(user));
      await withTimeout("the replay of an ended team run to end", replay.stream!.ended, 10_000);
      assertEquals(replay.stream!.events.length, stored.length);
    } finally {
      await workers.stop();
      if (assignmentId) await cancelOpenTeamRuns(sql, user.client, assignmentId);
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "team run SSE refusals: both or neither id 400, no JWT 401, anon 403, another user's team run 404",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    let assignmentId = "";
    try {
      const pending = await pendingTeamRun(owner);
      assignmentId = pending.assignmentId;
      const { teamRunId } = pending;
      const error = (res: { body: unknown }) => (res.body as { error: string }).error;

      const both = await open(`${teamEventsUrl(teamRunId)}&run_id=${crypto.randomUUID()}`, auth(owner));
      assertEquals(both.status, 400);
      assertEquals(error(both), "give one of run_id or team_run_id, not both");
      const neither = await open(`${stack.url}/functions/v1/run-events?last_event_id=1`, auth(owner));
      assertEquals(neither.status, 400);
      assertMatch(error(neither), /^run_id or team_run_id is required/);
      const empty = await open(teamEventsUrl(""), auth(owner));
      assertEquals(empty.status, 400);
      assertMatch(error(empty), /^team_run_id is required/);
      await assertRefusals(teamEventsUrl, teamRunId, owner, other, {
        param: "team_run_id",
        notFound: new RegExp(`^list_team_run_events: no team run ${teamRunId} that you can see$`),
      });
      // A team run id is not a run id.
      const asRun = await open(eventsUrl(teamRunId), auth(owner));
      assertEquals(asRun.status, 404);
    } finally {
      if (assignmentId) await cancelOpenTeamRuns(sql, owner.client, assignmentId);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "a team run's stream is woken by agent_run_events while watched, and a rejection ends it",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const here = inProcess(user);
    let assignmentId = "";
    try {
      const pending = await pendingTeamRun(user);
      assignmentId = pending.assignmentId;
      const { teamRunId } = pending;
      const [before] = await teamRuns(sql, { ids: [teamRunId] });
      assertEquals(before.watched_until, null, "nobody streams it: its appends do not notify");

      const approvedStream = await here.open(teamEventsUrl(teamRunId));
      const [watched] = await teamRuns(sql, { ids: [teamRunId] });
      assert(watched.watched_until! > new Date(), "marked watched before the first read");
      assertEquals(here.listener.subscribers, 1);
      await waitFor("the first events", () => approvedStream.events.length === 2, 5000);
      // No worker runs: approving starts the workflow run, which stays queued.
      assertEquals((await user.client.rpc("approve_team_run", { p_team_run_id: teamRunId })).error, null);
      await waitFor(
        "run_started, woken at once",
        () => approvedStream.events.some((e) => e.event === "run_started"),
        10_000,
      );
      assertEquals((await user.client.rpc("cancel_team_run", { p_team_run_id: teamRunId })).error, null);
      await withTimeout("the stream to end on run_cancelled", approvedStream.ended, 10_000);
      assertEquals(approvedStream.events.at(-1)?.event, "run_cancelled");
      assertEquals(
        approvedStream.events.map((e) => Number(e.id)),
        (await teamRunEvents(sql, teamRunId)).map((e) => e.event_id),
      );
      assertEquals(here.listener.subscribers, 0);

      // A rejection ends the team run (cancelled): its stream ends too.
      const rejected = await runAssignment(user.client, assignmentId);
      const rejectedStream = await here.open(teamEventsUrl(rejected.id));
      await waitFor("the first events", () => rejectedStream.events.length === 2, 5000);
      const rejection = await user.client.rpc("reject_team_run", {
        p_team_run_id: rejected.id,
        p_reason: "no",
      });
      assertEquals(rejection.data?.status, "cancelled");
      await withTimeout("the stream to end after the rejection", rejectedStream.ended, 10_000);
      const stored = await teamRunEvents(sql, rejected.id);
      assertEquals(rejectedStream.events.map((e) => e.event), stored.map((e) => e.event_type));
      assertEquals(stored.slice(-2).map((e) => e.event_type), ["approval_rejected", "run_cancelled"]);
      assertEquals(here.listener.subscribers, 0);
    } finally {
      if (assignmentId) await cancelOpenTeamRuns(sql, user.client, assignmentId);
      await cancelOpenRuns(sql, user);
      await here.close();
      await sql.end();
    }
  },
});

// ------------------------------------------------ events appended in a stream's first milliseconds
//
// A stream listens, marks its run watched (committed), waits out the appends under way, and only
// then reads: an event appended at any moment of the stream's start is either in that first read or
// notified after it. One that is neither waits for the fallback poll (DEFAULT_POLL_MS after the
// stream opened), so each event must arrive well before that: within half of it, counted from the
// append's commit. No worker runs: nothing else appends.

const POLL_MS = DEFAULT_POLL_MS;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Appends a `message` event carrying `probe` to the run's (or team run's) log, in `sql`'s transaction. */
function append(
  sql: postgres.Sql | postgres.TransactionSql,
  kind: "run" | "team run",
  id: string,
  probe: string,
) {
  const payload = sql.json({ probe });
  return kind === "run"
    ? sql`select lenses.fn_append_workflow_run_event(${id}, 'message', ${payload})`
    : sql`select agents.fn_append_agent_run_event(${id}, 'message', ${payload})`;
}

/**
 * A transaction that has appended the probe event (so it holds the log's lock and has checked
 * watched_until) and waits: `commit()` ends it and resolves with performance.now() after the commit.
 */
async function appendUnderWay(sql: postgres.Sql, kind: "run" | "team run", id: string, probe: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let appended!: () => void;
  const ready = new Promise<void>((r) => (appended = r));
  const done = sql.begin(async (tx) => {
    await append(tx, kind, id, probe);
    appended();
    await held;
  });
  await Promise.race([ready, done]);
  return {
    async commit() {
      release();
      await done;
      return performance.now();
    },
  };
}

/** When the probe event arrived on the stream (it waits up to twice the poll interval). */
async function arrival(stream: Stream, probe: string): Promise<number> {
  const at = await waitFor(
    `the event ${probe} on the stream`,
    () => {
      const i = stream.events.findIndex((e) =>
        e.event === "message" && JSON.parse(e.data).payload.probe === probe
      );
      return i >= 0 ? stream.arrivedAt[i] : null;
    },
    2 * POLL_MS + 2_000,
    10,
  );
  return at;
}

/** `n` queued runs of one workflow (a lens node before a human input; no worker runs them). */
async function queuedRuns(user: TestUser, n: number): Promise<string[]> {
  const wf = await buildWorkflow(user.client, {
    nodes: [{ key: "first" }, { key: "ask", kind: "human_input", config: { prompt: "ok?" } }],
    edges: [{ from: "first", to: "ask" }],
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: {} });
    assertEquals(res.error, null);
    ids.push(res.data!.id as string);
  }
  return ids;
}

Deno.test({
  ...opts,
  name:
    "SSE: events appended in a stream's first milliseconds arrive well before the fallback poll (20 streams)",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    const STREAMS = 20;
    try {
      const [calibration, ...runIds] = await queuedRuns(user, STREAMS + 1);
      // How long a stream takes to answer here (listen, mark, wait out appends, first read): the
      // appends below are spread over one and a half times that, so they land in every phase of it.
      const t0 = performance.now();
      const first = await open(eventsUrl(calibration), auth(user));
      const answerMs = performance.now() - t0;
      await first.stream!.cancel();
      const spanMs = Math.max(60, 1.5 * answerMs);

      const late: string[] = [];
      const latencies: number[] = [];
      for (let i = 0; i < STREAMS; i++) {
        const runId = runIds[i];
        const probe = `p${i}`;
        const delayMs = Math.round((i * spanMs) / STREAMS);
        let committedAt: number;
        let opening: ReturnType<typeof open>;
        if (i % 2 === 0) {
          // Appended and committed delayMs after the stream was asked for.
          opening = open(eventsUrl(runId), auth(user));
          await sleep(delayMs);
          await append(sql, "run", runId, probe);
          committedAt = performance.now();
        } else {
          // Appended just before the stream was asked for, committed delayMs after.
          const underWay = await appendUnderWay(sql, "run", runId, probe);
          opening = open(eventsUrl(runId), auth(user));
          await sleep(delayMs);
          committedAt = await underWay.commit();
        }
        const opened = await opening;
        assertEquals(opened.status, 200);
        const latency = (await arrival(opened.stream!, probe)) - committedAt;
        latencies.push(Math.round(latency));
        if (latency >= POLL_MS / 2) {
          late.push(`${probe} (${i % 2 ? "under way" : "committed"} at +${delayMs} ms)`);
        }
        await opened.stream!.cancel();
      }
      assertEquals(
        late,
        [],
        `every event well before the ${POLL_MS} ms poll; ms from commit to arrival: ${latencies.join(", ")}`,
      );
    } finally {
      await cancelOpenRuns(sql, user);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "SSE: an append under way when a stream is marked watched, committed after, arrives at once (run and team run)",
  async fn() {
    const sql = db();
    const probeSql = db();
    const user = await createUser(sql);
    let assignmentId = "";
    try {
      const [runId] = await queuedRuns(user, 1);
      const pending = await pendingTeamRun(user);
      assignmentId = pending.assignmentId;
      const cases = [
        { kind: "run" as const, id: runId, url: eventsUrl(runId), table: sql`lenses.workflow_runs` },
        {
          kind: "team run" as const,
          id: pending.teamRunId,
          url: teamEventsUrl(pending.teamRunId),
          table: sql`agents.team_runs`,
        },
      ];
      for (const c of cases) {
        // The append has checked watched_until (not yet set: it will not notify) and holds its lock.
        const underWay = await appendUnderWay(sql, c.kind, c.id, "under-way");
        const opening = open(c.url, auth(user));
        await waitFor(
          `the ${c.kind} marked watched (committed)`,
          async () => {
            const [row] = await probeSql<{ watched: boolean }[]>`
            select coalesce(watched_until > now(), false) as watched from ${c.table} where id = ${c.id}`;
            return row.watched;
          },
          10_000,
          5,
        );
        // A stream that read now would not see the event, and nothing would notify it.
        await sleep(300);
        const committedAt = await underWay.commit();
        const opened = await opening;
        assertEquals(opened.status, 200);
        const latency = (await arrival(opened.stream!, "under-way")) - committedAt;
        assert(
          latency < POLL_MS / 2,
          `the ${c.kind}'s event arrived ${
            Math.round(latency)
          } ms after its commit: it waited for the ${POLL_MS} ms poll`,
        );
        await opened.stream!.cancel();
      }
    } finally {
      if (assignmentId) await cancelOpenTeamRuns(sql, user.client, assignmentId);
      await cancelOpenRuns(sql, user);
      await probeSql.end();
      await sql.end();
    }
  },
});
