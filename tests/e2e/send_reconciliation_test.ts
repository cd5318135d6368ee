// A send whose outcome was lost (README "Channels: replies"), end to end with a real worker loop and
// the fake Slack Web API and Graph API: a sender "died" after its API call and before recording it
// (its lease set and expired by hand, its post made to the fake as it would have made it).
//  * Slack: the worker looks the message up by its metadata and completes it with the earlier post's
//    ts: one post in all; when the first post never landed, it posts once; a failed lookup is a retry.
//  * WhatsApp: the claim waits out the grace window; Meta's status with our callback data, through
//    the whatsapp function, marks it sent with that wamid: no second send. Without a status, it is
//    sent again after the window (the Graph API offers no lookup).
import { assert, assertEquals } from "../_support/assert.ts";
import { db, serviceClient } from "../_support/stack.ts";
import { startWorkers } from "../_support/engine.ts";
import {
  channelAgent,
  e2eOpts,
  functionUrl,
  insertBinding,
  messagesOf,
  secret,
  waitFor,
} from "../_support/channels.ts";
import { startFakeSlack } from "../_support/fake_slack.ts";
import {
  signedWhatsAppPost,
  startFakeWhatsApp,
  whatsappMessagePayload,
  whatsappStatusPayload,
} from "../_support/fake_whatsapp.ts";
import { sendSlack } from "../../functions/_shared/channels/slack_send.ts";
import { sendWhatsApp } from "../../functions/_shared/channels/whatsapp_send.ts";
import type postgres from "postgres";

/** Queues an outbound message through the one way out, then leases it to a sender that dies: expired. */
async function lostAttempt(sql: postgres.Sql, conversationId: string, body: string): Promise<string> {
  const [{ id }] = await sql<{ id: string }[]>`
    select agents.fn_reply_outbound(${conversationId}::uuid, ${body}, null, '{"kind":"send_message"}') as id`;
  await sql`
    update agents.message_sends set attempts = 1, last_attempt_at = now(), sent_as = 'text', lease_token = gen_random_uuid(),
      lease_owner = 'dead-worker', lease_expires_at = now() - interval '1 second'
    where message_id = ${id}`;
  return id;
}

async function conversationOf(sql: postgres.Sql, bindingId: string): Promise<string> {
  // The tests queue their own messages: the inbound message's reply turn is not wanted.
  await sql`update agents.conversation_turns set status = 'cancelled', ended_at = now()
            where binding_id = ${bindingId} and status = 'queued'`;
  const [{ id }] = await sql<
    { id: string }[]
  >`select id from agents.conversations where binding_id = ${bindingId}`;
  return id;
}

async function sendRow(sql: postgres.Sql, messageId: string) {
  const [row] = await sql<
    {
      done: boolean;
      uncertain: boolean;
      attempts: number;
      waiting: boolean;
      last_error: { code?: string } | null;
    }[]
  >`
    select done_at is not null as done, uncertain_since is not null as uncertain, attempts,
           next_attempt_at > now() + interval '20 seconds' as waiting, last_error
    from agents.message_sends where message_id = ${messageId}`;
  return row;
}

const eventCount = async (sql: postgres.Sql, messageId: string, type: string) =>
  Number(
    (await sql<{ n: number }[]>`
    select count(*)::int as n from agents.events where subject_id = ${messageId} and event_type = ${type}::lenses.run_event_type`)[
      0
    ].n,
  );

async function withWorker(env: Map<string, string>, body: () => Promise<void>) {
  const workers = await startWorkers(1, { concurrency: 2, pollMs: 200 }, { get: (n) => env.get(n) });
  try {
    await body();
  } finally {
    await workers.stop();
  }
}

