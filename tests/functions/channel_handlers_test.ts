// The whatsapp, slack and web-chat handlers with their DB boundary replaced by an in-memory recorder
// (the only fake here: requests, signatures, parsing and answers are the real code). What each answers,
// and that a refusal never reaches receive_channel_events. The same flows against the real RPCs
// are the e2e tests (tests/e2e/whatsapp_webhook_test.ts, slack_webhook_test.ts, web_chat_test.ts).
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { type ChannelDb, ChannelDbError, type ChannelName } from "../../functions/_shared/channels/db.ts";
import type { ChannelBindingRoute, ChannelInboundEvent, WebChatMessageRow } from "../../types/channel-events.ts";
import { createWhatsAppHandler } from "../../functions/whatsapp/handler.ts";
import { createSlackHandler } from "../../functions/slack/handler.ts";
import { createWebChatHandler } from "../../functions/web-chat/handler.ts";
import type { WakeSource } from "../../functions/web-chat/listener.ts";
import { signedWhatsAppPost, whatsappMessagePayload, whatsappStatusPayload } from "../_support/fake_whatsapp.ts";
import { signedSlackPost, slackMessageEnvelope, slackUrlVerification } from "../_support/fake_slack.ts";

class RecorderDb implements ChannelDb {
  readonly routes = new Map<string, ChannelBindingRoute>();
  readonly routeCalls: string[] = [];
  readonly received: { bindingId: string; events: ChannelInboundEvent[] }[] = [];
  readonly rows: (WebChatMessageRow & { bindingId: string; externalId: string })[] = [];
  private readonly seen = new Set<string>();
  receiveError: ChannelDbError | null = null;

  bind(channel: ChannelName, key: string, over: Partial<ChannelBindingRoute> = {}): ChannelBindingRoute {
    const route: ChannelBindingRoute = {
      binding_id: crypto.randomUUID(),
      ai_lenser_id: crypto.randomUUID(),
      status: "active",
      app_secret_env: channel === "whatsapp" ? "WA_APP_SECRET" : null,
      verify_token_env: channel === "whatsapp" ? "WA_VERIFY_TOKEN" : null,
      access_token_env: channel === "whatsapp" ? "WA_ACCESS_TOKEN" : null,
      signing_secret_env: channel === "slack" ? "SLACK_SIGNING_SECRET" : null,
      bot_token_env: channel === "slack" ? "SLACK_BOT_TOKEN" : null,
      allowed_origins: channel === "web" ? ["https://shop.example"] : null,
      ...over,
    };
    this.routes.set(`${channel}|${key}`, route);
    return route;
  }

  route(channel: ChannelName, key: string) {
    this.routeCalls.push(`${channel}|${key}`);
    return Promise.resolve(this.routes.get(`${channel}|${key}`) ?? null);
  }

  receive(bindingId: string, events: ChannelInboundEvent[]) {
    if (this.receiveError) return Promise.reject(this.receiveError);
    this.received.push({ bindingId, events });
    let stored = 0, duplicates = 0, statuses = 0;
    const messageIds: string[] = [];
    for (const e of events) {
      if (e.kind === "status") {
        statuses++;
        continue;
      }
      if (this.seen.has(e.providerMessageId)) {
        duplicates++;
        continue;
      }
      this.seen.add(e.providerMessageId);
      stored++;
      messageIds.push(crypto.randomUUID());
    }
    return Promise.resolve({ stored, duplicates, statuses, ignored: 0, messageIds });
  }

  webChatMessages(bindingId: string, externalId: string, afterSeq: number, limit: number) {
    return Promise.resolve(
      this.rows.filter((r) => r.bindingId === bindingId && r.externalId === externalId && r.seq > afterSeq).slice(0, limit),
    );
  }
}

const ENV: Record<string, string> = {
  WA_APP_SECRET: "wa-app-secret",
  WA_VERIFY_TOKEN: "wa-verify-token",
  SLACK_SIGNING_SECRET: "slack-signing-secret",
};
const env = (name: string) => ENV[name];
const quiet = { log: (_: string) => {} };

// ---- WhatsApp ----

