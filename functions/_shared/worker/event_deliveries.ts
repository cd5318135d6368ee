// The event bus's worker side (README "Events"): a small loop next to the task loop (scripts/worker.ts
// runs both; the engine's loop is untouched). It runs the sql consumers' due retries
// (process_event_deliveries), then leases due deliveries of the worker consumers it handles
// (claim_event_deliveries, SKIP LOCKED, one attempt each) and completes or fails each with its lease
// token (complete_event_delivery / fail_event_delivery; a stale token is PT409 and the outcome is
// dropped: the delivery was reclaimed after the lease expired). Woken by NOTIFY event_deliveries
// (a delivery to a worker consumer was made) and by its poll (retries after backoff).
//
// The one worker consumer today is output_webhook: POST the completed team run's output to the
// destination's URL, under the SSRF rules of the tools (address_policy.ts: public addresses only
// unless CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK), no redirects, a timeout, the delivery id as
// Idempotency-Key (the same on every attempt, so a receiver drops a repeat), signed like custom
// HTTP tools when the destination names secretEnv. 2xx: processed. 429, 5xx, a network error or a
// timeout: retried with backoff. Anything else (a 4xx, a 3xx, a refused address): failed at once.
import type postgres from "postgres";
import { z } from "zod";
import type { EnvReader } from "../providers/index.ts";
import { decodeText } from "../tools/bounded.ts";
import { signBody } from "../tools/custom_http.ts";
import { sendOutbound } from "../tools/outbound.ts";
import { httpPolicy, ToolCallError, type ToolContext } from "../tools/types.ts";
import { ClaimedDelivery, OutputWebhookBody, OutputWebhookContext } from "../../../types/events.ts";
import { STALE_LEASE } from "./db.ts";
import { createLogger, type Logger } from "./log.ts";
import { defaultWorkerId } from "./loop.ts";
import { Wake } from "./wake.ts";

export const EVENT_DELIVERIES_CHANNEL = "event_deliveries";

export const EventDeliveryLoopConfig = z.object({
  workerId: z.string().min(1).max(200).optional(),
  /** The worker consumers this loop handles (each needs a handler below). */
  consumers: z.array(z.enum(["output_webhook"])).default(["output_webhook"]),
  /** Deliveries leased by one claim, handled concurrently. */
  batchSize: z.number().int().min(1).max(500).default(10),
  leaseSeconds: z.number().int().min(1).max(3600).default(60),
  /** Claim at least this often without a notification (retries after backoff have none). */
  pollMs: z.number().int().min(10).max(600_000).default(2000),
  /** Most sql-consumer retries run per poll (0: leave them to another worker or pg_cron). */
  sqlBatch: z.number().int().min(0).max(1000).default(100),
  listen: z.boolean().default(true),
  webhook: z.object({
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    allowPrivateNetwork: z.boolean().default(false),
    allowHosts: z.array(z.string().min(1).max(200)).max(100).default([]),
    maxResponseBytes: z.number().int().min(1).max(1_000_000).default(8192),
  }).strict().default({
    timeoutMs: 10_000,
    allowPrivateNetwork: false,
    allowHosts: [],
    maxResponseBytes: 8192,
  }),
}).strict();
export type EventDeliveryLoopConfig = z.input<typeof EventDeliveryLoopConfig>;

export interface EventDeliveryDeps {
  env?: EnvReader;
  log?: Logger;
  /** Default: DNS (A and AAAA). */
  resolveHost?: (host: string) => Promise<string[]>;
  now?: () => Date;
}

export interface EventDeliveryStats {
  claimed: number;
  processed: number;
  retried: number;
  failed: number;
  /** Outcomes dropped because the lease was no longer held (PT409). */
  lost: number;
  sqlRun: number;
}

/** How an attempt ended: processed with a result, or an error that is retried or not. */
export type AttemptOutcome =
  | { ok: true; result: Record<string, unknown> }
  | { ok: false; error: string; retryable: boolean };

type Handler = (delivery: ClaimedDelivery, signal: AbortSignal) => Promise<AttemptOutcome>;

/** A claimed row as postgres-js returns it, made JSON-shaped (bigint ids as numbers, dates as ISO). */
export function parseClaimedRow(row: Record<string, unknown>): ClaimedDelivery {
  return ClaimedDelivery.parse({
    ...row,
    event_id: Number(row.event_id),
    occurred_at: row.occurred_at instanceof Date ? row.occurred_at.toISOString() : row.occurred_at,
  });
}

