// The WhatsApp Cloud API webhook payload (field "messages") and its normalisation to
// ChannelInboundEvent[] per phone number id (the binding's routing key). Objects are loose: Meta adds
// fields over time; only what is read here is required.
//
// {"object":"whatsapp_business_account","entry":[{"id":"<WABA id>","changes":[{"field":"messages",
//   "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number","phone_number_id"},
//            "contacts":[{"profile":{"name"},"wa_id"}],
//            "messages":[{"from","id","timestamp","type","text":{"body"}, ...}],
//            "statuses":[{"id","status","timestamp","recipient_id","biz_opaque_callback_data",
//                         "errors":[{"code","title",...}]}]}}]}]}
// A status's biz_opaque_callback_data is what the send set: the outbox sends our message id, kept as
// the event's callbackData when it is one (a uuid; anything else is not ours and is dropped).
import { z } from "zod";
import type { ChannelInboundEvent, ChannelMedia } from "../../../types/channel-events.ts";
import { fitBody } from "./body.ts";
import { mediaType } from "./media_type.ts";

const Str = z.string().max(4096);
const Digits = z.string().regex(/^\d{1,32}$/);
const UnixSeconds = z.string().regex(/^\d{1,12}$/);

const Media = z.object({
  id: z.string().min(1).max(256),
  mime_type: z.string().max(255).optional(),
  caption: z.string().max(16384).optional(),
  filename: z.string().max(1024).optional(),
}).loose();

const WhatsAppError = z.object({
  code: z.number().int(),
  title: z.string().max(512).optional(),
  message: z.string().max(2048).optional(),
  error_data: z.object({ details: z.string().max(2048).optional() }).loose().optional(),
}).loose();

export const WhatsAppMessage = z.object({
  from: Digits,
  id: z.string().min(1).max(256),
  timestamp: UnixSeconds,
  type: z.string().max(64),
  /** Group messages (Cloud API groups) carry the group's id. */
  group_id: z.string().min(1).max(256).optional(),
  context: z.object({
    from: Str.optional(),
    id: Str.optional(),
    group_id: z.string().min(1).max(256).optional(),
  }).loose().optional(),
  text: z.object({ body: z.string().max(65536) }).loose().optional(),
  image: Media.optional(),
  audio: Media.optional(),
  video: Media.optional(),
  document: Media.optional(),
  sticker: Media.optional(),
  location: z.object({
    latitude: z.number(),
    longitude: z.number(),
    name: Str.optional(),
    address: Str.optional(),
  }).loose().optional(),
  button: z.object({ text: Str, payload: Str.optional() }).loose().optional(),
  interactive: z.object({
    type: Str,
    button_reply: z.object({ id: Str, title: Str }).loose().optional(),
    list_reply: z.object({ id: Str, title: Str, description: Str.optional() }).loose().optional(),
  }).loose().optional(),
  errors: z.array(WhatsAppError).optional(),
}).loose();
export type WhatsAppMessage = z.infer<typeof WhatsAppMessage>;

export const WhatsAppStatus = z.object({
  id: z.string().min(1).max(256),
  status: z.string().max(32),
  timestamp: UnixSeconds,
  recipient_id: Str.optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z.array(WhatsAppError).optional(),
}).loose();

const Value = z.object({
  messaging_product: z.literal("whatsapp").optional(),
  metadata: z.object({ display_phone_number: Str.optional(), phone_number_id: Digits }).loose(),
  contacts: z.array(
    z.object({ profile: z.object({ name: Str.optional() }).loose().optional(), wa_id: Str }).loose(),
  )
    .optional(),
  messages: z.array(WhatsAppMessage).optional(),
  statuses: z.array(WhatsAppStatus).optional(),
}).loose();

const Change = z.object({ field: z.string().max(128), value: z.unknown() }).loose();

export const WhatsAppWebhook = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.object({ id: Str, changes: z.array(Change).max(1000) }).loose()).max(1000),
});
export type WhatsAppWebhook = z.infer<typeof WhatsAppWebhook>;

export interface WhatsAppBatch {
  phoneNumberId: string;
  events: ChannelInboundEvent[];
  /** Messages and statuses not stored (reactions, unsupported types, unknown statuses). */
  ignored: number;
}

export class WhatsAppPayloadError extends Error {}

const MEDIA_TYPES = ["image", "audio", "video", "document", "sticker"] as const;
const STATUSES = new Set(["sent", "delivered", "read", "failed"]);

