// The slack function through the gateway against the real channels RPCs (GATED until the channels
// core is merged: see tests/_support/channels.ts). url_verification; an event acknowledged at once
// and stored after the answer, once (a retry with X-Slack-Retry-Num, and the app_mention of the same
// message, change nothing); bot and own messages never stored; stale, forged and unknown requests
// write no row; a threaded reply through the fake Slack Web API with the binding's bot token.
import { assert, assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import {
  channelAgent,
  channelCounts,
  e2eOpts,
  functionUrl,
  insertBinding,
  messagesOf,
  newSlackKey,
  secret,
  waitFor,
} from "../_support/channels.ts";
import { signedSlackPost, slackMessageEnvelope, slackUrlVerification, startFakeSlack } from "../_support/fake_slack.ts";
import { sendSlack } from "../../functions/_shared/channels/slack_send.ts";

const SIGNING = () => secret("CL_TEST_SLACK_SIGNING_SECRET");
const post = async (payload: unknown, options: Parameters<typeof signedSlackPost>[2] = {}, path = "", signing = SIGNING()) =>
  await fetch(functionUrl("slack", path), await signedSlackPost(payload, signing, options));

Deno.test("slack: url_verification answers the challenge for the path's binding", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "slack");
    const ok = await post(slackUrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), {}, `/${binding.routingKey}`);
    assertEquals([ok.status, await ok.json()], [200, { challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" }]);
    const forged = await post(slackUrlVerification("x"), {}, `/${binding.routingKey}`, "forged");
    assertEquals(forged.status, 401);
    await forged.body?.cancel();
  } finally {
    await sql.end();
  }
});

Deno.test("slack: an event is acknowledged and stored once; a retry and its app_mention are no-ops; bots ignored", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const { teamId, appId } = newSlackKey();
    const binding = await insertBinding(sql, agent, "slack", { routingKey: `${teamId}:${appId}` });
    const envelope = slackMessageEnvelope({ teamId, appId, channel: "C0TEST0001", user: "U0PERSON01", text: "hello bot" });
    const started = performance.now();
    const res = await post(envelope);
    assertEquals([res.status, await res.json()], [200, { accepted: 1 }]);
    assert(performance.now() - started < 3000, "acknowledged within 3 s");
    const [stored] = await waitFor("the event stored", async () => {
      const rows = await messagesOf(sql, binding.id);
      return rows.length ? rows : null;
    });
    assertEquals([stored.body, stored.provider_event_id, stored.thread_id], ["hello bot", envelope.event_id, envelope.event.ts]);
    const retry = await post(envelope, { retryNum: 1 });
    assertEquals(retry.status, 200);
    await retry.body?.cancel();
    const mention = await post(slackMessageEnvelope({ teamId, appId, channel: "C0TEST0001", user: "U0PERSON01", text: "hello bot", ts: envelope.event.ts, eventType: "app_mention" }));
    await mention.body?.cancel();
    for (const bot of [
      slackMessageEnvelope({ teamId, appId, channel: "C0TEST0001", botId: "B0OTHERBOT", subtype: "bot_message" }),
      slackMessageEnvelope({ teamId, appId, channel: "C0TEST0001", user: "U0BOTUSER1" }), // the app's own bot user
    ]) {
      const r = await post(bot);
      assertEquals([r.status, await r.json()], [200, { ignored: 1 }]);
    }
    await new Promise((r) => setTimeout(r, 1000)); // the retry's background store has run
    assertEquals((await messagesOf(sql, binding.id)).length, 1);
  } finally {
    await sql.end();
  }
});

Deno.test("slack: stale, forged, unsigned, unknown and malformed requests write no row", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const { teamId, appId } = newSlackKey();
    await insertBinding(sql, agent, "slack", { routingKey: `${teamId}:${appId}` });
    const envelope = slackMessageEnvelope({ teamId, appId, channel: "C0TEST0001" });
    const before = await channelCounts(sql, agent.agentId);
    const now = Math.floor(Date.now() / 1000);
    const cases: [number, Response][] = [
      [401, await post(envelope, { timestamp: now - 301 })],
      [401, await post(envelope, { timestamp: now + 400 })],
      [401, await post(envelope, {}, "", "forged")],
      [401, await post(envelope, { signature: null })],
      [404, await post(slackMessageEnvelope({ ...newSlackKey(), channel: "C0TEST0001" }))],
      [400, await post(null, { rawBody: "token=x&payload=y" })],
    ];
    for (const [want, res] of cases) {
      await res.body?.cancel();
      assertEquals(res.status, want);
    }
    await new Promise((r) => setTimeout(r, 500));
    assertEquals(await channelCounts(sql, agent.agentId), before);
  } finally {
    await sql.end();
  }
});

Deno.test("slack: a reply goes in the message's thread through chat.postMessage", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  const fake = startFakeSlack([secret("CL_TEST_SLACK_BOT_TOKEN")]);
  try {
    const { teamId, appId } = newSlackKey();
    const binding = await insertBinding(sql, agent, "slack", { routingKey: `${teamId}:${appId}` });
    const envelope = slackMessageEnvelope({ teamId, appId, channel: "C0TEST0002", text: "ping" });
    await (await post(envelope)).body?.cancel();
    const [stored] = await waitFor("stored", async () => {
      const rows = await messagesOf(sql, binding.id);
      return rows.length ? rows : null;
    });
    const result = await sendSlack(
      { baseUrl: fake.origin, botToken: secret("CL_TEST_SLACK_BOT_TOKEN") },
      { channel: "C0TEST0002", text: "pong", threadTs: stored.thread_id! },
    );
    assert(result.kind === "sent");
    assertEquals(fake.posted[0].thread_ts, envelope.event.ts);
  } finally {
    await fake.close();
    await sql.end();
  }
});
