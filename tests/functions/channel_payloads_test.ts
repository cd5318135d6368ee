// The WhatsApp and Slack webhook normalisers: real payload shapes in, ChannelInboundEvent[] out,
// every event valid against the shared zod schema; bots, the app's own messages, reactions, edits
// and unknown statuses ignored, never messages; malformed payloads refused.
import { assert, assertEquals } from "../_support/assert.ts";
import {
  normaliseWhatsApp,
  WhatsAppPayloadError,
} from "../../functions/_shared/channels/whatsapp_payload.ts";
import {
  normaliseSlack,
  parseSlackEnvelope,
  SlackPayloadError,
} from "../../functions/_shared/channels/slack_payload.ts";
import { fitBody } from "../../functions/_shared/channels/body.ts";
import {
  ChannelInboundEvent,
  ChannelInboundEvents,
  MAX_CHANNEL_BODY_BYTES,
} from "../../types/channel-events.ts";
import { whatsappMessagePayload, whatsappStatusPayload } from "../_support/fake_whatsapp.ts";
import { FAKE_SLACK_BOT_USER, slackMessageEnvelope, slackUrlVerification } from "../_support/fake_slack.ts";

const valid = (events: unknown[]) => ChannelInboundEvents.parse(events);

Deno.test("WhatsApp: a text message becomes one message event with the sender's wa_id and name", () => {
  const payload = whatsappMessagePayload({
    phoneNumberId: "106540352242922",
    from: "16315551234",
    id: "wamid.A1",
    text: "Hi there",
    timestamp: 1_700_000_000,
    name: "Kerry",
  });
  const batches = normaliseWhatsApp(payload);
  assertEquals(batches.length, 1);
  assertEquals(batches[0].phoneNumberId, "106540352242922");
  assertEquals(batches[0].ignored, 0);
  valid(batches[0].events);
  assertEquals(batches[0].events, [{
    kind: "message",
    providerMessageId: "wamid.A1",
    sender: { externalId: "16315551234", name: "Kerry" },
    body: "Hi there",
    metadata: { type: "text" },
    sentAt: "2023-11-14T22:13:20.000Z",
  }]);
});

Deno.test("WhatsApp: a voice note's MIME parameters are dropped, so the stored media type is one the table takes", () => {
  const base = whatsappMessagePayload({ phoneNumberId: "1", from: "442071838750" });
  const value = base.entry[0].changes[0].value as Record<string, unknown>;
  value.messages = [
    {
      from: "442071838750",
      id: "wamid.VOICE",
      timestamp: "1700000000",
      type: "audio",
      audio: { id: "MEDIA3", mime_type: "audio/ogg; codecs=opus", voice: true },
    },
    {
      from: "442071838750",
      id: "wamid.ODD",
      timestamp: "1700000000",
      type: "audio",
      audio: { id: "MEDIA4", mime_type: "not a type" },
    },
  ];
  const [batch] = normaliseWhatsApp(base);
  valid(batch.events);
  const [voice, odd] = batch.events as Extract<ChannelInboundEvent, { kind: "message" }>[];
  assertEquals(voice.media, [{ type: "audio", id: "MEDIA3", mimeType: "audio/ogg" }]);
  assertEquals(odd.media, [{ type: "audio", id: "MEDIA4" }]);
});

