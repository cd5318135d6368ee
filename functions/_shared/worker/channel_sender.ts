// The channels' half of the worker (README "Channels: replies"): starts due conversation turns and
// sends the outbox. Woken by NOTIFY conversation_turns (a message queued or debounced a turn) and
// NOTIFY channel_sends (a reply entered the outbox), and by its poll; sleeps until the next queued
// turn is due (debounce) when that comes sooner. Each pass, in its own transactions:
//   0. claim_guardrail_judgements: messages held for their model-judged guardrails (an outbound one in
//      the outbox, an inbound one before its turn), leased; each pending rule's judge is asked through
//      the provider layer (resolvePendingJudgements: a judge that fails is a judgement {error}, which
//      blocks: fail closed), then complete_guardrail_judgement records the final verdict and releases,
//      rewrites or blocks the message (a stale lease, 409, is dropped: its new holder decides);
//   1. dispatch_conversation_turns: due turns start as runs (the workflow worker answers them; a run's
//      end puts the reply in the outbox, in the transaction that ends it);
//   2. claim_channel_sends: due outbox messages, leased (the 24-hour window and the per-binding rate
//      are decided there, in SQL, before any API call);
//   3. each one sent through its provider's client (functions/_shared/channels/*_send.ts, base URLs
//      from WHATSAPP_GRAPH_BASE_URL / SLACK_API_BASE_URL so tests use the local fakes), then
//      complete_channel_send (sent, with the provider's id) or fail_channel_send (retryable: tried again
//      after Retry-After or the backoff; permanent: failed, keeping the error).
// Neither the Graph API nor chat.postMessage takes an idempotency key, so a message whose lease
// expired (a worker died mid-send: the attempt's outcome is unknown) is reconciled, not blindly sent
// again. The claim marks it uncertain (message_sends.uncertain_since), as fail_channel_send does an
// attempt that got no answer (a `network` failure), and:
//   * Slack: every post carries our message id as message metadata; an uncertain message is first
//     looked up (conversations.replies / conversations.history with include_all_metadata, from the
//     lost attempt on): found -> completed with that post's ts, no second post; not found -> posted;
//     the lookup failing -> a retryable failure (looked up again next time, never a blind resend).
//   * WhatsApp: every send carries our message id as biz_opaque_callback_data, which Meta echoes in
//     the message's status webhooks; the claim puts an uncertain message off once by a grace window
//     (30 s) so that status can reconcile it (receive_channel_events: the wamid attached, the send
//     done). The Graph API has no lookup: when Meta reported nothing within the window it is sent
//     again, the one case that can still send twice.
import type postgres from "postgres";
import { z } from "zod";
import type { EnvReader } from "../providers/index.ts";
import {
  type JudgeProviders,
  poolJudgeProviders,
  type RecordJudgement,
  resolvePendingJudgements,
  sqlRecordJudgement,
} from "../guardrails/model_judge.ts";
import { ProviderPool } from "./provider.ts";
import type { GuardrailVerdict } from "../../../types/guardrails.ts";
import {
  type ClaimedGuardrailJudgement,
  ClaimGuardrailJudgementsOutput,
} from "../../../types/guardrail-judgements.ts";
import type { SendResult } from "../channels/send_result.ts";
import { sendWhatsApp } from "../channels/whatsapp_send.ts";
import { findSlackMessage, sendSlack } from "../channels/slack_send.ts";
import {
  ClaimChannelSendsOutput,
  type ClaimedChannelSend,
  DispatchTurnsOutput,
} from "../../../types/channel-sends.ts";
import { createLogger, type Logger } from "./log.ts";
import { ledgerCall } from "./ledger_call.ts";
import type { LlmCall } from "./task.ts";
import { Wake } from "./wake.ts";

export const TURNS_CHANNEL = "conversation_turns";
export const SENDS_CHANNEL = "channel_sends";
/** A Slack lookup reads from this long before the lost attempt started (clock skew). */
export const SLACK_LOOKUP_MARGIN_MS = 60_000;

export const ChannelSenderConfig = z.object({
  /** Names this sender in outbox leases (message_sends.lease_owner). */
  workerId: z.string().min(1).max(200),
  /** Look at least this often without a notification (retries become due silently). */
  pollMs: z.number().int().min(10).max(600_000).default(1000),
  /** Most turns started by one dispatch. */
  turnBatch: z.number().int().min(1).max(100).default(20),
  /** Most messages leased by one claim (sent concurrently). */
  sendBatch: z.number().int().min(1).max(500).default(20),
  /** A send's lease; a sender that dies mid-send hands the message back after it. */
  leaseSeconds: z.number().int().min(1).max(3600).default(60),
  /** Most guardrail judgements leased by one claim (judged concurrently). */
  judgeBatch: z.number().int().min(1).max(100).default(10),
  /** A judgement's lease (all its judges, one after another); a sender that dies hands it back after it. */
  judgeLeaseSeconds: z.number().int().min(1).max(3600).default(300),
  /** Gives up on a provider's answer after this long (a retryable failure). */
  sendTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  /** LISTEN on conversation_turns and channel_sends (off: poll only). */
  listen: z.boolean().default(true),
}).strict();
export type ChannelSenderConfig = z.input<typeof ChannelSenderConfig>;

