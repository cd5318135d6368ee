// How a run-events stream starts, without a database: the handler against a fake PostgREST and a
// fake listener, so the moment a notification arrives can be chosen exactly. And the advisory lock
// the listener waits on is the one the append functions take (read from supabase/schemas/).
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { assert, assertEquals } from "../_support/assert.ts";
import { createRunEventsHandler } from "../../functions/run-events/handler.ts";
import type { RunEventsListener } from "../../functions/run-events/listener.ts";
import { STREAM_KINDS, TEAM_RUN_STREAM, WORKFLOW_RUN_STREAM } from "../../functions/run-events/kinds.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const RUN_ID = "6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f";

function event(id: number, type = "message") {
  return {
    run_id: RUN_ID,
    event_id: id,
    event_type: type,
    actor_id: null,
    node_id: null,
    payload: { n: id },
    occurred_at: new Date().toISOString(),
  };
}

/**
 * A fake PostgREST whose list_workflow_run_events answers from `log` (after p_after_event_id), and
 * calls `duringRead(n)` while the n-th read is in flight (before it answers).
 */
function fakeRest(log: ReturnType<typeof event>[], duringRead: (n: number) => void) {
  let reads = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = new URL(req.url).pathname;
    const args = await req.json();
    if (path.endsWith("/rpc/list_workflow_run_events")) {
      reads++;
      // The page is what the log holds when the read's snapshot is taken, before the notification.
      const page = log.filter((e) => e.event_id > args.p_after_event_id);
      duringRead(reads);
      return Response.json(page);
    }
    if (path.endsWith("/rpc/get_workflow_run")) return Response.json({ status: "running" });
    return new Response("not found", { status: 404 });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    reads: () => reads,
    close: () => server.shutdown(),
  };
}

/** A listener that only records the wake callbacks (no database). */
function fakeListener() {
  const wakes: (() => void)[] = [];
  const listener = {
    ready: () => Promise.resolve(true),
    subscribe: (_kind: unknown, _id: string, wake: () => void) => {
      wakes.push(wake);
      return Promise.resolve(() => {});
    },
  } as unknown as RunEventsListener;
  return { listener, notify: () => wakes.forEach((w) => w()) };
}

Deno.test("a notification that arrives during a stream's first read is not lost (no poll needed)", async () => {
  const log = [event(1, "run_queued")];
  const { listener, notify } = fakeListener();
  const rest = fakeRest(log, (n) => {
    if (n === 1) {
      // Event 2 commits after the first read's snapshot; its notification arrives before the
      // stream has started.
      log.push(event(2));
      notify();
    }
  });
  const handler = createRunEventsHandler({
    supabaseUrl: rest.url,
    anonKey: "anon",
    listener,
    pollMs: 60_000,
    keepaliveMs: 60_000,
    log: () => {}, // a status read after the fake server has closed fails: not this test's concern
  });
  const res = await handler(
    new Request(`http://x/run-events?run_id=${RUN_ID}`, { headers: { Authorization: "Bearer t" } }),
  );
  assertEquals(res.status, 200);
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = Date.now() + 3_000;
  try {
    while (events.length < 2 && Date.now() < deadline) {
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (next === null || next.done) break;
      parser.feed(next.value);
    }
    assertEquals(events.map((e) => e.id), ["1", "2"], "event 2 arrives without waiting for the poll");
    assert(rest.reads() >= 2);
  } finally {
    await reader.cancel();
    await rest.close();
  }
});

Deno.test("the listener waits on the advisory lock each append function holds (same lock class)", async () => {
  const files: Record<string, string> = {
    [WORKFLOW_RUN_STREAM.channel]: "supabase/schemas/lenses/functions/fn_append_workflow_run_event.sql",
    [TEAM_RUN_STREAM.channel]: "supabase/schemas/agents/functions/fn_append_agent_run_event.sql",
  };
  const batch = await Deno.readTextFile(
    `${ROOT}supabase/schemas/lenses/functions/fn_append_workflow_run_events.sql`,
  );
  assertEquals(
    [...batch.matchAll(/pg_advisory_xact_lock\(hashtextextended\(\w+::text, (\d+)\)\)/g)].map((m) =>
      Number(m[1])
    ),
    [WORKFLOW_RUN_STREAM.appendLockClass],
  );
  for (const kind of STREAM_KINDS) {
    const sql = await Deno.readTextFile(`${ROOT}${files[kind.channel]}`);
    const locks = [...sql.matchAll(/pg_advisory_xact_lock\(hashtextextended\(p_\w+::text, (\d+)\)\)/g)];
    assertEquals(locks.map((m) => Number(m[1])), [kind.appendLockClass], files[kind.channel]);
    // The check of watched_until comes after the lock, in the same function.
    assert(
      sql.indexOf("watched_until > now()") > locks[0].index!,
      `${files[kind.channel]}: lock, then check`,
    );
  }
});
