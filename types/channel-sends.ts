// Replies (README "Channels: replies"): the vocabularies of agents.conversation_turns and the outbox
// (agents.message_sends), and the outputs of the worker RPCs that drive them: dispatch_conversation_turns,
// claim_channel_sends, complete_channel_send, fail_channel_send. The outbox sender
// (functions/_shared/worker/channel_sender.ts) parses what it claims with ClaimedChannelSend.
import { z } from "zod";
import { Constants } from "./database.ts";

/** queued (debouncing until due_at); running (its reply run started); done; failed; cancelled; paused (loop guard). */
export const ConversationTurnStatus = z.enum(Constants.agents.Enums.conversation_turn_status);
export type ConversationTurnStatus = z.infer<typeof ConversationTurnStatus>;
/** How an outbox message went out: text; the binding's WhatsApp template (outside the 24-hour window); the web chat's stream. */
export const SendMode = z.enum(Constants.agents.Enums.send_mode);
export type SendMode = z.infer<typeof SendMode>;

const Uuid = z.uuid();
const EnvName = z.string().regex(/^[A-Z][A-Z0-9_]{0,127}$/);

/** dispatch_conversation_turns: what one call did, and when the next queued turn is due. */
export const DispatchTurnsOutput = z.strictObject({
  started: z.number().int().nonnegative(),
  paused: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Milliseconds until the next queued turn is due (0: due now); null when none is queued. */
  nextDueInMs: z.number().int().nonnegative().nullable(),
});
export type DispatchTurnsOutput = z.infer<typeof DispatchTurnsOutput>;

/** One message leased by claim_channel_sends: everything its send needs. */
export const ClaimedChannelSend = z.strictObject({
  messageId: Uuid,
  leaseToken: Uuid,
  /** Attempts so far, this one included (from 1). */
  attempt: z.number().int().positive(),
  /** whatsapp or slack (web messages are marked sent by the claim and never returned). */
  channel: z.enum(["whatsapp", "slack"]),
  /** whatsapp: the phone number id to send from; slack: <team_id>:<api_app_id>. */
  routingKey: z.string().min(1).max(200),
  /** whatsapp: the environment variable holding the access token. */
  accessTokenEnv: EnvName.nullable(),
  /** slack: the environment variable holding the bot token. */
  botTokenEnv: EnvName.nullable(),
  /** whatsapp: the contact's wa_id or the group id; slack: the channel (or IM channel) id. */
  to: z.string().min(1).max(256),
  recipientType: z.enum(["individual", "group"]),
  /** slack: the thread to reply in. */
  threadTs: z.string().min(1).max(256).nullable(),
  body: z.string().max(16384),
  /** whatsapp outside the 24-hour window: the binding's template. */
  template: z.strictObject({ name: z.string().min(1).max(512), language: z.string().min(2).max(8) })
    .nullable(),
  sentAs: SendMode.exclude(["stream"]),
  /**
   * An earlier attempt's outcome is unknown (its lease expired): when that attempt started. Slack:
   * look the message up by its metadata before posting again.
   */
  uncertainSince: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a timestamp").nullable(),
});
export type ClaimedChannelSend = z.infer<typeof ClaimedChannelSend>;

/** claim_channel_sends: the leased messages. */
export const ClaimChannelSendsOutput = z.array(ClaimedChannelSend);

/** complete_channel_send. */
export const CompleteChannelSendOutput = z.strictObject({
  messageId: Uuid,
  /** sent (or a later status already applied). */
  status: z.enum(Constants.agents.Enums.message_status),
});

/** fail_channel_send: retried (when, after how many attempts) or failed for good. */
export const FailChannelSendOutput = z.strictObject({
  messageId: Uuid,
  status: z.enum(["retrying", "failed"]),
  attempts: z.number().int().nonnegative(),
  nextAttemptInMs: z.number().int().nonnegative().nullable(),
});