Deno.test("WhatsApp: group id, media, interactive replies; reactions and unknown types ignored", () => {
  const base = whatsappMessagePayload({
    phoneNumberId: "1",
    from: "442071838750",
    groupId: "120363041234567890",
  });
  const value = base.entry[0].changes[0].value as Record<string, unknown>;
  const ts = "1700000000";
  value.messages = [
    { ...(value.messages as object[])[0], id: "wamid.G" },
    {
      from: "442071838750",
      id: "wamid.IMG",
      timestamp: ts,
      type: "image",
      image: { id: "MEDIA1", mime_type: "image/jpeg", sha256: "x", caption: "look" },
    },
    {
      from: "442071838750",
      id: "wamid.DOC",
      timestamp: ts,
      type: "document",
      document: { id: "MEDIA2", mime_type: "application/pdf", filename: "a.pdf" },
    },
    {
      from: "442071838750",
      id: "wamid.BTN",
      timestamp: ts,
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes" } },
    },
    {
      from: "442071838750",
      id: "wamid.R",
      timestamp: ts,
      type: "reaction",
      reaction: { message_id: "wamid.G", emoji: "👍" },
    },
    {
      from: "442071838750",
      id: "wamid.U",
      timestamp: ts,
      type: "unsupported",
      errors: [{ code: 131051, title: "Message type unknown" }],
    },
  ];
  const [batch] = normaliseWhatsApp(base);
  valid(batch.events);
  assertEquals(batch.ignored, 2);
  assertEquals(batch.events.map((e) => e.providerMessageId), [
    "wamid.G",
    "wamid.IMG",
    "wamid.DOC",
    "wamid.BTN",
  ]);
  const [group, image, doc, button] = batch.events as Extract<ChannelInboundEvent, { kind: "message" }>[];
  assertEquals(group.groupId, "120363041234567890");
  assertEquals(image.body, "look");
  assertEquals(image.media, [{ type: "image", id: "MEDIA1", mimeType: "image/jpeg" }]);
  assertEquals(doc.body, "");
  assertEquals(doc.metadata?.filename, "a.pdf");
  assertEquals(button.body, "Yes");
  assertEquals(button.metadata?.interactiveReplyId, "yes");
});

Deno.test("WhatsApp: statuses (with a failure's error) and unknown statuses ignored", () => {
  const delivered = whatsappStatusPayload({
    phoneNumberId: "1",
    id: "wamid.OUT",
    status: "delivered",
    recipient: "16315551234",
    timestamp: 1_700_000_000,
  });
  const failed = whatsappStatusPayload({
    phoneNumberId: "1",
    id: "wamid.OUT2",
    status: "failed",
    recipient: "16315551234",
    errorCode: 131047,
  });
  const [d] = normaliseWhatsApp(delivered);
  const [f] = normaliseWhatsApp(failed);
  valid([...d.events, ...f.events]);
  assertEquals(d.events, [{
    kind: "status",
    providerMessageId: "wamid.OUT",
    status: "delivered",
    at: "2023-11-14T22:13:20.000Z",
  }]);
  const fe = f.events[0] as Extract<ChannelInboundEvent, { kind: "status" }>;
  assertEquals(fe.status, "failed");
  assertEquals(fe.error, { code: 131047, title: "Re-engagement message", detail: "Message failed to send." });
  const deleted = whatsappStatusPayload({
    phoneNumberId: "1",
    id: "wamid.OUT",
    status: "read",
    recipient: "1",
  });
  (deleted.entry[0].changes[0].value.statuses[0] as Record<string, unknown>).status = "deleted";
  assertEquals(normaliseWhatsApp(deleted)[0].events.length, 0);
  assertEquals(normaliseWhatsApp(deleted)[0].ignored, 1);
});

Deno.test("WhatsApp: a status's biz_opaque_callback_data is its callbackData when it is a message id", () => {
  const id = crypto.randomUUID();
  const ours = whatsappStatusPayload({
    phoneNumberId: "1",
    id: "wamid.OUT",
    status: "sent",
    recipient: "1",
    timestamp: 1_700_000_000,
    callbackData: id,
  });
  const [o] = normaliseWhatsApp(ours);
  valid(o.events);
  assertEquals(o.events, [{
    kind: "status",
    providerMessageId: "wamid.OUT",
    status: "sent",
    at: "2023-11-14T22:13:20.000Z",
    callbackData: id,
  }]);
  // Another app's callback data (not a message id) is not ours: the status goes on without it.
  const theirs = whatsappStatusPayload({
    phoneNumberId: "1",
    id: "wamid.OUT",
    status: "sent",
    recipient: "1",
    callbackData: "campaign=42",
  });
  const [t] = normaliseWhatsApp(theirs);
  assertEquals(t.events.length, 1);
  assertEquals("callbackData" in t.events[0], false);
});

