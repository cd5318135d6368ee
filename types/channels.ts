// Channels (README "Channels"): the vocabularies of agents.channel_bindings, conversations and
// messages (the agents.* enums, built from the generated Constants of types/database.ts), and the
// normalised inbound event that the webhook functions pass to `receive_channel_events`.
// agents.fn_check_channel_event enforces the same shape in SQL (22023 naming the element and field,
// e.g. `p_events[2].sender.externalId`); tests/functions/channels_test.ts runs the same cases
// through both.
import { z } from "zod";
import { Constants } from "./database.ts";

/** whatsapp (Cloud API), slack (Events API), web (the embeddable chat). */
export const Channel = z.enum(Constants.agents.Enums.channel);
export type Channel = z.infer<typeof Channel>;
/** inbound: from a contact; outbound: from the agent. */
export const MessageDirection = z.enum(Constants.agents.Enums.message_direction);
/** Outbound only, forward only: queued < sent < delivered < read; failed from queued or sent (keeps its error). */
export const MessageStatus = z.enum(Constants.agents.Enums.message_status);
export type MessageStatus = z.infer<typeof MessageStatus>;
/** active; paused (the loop guard, with paused_reason); closed. */
export const ConversationState = z.enum(Constants.agents.Enums.conversation_state);
/** active; archived (read-only; its webhooks stop storing). */
export const BindingStatus = z.enum(Constants.agents.Enums.binding_status);
/** What agents.tier_config_versions versions: a binding or one of the four profiles. */
export const ConfigTier = z.enum(Constants.agents.Enums.config_tier);

/** The name of an environment variable holding a secret (never the secret). */
export const EnvName = z.string().regex(/^[A-Z][A-Z0-9_]{0,127}$/);

/** A channel's routing key: whatsapp phone number id; slack `<team_id>:<api_app_id>`; web `pk_<32 hex>`. */
export const RoutingKey = {
  whatsapp: z.string().regex(/^[0-9]{1,32}$/),
  slack: z.string().regex(/^[A-Z0-9]{1,32}:[A-Z0-9]{1,32}$/),
  web: z.string().regex(/^pk_[0-9a-f]{32}$/),
} as const satisfies Record<Channel, z.ZodString>;