Deno.test("whatsapp GET: the verify token of the path's binding answers the challenge; anything else does not", async () => {
  const db = new RecorderDb();
  db.bind("whatsapp", "1065");
  db.bind("whatsapp", "2000", { status: "archived" });
  db.bind("whatsapp", "3000", { verify_token_env: "UNSET_VAR" });
  const handler = createWhatsAppHandler({ db, env, ...quiet });
  const get = (path: string, q: Record<string, string>) =>
    handler(new Request(`http://x/functions/v1/whatsapp${path}?${new URLSearchParams(q)}`));
  const ok = { "hub.mode": "subscribe", "hub.verify_token": "wa-verify-token", "hub.challenge": "1158201444" };
  const res = await get("/1065", ok);
  assertEquals([res.status, res.headers.get("content-type"), await res.text()], [200, "text/plain; charset=utf-8", "1158201444"]);
  assertEquals((await get("/1065", { ...ok, "hub.verify_token": "wrong" })).status, 403);
  assertEquals((await get("/1065", { ...ok, "hub.mode": "unsubscribe" })).status, 403);
  assertEquals((await get("/1065", { "hub.mode": "subscribe", "hub.verify_token": "wa-verify-token" })).status, 403);
  assertEquals((await get("", ok)).status, 404);
  assertEquals((await get("/9999", ok)).status, 404);
  assertEquals((await get("/2000", ok)).status, 404);
  assertEquals((await get("/abc", ok)).status, 404);
  assertEquals((await get("/3000", ok)).status, 500);
  assertEquals(db.received.length, 0);
});

Deno.test("whatsapp POST: a signed message is stored in one call; its redelivery is a duplicate", async () => {
  const db = new RecorderDb();
  const route = db.bind("whatsapp", "1065");
  const handler = createWhatsAppHandler({ db, env, ...quiet });
  const payload = whatsappMessagePayload({ phoneNumberId: "1065", from: "16315551234", id: "wamid.X1", text: "hello" });
  const post = async () => await handler(new Request("http://x/whatsapp", await signedWhatsAppPost(payload, "wa-app-secret")));
  const first = await post();
  assertEquals([first.status, await first.json()], [200, { stored: 1, duplicates: 0, statuses: 0, ignored: 0 }]);
  assertEquals(db.received.length, 1);
  assertEquals(db.received[0].bindingId, route.binding_id);
  assertEquals(db.received[0].events[0].providerMessageId, "wamid.X1");
  const again = await post();
  assertEquals(await again.json(), { stored: 0, duplicates: 1, statuses: 0, ignored: 0 });
  const status = await handler(new Request(
    "http://x/whatsapp",
    await signedWhatsAppPost(whatsappStatusPayload({ phoneNumberId: "1065", id: "wamid.OUT", status: "read", recipient: "1" }), "wa-app-secret"),
  ));
  assertEquals((await status.json()).statuses, 1);
});

Deno.test("whatsapp POST refusals: nothing reaches receive_channel_events", async () => {
  const db = new RecorderDb();
  db.bind("whatsapp", "1065");
  db.bind("whatsapp", "2000", { app_secret_env: "OTHER_SECRET" });
  const handler = createWhatsAppHandler({ db, env: (n) => (n === "OTHER_SECRET" ? "other" : env(n)), maxBodyBytes: 4096, ...quiet });
  const payload = whatsappMessagePayload({ phoneNumberId: "1065", from: "1" });
  const send = async (init: RequestInit) => (await handler(new Request("http://x/whatsapp", init))).status;
  assertEquals(await send(await signedWhatsAppPost(payload, "wa-app-secret", { signature: null })), 401);
  assertEquals(await send(await signedWhatsAppPost(payload, "forged-secret")), 401);
  assertEquals(await send(await signedWhatsAppPost(payload, "wa-app-secret", { signature: "sha256=abc" })), 401);
  // Signed over another body.
  const other = await signedWhatsAppPost(whatsappMessagePayload({ phoneNumberId: "1065", from: "2" }), "wa-app-secret");
  assertEquals(await send({ ...other, body: JSON.stringify(payload) }), 401);
  assertEquals(await send(await signedWhatsAppPost(whatsappMessagePayload({ phoneNumberId: "777", from: "1" }), "wa-app-secret")), 404);
  assertEquals(await send(await signedWhatsAppPost(null, "wa-app-secret", { rawBody: "{not json" })), 400);
  assertEquals(await send(await signedWhatsAppPost({ object: "page", entry: [] }, "wa-app-secret")), 400);
  assertEquals(await send(await signedWhatsAppPost({ big: "x".repeat(5000) }, "wa-app-secret")), 413);
  // Two numbers in one payload, the second's app secret differs: refused as a whole.
  const two = whatsappMessagePayload({ phoneNumberId: "1065", from: "1" });
  two.entry.push(...whatsappMessagePayload({ phoneNumberId: "2000", from: "2" }).entry);
  assertEquals(await send(await signedWhatsAppPost(two, "wa-app-secret")), 401);
  assertEquals(db.received.length, 0);
  // The database refuses (an archived binding between the lookup and the write): its status.
  db.receiveError = new ChannelDbError("PT409", "receive_channel_events: binding archived");
  assertEquals(await send(await signedWhatsAppPost(payload, "wa-app-secret")), 409);
  db.receiveError = new ChannelDbError("08006", "connection lost");
  assertEquals(await send(await signedWhatsAppPost(payload, "wa-app-secret")), 503);
  assertEquals((await handler(new Request("http://x/whatsapp", { method: "PUT" }))).status, 405);
});