Deno.test("WhatsApp: two phone numbers in one payload are two batches; other fields are not events", () => {
  const a = whatsappMessagePayload({ phoneNumberId: "111", from: "1" });
  const b = whatsappMessagePayload({ phoneNumberId: "222", from: "2" });
  a.entry.push(...b.entry);
  (a.entry[0].changes as unknown[]).push({
    field: "account_update",
    value: { phone_number: "1", event: "VERIFIED_ACCOUNT" },
  });
  const batches = normaliseWhatsApp(a);
  assertEquals(batches.map((x) => [x.phoneNumberId, x.events.length]), [["111", 1], ["222", 1]]);
  assertEquals(normaliseWhatsApp({ object: "whatsapp_business_account", entry: [] }), []);
});

Deno.test("WhatsApp: malformed payloads are refused", () => {
  const bad: unknown[] = [
    null,
    [],
    { object: "page", entry: [] },
    { object: "whatsapp_business_account" },
    {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { metadata: {} } }] }],
    },
    {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { metadata: { phone_number_id: "abc" } } }] }],
    },
  ];
  const m = whatsappMessagePayload({ phoneNumberId: "1", from: "1" });
  (m.entry[0].changes[0].value.messages[0] as Record<string, unknown>).timestamp = "yesterday";
  bad.push(m);
  for (const p of bad) {
    let threw = false;
    try {
      normaliseWhatsApp(p);
    } catch (err) {
      threw = err instanceof WhatsAppPayloadError;
    }
    assert(threw, `accepted ${JSON.stringify(p).slice(0, 200)}`);
  }
});

Deno.test("Slack: a channel message: channel is the group, a new thread under it, event_id kept", () => {
  const env = slackMessageEnvelope({
    teamId: "T0001",
    appId: "A0001",
    eventId: "Ev01",
    channel: "C0001",
    user: "U0001",
    text: "hi",
    ts: "1700000000.000100",
  });
  const parsed = parseSlackEnvelope(env);
  assert(parsed.type === "event_callback");
  const out = normaliseSlack(parsed);
  valid(out.events);
  assertEquals(out.events, [{
    kind: "message",
    providerMessageId: "A0001:C0001:1700000000.000100",
    providerEventId: "Ev01",
    sender: { externalId: "U0001" },
    groupId: "C0001",
    threadId: "1700000000.000100",
    body: "hi",
    metadata: { slackChannel: "C0001", channelType: "channel", ts: "1700000000.000100", teamId: "T0001" },
    sentAt: "2023-11-14T22:13:20.000Z",
  }]);
  // A reply in a thread keeps the thread; a direct message has no group and no thread.
  const reply = normaliseSlack(
    parseSlackEnvelope(
      slackMessageEnvelope({
        teamId: "T0001",
        appId: "A0001",
        channel: "C0001",
        threadTs: "1690000000.000001",
      }),
    ) as never,
  );
  assertEquals((reply.events[0] as { threadId?: string }).threadId, "1690000000.000001");
  const dm = normaliseSlack(
    parseSlackEnvelope(
      slackMessageEnvelope({ teamId: "T0001", appId: "A0001", channel: "D0001", channelType: "im" }),
    ) as never,
  );
  const dmEvent = dm.events[0] as Extract<ChannelInboundEvent, { kind: "message" }>;
  assertEquals([dmEvent.groupId, dmEvent.threadId], [undefined, undefined]);
  // message and app_mention of one message share the provider message id (stored once).
  const mention = normaliseSlack(
    parseSlackEnvelope(
      slackMessageEnvelope({
        teamId: "T0001",
        appId: "A0001",
        channel: "C0001",
        ts: "1700000000.000100",
        eventType: "app_mention",
      }),
    ) as never,
  );
  assertEquals(mention.events[0].providerMessageId, "A0001:C0001:1700000000.000100");
});

