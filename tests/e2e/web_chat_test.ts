// The web-chat function through the gateway against the real channels RPCs (GATED until the
// channels core is merged: see tests/_support/channels.ts). A visitor's message from an allowed
// origin is stored (a resend with the same clientMessageId is a no-op); other origins, bad keys and
// bad fields write no row; the SSE stream sends the conversation's messages after Last-Event-ID and
// an outbound message as soon as it is inserted (LISTEN channel_messages); a signed-in user's
// message is linked to their profile.
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { assert, assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers } from "../_support/stack.ts";
import {
  channelAgent,
  channelCounts,
  e2eOpts,
  functionUrl,
  insertBinding,
  insertOutbound,
  messagesOf,
  waitFor,
} from "../_support/channels.ts";

const ORIGIN = "https://shop.example";

function postMessage(key: string, body: unknown, headers: Record<string, string> = { origin: ORIGIN }) {
  return fetch(functionUrl("web-chat", `/messages?publicKey=${key}`), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

interface Stream {
  events: EventSourceMessage[];
  cancel(): Promise<void>;
}

async function openStream(url: string, headers: Record<string, string> = {}): Promise<Stream> {
  const res = await fetch(url, { headers });
  assertEquals(res.status, 200);
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => e.event === "message" && events.push(e) });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  (async () => {
    try {
      while (true) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    } catch { /* cancelled */ }
  })();
  return { events, cancel: () => reader.cancel() };
}

Deno.test("web-chat: a visitor's message from an allowed origin is stored once; refusals write nothing", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "web", { allowedOrigins: [ORIGIN] });
    const visitorId = crypto.randomUUID();
    const clientMessageId = crypto.randomUUID();
    const ok = await postMessage(binding.routingKey, { publicKey: binding.routingKey, visitorId, body: "Hello from the site", clientMessageId });
    assertEquals(ok.status, 200);
    assertEquals(ok.headers.get("access-control-allow-origin"), ORIGIN);
    assertEquals((await ok.json()).duplicate, false);
    const again = await postMessage(binding.routingKey, { publicKey: binding.routingKey, visitorId, body: "Hello from the site", clientMessageId });
    assertEquals((await again.json()).duplicate, true);
    assertEquals((await messagesOf(sql, binding.id)).map((m) => [m.direction, m.body]), [["inbound", "Hello from the site"]]);

    const before = await channelCounts(sql, agent.agentId);
    const good = { publicKey: binding.routingKey, visitorId, body: "again" };
    const refusals: [number, Promise<Response>][] = [
      [403, postMessage(binding.routingKey, good, { origin: "https://evil.example" })],
      [403, postMessage(binding.routingKey, good, {})],
      [401, postMessage(binding.routingKey, good, { origin: ORIGIN, authorization: "Bearer not-a-jwt" })],
      [400, postMessage(binding.routingKey, { ...good, visitorId: "x" })],
      [400, postMessage(binding.routingKey, { ...good, body: "" })],
      [404, postMessage(`pk_${"0".repeat(32)}`, { ...good, publicKey: `pk_${"0".repeat(32)}` })],
      [413, postMessage(binding.routingKey, { ...good, body: "x".repeat(20_000) })],
    ];
    for (const [want, pending] of refusals) {
      const res = await pending;
      await res.body?.cancel();
      assertEquals(res.status, want);
    }
    assertEquals(await channelCounts(sql, agent.agentId), before);
    const preflight = await fetch(functionUrl("web-chat", `/messages?publicKey=${binding.routingKey}`), {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "POST" },
    });
    assertEquals([preflight.status, preflight.headers.get("access-control-allow-origin")], [204, ORIGIN]);
    await preflight.body?.cancel();
  } finally {
    await sql.end();
  }
});

Deno.test("web-chat: the stream resumes after Last-Event-ID and carries an outbound message at once", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "web", { allowedOrigins: [ORIGIN] });
    const visitorId = crypto.randomUUID();
    for (const body of ["one", "two"]) {
      await (await postMessage(binding.routingKey, { publicKey: binding.routingKey, visitorId, body })).body?.cancel();
    }
    const stream = await openStream(
      functionUrl("web-chat", `/stream?publicKey=${binding.routingKey}&visitorId=${visitorId}`),
      { "last-event-id": "1" },
    );
    try {
      await waitFor("message 2", () => stream.events.length >= 1);
      assertEquals(stream.events.map((e) => [e.id, JSON.parse(e.data).body]), [["2", "two"]]);
      const [first] = await messagesOf(sql, binding.id);
      const started = performance.now();
      await insertOutbound(sql, first.conversation_id, "Hi, how can I help?");
      await waitFor("the outbound message", () => stream.events.length >= 2, 10_000);
      assert(performance.now() - started < 4000, "woken by the notification, not the 5 s poll");
      const out = JSON.parse(stream.events[1].data);
      assertEquals([stream.events[1].id, out.direction, out.body], ["3", "outbound", "Hi, how can I help?"]);
    } finally {
      await stream.cancel();
    }
  } finally {
    await sql.end();
  }
});

Deno.test("web-chat: a signed-in user's message is linked to their profile", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  const user = await createUser(sql);
  try {
    const binding = await insertBinding(sql, agent, "web", { allowedOrigins: [ORIGIN] });
    const res = await postMessage(binding.routingKey, { publicKey: binding.routingKey, body: "I have an account" }, {
      origin: ORIGIN,
      authorization: `Bearer ${user.jwt}`,
    });
    assertEquals(res.status, 200);
    await res.body?.cancel();
    const [profile] = await sql<{ id: string }[]>`select id from lensers.profiles where user_id = ${user.id}`;
    const [identity] = await sql<{ external_id: string; profile_id: string | null }[]>`
      select i.external_id, c.profile_id from agents.contact_identities i join agents.contacts c on c.id = i.contact_id
      where i.ai_lenser_id = ${agent.agentId}`;
    assertEquals(identity, { external_id: `user:${profile.id}`, profile_id: profile.id });
  } finally {
    await deleteUsers(sql, user);
    await sql.end();
  }
});
