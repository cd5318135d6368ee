// Signed WhatsApp webhook posts per second through the gateway (scripts/bench.sh,
// CL_BENCH_MODE=webhooks, which runs pgbench -N before and after this and prints the ratio), with the
// time to answer (p50 and p95: Meta asks for a median under 250 ms).
//
// Each post is what Meta sends: one message from one of CL_BENCH_WEBHOOK_CONTACTS (50) senders to a
// WhatsApp binding, signed with its app secret (X-Hub-Signature-256), through the gateway to
// functions/whatsapp, which checks the signature, stores the message and queues its conversation's
// turn in one receive_channel_events call. CL_BENCH_WEBHOOK_CLIENTS (4, as pgbench -c 4) post for
// CL_BENCH_WEBHOOK_SECONDS (15, as pgbench -T). Afterwards every post must have answered 200, stored
// exactly one message, and every conversation must hold one open turn.
import postgres from "postgres";
import { stack } from "../tests/_support/stack.ts";
import { channelAgent, functionUrl, insertBinding, secret } from "../tests/_support/channels.ts";
import { signedWhatsAppPost, whatsappMessagePayload } from "../tests/_support/fake_whatsapp.ts";

const int = (name: string, fallback: number) => {
  const value = Number(Deno.env.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const CLIENTS = int("CL_BENCH_WEBHOOK_CLIENTS", 4);
const SECONDS = int("CL_BENCH_WEBHOOK_SECONDS", 15);
const CONTACTS = int("CL_BENCH_WEBHOOK_CONTACTS", 50);

const sql = postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
try {
  const agent = await channelAgent(sql);
  const binding = await insertBinding(sql, agent, "whatsapp");
  const appSecret = secret("CL_TEST_WA_APP_SECRET");
  const url = functionUrl("whatsapp");

  // A first post (not timed) starts the function's process and checks the path answers 200.
  const warm = await fetch(url, await signedWhatsAppPost(
    whatsappMessagePayload({ phoneNumberId: binding.routingKey, from: "4915000000", text: "warm up" }),
    appSecret,
  ));
  if (warm.status !== 200) throw new Error(`the first signed post answered ${warm.status}: ${await warm.text()}`);
  await warm.body?.cancel();

  const latencies: number[] = [];
  let refused = 0;
  let n = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const i = n++;
      const init = await signedWhatsAppPost(
        whatsappMessagePayload({
          phoneNumberId: binding.routingKey,
          from: String(4916000000 + (i % CONTACTS)),
          id: `wamid.bench.${i}`,
          text: `message ${i}`,
          name: `Sender ${i % CONTACTS}`,
        }),
        appSecret,
      );
      const start = performance.now();
      const res = await fetch(url, init);
      await res.body?.cancel();
      latencies.push(performance.now() - start);
      if (res.status !== 200) refused++;
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  const [stored] = await sql<{ messages: number; distinct_ids: number; conversations: number; open_turns: number }[]>`
    select (select count(*)::int from agents.messages where binding_id = ${binding.id} and direction = 'inbound') as messages,
           (select count(distinct provider_message_id)::int from agents.messages where binding_id = ${binding.id}) as distinct_ids,
           (select count(*)::int from agents.conversations where binding_id = ${binding.id}) as conversations,
           (select count(*)::int from agents.conversation_turns where binding_id = ${binding.id}
             and status in ('queued', 'running')) as open_turns`;
  console.log(`webhooks: ${latencies.length} signed posts by ${CLIENTS} clients in ${seconds.toFixed(2)} s, ${CONTACTS} senders`);
  console.log(`webhook posts/s: ${(latencies.length / seconds).toFixed(1)}`);
  console.log(`webhook answer ms: p50 ${pct(50).toFixed(1)}, p95 ${pct(95).toFixed(1)}, max ${latencies.at(-1)!.toFixed(1)}`);
  console.log(`webhooks: stored ${stored.messages} messages (${stored.distinct_ids} provider ids) in ${stored.conversations} conversations, ${stored.open_turns} open turns`);
  // The warm-up post is one more message and conversation.
  if (refused > 0 || stored.messages !== latencies.length + 1 || stored.distinct_ids !== stored.messages ||
      stored.open_turns !== stored.conversations) {
    console.error(`webhooks: ${refused} posts refused; every post must store one message and each conversation hold one open turn`);
    Deno.exit(1);
  }
} finally {
  await sql.end();
}
