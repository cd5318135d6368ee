// The run-events function through the gateway, as a browser-side client would use it: a user's JWT,
// every event in order, the end after the terminal event, resumption with Last-Event-ID, and
// refusals (another user 404, no JWT 401, bad arguments 400). Reads go through PostgREST with the
// caller's JWT: a second user's JWT sees nothing, which a service-key read would not give.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import postgres from "postgres";
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db, stack, type TestUser } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";
import { cancelOpenRuns, results, runEvents, startWorkers, waitFor } from "../_support/engine.ts";
import { createRunEventsHandler } from "../../functions/run-events/handler.ts";
import { RunEventsListener } from "../../functions/run-events/listener.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

interface Stream {
  events: EventSourceMessage[];
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
  const comments: string[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e), onComment: (c) => comments.push(c.trim()) });
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  })();
  return { events, comments, ended, cancel: () => reader.cancel() };
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
      assertEquals(
        stream.events.map((e) => Number(e.id)),
        stored.map((e) => e.event_id),
        "every event, in order, once",
      );
      assertEquals(stream.events.map((e) => e.event), stored.map((e) => e.event_type));
      assertEquals(stream.events.at(-1)?.event, "run_completed");
      const first = JSON.parse(stream.events[0].data);
      assertEquals([first.run_id, first.event_id, first.event_type], [runId, 1, "run_queued"]);
      assertEquals(JSON.parse(stream.events[seen].data).payload, stored[seen].payload);

      // Resume after what was seen: header, then query parameter.
      const resumed = await open(eventsUrl(runId), { ...auth(user), "Last-Event-ID": String(seen) });
      await withTimeout("the resumed stream to end", resumed.stream!.ended);
      assertEquals(
        resumed.stream!.events.map((e) => Number(e.id)),
        stored.slice(seen).map((e) => e.event_id),
      );
      const byQuery = await open(eventsUrl(runId, `&last_event_id=${stored.length - 1}`), auth(user));
      await withTimeout("the query-resumed stream to end", byQuery.stream!.ended);
      assertEquals(byQuery.stream!.events.map((e) => e.event), ["run_completed"]);
      // Resuming after the end: nothing more to send, the stream closes at once.
      const past = await open(eventsUrl(runId), { ...auth(user), "Last-Event-ID": String(stored.length) });
      await withTimeout("the stream after the end to close", past.stream!.ended, 10_000);
      assertEquals(past.stream!.events, []);
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
      const byOther = await open(eventsUrl(runId), auth(other));
      assertEquals(byOther.status, 404, "RLS hides the run from a second user: reads use the caller's JWT");
      assertMatch((byOther.body as { error: string }).error, /no run .* that you can see/);
      const none = await open(eventsUrl(runId), { apikey: stack.anonKey });
      assertEquals(none.status, 401);
      const anon = await open(eventsUrl(runId), { Authorization: `Bearer ${stack.anonKey}` });
      assertEquals(anon.status, 403);
      assertEquals((await open(`${stack.url}/functions/v1/run-events`, auth(owner))).status, 400);
      const bad = await open(eventsUrl("not-a-uuid"), auth(owner));
      assertEquals(bad.status, 400);
      assertMatch((bad.body as { error: string }).error, /run_id must be a uuid/);
      const badResume = await open(eventsUrl(runId), { ...auth(owner), "Last-Event-ID": "-3" });
      assertEquals(badResume.status, 400);
      const unknown = await open(eventsUrl(crypto.randomUUID()), auth(owner));
      assertEquals(unknown.status, 404);
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
    const listenSql = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
    const listener = new RunEventsListener(listenSql);
    const handler = createRunEventsHandler({
      supabaseUrl: stack.url,
      anonKey: stack.anonKey,
      listener,
      keepaliveMs: 100,
      pollMs: 60_000,
    });
    try {
      // No worker runs: the run stays queued and the stream idle.
      const runId = await humanRun(user);
      const res = await handler(
        new Request(eventsUrl(runId), { headers: { Authorization: `Bearer ${user.jwt}` } }),
      );
      assertEquals(res.status, 200);
      const stream = consume(res.body!);
      await waitFor(
        "two keepalives",
        () => stream.comments.filter((c) => c === "keepalive").length >= 2,
        5000,
      );
      assertEquals(stream.events.map((e) => e.event), ["run_queued", "node_queued"]);
      assertEquals(listener.subscribers, 1);
      // A notification (an event appended) wakes the stream at once; the poll is a minute away.
      await user.client.rpc("cancel_workflow_run", { p_run_id: runId });
      await withTimeout("the stream to end on run_cancelled", stream.ended, 10_000);
      assertEquals(stream.events.at(-1)?.event, "run_cancelled");
      assertEquals(listener.subscribers, 0);

      // A client that goes away mid-stream is unsubscribed.
      const runId2 = await humanRun(user);
      const res2 = await handler(
        new Request(eventsUrl(runId2), { headers: { Authorization: `Bearer ${user.jwt}` } }),
      );
      const stream2 = consume(res2.body!);
      await waitFor("the first events", () => stream2.events.length >= 2);
      assertEquals(listener.subscribers, 1);
      await stream2.cancel();
      await waitFor("the unsubscription", () => listener.subscribers === 0, 5000);
      assert((await results(sql, runId2)).first.status === "queued");
    } finally {
      await cancelOpenRuns(sql, user);
      await listenSql.end();
      await sql.end();
    }
  },
});
