// The whatsapp function through the gateway against the real channels RPCs (GATED until the
// channels core is merged: see tests/_support/channels.ts). Verification with the binding's verify
// token; a signed message stored once (a redelivery, and 100 concurrent redeliveries, change nothing);
// forged, unsigned, unknown and malformed posts write no row; a reply sent through the fake Graph API
// with the binding's access token, and its statuses applied forward-only in any order.
import { assert, assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import {
  channelAgent,
  channelCounts,
  e2eOpts,
  functionUrl,
  insertBinding,
  insertOutbound,
  messagesOf,
  secret,
} from "../_support/channels.ts";
import {
  signedWhatsAppPost,
  startFakeWhatsApp,
  whatsappMessagePayload,
  whatsappStatusPayload,
} from "../_support/fake_whatsapp.ts";
import { sendWhatsApp } from "../../functions/_shared/channels/whatsapp_send.ts";

const APP_SECRET = () => secret("CL_TEST_WA_APP_SECRET");
const post = async (payload: unknown, options: Parameters<typeof signedWhatsAppPost>[2] = {}, appSecret = APP_SECRET()) =>
  await fetch(functionUrl("whatsapp"), await signedWhatsAppPost(payload, appSecret, options));

Deno.test("whatsapp: subscription verification with the binding's verify token", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "whatsapp");
    const archived = await insertBinding(sql, agent, "whatsapp", { status: "archived" });
    const verify = (key: string, token: string) =>
      fetch(functionUrl("whatsapp", `/${key}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=8812`));
    const ok = await verify(binding.routingKey, secret("CL_TEST_WA_VERIFY_TOKEN"));
    assertEquals([ok.status, await ok.text()], [200, "8812"]);
    const wrong = await verify(binding.routingKey, "nope");
    assertEquals(wrong.status, 403);
    await wrong.body?.cancel();
    for (const key of ["999999999999999", archived.routingKey]) {
      const r = await verify(key, secret("CL_TEST_WA_VERIFY_TOKEN"));
      assertEquals(r.status, 404);
      await r.body?.cancel();
    }
  } finally {
    await sql.end();
  }
});

Deno.test("whatsapp: a signed message is stored once; redeliveries (100 at once) change nothing", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "whatsapp");
    const payload = whatsappMessagePayload({ phoneNumberId: binding.routingKey, from: "16315551234", text: "Hi agent", name: "Kerry" });
    const first = await post(payload);
    assertEquals([first.status, await first.json()], [200, { stored: 1, duplicates: 0, statuses: 0, ignored: 0 }]);
    const rows = await messagesOf(sql, binding.id);
    assertEquals(rows.length, 1);
    assertEquals([rows[0].direction, rows[0].body, rows[0].provider_message_id], ["inbound", "Hi agent", payload.entry[0].changes[0].value.messages[0].id]);
    const again = await post(payload);
    assertEquals((await again.json()).duplicates, 1);
    const responses = await Promise.all(Array.from({ length: 100 }, () => post(payload)));
    const statuses = await Promise.all(responses.map(async (r) => (await r.body?.cancel(), r.status)));
    assertEquals(new Set(statuses), new Set([200]));
    assertEquals((await messagesOf(sql, binding.id)).length, 1);
  } finally {
    await sql.end();
  }
});

Deno.test("whatsapp: forged, unsigned, unknown, malformed and oversized posts write no row", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "whatsapp");
    const payload = whatsappMessagePayload({ phoneNumberId: binding.routingKey, from: "16315551234" });
    const before = await channelCounts(sql, agent.agentId);
    const cases: [number, Response][] = [
      [401, await post(payload, {}, "forged-secret")],
      [401, await post(payload, { signature: null })],
      [401, await post(payload, { signature: "sha256=" + "0".repeat(64) })],
      [404, await post(whatsappMessagePayload({ phoneNumberId: "999999999999998", from: "1" }))],
      [400, await post(null, { rawBody: "{nope" })],
      [400, await post({ object: "page", entry: [] })],
      [413, await post({ pad: "x".repeat(1_100_000) })],
    ];
    // Replayed with another body under the original signature.
    const signed = await signedWhatsAppPost(payload, APP_SECRET());
    const tampered = JSON.stringify(whatsappMessagePayload({ phoneNumberId: binding.routingKey, from: "16315559999" }));
    cases.push([401, await fetch(functionUrl("whatsapp"), { ...signed, body: tampered })]);
    for (const [want, res] of cases) {
      await res.body?.cancel();
      assertEquals(res.status, want);
    }
    assertEquals(await channelCounts(sql, agent.agentId), before);
  } finally {
    await sql.end();
  }
});

Deno.test("whatsapp: a reply through the fake Graph API; its statuses applied forward-only in any order", e2eOpts, async () => {
  const sql = db();
  const agent = await channelAgent(sql);
  try {
    const binding = await insertBinding(sql, agent, "whatsapp");
    const fake = startFakeWhatsApp({ [binding.routingKey]: secret("CL_TEST_WA_ACCESS_TOKEN") });
    try {
      const inbound = whatsappMessagePayload({ phoneNumberId: binding.routingKey, from: "16315551234", text: "What time is it?" });
      assertEquals((await post(inbound)).status, 200);
      const [stored] = await messagesOf(sql, binding.id);
      const sent = await sendWhatsApp(
        { baseUrl: fake.origin, phoneNumberId: binding.routingKey, accessToken: secret("CL_TEST_WA_ACCESS_TOKEN") },
        { to: "16315551234", text: "It is noon.", replyTo: stored.provider_message_id! },
      );
      assert(sent.kind === "sent");
      await insertOutbound(sql, stored.conversation_id, "It is noon.", { providerMessageId: sent.providerMessageId });
      // read arrives first, then a late delivered, then sent: the status stays read.
      for (const status of ["read", "delivered", "sent"] as const) {
        const r = await post(whatsappStatusPayload({ phoneNumberId: binding.routingKey, id: sent.providerMessageId, status, recipient: "16315551234" }));
        assertEquals(r.status, 200);
        await r.body?.cancel();
      }
      const out = (await messagesOf(sql, binding.id)).find((m) => m.direction === "outbound")!;
      assertEquals(out.delivery_status, "read");
      // A failure after read is not applied either; a redelivered status changes nothing.
      const again = await post(whatsappStatusPayload({ phoneNumberId: binding.routingKey, id: sent.providerMessageId, status: "read", recipient: "16315551234" }));
      assertEquals(again.status, 200);
      await again.body?.cancel();
      assertEquals((await messagesOf(sql, binding.id)).filter((m) => m.direction === "outbound").map((m) => m.delivery_status), ["read"]);
    } finally {
      await fake.close();
    }
  } finally {
    await sql.end();
  }
});