/** A sender's external id on a channel: whatsapp wa_id; slack user id; web visitor:<uuid> or user:<profile id>. */
export const ExternalId = {
  whatsapp: z.string().regex(/^[0-9]{1,32}$/),
  slack: z.string().regex(/^[A-Z0-9]{1,32}$/),
  web: z.string().regex(/^(visitor|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
} as const satisfies Record<Channel, z.ZodString>;

/** An ISO 8601 date-time with a time zone (Z or an offset). */
const IsoTimestamp = z.string().regex(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/,
).refine((s) => !Number.isNaN(Date.parse(s)), "not a valid date-time");
const ProviderId = z.string().min(1).max(256);
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** An attachment: a provider media id or a URL (exactly one). */
export const ChannelMedia = z.object({
  type: z.enum(["image", "audio", "video", "document", "sticker", "file"]),
  id: z.string().min(1).max(256).optional(),
  url: z.string().max(2048).regex(/^https?:\/\/\S+$/).optional(),
  mimeType: z.string().regex(/^[a-z0-9.+-]{1,64}\/[A-Za-z0-9.+-]{1,128}$/).optional(),
}).strict().refine((m) => (m.id === undefined) !== (m.url === undefined), "exactly one of id and url");

/** Who sent it. profileId: a signed-in web chat user whose JWT the function verified (externalId `user:<profileId>`). */
export const ChannelSender = z.object({
  externalId: z.string(),
  name: z.string().max(200).optional(),
  profileId: z.guid().optional(),
}).strict();

/** A message a contact sent (groupId: a WhatsApp group or a Slack channel; threadId: a Slack thread_ts). */
export const ChannelInboundMessage = z.object({
  kind: z.literal("message"),
  providerMessageId: ProviderId,
  /** Slack: the envelope event_id (a retry of a stored event is a no-op). */
  providerEventId: ProviderId.optional(),
  sender: ChannelSender,
  groupId: ProviderId.optional(),
  threadId: ProviderId.optional(),
  body: z.string().refine((s) => utf8Bytes(s) <= 16384, "at most 16384 bytes"),
  media: z.array(ChannelMedia).max(10).optional(),
  metadata: z.record(z.string(), z.unknown()).refine(
    (m) => utf8Bytes(JSON.stringify(m)) <= 16384,
    "at most 16384 bytes",
  )
    .optional(),
  sentAt: IsoTimestamp,
}).strict();

/** A delivery status of an outbound message (applied forward only; a stale one is ignored). */
export const ChannelStatusUpdate = z.object({
  kind: z.literal("status"),
  providerMessageId: ProviderId,
  status: z.enum(["sent", "delivered", "read", "failed"]),
  /** failed only: the provider's error. */
  error: z.object({
    code: z.union([z.string(), z.number()]).refine((c) => String(c).length >= 1 && String(c).length <= 64),
    title: z.string().min(1).max(1000),
    detail: z.string().max(4000).optional(),
  }).strict().optional(),
  at: IsoTimestamp,
  /**
   * The callback data the provider echoes (WhatsApp's biz_opaque_callback_data: our outbound message
   * id): a status for a provider id no message has yet reconciles that queued message with it.
   */
  callbackData: z.guid().optional(),
}).strict().refine(
  (s) => s.error === undefined || s.status === "failed",
  "error belongs to a failed status only",
);

/** One normalised event of `receive_channel_events(p_binding_id, p_events)` (at most 100 per call). */
export const ChannelInboundEvent = z.union([ChannelInboundMessage, ChannelStatusUpdate]);
export type ChannelInboundEvent = z.infer<typeof ChannelInboundEvent>;

/**
 * The same event, with the per-channel rules the database adds: the sender's externalId shape for
 * the binding's channel, profileId on web only with externalId `user:<profileId>`, and `user:` ids
 * only with a profileId.
 */
export function channelInboundEventFor(channel: Channel) {
  return ChannelInboundEvent.superRefine((e, ctx) => {
    if (e.kind !== "message") return;
    if (!ExternalId[channel].safeParse(e.sender.externalId).success) {
      ctx.addIssue({
        code: "custom",
        path: ["sender", "externalId"],
        message: `not a ${channel} external id`,
      });
    }
    if (e.sender.profileId !== undefined) {
      if (channel !== "web") {
        ctx.addIssue({ code: "custom", path: ["sender", "profileId"], message: "web bindings only" });
      } else if (e.sender.externalId !== `user:${e.sender.profileId.toLowerCase()}`) {
        ctx.addIssue({ code: "custom", path: ["sender", "externalId"], message: "must be user:<profileId>" });
      }
    } else if (e.sender.externalId.startsWith("user:")) {
      ctx.addIssue({
        code: "custom",
        path: ["sender", "externalId"],
        message: "user:<id> needs sender.profileId",
      });
    }
  });
}

/** The p_events argument: 1 to 100 events. */
export const ChannelInboundEvents = z.array(ChannelInboundEvent).max(100);

/** What `receive_channel_events` answers. */
export const ReceiveChannelEventsOutput = z.object({
  /** Messages stored now. */
  stored: z.number().int().nonnegative(),
  /** Messages already stored (a redelivery: provider message id or event id seen before). */
  duplicates: z.number().int().nonnegative(),
  /** Statuses applied. */
  statuses: z.number().int().nonnegative(),
  /** Statuses ignored: stale (a late delivered after read) or for no outbound message of this binding. */
  ignored: z.number().int().nonnegative(),
  /** The ids of the messages stored now, in event order. */
  messageIds: z.array(z.guid()),
}).strict();
export type ReceiveChannelEventsOutput = z.infer<typeof ReceiveChannelEventsOutput>;

/** `{id, version}` of a versioned configuration. */
const ConfigVersion = z.object({ id: z.guid(), version: z.number().int().positive() }).strict();
/** What `agents.fn_binding_config_versions(binding)` answers, as a reply records it (null: the agent has no such profile). */
export const BindingConfigVersions = z.object({
  binding: ConfigVersion,
  personality_profile: ConfigVersion.nullable(),
  memory_profile: ConfigVersion.nullable(),
  tool_profile: ConfigVersion.nullable(),
  model_profile: ConfigVersion.nullable(),
}).strict();
export type BindingConfigVersions = z.infer<typeof BindingConfigVersions>;