Deno.test("Slack: bots, the app's own bot user, edits and joins are ignored, never messages", () => {
  const cases = [
    slackMessageEnvelope({
      teamId: "T1",
      appId: "A1",
      channel: "C1",
      botId: "B0OTHER",
      subtype: "bot_message",
    }),
    slackMessageEnvelope({ teamId: "T1", appId: "A1", channel: "C1", botId: "B0OTHER", user: "U0OTHERBOT" }),
    slackMessageEnvelope({ teamId: "T1", appId: "A1", channel: "C1", user: FAKE_SLACK_BOT_USER }),
    slackMessageEnvelope({ teamId: "T1", appId: "A1", channel: "C1", subtype: "message_changed" }),
    slackMessageEnvelope({ teamId: "T1", appId: "A1", channel: "C1", subtype: "channel_join" }),
  ];
  for (const c of cases) {
    const out = normaliseSlack(parseSlackEnvelope(c) as never);
    assertEquals([out.events.length, out.ignored], [0, 1], JSON.stringify(c.event));
    assert(out.reason);
  }
  const reaction = slackMessageEnvelope({ teamId: "T1", appId: "A1", channel: "C1" });
  (reaction.event as Record<string, unknown>).type = "reaction_added";
  assertEquals(normaliseSlack(parseSlackEnvelope(reaction) as never).events.length, 0);
});

Deno.test("Slack: url_verification parses; malformed envelopes are refused", () => {
  assertEquals(parseSlackEnvelope(slackUrlVerification("abc")).type, "url_verification");
  for (
    const p of [null, {}, { type: "event_callback" }, { type: "block_actions" }, { type: "url_verification" }]
  ) {
    let threw = false;
    try {
      parseSlackEnvelope(p);
    } catch (err) {
      threw = err instanceof SlackPayloadError;
    }
    assert(threw, JSON.stringify(p));
  }
});

Deno.test("A long text is cut to the body limit on a character boundary and marked truncated", () => {
  const long = "é".repeat(MAX_CHANNEL_BODY_BYTES); // 2 bytes each
  const fitted = fitBody(long);
  assertEquals(fitted.truncated, true);
  assertEquals(new TextEncoder().encode(fitted.body).length, MAX_CHANNEL_BODY_BYTES);
  const emoji = fitBody("🎉".repeat(5000), 10);
  assertEquals(emoji.body, "🎉🎉");
  assertEquals(fitBody("short"), { body: "short", truncated: false });
  const env = slackMessageEnvelope({ teamId: "T1", appId: "A1", channel: "C1", text: "x".repeat(40_000) });
  const out = normaliseSlack(parseSlackEnvelope(env) as never);
  valid(out.events);
  assertEquals((out.events[0] as { metadata?: Record<string, unknown> }).metadata?.truncated, true);
});

Deno.test("The event schema refuses what the SQL refuses: over 100 events, a body over 16 KB, unknown fields", () => {
  const msg = {
    kind: "message",
    providerMessageId: "m",
    sender: { externalId: "x" },
    body: "b",
    sentAt: new Date().toISOString(),
  };
  assertEquals(ChannelInboundEvents.safeParse(Array(100).fill(msg)).success, true);
  assertEquals(ChannelInboundEvents.safeParse(Array(101).fill(msg)).success, false);
  assertEquals(
    ChannelInboundEvent.safeParse({ ...msg, body: "x".repeat(MAX_CHANNEL_BODY_BYTES + 1) }).success,
    false,
  );
  assertEquals(ChannelInboundEvent.safeParse({ ...msg, extra: 1 }).success, false);
  assertEquals(ChannelInboundEvent.safeParse({ ...msg, sentAt: "yesterday" }).success, false);
  assertEquals(
    ChannelInboundEvent.safeParse({
      kind: "status",
      providerMessageId: "m",
      status: "queued",
      at: msg.sentAt,
    }).success,
    false,
  );
  assertEquals(ChannelInboundEvent.safeParse({ ...msg, media: [{ type: "image" }] }).success, false);
});