Deno.test(
  "Slack: an uncertain message whose first post landed is found by its metadata and completed with that ts: one post",
  e2eOpts,
  async () => {
    const sql = db();
    const slack = startFakeSlack([secret("CL_TEST_SLACK_BOT_TOKEN")]);
    const config = { baseUrl: slack.origin, botToken: secret("CL_TEST_SLACK_BOT_TOKEN") };
    try {
      const agent = await channelAgent(sql);
      const binding = await insertBinding(sql, agent, "slack");
      // Unique per run: the provider message id is unique per channel.
      const thread = `${Math.floor(Date.now() / 1000) - 60}.${
        String(Math.floor(Math.random() * 1e6)).padStart(6, "0")
      }`;
      const channel = `C0${crypto.randomUUID().replaceAll("-", "").slice(0, 9).toUpperCase()}`;
      const { error } = await serviceClient().rpc("receive_channel_events", {
        p_binding_id: binding.id,
        p_events: [{
          kind: "message",
          providerMessageId: `A1:${channel}:${thread}`,
          providerEventId: `Ev${crypto.randomUUID().slice(0, 8)}`,
          sender: { externalId: "U0PERSON1" },
          groupId: channel,
          threadId: thread,
          body: "anyone?",
          metadata: { slackChannel: channel },
          sentAt: new Date().toISOString(),
        }] as never,
      });
      if (error) throw new Error(error.message);
      const conversation = await conversationOf(sql, binding.id);

      // 1. The first post landed (the dead worker posted it, with its metadata).
      const landed = await lostAttempt(sql, conversation, "the answer");
      const first = await sendSlack(config, {
        channel,
        text: "the answer",
        threadTs: thread,
        messageId: landed,
      });
      assert(first.kind === "sent");
      // 2. The first post never landed; 3. it landed too. The first lookup made (whichever) fails.
      const never = await lostAttempt(sql, conversation, "never posted");
      const flaky = await lostAttempt(sql, conversation, "also landed");
      const third = await sendSlack(config, {
        channel,
        text: "also landed",
        threadTs: thread,
        messageId: flaky,
      });
      assert(third.kind === "sent");
      slack.failNext({ kind: "error", error: "internal_error" });

      const env = new Map([["CL_TEST_SLACK_BOT_TOKEN", secret("CL_TEST_SLACK_BOT_TOKEN")], [
        "SLACK_API_BASE_URL",
        slack.origin,
      ]]);
      await withWorker(env, async () => {
        await waitFor("the three sends to be done", async () => {
          const rows = await Promise.all([landed, never, flaky].map((id) => sendRow(sql, id)));
          return rows.every((r) => r.done) || null;
        }, 30_000);
      });
      const out = new Map((await messagesOf(sql, binding.id)).map((m) => [m.id, m]));
      assertEquals([out.get(landed)?.delivery_status, out.get(landed)?.provider_message_id], [
        "sent",
        first.providerMessageId,
      ]);
      assertEquals([out.get(flaky)?.delivery_status, out.get(flaky)?.provider_message_id], [
        "sent",
        third.providerMessageId,
      ]);
      const posts = slack.posted.filter((p) => p.text === "never posted");
      assertEquals(posts.length, 1, "a message the lookup did not find is posted once");
      assertEquals(out.get(never)?.provider_message_id, `${channel}:${posts[0].ts}`);
      assertEquals(posts[0].metadata?.event_payload, { message_id: never });
      assertEquals(slack.posted.length, 3, "the fake counts exactly one post per message");
      assertEquals(slack.calls.filter((c) => c.path === "/api/chat.postMessage").length, 3);
      const lookups = slack.calls.filter((c) => c.path === "/api/conversations.replies");
      assertEquals(lookups.length, 4, "each uncertain message looked up once, the failed lookup again");
      const rows = await Promise.all([landed, never, flaky].map((id) => sendRow(sql, id)));
      assertEquals(
        rows.map((r) => r.attempts).sort(),
        [2, 2, 3],
        "the failed lookup was a retryable failure: one more attempt (no blind post)",
      );
      assertEquals(rows.filter((r) => r.last_error?.code === "internal_error").length, 1);
      for (const id of [landed, never, flaky]) {
        assertEquals(await eventCount(sql, id, "message_sent"), 1, "one message_sent each");
        assertEquals((await sendRow(sql, id)).uncertain, false);
      }
    } finally {
      await slack.close();
      await sql.end();
    }
  },
);

