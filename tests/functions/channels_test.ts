// The normalised inbound event (types/channels.ts) against its SQL twin agents.fn_check_channel_event,
// on the same cases per channel: both accept the valid ones and refuse the invalid ones.
import { assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import { type Channel, channelInboundEventFor } from "../../types/channels.ts";

const at = "2026-12-02T10:00:00Z";
const msg = (over: Record<string, unknown> = {}) => ({
  kind: "message",
  providerMessageId: "m1",
  sender: { externalId: "4915550001" },
  body: "hi",
  sentAt: at,
  ...over,
});
const profile = "0b6f7c1e-3a52-4c1a-9a4e-2f0d6c1b9e11";
const visitor = "visitor:6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";

const cases: { channel: Channel; valid: unknown[]; invalid: unknown[] }[] = [
  {
    channel: "whatsapp",
    valid: [
      msg(),
      msg({ sender: { externalId: "1", name: "Ann" }, groupId: "120363000000000001", metadata: { a: 1 } }),
      msg({ body: "", media: [{ type: "image", id: "media-1", mimeType: "image/jpeg" }] }),
      msg({
        media: [{ type: "document", url: "https://cdn.example/x.pdf" }],
        sentAt: "2026-12-02T10:00:00.123+05:30",
      }),
      { kind: "status", providerMessageId: "m1", status: "delivered", at },
      {
        kind: "status",
        providerMessageId: "m1",
        status: "failed",
        error: { code: 131047, title: "Re-engagement" },
        at,
      },
      {
        kind: "status",
        providerMessageId: "m1",
        status: "failed",
        error: { code: "x", title: "t", detail: "d" },
        at,
      },
      { kind: "status", providerMessageId: "m1", status: "sent", at, callbackData: profile },
    ],
    invalid: [
      null,
      { kind: "status", providerMessageId: "m1", status: "sent", at, callbackData: "not-a-message-id" },
      { kind: "status", providerMessageId: "m1", status: "sent", at, callbackData: 12 },
      msg({ callbackData: profile }),
      [],
      {},
      { kind: "reaction" },
      msg({ providerMessageId: "" }),
      msg({ providerMessageId: 5 }),
      msg({ sender: { externalId: "+49 155" } }),
      msg({ sender: { externalId: "1", extra: true } }),
      msg({ sender: { externalId: "1", name: "x".repeat(201) } }),
      msg({ sender: { externalId: "1", profileId: profile } }),
      msg({ body: 5 }),
      msg({ body: "é".repeat(8193) }),
      msg({ sentAt: "yesterday" }),
      msg({ sentAt: "2026-12-02T10:00:00" }),
      msg({ sentAt: "2026-13-45T10:00:00Z" }),
      msg({ media: [{ type: "image" }] }),
      msg({ media: [{ type: "image", id: "a", url: "https://x.example/a" }] }),
      msg({ media: [{ type: "hologram", id: "a" }] }),
      msg({ media: Array.from({ length: 11 }, () => ({ type: "image", id: "a" })) }),
      msg({ metadata: [] }),
      msg({ surprise: 1 }),
      { kind: "status", providerMessageId: "m1", status: "seen", at },
      { kind: "status", providerMessageId: "m1", status: "sent", error: { code: 1, title: "t" }, at },
      { kind: "status", providerMessageId: "m1", status: "failed", error: { title: "t" }, at },
      { kind: "status", providerMessageId: "m1", status: "read" },
    ],
  },
  {
    channel: "slack",
    valid: [
      msg({
        sender: { externalId: "U0123ABC" },
        providerEventId: "Ev0123",
        groupId: "C0123",
        threadId: "1700000000.000100",
      }),
    ],
    invalid: [msg({ sender: { externalId: "U 0123" } }), msg({ sender: { externalId: "u0123" } })],
  },
  {
    channel: "web",
    valid: [
      msg({ sender: { externalId: visitor } }),
      msg({ sender: { externalId: `user:${profile}`, profileId: profile, name: "Ann" } }),
    ],
    invalid: [
      msg({ sender: { externalId: "visitor:abc" } }),
      msg({ sender: { externalId: `user:${profile}` } }),
      msg({ sender: { externalId: visitor, profileId: profile } }),
      msg({ sender: { externalId: `user:${profile}`, profileId: "not-a-uuid" } }),
    ],
  },
];

Deno.test("ChannelInboundEvent and agents.fn_check_channel_event agree on every case", async () => {
  const sql = db();
  try {
    const out: string[] = [];
    for (const { channel, valid, invalid } of cases) {
      const schema = channelInboundEventFor(channel);
      for (
        const [value, expected] of [
          ...valid.map((v) => [v, true] as const),
          ...invalid.map((v) => [v, false] as const),
        ]
      ) {
        const zodOk = schema.safeParse(value).success;
        let sqlOk = true;
        let why = "";
        try {
          await sql`select agents.fn_check_channel_event('t', ${channel}::agents.channel, 0, ${
            JSON.stringify(value)
          }::text::jsonb)`;
        } catch (e) {
          sqlOk = false;
          why = (e as Error).message;
        }
        if (zodOk !== expected || sqlOk !== expected) {
          out.push(
            `${channel} ${
              JSON.stringify(value).slice(0, 200)
            }: expected ${expected}, zod ${zodOk}, SQL ${sqlOk} ${why}`,
          );
        }
      }
    }
    assertEquals(out, []);
  } finally {
    await sql.end();
  }
});
