// Replies end to end (README "Channels: replies"), with a real worker loop (its channel sender on)
// and the fake WhatsApp Graph API and Slack Web API servers: what a webhook stores
// (receive_channel_events through the gateway, as the webhook functions call it) queues a turn, the
// worker starts it as the agent's run of its binding's reply workflow (the local provider answers),
// the run's end puts the reply in the outbox, and the sender sends it through the fake, exactly once.
// Statuses in any order, redeliveries (100 concurrent ones), Slack threads, retries after Retry-After,
// WhatsApp's 24-hour window with and without a template, and a loop between two bots paused.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db, deleteUsers, serviceClient, type TestUser } from "../_support/stack.ts";
import { results, startWorkers, waitFor, waitForRun, type Workers } from "../_support/engine.ts";
import { agentWorkflow, invocations, must, profiledAgent } from "../_support/agents.ts";
import { startFakeWhatsApp } from "../_support/fake_whatsapp.ts";
import { startFakeSlack } from "../_support/fake_slack.ts";
import type postgres from "postgres";
import { ReceiveChannelEventsOutput } from "../../types/channels.ts";
import { ChannelSender } from "../../functions/_shared/worker/channel_sender.ts";
import { ClaimGuardrailJudgementsOutput } from "../../types/guardrail-judgements.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");

async function purgeAgentsOf(sql: postgres.Sql, user: TestUser) {
  for (
    const { profile_id } of await sql<{ profile_id: string }[]>`
    select a.profile_id from agents.ai_lensers a join agents.ownerships o on o.ai_lenser_id = a.id
    join lensers.profiles p on p.id = o.owner_lenser_id where p.user_id = ${user.id}`
  ) {
    await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
  }
}

function waMessage(id: string, from: string, body: string, sentAt = new Date().toISOString()) {
  return { kind: "message", providerMessageId: id, sender: { externalId: from, name: "Rita" }, body, sentAt };
}

async function receive(bindingId: string, events: unknown[]): Promise<ReceiveChannelEventsOutput> {
  return ReceiveChannelEventsOutput.parse(must(
    "receive_channel_events",
    await serviceClient().rpc("receive_channel_events", {
      p_binding_id: bindingId,
      p_events: events as never,
    }),
  ));
}

interface Setup {
  sql: postgres.Sql;
  owner: TestUser;
  workers: Workers;
  env: Map<string, string>;
}

async function setUp(env: Map<string, string>, workerCount = 1): Promise<Setup> {
  const sql = db();
  const owner = await createUser(sql);
  const workers = await startWorkers(workerCount, { concurrency: 4, pollMs: 200 }, {
    get: (n) => env.get(n),
  });
  return { sql, owner, workers, env };
}

async function tearDown(s: Setup) {
  await s.workers.stop();
  await purgeAgentsOf(s.sql, s.owner).catch(() => {});
  await deleteUsers(s.sql, s.owner);
  await s.sql.end();
}

async function whatsappBinding(s: Setup, extra: Record<string, unknown> = {}) {
  const agent = await profiledAgent(s.sql, s.owner);
  const phone = digits(12);
  const binding = must(
    "create_channel_binding",
    await s.owner.client.rpc("create_channel_binding", {
      p_ai_lenser_id: agent.agentId,
      p_channel: "whatsapp",
      p_name: "Line",
      p_routing_key: phone,
      p_app_secret_env: "WA_APP_SECRET",
      p_verify_token_env: "WA_VERIFY_TOKEN",
      p_access_token_env: "WA_REPLY_TOKEN",
      p_debounce_ms: 0,
      ...extra,
    }),
  );
  return { agent, binding, phone };
}