// ---- Slack ----

function slackHandler(db: RecorderDb, now = () => Math.floor(Date.now() / 1000)) {
  const pending: Promise<unknown>[] = [];
  const handler = createSlackHandler({ db, env, now, waitUntil: (p) => void pending.push(p), ...quiet });
  return { handler, settle: () => Promise.all(pending) };
}

Deno.test("slack: url_verification with the path's binding answers the challenge", async () => {
  const db = new RecorderDb();
  db.bind("slack", "T0001:A0001");
  const { handler } = slackHandler(db);
  const res = await handler(new Request("http://x/functions/v1/slack/T0001:A0001", await signedSlackPost(slackUrlVerification("chal-1"), "slack-signing-secret")));
  assertEquals([res.status, await res.json()], [200, { challenge: "chal-1" }]);
  assertEquals((await handler(new Request("http://x/slack", await signedSlackPost(slackUrlVerification("c"), "slack-signing-secret")))).status, 404);
  assertEquals((await handler(new Request("http://x/slack/T0001:A0001", await signedSlackPost(slackUrlVerification("c"), "forged")))).status, 401);
});

Deno.test("slack: an event is acknowledged, then stored with its event_id; a retry is a duplicate; bots ignored", async () => {
  const db = new RecorderDb();
  const route = db.bind("slack", "T0001:A0001");
  const { handler, settle } = slackHandler(db);
  const env_ = slackMessageEnvelope({ teamId: "T0001", appId: "A0001", eventId: "Ev0A", channel: "C0001", text: "hey" });
  const res = await handler(new Request("http://x/slack", await signedSlackPost(env_, "slack-signing-secret")));
  assertEquals([res.status, await res.json()], [200, { accepted: 1 }]);
  await settle();
  assertEquals(db.received.length, 1);
  assertEquals(db.received[0].bindingId, route.binding_id);
  assertEquals(db.received[0].events[0].kind === "message" && db.received[0].events[0].providerEventId, "Ev0A");
  const retry = await handler(new Request("http://x/slack", await signedSlackPost(env_, "slack-signing-secret", { retryNum: 1 })));
  assertEquals(retry.status, 200);
  await settle();
  assertEquals(db.received.length, 2); // the database makes it a duplicate (providerEventId)
  const bot = slackMessageEnvelope({ teamId: "T0001", appId: "A0001", channel: "C0001", botId: "B1", subtype: "bot_message" });
  const botRes = await handler(new Request("http://x/slack", await signedSlackPost(bot, "slack-signing-secret")));
  assertEquals([botRes.status, await botRes.json()], [200, { ignored: 1 }]);
  await settle();
  assertEquals(db.received.length, 2);
});

Deno.test("slack refusals: a stale timestamp is refused before any lookup; forged, unknown, malformed", async () => {
  const db = new RecorderDb();
  db.bind("slack", "T0001:A0001");
  db.bind("slack", "T0002:A0002", { signing_secret_env: "NOT_SET" });
  const { handler, settle } = slackHandler(db);
  const env_ = slackMessageEnvelope({ teamId: "T0001", appId: "A0001", channel: "C0001" });
  const status = async (init: RequestInit, path = "/slack") => (await handler(new Request(`http://x${path}`, init))).status;
  const old = Math.floor(Date.now() / 1000) - 301;
  assertEquals(await status(await signedSlackPost(env_, "slack-signing-secret", { timestamp: old })), 401);
  assertEquals(await status(await signedSlackPost(env_, "slack-signing-secret", { timestamp: old + 602 })), 401);
  assertEquals(db.routeCalls.length, 0);
  assertEquals(await status(await signedSlackPost(env_, "slack-signing-secret", { signature: null })), 401);
  assertEquals(await status(await signedSlackPost(env_, "forged")), 401);
  assertEquals(await status(await signedSlackPost(slackMessageEnvelope({ teamId: "T0009", appId: "A0009", channel: "C1" }), "slack-signing-secret")), 404);
  assertEquals(await status(await signedSlackPost(slackMessageEnvelope({ teamId: "T0002", appId: "A0002", channel: "C1" }), "slack-signing-secret")), 500);
  assertEquals(await status(await signedSlackPost(null, "slack-signing-secret", { rawBody: "payload=%7B%7D" })), 400);
  assertEquals(await status(await signedSlackPost({ type: "event_callback" }, "slack-signing-secret")), 400);
  assertEquals((await handler(new Request("http://x/slack"))).status, 405);
  await settle();
  assertEquals(db.received.length, 0);
});