/** The body POSTed for a delivery of output_webhook (throws when the context is not a webhook's). */
export function outputWebhookRequest(
  delivery: ClaimedDelivery,
): { url: string; secretEnv?: string; body: OutputWebhookBody } {
  const context = OutputWebhookContext.parse(delivery.context);
  const destination = context.destination;
  if (!("kind" in destination) || destination.kind !== "webhook") {
    throw new Error(`team run ${context.team_run.id}'s output destination is not a webhook`);
  }
  const body = OutputWebhookBody.parse({
    type: "run_output",
    delivery_id: delivery.delivery_id,
    event: {
      scope_id: delivery.scope_id,
      event_id: delivery.event_id,
      event_type: delivery.event_type,
      occurred_at: String(delivery.occurred_at),
    },
    team_run_id: context.team_run.id,
    workflow_run_id: context.team_run.workflow_run_id,
    assignment_id: context.team_run.assignment_id,
    workflow_id: context.team_run.workflow_id,
    status: context.team_run.status,
    finished_at: context.team_run.finished_at,
    output: context.output ?? null,
  });
  return { url: destination.url, secretEnv: destination.secretEnv, body };
}

export class EventDeliveryLoop {
  readonly workerId: string;
  readonly stats: EventDeliveryStats = {
    claimed: 0,
    processed: 0,
    retried: 0,
    failed: 0,
    lost: 0,
    sqlRun: 0,
  };
  private readonly config: z.output<typeof EventDeliveryLoopConfig>;
  private readonly log: Logger;
  private readonly env: EnvReader;
  private readonly wake = new Wake();
  private readonly handlers: Record<string, Handler>;
  private readonly abort = new AbortController();
  private stopping = false;
  private started: Promise<void> | null = null;
  private running: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | null = null;
  private stopped: Promise<EventDeliveryStats> | null = null;

