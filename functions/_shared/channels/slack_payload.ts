// The Slack Events API request bodies and the normalisation of an event_callback to
// ChannelInboundEvent[]. Routing key: '<team_id>:<api_app_id>'. Objects are loose (Slack adds fields).
//
//   {"type":"url_verification","token","challenge"}
//   {"type":"event_callback","team_id","api_app_id","event_id","event_time","authorizations":[...],
//    "event":{"type":"message","channel","channel_type","user","text","ts","thread_ts"?,"bot_id"?,"subtype"?}}
//
// A message's providerMessageId is '<api_app_id>:<channel>:<ts>' (ts is unique within a channel; the
// app keeps two apps bound to one workspace apart), its providerEventId the envelope's event_id (a
// retry of the envelope is a no-op). `message` and `app_mention` of the same message share the id, so
// subscribing to both stores it once. Bots' messages, the app's own bot user's, and edits, deletions,
// joins (any subtype but file_share, thread_broadcast, me_message) are ignored: no reply loops.
import { z } from "zod";
import type { ChannelInboundEvent } from "../../../types/channel-events.ts";
import { fitBody } from "./body.ts";

const Str = z.string().max(4096);
const SlackId = z.string().regex(/^[A-Z0-9]{2,32}$/);
const SlackTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/);

export const SlackUrlVerification = z.object({
  type: z.literal("url_verification"),
  challenge: z.string().min(1).max(1024),
  token: Str.optional(),
}).loose();

export const SlackMessageEvent = z.object({
  type: z.string().max(64),
  subtype: z.string().max(64).optional(),
  channel: SlackId.optional(),
  channel_type: z.string().max(32).optional(),
  user: SlackId.optional(),
  bot_id: z.string().max(64).optional(),
  app_id: z.string().max(64).optional(),
  text: z.string().max(65536).optional(),
  ts: SlackTs.optional(),
  thread_ts: SlackTs.optional(),
  files: z.array(z.object({ id: Str, mimetype: Str.optional(), url_private: Str.optional() }).loose()).max(100)
    .optional(),
}).loose();

export const SlackEventCallback = z.object({
  type: z.literal("event_callback"),
  team_id: SlackId,
  api_app_id: SlackId,
  event_id: z.string().min(1).max(128),
  event_time: z.number().int().optional(),
  event: SlackMessageEvent,
  authorizations: z.array(z.object({ user_id: Str.optional(), is_bot: z.boolean().optional() }).loose()).max(100)
    .optional(),
}).loose();
export type SlackEventCallback = z.infer<typeof SlackEventCallback>;

export const SlackEnvelope = z.discriminatedUnion("type", [
  SlackUrlVerification,
  SlackEventCallback,
  // Slack tells an app it is being rate limited; nothing to store.
  z.object({ type: z.literal("app_rate_limited"), api_app_id: Str.optional() }).loose(),
]);
export type SlackEnvelope = z.infer<typeof SlackEnvelope>;

export class SlackPayloadError extends Error {}

export function parseSlackEnvelope(payload: unknown): SlackEnvelope {
  const parsed = SlackEnvelope.safeParse(payload);
  if (!parsed.success) throw new SlackPayloadError(`not a Slack Events API request: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const slackRoutingKey = (e: { team_id: string; api_app_id: string }) => `${e.team_id}:${e.api_app_id}`;

const STORED_SUBTYPES = new Set(["file_share", "thread_broadcast", "me_message"]);

export interface SlackNormalised {
  events: ChannelInboundEvent[];
  ignored: number;
  /** Why it was ignored (a log line), when it was. */
  reason?: string;
}

/** The event of an event_callback as ChannelInboundEvent[] (0 or 1); bot and own messages are ignored. */
export function normaliseSlack(envelope: SlackEventCallback, ownBotUserIds: readonly string[] = []): SlackNormalised {
  const e = envelope.event;
  const ignore = (reason: string): SlackNormalised => ({ events: [], ignored: 1, reason });
  if (e.type !== "message" && e.type !== "app_mention") return ignore(`event type ${e.type}`);
  if (e.bot_id || e.subtype === "bot_message") return ignore("a bot's message");
  if (e.subtype && !STORED_SUBTYPES.has(e.subtype)) return ignore(`message subtype ${e.subtype}`);
  if (!e.user || !e.channel || !e.ts) return ignore("a message without user, channel or ts");
  const own = new Set([
    ...ownBotUserIds,
    ...(envelope.authorizations ?? []).filter((a) => a.is_bot && a.user_id).map((a) => a.user_id!),
  ]);
  if (own.has(e.user)) return ignore("the app's own bot user");
  const direct = e.channel_type === "im";
  const fitted = fitBody(e.text ?? "");
  // Replies go in a thread: the message's own thread, or (in a channel) a new one under it.
  const threadId = e.thread_ts ?? (direct ? undefined : e.ts);
  const media = (e.files ?? []).slice(0, 10).map((f) => ({
    type: "file",
    id: f.id.slice(0, 256),
    ...(f.mimetype ? { mimeType: f.mimetype.slice(0, 255) } : {}),
  }));
  return {
    events: [{
      kind: "message",
      providerMessageId: `${envelope.api_app_id}:${e.channel}:${e.ts}`,
      providerEventId: envelope.event_id,
      sender: { externalId: e.user },
      ...(direct ? {} : { groupId: e.channel }),
      ...(threadId ? { threadId } : {}),
      body: fitted.body,
      ...(media.length ? { media } : {}),
      metadata: {
        slackChannel: e.channel,
        channelType: e.channel_type ?? null,
        ts: e.ts,
        teamId: envelope.team_id,
        ...(e.subtype ? { subtype: e.subtype } : {}),
        ...(fitted.truncated ? { truncated: true } : {}),
      },
      sentAt: new Date(Math.round(Number(e.ts) * 1000)).toISOString(),
    }],
    ignored: 0,
  };
}