// ---- Web chat ----

class FakeWake implements WakeSource {
  subs = new Map<string | null, Set<() => void>>();
  ready() {
    return Promise.resolve(true);
  }
  subscribe(id: string | null, wake: () => void) {
    const set = this.subs.get(id) ?? new Set();
    this.subs.set(id, set);
    set.add(wake);
    return () => void set.delete(wake);
  }
  notify(id: string) {
    for (const w of [...(this.subs.get(id) ?? []), ...(this.subs.get(null) ?? [])]) w();
  }
}

const KEY = `pk_${"ab".repeat(16)}`;
const ORIGIN = "https://shop.example";

function webChat(db: RecorderDb, wake = new FakeWake()) {
  return createWebChatHandler({
    db,
    listener: wake,
    verifyUser: (token) => Promise.resolve(token === "good-jwt" ? "0b9d7a4e-1111-4222-8333-444455556666" : null),
    pollMs: 60_000,
    keepaliveMs: 60_000,
    ...quiet,
  });
}

Deno.test("web-chat: the page is served for a known key with frame-ancestors from allowed_origins", async () => {
  const db = new RecorderDb();
  db.bind("web", KEY);
  const handler = webChat(db);
  const res = await handler(new Request(`http://x/functions/v1/web-chat/?key=${KEY}`));
  assertEquals(res.status, 200);
  assertMatch(res.headers.get("content-type")!, /^text\/html/);
  assertMatch(res.headers.get("content-security-policy")!, /frame-ancestors 'self' https:\/\/shop\.example/);
  const html = await res.text();
  const nonce = /script-src 'nonce-([0-9a-f]+)'/.exec(res.headers.get("content-security-policy")!)![1];
  assert(html.includes(`<script nonce="${nonce}">`));
  assert(!/https?:\/\/(?!127)/.test(html.replace(/https:\/\/shop\.example/g, "")), "the page loads nothing from elsewhere");
  assertEquals((await handler(new Request("http://x/web-chat?key=pk_nope"))).status, 400);
  assertEquals((await handler(new Request(`http://x/web-chat?key=pk_${"00".repeat(16)}`))).status, 404);
  assertEquals((await handler(new Request("http://x/web-chat/elsewhere"))).status, 404);
});

