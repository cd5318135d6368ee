// The provider send clients against the fake Graph API and Slack Web API (real HTTP on loopback):
// what they send (URL, auth, body), and how each answer is classified: sent with the provider's id,
// retryable (5xx, 429 with Retry-After, WhatsApp 130429, Slack ratelimited, a network failure) or
// permanent (131047, a bad token, other 4xx, Slack ok:false). And the retry policy.
import { assert, assertEquals } from "../_support/assert.ts";
import { startFakeWhatsApp } from "../_support/fake_whatsapp.ts";
import { type FakeSlack, startFakeSlack } from "../_support/fake_slack.ts";
import { sendWhatsApp, whatsAppMessagesUrl } from "../../functions/_shared/channels/whatsapp_send.ts";
import {
  findSlackMessage,
  sendSlack,
  SLACK_MESSAGE_EVENT_TYPE,
  slackPostMessageUrl,
} from "../../functions/_shared/channels/slack_send.ts";
import { decideRetry, retryDelayMs, sendWithRetry } from "../../functions/_shared/channels/retry.ts";
import { parseRetryAfter, type SendResult } from "../../functions/_shared/channels/send_result.ts";

const PHONE = "106540352242922";
const TOKEN = "EAAG-test-access-token";

Deno.test("WhatsApp send: a text and a template reach the Graph API as it expects; sent with the wamid", async () => {
  const fake = startFakeWhatsApp({ [PHONE]: TOKEN });
  try {
    const config = { baseUrl: fake.origin, phoneNumberId: PHONE, accessToken: TOKEN };
    const text = await sendWhatsApp(config, { to: "16315551234", text: "Hello", replyTo: "wamid.IN" });
    assertEquals(text.kind, "sent");
    assert(
      text.kind === "sent" && text.providerMessageId === fake.sent[0].id &&
        text.providerMessageId.startsWith("wamid."),
    );
    const call = fake.calls[0];
    assertEquals(call.path, `/v21.0/${PHONE}/messages`);
    assertEquals(call.headers.get("authorization"), `Bearer ${TOKEN}`);
    assertEquals(call.body, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "16315551234",
      context: { message_id: "wamid.IN" },
      type: "text",
      text: { preview_url: false, body: "Hello" },
    });
    const tpl = await sendWhatsApp({ ...config, version: "v20.0" }, {
      to: "16315551234",
      template: { name: "reopen_conversation", language: "en_US" },
    });
    assertEquals(tpl.kind, "sent");
    assertEquals(fake.calls[1].path, `/v20.0/${PHONE}/messages`);
    assertEquals(fake.calls[1].body?.template, { name: "reopen_conversation", language: { code: "en_US" } });
  } finally {
    await fake.close();
  }
});