export interface ChannelSenderDeps {
  /** Reads the secrets the bindings name (access_token_env, bot_token_env) and the base URLs. */
  env: EnvReader;
  fetch?: typeof fetch;
  log?: Logger;
  /** The model judges' providers (the worker's pool); default: a pool over `env` and `fetch`. */
  judges?: JudgeProviders;
}

export interface ChannelSenderStats {
  turnsStarted: number;
  turnsPaused: number;
  sent: number;
  retrying: number;
  failed: number;
  lost: number;
  judged: number;
  /** Judgements whose completion was refused (a stale lease: 409) or failed. */
  judgementsDropped: number;
}

/** What one pass did. */
export interface PassResult {
  judged: number;
  started: number;
  claimed: number;
  nextDueInMs: number | null;
}

export class ChannelSender {
  readonly stats: ChannelSenderStats = {
    turnsStarted: 0,
    turnsPaused: 0,
    sent: 0,
    retrying: 0,
    failed: 0,
    lost: 0,
    judged: 0,
    judgementsDropped: 0,
  };
  private readonly config: z.output<typeof ChannelSenderConfig>;
  private readonly log: Logger;
  private readonly wake = new Wake();
  private stopping = false;
  private running: Promise<void> | null = null;
  private unlisten: (() => Promise<void>)[] = [];
  private readonly judges: JudgeProviders;
  private readonly record: RecordJudgement;

  constructor(
    private readonly sql: postgres.Sql,
    config: ChannelSenderConfig,
    private readonly deps: ChannelSenderDeps,
  ) {
    this.config = ChannelSenderConfig.parse(config);
    this.log = deps.log ?? createLogger(`channels ${this.config.workerId}`, "info");
    this.judges = deps.judges ?? poolJudgeProviders(new ProviderPool(deps.env, deps.fetch));
    this.record = sqlRecordJudgement(sql);
  }

  /** Starts listening and passing; resolves once listening. */
  async start(): Promise<void> {
    if (this.running) return;
    if (this.config.listen) {
      for (const channel of [TURNS_CHANNEL, SENDS_CHANNEL]) {
        const { unlisten } = await this.sql.listen(
          channel,
          () => this.wake.notify(),
          () => this.wake.notify(),
        );
        this.unlisten.push(unlisten);
      }
    }
    this.running = this.loop();
  }

  poke(): void {
    this.wake.notify();
  }

  async stop(): Promise<ChannelSenderStats> {
    this.stopping = true;
    this.wake.notify();
    await this.running;
    for (const u of this.unlisten.splice(0)) await u().catch(() => {});
    return { ...this.stats };
  }

