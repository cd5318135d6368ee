// What the whatsapp, slack and web-chat functions exchange with the channels core's service_role
// RPCs. The normalised inbound event itself (`ChannelInboundEvent`: what `receive_channel_events`
// takes, whatever the provider's payload looked like) is defined once, in types/channels.ts, where a
// test checks it against the SQL; this module re-exports it with the functions' limits and the
// shapes of the other two RPCs' rows.
import { z } from "zod";
import {
  BindingStatus,
  ChannelInboundEvent,
  ChannelInboundEvents,
  ChannelInboundMessage,
  ChannelMedia,
  ChannelSender,
  ChannelStatusUpdate,
  MessageDirection,
  MessageStatus,
  ReceiveChannelEventsOutput,
} from "./channels.ts";

export {
  ChannelInboundEvent,
  ChannelInboundEvents,
  ChannelInboundMessage,
  ChannelMedia,
  ChannelSender,
  ChannelStatusUpdate as ChannelStatusEvent,
};
export type ChannelMedia = z.infer<typeof ChannelMedia>;
export type ChannelInboundMessage = z.infer<typeof ChannelInboundMessage>;
export type ChannelStatusEvent = z.infer<typeof ChannelStatusUpdate>;

/** A body's limit in UTF-8 bytes (the SQL side checks the same). */
export const MAX_CHANNEL_BODY_BYTES = 16 * 1024;
/** At most this many events in one receive_channel_events call. */
export const MAX_CHANNEL_EVENTS = 100;

/** The delivery statuses a provider reports (agents.message_status without 'queued'). */
export const CHANNEL_REPORTED_STATUSES = ["sent", "delivered", "read", "failed"] as const;

/** What receive_channel_events answers. */
export const ReceiveChannelEventsResult = ReceiveChannelEventsOutput;
export type ReceiveChannelEventsResult = z.infer<typeof ReceiveChannelEventsOutput>;

/** One row of get_channel_binding_route: the binding and the NAMES of the env vars holding its secrets. */
export const ChannelBindingRoute = z.object({
  binding_id: z.guid(),
  ai_lenser_id: z.guid(),
  status: BindingStatus,
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
  direction: MessageDirection,
  body: z.string(),
  delivery_status: MessageStatus.nullable(),
  created_at: z.string(),
});
export type WebChatMessageRow = z.infer<typeof WebChatMessageRow>;