Deno.test({
  ...opts,
  name:
    "WhatsApp: a message in, one reply out through the Graph API, statuses in any order, a redelivery changes nothing",
  async fn() {
    const phone = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-1" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-1"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const { binding, agent } = await whatsappBinding(s, { p_routing_key: phone });
      try {
        const first = await receive(binding.id, [waMessage("wamid.in1", "4915550001", "hello there")]);
        assertEquals(first.stored, 1);
        await waitFor("the reply to reach the Graph API", () => graph.sent.length >= 1 || null, 30_000);
        const sent = graph.sent[0];
        assertEquals(sent.phoneNumberId, phone);
        assertEquals(sent.body.to, "4915550001");
        assertEquals(sent.body.type, "text");
        assertMatch((sent.body.text as { body: string }).body, /^Contact: hello there/);
        // The Graph API answered before the sender recorded it: wait for the record.
        const out = await waitFor("the reply to be recorded as sent", async () => {
          const rows = await s.sql<
            { id: string; delivery_status: string; provider_message_id: string; seq: number }[]
          >`
            select id, delivery_status, provider_message_id, seq from agents.messages
            where binding_id = ${binding.id} and direction = 'outbound' and delivery_status <> 'queued'`;
          return rows[0] ?? null;
        });
        assertEquals([out.delivery_status, out.provider_message_id, Number(out.seq)], ["sent", sent.id, 2]);
        const turns = await s.sql<{ status: string; run_id: string; lenser_id: string }[]>`
          select t.status, t.run_id, r.lenser_id from agents.conversation_turns t join lenses.workflow_runs r on r.id = t.run_id
          where t.binding_id = ${binding.id}`;
        assertEquals(
          turns.map((t) => [t.status, t.lenser_id]),
          [["done", agent.profileId]],
          "one turn, run as the agent",
        );

        // Statuses in any order: read first, then a late delivered and sent.
        for (const status of ["read", "delivered", "sent"]) {
          await receive(binding.id, [{
            kind: "status",
            providerMessageId: sent.id,
            status,
            at: new Date().toISOString(),
          }]);
        }
        const [after] = await s.sql<
          { delivery_status: string }[]
        >`select delivery_status from agents.messages where id = ${out.id}`;
        assertEquals(after.delivery_status, "read", "a late delivered or sent never overwrites read");

        // A redelivery: nothing stored, no turn, no second reply.
        const again = await receive(binding.id, [waMessage("wamid.in1", "4915550001", "hello there")]);
        assertEquals([again.stored, again.duplicates], [0, 1]);
        await new Promise((r) => setTimeout(r, 1500));
        assertEquals(graph.sent.length, 1, "still one reply");
        const [{ n }] = await s.sql<
          { n: number }[]
        >`select count(*)::int as n from agents.conversation_turns where binding_id = ${binding.id}`;
        assertEquals(n, 1);
      } finally {
        await graph.close();
      }
    } finally {
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name: "100 concurrent redeliveries of one message: 1 message, 1 turn, 1 reply",
  async fn() {
    const phone = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-2" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-2"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const { binding } = await whatsappBinding(s, { p_routing_key: phone });
      const event = waMessage("wamid.burst", "4915550002", "only once please");
      const answers = await Promise.all(Array.from({ length: 100 }, () => receive(binding.id, [event])));
      assertEquals(answers.reduce((n, a) => n + a.stored, 0), 1, "stored once");
      assertEquals(answers.reduce((n, a) => n + a.duplicates, 0), 99, "99 duplicates");
      await waitFor("the reply", () => graph.sent.length >= 1 || null, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      assertEquals(graph.sent.length, 1, "one reply");
      const [{ inbound, outbound, turns }] = await s.sql<
        { inbound: number; outbound: number; turns: number }[]
      >`
        select (select count(*)::int from agents.messages where binding_id = ${binding.id} and direction = 'inbound') as inbound,
               (select count(*)::int from agents.messages where binding_id = ${binding.id} and direction = 'outbound') as outbound,
               (select count(*)::int from agents.conversation_turns where binding_id = ${binding.id}) as turns`;
      assertEquals([inbound, outbound, turns], [1, 1, 1]);
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name:
    "WhatsApp retries: a 429 with Retry-After is tried again after it; a permanent error fails the message, keeping it",
  async fn() {
    const phone = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-3" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-3"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const { binding } = await whatsappBinding(s, { p_routing_key: phone });
      graph.failNext({ kind: "rate_limit", retryAfter: 1 });
      const started = Date.now();
      await receive(binding.id, [waMessage("wamid.r1", "4915550003", "hi")]);
      await waitFor("the reply after a retry", () => graph.sent.length >= 1 || null, 30_000);
      assert(Date.now() - started >= 1000, "not before Retry-After");
      const send = await waitFor("the retried reply to be recorded", async () => {
        const rows = await s.sql<{ attempts: number; status: string }[]>`
          select s.attempts, m.delivery_status as status from agents.message_sends s join agents.messages m on m.id = s.message_id
          where s.binding_id = ${binding.id} and m.delivery_status <> 'queued'`;
        return rows[0] ?? null;
      });
      assertEquals([send.attempts, send.status], [2, "sent"]);

      graph.failNext({ kind: "code", code: 131026, status: 400 });
      await receive(binding.id, [waMessage("wamid.r2", "4915550003", "again")]);
      const failed = await waitFor("the second reply to fail", async () => {
        const rows = await s.sql<{ error: { code: string } }[]>`
          select error from agents.messages where binding_id = ${binding.id} and direction = 'outbound' and delivery_status = 'failed'`;
        return rows[0] ?? null;
      }, 30_000);
      assertEquals(failed.error.code, "131026");
      assertEquals(graph.sent.length, 1, "a permanent error is not retried");
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name:
    "WhatsApp's 24-hour window: outside it the template goes; without a template the send fails before any API call",
  async fn() {
    const phone = digits(12);
    const phone2 = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-4", [phone2]: "wa-token-4" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-4"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const old = new Date(Date.now() - 30 * 3600_000).toISOString();
      const templated = await whatsappBinding(s, {
        p_routing_key: phone,
        p_whatsapp_template: { name: "follow_up", language: "en_US" },
      });
      await receive(templated.binding.id, [waMessage("wamid.w1", "4915550004", "a day late", old)]);
      await waitFor("the template", () => graph.sent.length >= 1 || null, 30_000);
      assertEquals(graph.sent[0].body.type, "template");
      assertEquals(graph.sent[0].body.template, { name: "follow_up", language: { code: "en_US" } });

      const bare = await whatsappBinding(s, { p_routing_key: phone2 });
      await receive(bare.binding.id, [waMessage("wamid.w2", "4915550005", "a day late", old)]);
      const failed = await waitFor("the reply to fail", async () => {
        const rows = await s.sql<{ error: { title: string } }[]>`
          select error from agents.messages where binding_id = ${bare.binding.id} and direction = 'outbound' and delivery_status = 'failed'`;
        return rows[0] ?? null;
      }, 30_000);
      assertEquals(failed.error.title, "outside the 24-hour customer service window and no template");
      assertEquals(graph.calls.filter((c) => c.path.includes(phone2)).length, 0, "no API call");
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name: "Slack: a channel message is answered in its thread through chat.postMessage",
  async fn() {
    const slack = startFakeSlack(["xoxb-reply"]);
    const env = new Map([["SLACK_REPLY_BOT", "xoxb-reply"], ["SLACK_API_BASE_URL", slack.origin]]);
    const s = await setUp(env);
    try {
      const agent = await profiledAgent(s.sql, s.owner);
      const key = `T${digits(8)}:A${digits(8)}`;
      const binding = must(
        "create_channel_binding",
        await s.owner.client.rpc("create_channel_binding", {
          p_ai_lenser_id: agent.agentId,
          p_channel: "slack",
          p_name: "Slack",
          p_routing_key: key,
          p_signing_secret_env: "SLACK_SIGNING",
          p_bot_token_env: "SLACK_REPLY_BOT",
          p_debounce_ms: 0,
        }),
      );
      const ts = "1764669600.000100";
      await receive(binding.id, [{
        kind: "message",
        providerMessageId: `A1:C0REPLY:${ts}`,
        providerEventId: `Ev${digits(10)}`,
        sender: { externalId: "U0PERSON1" },
        groupId: "C0REPLY",
        threadId: ts,
        body: "can someone help?",
        metadata: { slackChannel: "C0REPLY", ts },
        sentAt: new Date().toISOString(),
      }]);
      await waitFor("the threaded reply", () => slack.posted.length >= 1 || null, 30_000);
      assertEquals(slack.posted[0].channel, "C0REPLY");
      assertEquals(slack.posted[0].thread_ts, ts, "in the thread");
      assertMatch(slack.posted[0].text, /can someone help\?/);
    } finally {
      await slack.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name: "two bots answering each other: the loop guard pauses the conversation and says why",
  async fn() {
    const phone = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-5" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-5"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const { binding } = await whatsappBinding(s, {
        p_routing_key: phone,
        p_loop_guard_max_turns: 3,
        p_loop_guard_window_seconds: 600,
      });
      // The other bot answers every reply it gets, at once.
      let n = 0;
      await receive(binding.id, [waMessage(`wamid.loop${n}`, "4915550009", "ping")]);
      const paused = await waitFor("the loop guard", async () => {
        if (graph.sent.length > n) {
          n = graph.sent.length;
          await receive(binding.id, [waMessage(`wamid.loop${n}`, "4915550009", `pong ${n}`)]);
        }
        const [c] = await s.sql<{ state: string; paused_reason: string | null }[]>`
          select state, paused_reason from agents.conversations where binding_id = ${binding.id}`;
        return c?.state === "paused" ? c : null;
      }, 60_000);
      assertMatch(
        paused.paused_reason ?? "",
        /^loop guard: 4 turns in the last 600 seconds \(the limit is 3\)/,
      );
      assertEquals(graph.sent.length, 3, "three replies, then silence");
      const turns = await s.sql<{ status: string }[]>`
        select status from agents.conversation_turns where binding_id = ${binding.id} order by created_at`;
      assertEquals(turns.map((t) => t.status), ["done", "done", "done", "paused"]);
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name: "send_message: an agent in a workflow messages a contact through the outbox, after one approval",
  async fn() {
    const phone = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-6" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-6"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const agent = await profiledAgent(s.sql, s.owner, {
        allowTools: ["send_message"],
        summaryStrategy: "none",
      });
      const binding = must(
        "create_channel_binding",
        await s.owner.client.rpc("create_channel_binding", {
          p_ai_lenser_id: agent.agentId,
          p_channel: "whatsapp",
          p_name: "Line",
          p_routing_key: phone,
          p_app_secret_env: "WA_APP_SECRET",
          p_verify_token_env: "WA_VERIFY_TOKEN",
          p_access_token_env: "WA_REPLY_TOKEN",
          // The contact's own message queues a turn that stays queued through this test.
          p_debounce_ms: 60_000,
        }),
      );
      await receive(binding.id, [waMessage("wamid.sm1", "4915550077", "let me know when it ships")]);
      const workflow = await agentWorkflow(s.owner.client, agent, [{
        key: "notify",
        template:
          `Tell the customer.\n@tool send_message {"channel":"whatsapp","to":"4915550077","text":"Your order shipped."}`,
      }]);
      const run = must(
        "start_workflow_run",
        await s.owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const parked = await waitFor("the call to wait for approval", async () => {
        const r = (await results(s.sql, run.id)).notify;
        return r?.status === "blocked" ? r : null;
      });
      const [call] = await invocations(s.sql, parked.id);
      assertEquals([call.tool, call.status], ["send_message", "awaiting_approval"]);
      assertEquals(graph.sent.length, 0, "nothing is sent before the approval");
      must(
        "fn_approve_tool_invocation",
        await s.owner.client.rpc("fn_approve_tool_invocation", {
          p_invocation_id: call.id,
          p_approval_hash: call.approval_hash!,
        }),
      );
      await waitFor("the message to reach the Graph API", () => graph.sent.length >= 1 || null, 30_000);
      assertEquals(graph.sent[0].body.to, "4915550077");
      assertEquals((graph.sent[0].body.text as { body: string }).body, "Your order shipped.");
      const ended = await waitForRun(s.sql, run.id);
      assertEquals(ended.status, "completed");
      const [done] = await invocations(s.sql, parked.id);
      assertEquals(done.status, "succeeded");
      const outbound = await s.sql<{ body: string; origin: string }[]>`
        select body, metadata ->> 'origin' as origin from agents.messages where binding_id = ${binding.id} and direction = 'outbound'`;
      assertEquals(
        [...outbound],
        [{ body: "Your order shipped.", origin: "send_message" }],
        "one message, once",
      );
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name:
    "messages arriving while replies end, in many conversations at once: every turn ends done, one at a time, no deadlock",
  async fn() {
    const phone = digits(12);
    const graph = startFakeWhatsApp({ [phone]: "wa-token-7" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-7"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    try {
      const { binding } = await whatsappBinding(s, { p_routing_key: phone });
      const contacts = Array.from({ length: 10 }, (_, i) => `49155600${String(i).padStart(2, "0")}`);
      await Promise.all(contacts.map(async (from) => {
        for (let i = 0; i < 5; i++) {
          await receive(binding.id, [waMessage(`wamid.busy.${from}.${i}`, from, `message ${i}`)]);
          await new Promise((r) => setTimeout(r, 40 + Math.random() * 60));
        }
      }));
      const turns = await waitFor("every conversation to be answered", async () => {
        const rows = await s.sql<{ status: string; n: number }[]>`
          select status::text, count(*)::int as n from agents.conversation_turns where binding_id = ${binding.id} group by 1`;
        return rows.some((r) => r.status === "queued" || r.status === "running") ? null : rows;
      }, 60_000);
      assertEquals(turns.map((t) => t.status), ["done"], "every turn done, none failed");
      const [{ sent, outbound, unanswered }] = await s.sql<
        { sent: number; outbound: number; unanswered: number }[]
      >`
        select (select count(*)::int from agents.conversation_turns where binding_id = ${binding.id} and reply_message_id is not null) as sent,
               (select count(*)::int from agents.messages where binding_id = ${binding.id} and direction = 'outbound') as outbound,
               (select count(*)::int from agents.conversations c where c.binding_id = ${binding.id}
                 and (select max(t.through_seq) from agents.conversation_turns t where t.conversation_id = c.id)
                   < (select max(m.seq) from agents.messages m where m.conversation_id = c.id and m.direction = 'inbound')) as unanswered`;
      assertEquals(outbound, sent, "one reply per turn");
      assertEquals(unanswered, 0, "every conversation's last message was answered");
      assert(
        turns[0].n >= contacts.length && turns[0].n < contacts.length * 5,
        `debounced and followed up: ${turns[0].n} turns`,
      );
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

async function judgeRule(
  s: Setup,
  agentId: string,
  bindingId: string,
  action: "block" | "rewrite",
  direction: "input" | "output",
) {
  must(
    "create_guardrail_rule",
    await s.owner.client.rpc("create_guardrail_rule", {
      p_tier: "binding",
      p_name: `judge ${direction} ${action}`,
      p_kind: "model_judge",
      p_action: action,
      p_config: { instruction: "Be polite." },
      p_ai_lenser_id: agentId,
      p_binding_id: bindingId,
      p_direction: direction,
    }),
  );
}

Deno.test({
  ...opts,
  name:
    "model-judged guardrails: a held reply goes out rewritten, a denied one as the fallback only, a denied message gets no turn",
  async fn() {
    const [p1, p2, p3] = [digits(12), digits(12), digits(12)];
    const graph = startFakeWhatsApp({ [p1]: "wa-token-8", [p2]: "wa-token-8", [p3]: "wa-token-8" });
    const env = new Map([["WA_REPLY_TOKEN", "wa-token-8"], ["WHATSAPP_GRAPH_BASE_URL", graph.origin]]);
    const s = await setUp(env);
    const sentTo = (phone: string) =>
      graph.sent.filter((m) => m.phoneNumberId === phone).map((m) => (m.body.text as { body: string }).body);
    try {
      // Output, rewrite: the local judge reads "@judge ..." in the reply (which echoes the message).
      const rewrite = await whatsappBinding(s, { p_routing_key: p1 });
      await judgeRule(s, rewrite.agent.agentId, rewrite.binding.id, "rewrite", "output");
      await receive(rewrite.binding.id, [
        waMessage("wamid.j1", "4915550101", "hi\n@judge rewrite Hello, how can I help?"),
      ]);
      await waitFor("the rewritten reply", () => sentTo(p1).length >= 1 || null, 30_000);
      assertEquals(sentTo(p1), ["Hello, how can I help?"], "only the judge's rewrite reaches the Graph API");
      const [v] = await s.sql<{ action: string; original_text: string; rewritten_text: string }[]>`
        select action, original_text, rewritten_text from agents.guardrail_violations where binding_id = ${rewrite.binding.id}`;
      assertEquals([v.action, v.rewritten_text], ["rewrite", "Hello, how can I help?"]);
      assertMatch(v.original_text, /^Contact: hi\n@judge rewrite/, "the original kept beside it");

      // Output, deny: the held reply is never sent; the fallback is, and nothing else.
      const deny = await whatsappBinding(s, { p_routing_key: p2, p_fallback_text: "Sorry, not here." });
      await judgeRule(s, deny.agent.agentId, deny.binding.id, "block", "output");
      await receive(deny.binding.id, [waMessage("wamid.j2", "4915550102", "hi\n@judge deny impolite")]);
      await waitFor("the fallback", () => sentTo(p2).length >= 1 || null, 30_000);
      const blocked = await waitFor("the held reply to fail", async () => {
        const rows = await s.sql<{ error: { code: string } }[]>`
          select error from agents.messages where binding_id = ${deny.binding.id} and delivery_status = 'failed'`;
        return rows[0] ?? null;
      });
      assertEquals(blocked.error.code, "guardrail_blocked");
      await new Promise((r) => setTimeout(r, 1000));
      assertEquals(sentTo(p2), ["Sorry, not here."], "the fallback only");

      // Input, deny: no turn, the fallback answers.
      const input = await whatsappBinding(s, { p_routing_key: p3, p_fallback_text: "Please be kind." });
      await judgeRule(s, input.agent.agentId, input.binding.id, "block", "input");
      await receive(input.binding.id, [waMessage("wamid.j3", "4915550103", "you fool\n@judge deny abusive")]);
      await waitFor("the fallback", () => sentTo(p3).length >= 1 || null, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      assertEquals(sentTo(p3), ["Please be kind."]);
      const [{ turns, judged }] = await s.sql<{ turns: number; judged: string }[]>`
        select (select count(*)::int from agents.conversation_turns where binding_id = ${input.binding.id}) as turns,
               (select status::text from agents.guardrail_judgements where binding_id = ${input.binding.id}) as judged`;
      assertEquals([turns, judged], [0, "judged"], "no turn; the judgement recorded");

      // Every judge's call is in the ledger, under its agent, outside any run.
      for (
        const { agent, direction } of [
          { agent: rewrite.agent, direction: "output" },
          { agent: deny.agent, direction: "output" },
          { agent: input.agent, direction: "input" },
        ]
      ) {
        const calls = await s.sql<{ run_id: string | null; input_tokens: number; direction: string }[]>`
          select run_id, input_tokens, metadata ->> 'direction' as direction from ai.llm_calls
          where ai_lenser_id = ${agent.agentId} and metadata ->> 'kind' = 'guardrail_judge'`;
        assertEquals(calls.length, 1, `one judge call for the ${direction} rule`);
        assertEquals([calls[0].run_id, calls[0].direction], [null, direction]);
        assert(calls[0].input_tokens > 0, "with its usage");
      }
    } finally {
      await graph.close();
      await tearDown(s);
    }
  },
});

Deno.test({
  ...opts,
  name:
    "the channel sender's judge step: a late completion (stale lease, 409) is dropped and counted; the live one releases the reply",
  async fn() {
    const s = await setUp(new Map(), 0); // no worker loop: this test drives the sender's judge step itself
    try {
      const { agent, binding } = await whatsappBinding(s, { p_debounce_ms: 60_000 });
      await judgeRule(s, agent.agentId, binding.id, "rewrite", "output");
      await receive(binding.id, [waMessage("wamid.j4", "4915550104", "hi")]);
      const [{ id: messageId }] = await s.sql<{ id: string }[]>`
        select agents.fn_reply_outbound(c.id, 'Fine.\n@judge rewrite Very well.') as id
        from agents.conversations c where c.binding_id = ${binding.id}`;
      const claim = async () => {
        const [{ c }] = await s.sql<{ c: unknown }[]>`
          select public.claim_guardrail_judgements('judge-test', 100, 60) as c`;
        return ClaimGuardrailJudgementsOutput.parse(c).filter((r) => r.verdict.bindingId === binding.id);
      };
      const [first] = await claim();
      // The first lease expires and another worker takes the judgement.
      await s
        .sql`update agents.guardrail_judgements set lease_expires_at = now() - interval '1 second' where id = ${first.id}`;
      const [second] = await claim();
      assertEquals(second.attempt, 2);
      const sender = new ChannelSender(s.sql, { workerId: "judge-test", listen: false }, {
        env: { get: () => undefined },
        log: { debug() {}, info() {}, warn() {}, error() {} },
      });
      await sender.judge(first);
      assertEquals([sender.stats.judged, sender.stats.judgementsDropped], [0, 1], "the stale one is dropped");
      await sender.judge(second);
      assertEquals([sender.stats.judged, sender.stats.judgementsDropped], [1, 1]);
      const [m] = await s.sql<{ body: string; held: boolean }[]>`
        select m.body, s.held_for_judgement as held from agents.messages m join agents.message_sends s on s.message_id = m.id
        where m.id = ${messageId}`;
      assertEquals([m.body, m.held], ["Very well.", false], "the local judge's rewrite, released");
    } finally {
      await tearDown(s);
    }
  },
});