  /** One pass: judge held messages, start due turns, claim and send due messages (awaiting each). */
  async runOnce(): Promise<PassResult> {
    const [{ j }] = await this.sql<{ j: unknown }[]>`
      select public.claim_guardrail_judgements(${this.config.workerId}, ${this.config.judgeBatch}::integer, ${this.config.judgeLeaseSeconds}::integer) as j`;
    const judgements = ClaimGuardrailJudgementsOutput.parse(j);
    await Promise.all(judgements.map((row) => this.judge(row)));
    const [{ d }] = await this.sql<
      { d: unknown }[]
    >`select public.dispatch_conversation_turns(${this.config.turnBatch}::integer) as d`;
    const dispatched = DispatchTurnsOutput.parse(d);
    this.stats.turnsStarted += dispatched.started;
    this.stats.turnsPaused += dispatched.paused;
    if (dispatched.paused > 0) {
      this.log.warn("loop guard paused conversations", { paused: dispatched.paused });
    }
    const [{ c }] = await this.sql<{ c: unknown }[]>`
      select public.claim_channel_sends(${this.config.workerId}, ${this.config.sendBatch}::integer, ${this.config.leaseSeconds}::integer) as c`;
    const claimed = ClaimChannelSendsOutput.parse(c);
    await Promise.all(claimed.map((row) => this.send(row)));
    return {
      judged: judgements.length,
      started: dispatched.started,
      claimed: claimed.length,
      nextDueInMs: dispatched.nextDueInMs,
    };
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let waitMs = this.config.pollMs;
      try {
        const pass = await this.runOnce();
        failures = 0;
        if (
          pass.judged >= this.config.judgeBatch || pass.started >= this.config.turnBatch ||
          pass.claimed >= this.config.sendBatch
        ) continue; // more may be due
        if (pass.nextDueInMs !== null) waitMs = Math.min(waitMs, Math.max(pass.nextDueInMs, 10));
      } catch (err) {
        failures++;
        waitMs = Math.min(this.config.pollMs * 2 ** failures, 30_000);
        this.log.error("channel pass failed", { error: String(err), retry_in_ms: waitMs });
      }
      if (this.stopping) break;
      await this.wake.wait(waitMs);
    }
  }

  /** Asks the judges of one leased judgement and records its final verdict. */
  async judge(row: ClaimedGuardrailJudgement): Promise<void> {
    try {
      // Each judge's model call goes to the ledger with the verdict (complete_guardrail_judgement).
      const calls: { modelId: string | null; ruleId: string; call: LlmCall }[] = [];
      const verdict: GuardrailVerdict = await resolvePendingJudgements(
        row.verdict,
        this.judges,
        this.record,
        {
          onCall: (pending, call) => {
            calls.push({
              modelId: pending.model?.id ?? null,
              ruleId: pending.ruleId,
              call: ledgerCall(call),
            });
          },
        },
      );
      await this.sql`select public.complete_guardrail_judgement(${row.id}::uuid, ${row.leaseToken}::uuid, ${
        this.sql.json(verdict as unknown as postgres.JSONValue)
      }::jsonb, ${this.sql.json(calls as unknown as postgres.JSONValue)}::jsonb)`;
      this.stats.judged++;
    } catch (err) {
      // A stale lease (PT409): the judgement went back to the queue meanwhile; its new holder decides.
      // Anything else: the lease expires and the judgement is claimed again (at most 5 times, then closed).
      this.stats.judgementsDropped++;
      const stale = (err as { code?: string }).code === "PT409";
      this.log[stale ? "warn" : "error"]("could not record a guardrail judgement", {
        judgement_id: row.id,
        attempt: row.attempt,
        error: String(err),
      });
    }
  }

  /** Sends one leased message and records the outcome. */
  async send(row: ClaimedChannelSend): Promise<void> {
    let result: SendResult;
    try {
      result = await this.callProvider(row);
    } catch (err) {
      result = {
        kind: "retryable",
        retryAfterMs: null,
        error: { code: "sender", message: String(err).slice(0, 500) },
      };
    }
    try {
      if (result.kind === "sent") {
        await this
          .sql`select public.complete_channel_send(${row.messageId}::uuid, ${row.leaseToken}::uuid, ${result.providerMessageId})`;
        this.stats.sent++;
        return;
      }
      const error = { ...result.error };
      const [{ f }] = await this.sql<{ f: { status: string } }[]>`
        select public.fail_channel_send(${row.messageId}::uuid, ${row.leaseToken}::uuid, ${
        this.sql.json(error)
      }::jsonb,
          ${result.kind === "retryable" ? result.retryAfterMs : null}::integer, ${
        result.kind === "retryable"
      }) as f`;
      if (f.status === "retrying") this.stats.retrying++;
      else this.stats.failed++;
      this.log.warn("send not accepted", {
        message_id: row.messageId,
        attempt: row.attempt,
        outcome: f.status,
        error,
      });
    } catch (err) {
      // A stale lease (PT409): the message went back to the queue meanwhile; its new holder decides.
      this.stats.lost++;
      this.log.warn("could not record a send", { message_id: row.messageId, error: String(err) });
    }
  }

  private async callProvider(row: ClaimedChannelSend): Promise<SendResult> {
    const options = { fetch: this.deps.fetch, timeoutMs: this.config.sendTimeoutMs };
    const missing = (name: string | null): SendResult => ({
      kind: "permanent",
      error: {
        code: "missing_secret",
        message: `the environment variable ${name ?? "(none)"} the binding names is not set`,
      },
    });
    if (row.channel === "whatsapp") {
      const accessToken = row.accessTokenEnv ? this.deps.env.get(row.accessTokenEnv) : undefined;
      if (!accessToken) return missing(row.accessTokenEnv);
      return await sendWhatsApp(
        {
          ...options,
          phoneNumberId: row.routingKey,
          accessToken,
          baseUrl: this.deps.env.get("WHATSAPP_GRAPH_BASE_URL"),
        },
        {
          to: row.to,
          recipientType: row.recipientType,
          callbackData: row.messageId,
          ...(row.template ? { template: row.template } : { text: row.body }),
        },
      );
    }
    const botToken = row.botTokenEnv ? this.deps.env.get(row.botTokenEnv) : undefined;
    if (!botToken) return missing(row.botTokenEnv);
    const slack = { ...options, botToken, baseUrl: this.deps.env.get("SLACK_API_BASE_URL") };
    const thread = row.threadTs ? { threadTs: row.threadTs } : {};
    if (row.uncertainSince !== null) {
      const earlier = await findSlackMessage(slack, {
        channel: row.to,
        ...thread,
        messageId: row.messageId,
        oldestMs: Date.parse(row.uncertainSince) - SLACK_LOOKUP_MARGIN_MS,
      });
      if (earlier.kind !== "absent") return earlier;
    }
    return await sendSlack(slack, { channel: row.to, text: row.body, ...thread, messageId: row.messageId });
  }
}
