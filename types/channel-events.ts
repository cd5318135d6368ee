// The normalised inbound channel event: what the whatsapp, slack and web-chat functions hand to
// `public.receive_channel_events(p_binding_id, p_events)` (an array of at most 100), whatever the
// provider's own payload looked like. The SQL checks the same shape (22023 naming the element and
// field); this schema is the TypeScript side of that contract.
//
//   {kind:'message', providerMessageId, providerEventId?, sender:{externalId, name?, profileId?},
//    groupId?, threadId?, body, media?, metadata?, sentAt}
//   {kind:'status', providerMessageId, status:'sent'|'delivered'|'read'|'failed', error?, at}
import { z } from "zod";

/** A body's limit in UTF-8 bytes (the SQL side checks the same). */
export const MAX_CHANNEL_BODY_BYTES = 16 * 1024;
/** At most this many events in one receive_channel_events call. */
export const MAX_CHANNEL_EVENTS = 100;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const Id = z.string().min(1).max(256);
const IsoTime = z.iso.datetime({ offset: true });

export const ChannelMedia = z.strictObject({
  /** image, audio, video, document, sticker, file ... */
  type: z.string().min(1).max(32),
  /** The provider's media id (WhatsApp: fetch it with the access token). */
  id: Id.optional(),
  url: z.url().max(2048).optional(),
  mimeType: z.string().max(255).optional(),
}).refine((m) => m.id !== undefined || m.url !== undefined, { message: "a media item needs an id or a url" });
export type ChannelMedia = z.infer<typeof ChannelMedia>;

export const ChannelSender = z.strictObject({
  /** whatsapp: the wa_id (digits); slack: the user id; web: 'visitor:<uuid>' or 'user:<profile id>'. */
  externalId: Id,
  name: z.string().max(256).optional(),
  /** Set only by the web-chat function after it verified the user's JWT. */
  profileId: z.guid().optional(),
});

export const ChannelInboundMessage = z.strictObject({
  kind: z.literal("message"),
  providerMessageId: Id,
  /** Slack's envelope event_id: a retry of the same envelope is a no-op. */
  providerEventId: Id.optional(),
  sender: ChannelSender,
  /** A group chat (WhatsApp group id) or a Slack channel that is not a direct message. */
  groupId: Id.optional(),
  /** Slack thread_ts: replies go in this thread. */
  threadId: Id.optional(),
  body: z.string().refine((b) => utf8Bytes(b) <= MAX_CHANNEL_BODY_BYTES, {
    message: `body is over ${MAX_CHANNEL_BODY_BYTES} bytes`,
  }),
  media: z.array(ChannelMedia).max(10).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  sentAt: IsoTime,
});
export type ChannelInboundMessage = z.infer<typeof ChannelInboundMessage>;

/** The delivery statuses a provider reports (agents.message_status without 'queued'). */
export const CHANNEL_REPORTED_STATUSES = ["sent", "delivered", "read", "failed"] as const;

export const ChannelStatusError = z.strictObject({
  code: z.union([z.string().max(64), z.number().int()]),
  title: z.string().max(512),
  detail: z.string().max(2048).optional(),
});

export const ChannelStatusEvent = z.strictObject({
  kind: z.literal("status"),
  providerMessageId: Id,
  status: z.enum(CHANNEL_REPORTED_STATUSES),
  error: ChannelStatusError.optional(),
  at: IsoTime,
});
export type ChannelStatusEvent = z.infer<typeof ChannelStatusEvent>;

export const ChannelInboundEvent = z.discriminatedUnion("kind", [ChannelInboundMessage, ChannelStatusEvent]);
export type ChannelInboundEvent = z.infer<typeof ChannelInboundEvent>;

export const ChannelInboundEvents = z.array(ChannelInboundEvent).max(MAX_CHANNEL_EVENTS);

/** What receive_channel_events answers. */
export const ReceiveChannelEventsResult = z.object({
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  statuses: z.number().int().nonnegative(),
  ignored: z.number().int().nonnegative(),
  messageIds: z.array(z.guid()),
});
export type ReceiveChannelEventsResult = z.infer<typeof ReceiveChannelEventsResult>;

/** One row of get_channel_binding_route: the binding and the NAMES of the env vars holding its secrets. */
export const ChannelBindingRoute = z.object({
  binding_id: z.guid(),
  ai_lenser_id: z.guid(),
  status: z.enum(["active", "archived"]),
  app_secret_env: z.string().nullable(),
  verify_token_env: z.string().nullable(),
  access_token_env: z.string().nullable(),
  signing_secret_env: z.string().nullable(),
  bot_token_env: z.string().nullable(),
  allowed_origins: z.array(z.string()).nullable(),
});
export type ChannelBindingRoute = z.infer<typeof ChannelBindingRoute>;

/** One row of get_web_chat_messages. */
export const WebChatMessageRow = z.object({
  conversation_id: z.guid(),
  seq: z.coerce.number().int().positive(),
  id: z.guid(),
  direction: z.enum(["inbound", "outbound"]),
  body: z.string(),
  delivery_status: z.enum(["queued", "sent", "delivered", "read", "failed"]).nullable(),
  created_at: z.string(),
});
export type WebChatMessageRow = z.infer<typeof WebChatMessageRow>;