  constructor(
    private readonly sql: postgres.Sql,
    config: EventDeliveryLoopConfig = {},
    private readonly deps: EventDeliveryDeps = {},
  ) {
    this.config = EventDeliveryLoopConfig.parse(config);
    this.workerId = this.config.workerId ?? defaultWorkerId();
    this.log = deps.log ?? createLogger(`events ${this.workerId}`, "info");
    this.env = deps.env ?? Deno.env;
    this.handlers = { output_webhook: (d, signal) => this.deliverWebhook(d, signal) };
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      if (this.config.listen) {
        const { unlisten } = await this.sql.listen(
          EVENT_DELIVERIES_CHANNEL,
          () => this.wake.notify(),
          () => this.wake.notify(),
        );
        this.unlisten = unlisten;
      }
      this.running = this.run();
    })();
    return this.started;
  }

  poke(): void {
    this.wake.notify();
  }

  /**
   * Stops claiming; deliveries in flight get `drainMs` to finish, then their requests are aborted
   * (each is failed as retryable, or left to its lease if that fails too).
   */
  stop(drainMs = 0): Promise<EventDeliveryStats> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.wake.notify();
      await this.started;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        this.running,
        new Promise((resolve) => (timer = setTimeout(resolve, drainMs))),
      ]);
      clearTimeout(timer);
      this.abort.abort();
      await this.running;
      if (this.unlisten) await this.unlisten().catch(() => {});
      return { ...this.stats };
    })();
    return this.stopped;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let more = false;
      try {
        if (this.config.sqlBatch > 0) {
          const [{ n }] = await this.sql<
            { n: number }[]
          >`select public.process_event_deliveries(${this.config.sqlBatch}) as n`;
          this.stats.sqlRun += n;
        }
        for (const consumer of this.config.consumers) {
          if (this.stopping) break;
          const handled = await this.claimAndHandle(consumer);
          if (handled >= this.config.batchSize) more = true;
        }
        failures = 0;
      } catch (err) {
        failures++;
        const backoff = Math.min(this.config.pollMs * 2 ** (failures - 1), 30_000);
        this.log.error("event deliveries: claim failed", { error: String(err), retry_in_ms: backoff });
        await this.wake.wait(backoff);
        continue;
      }
      if (more || this.stopping) continue;
      await this.wake.wait(this.config.pollMs);
    }
  }

  private async claimAndHandle(consumer: string): Promise<number> {
    const rows = await this.sql<Record<string, unknown>[]>`
      select * from public.claim_event_deliveries(${consumer}, ${this.workerId}, ${this.config.batchSize},
        ${this.config.leaseSeconds})`;
    this.stats.claimed += rows.length;
    await Promise.all(rows.map((row) => this.handle(consumer, row)));
    return rows.length;
  }

  private async handle(consumer: string, row: Record<string, unknown>): Promise<void> {
    const id = String(row.delivery_id);
    const token = String(row.lease_token);
    let outcome: AttemptOutcome;
    try {
      const delivery = parseClaimedRow(row);
      outcome = await this.handlers[consumer](delivery, this.abort.signal);
    } catch (err) {
      outcome = {
        ok: false,
        error: `cannot handle delivery ${id}: ${(err as Error).message}`,
        retryable: false,
      };
    }
    try {
      if (outcome.ok) {
        await this.sql`select 1 from public.complete_event_delivery(${id}, ${token}, ${
          this.sql.json(outcome.result as postgres.JSONValue)
        })`;
        this.stats.processed++;
        this.log.info("delivered", { consumer, delivery_id: id });
      } else {
        const [settled] = await this.sql<{ state: string }[]>`
          select state::text from public.fail_event_delivery(${id}, ${token}, ${outcome.error}, ${outcome.retryable})`;
        if (settled.state === "failed") this.stats.failed++;
        else this.stats.retried++;
        this.log.warn("delivery attempt failed", {
          consumer,
          delivery_id: id,
          state: settled.state,
          error: outcome.error,
        });
      }
    } catch (err) {
      if ((err as { code?: string })?.code === STALE_LEASE) {
        this.stats.lost++;
        this.log.warn("lease lost: the delivery was reclaimed", { consumer, delivery_id: id });
      } else {
        // The lease runs out and the delivery is claimed again.
        this.log.error("could not settle a delivery", { consumer, delivery_id: id, error: String(err) });
      }
    }
  }

  private async deliverWebhook(delivery: ClaimedDelivery, signal: AbortSignal): Promise<AttemptOutcome> {
    let request: ReturnType<typeof outputWebhookRequest>;
    try {
      request = outputWebhookRequest(delivery);
    } catch (err) {
      return { ok: false, error: `output_webhook: ${(err as Error).message}`, retryable: false };
    }
    const raw = JSON.stringify(request.body);
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "Idempotency-Key": delivery.delivery_id,
      "X-CL-Event": `${delivery.scope_id}:${delivery.event_id}`,
      "X-CL-Delivery-Attempt": String(delivery.attempts),
    };
    if (request.secretEnv) {
      const secret = this.env.get(request.secretEnv);
      if (!secret) {
        return {
          ok: false,
          error:
            `output_webhook: the environment variable ${request.secretEnv} (the destination's secretEnv) is not set`,
          retryable: false,
        };
      }
      const timestamp = Math.floor((this.deps.now?.() ?? new Date()).getTime() / 1000);
      headers["X-CL-Timestamp"] = String(timestamp);
      headers["X-CL-Signature"] = await signBody(secret, timestamp, raw);
    }
    const webhook = this.config.webhook;
    const ctx: ToolContext = {
      signal,
      idempotencyKey: delivery.delivery_id,
      http: httpPolicy({
        allowHosts: webhook.allowHosts,
        allowPrivateNetwork: webhook.allowPrivateNetwork,
        timeoutMs: webhook.timeoutMs,
        maxResponseBytes: webhook.maxResponseBytes,
      }),
      settings: {},
      env: this.env,
      resolveHost: this.deps.resolveHost,
      now: this.deps.now,
    };
    try {
      const response = await sendOutbound({ method: "POST", url: request.url, headers, body: raw }, ctx, {
        maxRedirects: 0,
        timeoutMs: webhook.timeoutMs,
      });
      if (response.status >= 200 && response.status <= 299) {
        return { ok: true, result: { status: response.status, attempts: delivery.attempts } };
      }
      const detail = decodeText(response.bytes, response.truncated).slice(0, 500);
      const retryable = response.status === 429 || response.status >= 500;
      return {
        ok: false,
        error: `output_webhook: ${request.url} answered ${response.status}: ${detail}`,
        retryable,
      };
    } catch (err) {
      if (err instanceof ToolCallError) {
        return { ok: false, error: `output_webhook: ${err.message}`, retryable: err.kind !== "refused" };
      }
      return { ok: false, error: `output_webhook: ${(err as Error).message}`, retryable: true };
    }
  }
}