Deno.test("web-chat POST: an allowed origin stores the visitor's message; a JWT makes it the user's", async () => {
  const db = new RecorderDb();
  const route = db.bind("web", KEY);
  const handler = webChat(db);
  const visitorId = crypto.randomUUID();
  const post = (body: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
    handler(new Request(`http://x/web-chat/messages?publicKey=${KEY}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }));
  const clientMessageId = crypto.randomUUID();
  const res = await post({ publicKey: KEY, visitorId, body: "hello", clientMessageId });
  assertEquals(res.status, 200);
  assertEquals(res.headers.get("access-control-allow-origin"), ORIGIN);
  const out = await res.json();
  assertEquals(out.duplicate, false);
  const event = db.received[0].events[0];
  assert(event.kind === "message");
  assertEquals(db.received[0].bindingId, route.binding_id);
  assertEquals(event.sender, { externalId: `visitor:${visitorId}` });
  assertEquals(event.providerMessageId, `${KEY}:visitor:${visitorId}:${clientMessageId}`);
  assertEquals((await (await post({ publicKey: KEY, visitorId, body: "hello", clientMessageId })).json()).duplicate, true);
  await post({ publicKey: KEY, body: "as a user" }, { origin: ORIGIN, authorization: "Bearer good-jwt" });
  const userEvent = db.received.at(-1)!.events[0];
  assert(userEvent.kind === "message");
  assertEquals(userEvent.sender, {
    externalId: "user:0b9d7a4e-1111-4222-8333-444455556666",
    profileId: "0b9d7a4e-1111-4222-8333-444455556666",
  });
});

Deno.test("web-chat POST refusals and preflight", async () => {
  const db = new RecorderDb();
  db.bind("web", KEY);
  const handler = webChat(db);
  const visitorId = crypto.randomUUID();
  const post = async (body: unknown, headers: Record<string, string> = { origin: ORIGIN }, raw?: string) =>
    (await handler(new Request(`http://x/web-chat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: raw ?? JSON.stringify(body),
    }))).status;
  const ok = { publicKey: KEY, visitorId, body: "hi" };
  assertEquals(await post(ok, { origin: "https://evil.example" }), 403);
  assertEquals(await post(ok, {}), 403);
  assertEquals(await post(ok, { origin: ORIGIN, authorization: "Bearer bad-jwt" }), 401);
  assertEquals(await post({ ...ok, visitorId: undefined }), 400);
  assertEquals(await post({ ...ok, visitorId: "nope" }), 400);
  assertEquals(await post({ ...ok, body: "" }), 400);
  assertEquals(await post({ ...ok, publicKey: "pk_x" }), 400);
  assertEquals(await post({ ...ok, publicKey: `pk_${"00".repeat(16)}` }), 404);
  assertEquals(await post(null, { origin: ORIGIN }, "{oops"), 400);
  assertEquals(await post({ ...ok, body: "x".repeat(17 * 1024) }), 413);
  assertEquals(await post({ ...ok, body: "x".repeat(70 * 1024) }), 413);
  assertEquals(db.received.length, 0);
  const preflight = (origin: string) =>
    handler(new Request(`http://x/web-chat/messages?publicKey=${KEY}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    }));
  const good = await preflight(ORIGIN);
  assertEquals([good.status, good.headers.get("access-control-allow-origin")], [204, ORIGIN]);
  assertMatch(good.headers.get("access-control-allow-headers")!, /content-type/);
  const bad = await preflight("https://evil.example");
  assertEquals([bad.status, bad.headers.get("access-control-allow-origin")], [403, null]);
});

async function readEvents(res: Response, count: number, ms = 5000): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const deadline = Date.now() + ms;
  let pending: Promise<ReadableStreamReadResult<string>> | null = null;
  while (events.filter((e) => e.event === "message").length < count && Date.now() < deadline) {
    pending ??= reader.read();
    const next = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    if (next === null) continue;
    pending = null;
    if (next.done) break;
    parser.feed(next.value);
  }
  await reader.cancel();
  return events.filter((e) => e.event === "message");
}

Deno.test("web-chat stream: messages after Last-Event-ID, then new ones as they are notified", async () => {
  const db = new RecorderDb();
  const route = db.bind("web", KEY);
  const wake = new FakeWake();
  const handler = webChat(db, wake);
  const visitorId = crypto.randomUUID();
  const externalId = `visitor:${visitorId}`;
  const conversation = crypto.randomUUID();
  const row = (seq: number, direction: "inbound" | "outbound", body: string) => ({
    bindingId: route.binding_id,
    externalId,
    conversation_id: conversation,
    seq,
    id: crypto.randomUUID(),
    direction,
    body,
    delivery_status: direction === "outbound" ? "sent" as const : null,
    created_at: new Date().toISOString(),
  });
  db.rows.push(row(1, "inbound", "one"), row(2, "outbound", "two"), row(3, "inbound", "three"));
  const res = await handler(new Request(`http://x/web-chat/stream?publicKey=${KEY}&visitorId=${visitorId}`, {
    headers: { "last-event-id": "1" },
  }));
  assertEquals(res.status, 200);
  assertMatch(res.headers.get("content-type")!, /^text\/event-stream/);
  setTimeout(() => {
    db.rows.push(row(4, "outbound", "four"));
    wake.notify(conversation);
  }, 300);
  const events = await readEvents(res, 3);
  assertEquals(events.map((e) => [e.id, JSON.parse(e.data).body]), [["2", "two"], ["3", "three"], ["4", "four"]]);
  assertEquals(JSON.parse(events[1].data).direction, "inbound");
  // Refusals.
  const status = async (q: string, headers: Record<string, string> = {}) =>
    (await handler(new Request(`http://x/web-chat/stream?${q}`, { headers }))).status;
  assertEquals(await status(`publicKey=${KEY}`), 400);
  assertEquals(await status(`publicKey=${KEY}&visitorId=x`), 400);
  assertEquals(await status(`publicKey=${KEY}&visitorId=${visitorId}`, { "last-event-id": "abc" }), 400);
  assertEquals(await status(`publicKey=${KEY}&visitorId=${visitorId}`, { origin: "https://evil.example" }), 403);
  assertEquals(await status(`publicKey=${KEY}`, { authorization: "Bearer bad-jwt" }), 401);
  assertEquals(await status(`publicKey=pk_${"00".repeat(16)}&visitorId=${visitorId}`), 404);
});