const iso = (unixSeconds: string) => new Date(Number(unixSeconds) * 1000).toISOString();

function errorOf(errors: z.infer<typeof WhatsAppError>[] | undefined) {
  const e = errors?.[0];
  if (!e) return undefined;
  const detail = e.error_data?.details ?? e.message;
  return {
    code: e.code,
    title: (e.title ?? e.message ?? `error ${e.code}`).slice(0, 512),
    ...(detail ? { detail: detail.slice(0, 2048) } : {}),
  };
}

/** The text, media and metadata of a message, or null for a type that is not stored (reaction, unsupported ...). */
function content(
  m: WhatsAppMessage,
): { body: string; media?: ChannelMedia[]; metadata?: Record<string, unknown> } | null {
  switch (m.type) {
    case "text":
      return m.text ? { body: m.text.body } : null;
    case "button":
      return m.button ? { body: m.button.text, metadata: { buttonPayload: m.button.payload ?? null } } : null;
    case "interactive": {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return reply ? { body: reply.title, metadata: { interactiveReplyId: reply.id } } : null;
    }
    case "location":
      return m.location
        ? {
          body: [m.location.name, m.location.address].filter(Boolean).join(", "),
          metadata: { location: { latitude: m.location.latitude, longitude: m.location.longitude } },
        }
        : null;
    default: {
      const type = MEDIA_TYPES.find((t) => t === m.type);
      const media = type ? m[type] : undefined;
      if (!type || !media) return null;
      return {
        body: media.caption ?? "",
        media: [{
          type,
          id: media.id,
          ...(mediaType(media.mime_type) ? { mimeType: mediaType(media.mime_type) } : {}),
        }],
        ...(media.filename ? { metadata: { filename: media.filename } } : {}),
      };
    }
  }
}

/**
 * The payload's events, grouped by the phone number id they were sent to (one binding each), in
 * payload order. Changes of another field (account updates, template statuses) are not events.
 * Throws WhatsAppPayloadError on a payload that is not a WhatsApp webhook.
 */
export function normaliseWhatsApp(payload: unknown): WhatsAppBatch[] {
  const parsed = WhatsAppWebhook.safeParse(payload);
  if (!parsed.success) {
    throw new WhatsAppPayloadError(`not a WhatsApp webhook: ${z.prettifyError(parsed.error)}`);
  }
  const batches = new Map<string, WhatsAppBatch>();
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const value = Value.safeParse(change.value);
      if (!value.success) {
        throw new WhatsAppPayloadError(`a "messages" change is malformed: ${z.prettifyError(value.error)}`);
      }
      const v = value.data;
      const phoneNumberId = v.metadata.phone_number_id;
      let batch = batches.get(phoneNumberId);
      if (!batch) batches.set(phoneNumberId, batch = { phoneNumberId, events: [], ignored: 0 });
      const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of v.messages ?? []) {
        const c = content(m);
        if (c === null) {
          batch.ignored++;
          continue;
        }
        const name = names.get(m.from);
        const fitted = fitBody(c.body);
        const groupId = m.group_id ?? m.context?.group_id;
        batch.events.push({
          kind: "message",
          providerMessageId: m.id,
          sender: { externalId: m.from, ...(name ? { name: name.slice(0, 256) } : {}) },
          ...(groupId ? { groupId } : {}),
          body: fitted.body,
          ...(c.media ? { media: c.media } : {}),
          metadata: {
            type: m.type,
            ...(m.context?.id ? { replyTo: m.context.id } : {}),
            ...c.metadata,
            ...(fitted.truncated ? { truncated: true } : {}),
          },
          sentAt: iso(m.timestamp),
        });
      }
      for (const s of v.statuses ?? []) {
        if (!STATUSES.has(s.status)) {
          batch.ignored++; // e.g. "deleted", "warning"
          continue;
        }
        const error = errorOf(s.errors);
        const callbackData = s.biz_opaque_callback_data;
        batch.events.push({
          kind: "status",
          providerMessageId: s.id,
          status: s.status as "sent" | "delivered" | "read" | "failed",
          ...(error ? { error } : {}),
          at: iso(s.timestamp),
          ...(callbackData && z.guid().safeParse(callbackData).success ? { callbackData } : {}),
        });
      }
    }
  }
  return [...batches.values()];
}