Deno.test(
  "WhatsApp: an uncertain message waits out the grace window; Meta's status with its callback data marks it sent, no re-send",
  e2eOpts,
  async () => {
    const sql = db();
    try {
      const agent = await channelAgent(sql);
      const binding = await insertBinding(sql, agent, "whatsapp");
      const token = secret("CL_TEST_WA_ACCESS_TOKEN");
      const graph = startFakeWhatsApp({ [binding.routingKey]: token });
      const post = async (payload: unknown) => {
        const r = await fetch(
          functionUrl("whatsapp"),
          await signedWhatsAppPost(payload, secret("CL_TEST_WA_APP_SECRET")),
        );
        return { status: r.status, json: await r.json() };
      };
      try {
        const inbound = await post(
          whatsappMessagePayload({ phoneNumberId: binding.routingKey, from: "16315550101", text: "hi" }),
        );
        assertEquals(inbound.status, 200);
        const conversation = await conversationOf(sql, binding.id);
        const reported = await lostAttempt(sql, conversation, "reported by Meta");
        const first = await sendWhatsApp(
          { baseUrl: graph.origin, phoneNumberId: binding.routingKey, accessToken: token },
          { to: "16315550101", text: "reported by Meta", callbackData: reported },
        );
        assert(first.kind === "sent");
        const silent = await lostAttempt(sql, conversation, "never reported");
        assertEquals(graph.sent.length, 1);

        const env = new Map([["CL_TEST_WA_ACCESS_TOKEN", token], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
        await withWorker(env, async () => {
          await waitFor("the claim to put both off", async () => {
            const rows = await Promise.all([reported, silent].map((id) => sendRow(sql, id)));
            return rows.every((r) => r.uncertain && r.waiting) || null;
          });
          // Meta's sent status of the first attempt, with our callback data, through the whatsapp function.
          const status = await post(whatsappStatusPayload({
            phoneNumberId: binding.routingKey,
            id: first.providerMessageId,
            status: "sent",
            recipient: "16315550101",
            callbackData: reported,
          }));
          assertEquals(status, { status: 200, json: { stored: 0, duplicates: 0, statuses: 1, ignored: 0 } });
          const row = await sendRow(sql, reported);
          assertEquals([row.done, row.uncertain, row.attempts], [true, false, 1]);
          const out = (await messagesOf(sql, binding.id)).find((m) => m.id === reported)!;
          assertEquals([out.delivery_status, out.provider_message_id], ["sent", first.providerMessageId]);
          // The window ends (brought forward here): the reconciled message is not sent again; the
          // other one, never reported by Meta, is: the best the Graph API allows.
          await sql`update agents.message_sends set next_attempt_at = now() where message_id in (${reported}, ${silent})`;
          await waitFor(
            "the unreported message to be sent again",
            async () => (await sendRow(sql, silent)).done || null,
          );
        });
        assertEquals(
          graph.sent.filter((s) => (s.body.text as { body: string }).body === "reported by Meta").length,
          1,
          "0 re-sends",
        );
        const again = graph.sent.filter((s) => (s.body.text as { body: string }).body === "never reported");
        assertEquals(again.length, 1);
        assertEquals(again[0].body.biz_opaque_callback_data, silent, "every send carries our message id");
        assertEquals(await eventCount(sql, reported, "message_sent"), 1, "one message_sent");
        assertEquals(await eventCount(sql, reported, "message_status_changed"), 0);
        // A redelivered status changes nothing.
        const redelivered = await post(whatsappStatusPayload({
          phoneNumberId: binding.routingKey,
          id: first.providerMessageId,
          status: "sent",
          recipient: "16315550101",
          callbackData: reported,
        }));
        assertEquals(redelivered.json, { stored: 0, duplicates: 0, statuses: 0, ignored: 1 });
        assertEquals(await eventCount(sql, reported, "message_sent"), 1);
      } finally {
        await graph.close();
      }
    } finally {
      await sql.end();
    }
  },
);