Deno.test("WhatsApp send: failures are classified", async () => {
  const fake = startFakeWhatsApp({ [PHONE]: TOKEN });
  try {
    const config = { baseUrl: fake.origin, phoneNumberId: PHONE, accessToken: TOKEN };
    const msg = { to: "16315551234", text: "Hello" };
    fake.failNext(
      { kind: "http", status: 500 },
      { kind: "http", status: 503 },
      { kind: "rate_limit", retryAfter: 7 },
      { kind: "rate_limit" },
      { kind: "code", code: 130429, status: 400 },
      { kind: "code", code: 131056, status: 400 },
      { kind: "code", code: 131047, status: 400 },
      { kind: "code", code: 131026, status: 400 },
      { kind: "code", code: 100, status: 400 },
    );
    const results: SendResult[] = [];
    for (let i = 0; i < 9; i++) results.push(await sendWhatsApp(config, msg));
    assertEquals(results.map((r) => r.kind), [
      "retryable",
      "retryable",
      "retryable",
      "retryable",
      "retryable",
      "retryable",
      "permanent",
      "permanent",
      "permanent",
    ]);
    assertEquals(results.map((r) => (r.kind === "sent" ? null : r.error.code)), [
      "2",
      "2",
      "130429",
      "130429",
      "130429",
      "131056",
      "131047",
      "131026",
      "100",
    ]);
    assert(results[2].kind === "retryable" && results[2].retryAfterMs === 7000);
    assert(results[3].kind === "retryable" && results[3].retryAfterMs === null);
    assert(results[6].kind === "permanent" && /Re-engagement/.test(results[6].error.message));
    // A wrong access token is permanent (190), and a body the API refuses (empty text) too.
    const bad = await sendWhatsApp({ ...config, accessToken: "wrong" }, msg);
    assert(bad.kind === "permanent" && bad.error.code === "190" && bad.error.status === 401);
    const empty = await sendWhatsApp(config, { to: "1", text: "" });
    assert(empty.kind === "permanent" && empty.error.code === "100");
    assertEquals(fake.sent.length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("WhatsApp send: no server, or no answer in time, is retryable", async () => {
  const closed = startFakeWhatsApp({});
  const origin = closed.origin;
  await closed.close();
  const r = await sendWhatsApp({ baseUrl: origin, phoneNumberId: PHONE, accessToken: TOKEN }, {
    to: "1",
    text: "x",
  });
  assert(r.kind === "retryable" && r.error.code === "network");
  const stop = new AbortController();
  const hang = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {}, signal: stop.signal },
    () =>
      new Promise<Response>((resolve) =>
        stop.signal.addEventListener("abort", () => resolve(new Response("late")))
      ),
  );
  try {
    const t = await sendWhatsApp(
      {
        baseUrl: `http://127.0.0.1:${hang.addr.port}`,
        phoneNumberId: PHONE,
        accessToken: TOKEN,
        timeoutMs: 200,
      },
      { to: "1", text: "x" },
    );
    assert(t.kind === "retryable" && t.error.code === "network");
  } finally {
    stop.abort();
    await hang.finished;
  }
});

Deno.test("Base URLs come from WHATSAPP_GRAPH_BASE_URL and SLACK_API_BASE_URL, with the real defaults", () => {
  const saved = [Deno.env.get("WHATSAPP_GRAPH_BASE_URL"), Deno.env.get("SLACK_API_BASE_URL")];
  try {
    Deno.env.delete("WHATSAPP_GRAPH_BASE_URL");
    Deno.env.delete("SLACK_API_BASE_URL");
    assertEquals(whatsAppMessagesUrl({ phoneNumberId: "1" }), "https://graph.facebook.com/v21.0/1/messages");
    assertEquals(slackPostMessageUrl({}), "https://slack.com/api/chat.postMessage");
    Deno.env.set("WHATSAPP_GRAPH_BASE_URL", "http://127.0.0.1:9/");
    Deno.env.set("SLACK_API_BASE_URL", "http://127.0.0.1:8");
    assertEquals(whatsAppMessagesUrl({ phoneNumberId: "1" }), "http://127.0.0.1:9/v21.0/1/messages");
    assertEquals(slackPostMessageUrl({}), "http://127.0.0.1:8/api/chat.postMessage");
  } finally {
    saved[0] === undefined
      ? Deno.env.delete("WHATSAPP_GRAPH_BASE_URL")
      : Deno.env.set("WHATSAPP_GRAPH_BASE_URL", saved[0]);
    saved[1] === undefined
      ? Deno.env.delete("SLACK_API_BASE_URL")
      : Deno.env.set("SLACK_API_BASE_URL", saved[1]);
  }
});

Deno.test("Slack send: chat.postMessage with the bot token, in the thread; sent as '<channel>:<ts>'", async () => {
  const fake = startFakeSlack(["xoxb-test"]);
  try {
    const r = await sendSlack({ baseUrl: fake.origin, botToken: "xoxb-test" }, {
      channel: "C0001",
      text: "Hi",
      threadTs: "1700000000.000100",
    });
    assert(r.kind === "sent");
    assertEquals(r.providerMessageId, `C0001:${fake.posted[0].ts}`);
    assertEquals(fake.calls[0].headers.get("authorization"), "Bearer xoxb-test");
    assertEquals(fake.calls[0].body, { channel: "C0001", text: "Hi", thread_ts: "1700000000.000100" });
    assertEquals(fake.posted[0].thread_ts, "1700000000.000100");
  } finally {
    await fake.close();
  }
});

Deno.test("Slack send: 429 with Retry-After, 5xx and ratelimited are retryable; other errors permanent", async () => {
  const fake = startFakeSlack(["xoxb-test"]);
  try {
    const config = { baseUrl: fake.origin, botToken: "xoxb-test" };
    fake.failNext(
      { kind: "rate_limit", retryAfter: 30 },
      { kind: "http", status: 502 },
      { kind: "error", error: "ratelimited" },
      { kind: "error", error: "internal_error" },
      { kind: "error", error: "channel_not_found" },
      { kind: "error", error: "not_in_channel" },
    );
    const rs: SendResult[] = [];
    for (let i = 0; i < 6; i++) rs.push(await sendSlack(config, { channel: "C0001", text: "x" }));
    assertEquals(rs.map((r) => r.kind), [
      "retryable",
      "retryable",
      "retryable",
      "retryable",
      "permanent",
      "permanent",
    ]);
    assert(rs[0].kind === "retryable" && rs[0].retryAfterMs === 30_000 && rs[0].error.code === "ratelimited");
    assertEquals(rs.map((r) => (r.kind === "sent" ? "" : r.error.code)).slice(4), [
      "channel_not_found",
      "not_in_channel",
    ]);
    const badToken = await sendSlack({ ...config, botToken: "xoxb-wrong" }, { channel: "C0001", text: "x" });
    assert(badToken.kind === "permanent" && badToken.error.code === "invalid_auth");
    const noText = await sendSlack(config, { channel: "C0001", text: "" });
    assert(noText.kind === "permanent" && noText.error.code === "no_text");
    assertEquals(fake.posted.length, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("Retry policy: exponential with jitter, capped; Retry-After wins; permanent never retried", async () => {
  const policy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5 };
  assertEquals(retryDelayMs(1, null, policy, () => 0), 500);
  assertEquals(retryDelayMs(1, null, policy, () => 1), 1000);
  assertEquals(retryDelayMs(3, null, policy, () => 1), 4000);
  assertEquals(retryDelayMs(10, null, policy, () => 1), 10_000);
  assertEquals(retryDelayMs(10, null, policy, () => 0), 5_000);
  assertEquals(retryDelayMs(2, 60_000, policy, () => 0), 60_000);
  for (let i = 0; i < 100; i++) {
    const d = retryDelayMs(2, null, policy);
    assert(d >= 1000 && d <= 2000, String(d));
  }
  const retryable: SendResult = {
    kind: "retryable",
    retryAfterMs: null,
    error: { code: "http_500", message: "x" },
  };
  const permanent: SendResult = { kind: "permanent", error: { code: "131047", message: "x" } };
  assertEquals(decideRetry(permanent, 1, policy).retry, false);
  assertEquals(decideRetry(retryable, 4, policy).retry, true);
  assertEquals(decideRetry(retryable, 5, policy).retry, false);
  assertEquals(parseRetryAfter("3"), 3000);
  assertEquals(parseRetryAfter(null), null);
  assertEquals(parseRetryAfter("soon"), null);
  assertEquals(
    parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1)),
    10_000,
  );

  // Against the fake: 429 then 130429 then success: three attempts, the waits as asked.
  const fake = startFakeWhatsApp({ [PHONE]: TOKEN });
  try {
    fake.failNext({ kind: "rate_limit", retryAfter: 2 }, { kind: "code", code: 130429 });
    const waits: number[] = [];
    const { result, attempts } = await sendWithRetry(
      () =>
        sendWhatsApp({ baseUrl: fake.origin, phoneNumberId: PHONE, accessToken: TOKEN }, {
          to: "1",
          text: "x",
        }),
      policy,
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    assertEquals([result.kind, attempts, waits[0]], ["sent", 3, 2000]);
    assert(waits[1] >= 1000 && waits[1] <= 2000);
    fake.failNext({ kind: "code", code: 131047 });
    const once = await sendWithRetry(
      () =>
        sendWhatsApp({ baseUrl: fake.origin, phoneNumberId: PHONE, accessToken: TOKEN }, {
          to: "1",
          text: "x",
        }),
      policy,
      () => Promise.resolve(),
    );
    assertEquals([once.result.kind, once.attempts], ["permanent", 1]);
  } finally {
    await fake.close();
  }
});

Deno.test("WhatsApp send: callbackData goes as biz_opaque_callback_data", async () => {
  const fake = startFakeWhatsApp({ [PHONE]: TOKEN });
  try {
    const id = crypto.randomUUID();
    const r = await sendWhatsApp({ baseUrl: fake.origin, phoneNumberId: PHONE, accessToken: TOKEN }, {
      to: "16315551234",
      text: "Hi",
      callbackData: id,
    });
    assertEquals(r.kind, "sent");
    assertEquals(fake.calls[0].body?.biz_opaque_callback_data, id);
  } finally {
    await fake.close();
  }
});

/** A fake Slack and a client config for it, closed after `body`. */
async function withFakeSlack(
  body: (fake: FakeSlack, config: { baseUrl: string; botToken: string }) => Promise<void>,
) {
  const fake = startFakeSlack(["xoxb-test"]);
  try {
    await body(fake, { baseUrl: fake.origin, botToken: "xoxb-test" });
  } finally {
    await fake.close();
  }
}

Deno.test("Slack lookup: a post with our message id as metadata is found again (thread or channel); absent otherwise", () =>
  withFakeSlack(async (fake, config) => {
    const [inThread, inChannel, other] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const since = Date.now() - 1000;
    const a = await sendSlack(config, {
      channel: "C0001",
      text: "in a thread",
      threadTs: "1700000000.000100",
      messageId: inThread,
    });
    const b = await sendSlack(config, { channel: "C0001", text: "top level", messageId: inChannel });
    assert(a.kind === "sent" && b.kind === "sent");
    assertEquals(fake.calls[0].body?.metadata, {
      event_type: SLACK_MESSAGE_EVENT_TYPE,
      event_payload: { message_id: inThread },
    });
    const thread = await findSlackMessage(config, {
      channel: "C0001",
      threadTs: "1700000000.000100",
      messageId: inThread,
      oldestMs: since,
    });
    assertEquals(thread, {
      kind: "sent",
      providerMessageId: a.providerMessageId,
      raw: (thread as { raw: unknown }).raw,
    });
    const lookup = fake.calls.at(-1)!;
    assertEquals(lookup.path, "/api/conversations.replies");
    assertEquals(lookup.method, "GET");
    assertEquals(lookup.headers.get("authorization"), "Bearer xoxb-test");
    const top = await findSlackMessage(config, { channel: "C0001", messageId: inChannel, oldestMs: since });
    assert(top.kind === "sent" && top.providerMessageId === b.providerMessageId);
    assertEquals(fake.calls.at(-1)!.path, "/api/conversations.history");
    // Not posted; posted in another channel; posted before `oldest`; a thread reply is not in the channel's history.
    assertEquals(await findSlackMessage(config, { channel: "C0001", messageId: other, oldestMs: since }), {
      kind: "absent",
    });
    assertEquals(
      await findSlackMessage(config, { channel: "C0002", messageId: inChannel, oldestMs: since }),
      { kind: "absent" },
    );
    assertEquals(
      await findSlackMessage(config, {
        channel: "C0001",
        messageId: inChannel,
        oldestMs: Date.now() + 60_000,
      }),
      { kind: "absent" },
    );
    assertEquals(await findSlackMessage(config, { channel: "C0001", messageId: inThread, oldestMs: since }), {
      kind: "absent",
    });
  }));

Deno.test("Slack lookup: pages through the history; any failure to read it is retryable, never absent", () =>
  withFakeSlack(async (fake, config) => {
    const first = crypto.randomUUID();
    const since = Date.now() - 1000;
    const posted = await sendSlack(config, { channel: "C0001", text: "first", messageId: first });
    assert(posted.kind === "sent");
    for (let i = 0; i < 250; i++) {
      await sendSlack(config, { channel: "C0001", text: `later ${i}`, messageId: crypto.randomUUID() });
    }
    const before = fake.calls.length;
    const found = await findSlackMessage(config, { channel: "C0001", messageId: first, oldestMs: since });
    assert(found.kind === "sent" && found.providerMessageId === posted.providerMessageId);
    assertEquals(fake.calls.length - before, 2, "two pages of 200, newest first");
    fake.failNext({ kind: "rate_limit", retryAfter: 3 });
    assertEquals(await findSlackMessage(config, { channel: "C0001", messageId: first, oldestMs: since }), {
      kind: "retryable",
      retryAfterMs: 3000,
      error: {
        code: "ratelimited",
        message: "conversations.history: ratelimited (looking up an uncertain send)",
        status: 429,
      },
    });
    fake.failNext({ kind: "error", error: "missing_scope" });
    const scope = await findSlackMessage(config, { channel: "C0001", messageId: first, oldestMs: since });
    assert(scope.kind === "retryable" && scope.error.code === "missing_scope");
    fake.failNext({ kind: "http", status: 503 });
    assertEquals(
      (await findSlackMessage(config, { channel: "C0001", messageId: first, oldestMs: since })).kind,
      "retryable",
    );
    // Unreachable.
    const gone = await findSlackMessage({ ...config, baseUrl: "http://127.0.0.1:9" }, {
      channel: "C0001",
      messageId: first,
      oldestMs: since,
    });
    assert(gone.kind === "retryable" && gone.error.code === "network");
  }));
