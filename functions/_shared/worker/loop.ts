// The worker loop shared by the long-lived local process (scripts/worker.ts) and the hosted edge
// function (functions/worker): claim due tasks in batches up to a concurrency limit, run each
// concurrently, claim again when woken (NOTIFY, a task ending, the poll timer). stop() ends
// claiming, lets in-flight tasks finish for a while, then hands the rest back to the queue.
import type postgres from "postgres";
import { z } from "zod";
import type { EnvReader } from "../providers/index.ts";
import { CompletionBatcher } from "./completions.ts";
import { type RoundTrips, WorkerDb } from "./db.ts";
import { createLogger, type Logger } from "./log.ts";
import { ProviderPool } from "./provider.ts";
import { RunningTask, type TaskOutcome } from "./run_task.ts";
import { listenForTasks, Wake } from "./wake.ts";
import { ChannelSender } from "./channel_sender.ts";
import { poolJudgeProviders } from "../guardrails/model_judge.ts";

export const WorkerLoopConfig = z.object({
  /** Names this worker in leases and events (lease_owner, node_started.worker). */
  workerId: z.string().min(1).max(200).optional(),
  /** Tasks in flight at once. */
  concurrency: z.number().int().min(1).max(500).default(8),
  /** Most tasks taken by one claim (default: the concurrency). */
  batchSize: z.number().int().min(1).max(500).optional(),
  /** Lease length; heartbeats go out every third of it. */
  leaseSeconds: z.number().int().min(1).max(3600).default(30),
  /** Claim at least this often without a notification (due retries have none). */
  pollMs: z.number().int().min(10).max(600_000).default(3000),
  /** Streaming reports at most this often... */
  progressIntervalMs: z.number().int().min(0).max(60_000).default(250),
  /** ...or once this many bytes are waiting. */
  progressMaxBytes: z.number().int().min(1).max(1_000_000).default(2048),
  /** Most completions reported in one transaction (1: each alone). */
  completionBatchSize: z.number().int().min(1).max(500).default(64),
  /** LISTEN on workflow_tasks (off: poll only). */
  listen: z.boolean().default(true),
  /** Also start conversation turns and send the channels' outbox (channel_sender.ts). */
  channels: z.boolean().default(true),
}).strict();
export type WorkerLoopConfig = z.input<typeof WorkerLoopConfig>;

export interface WorkerLoopDeps {
  /** Reads provider keys by the names the catalog gives (api_key_env). */
  env?: EnvReader;
  fetch?: typeof fetch;
  log?: Logger;
}

export interface WorkerStats {
  claimed: number;
  completed: number;
  failed: number;
  released: number;
  lost: number;
  abandoned: number;
  parked: number;
}

const MAX_CLAIM_BACKOFF_MS = 30_000;

export function defaultWorkerId(): string {
  let host = "worker";
  try {
    host = Deno.hostname();
  } catch { /* no --allow-sys, or the edge runtime */ }
  return `${host}:${Deno.pid}:${crypto.randomUUID().slice(0, 8)}`;
}

export class WorkerLoop {
  readonly workerId: string;
  readonly stats: WorkerStats = {
    claimed: 0,
    completed: 0,
    failed: 0,
    released: 0,
    lost: 0,
    abandoned: 0,
    parked: 0,
  };
  private readonly config: z.output<typeof WorkerLoopConfig>;
  private readonly db: WorkerDb;
  private readonly completions: CompletionBatcher;
  private readonly log: Logger;
  private readonly providers: ProviderPool;
  private readonly env: EnvReader;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly wake = new Wake();
  private readonly inFlight = new Set<RunningTask>();
  private dueWork = true;
  private stopping = false;
  private started: Promise<void> | null = null;
  private claiming: Promise<void> = Promise.resolve();
  private unlisten: (() => Promise<void>) | null = null;
  private stopped: Promise<WorkerStats> | null = null;
  private channelSender: ChannelSender | null = null;

  constructor(private readonly sql: postgres.Sql, config: WorkerLoopConfig = {}, deps: WorkerLoopDeps = {}) {
    this.config = WorkerLoopConfig.parse(config);
    this.workerId = this.config.workerId ?? defaultWorkerId();
    this.db = new WorkerDb(sql);
    this.completions = new CompletionBatcher(this.db, {
      maxBatch: this.config.completionBatchSize,
      maxConcurrent: 1,
      workerId: this.workerId,
      leaseSeconds: this.config.leaseSeconds,
      // The slots these completions free, and any free already.
      claimWith: (n) =>
        this.stopping ? 0 : Math.max(
          0,
          Math.min(
            this.config.batchSize ?? this.config.concurrency,
            this.config.concurrency - this.inFlight.size + n,
          ),
        ),
      onTasks: (rows, asked) => {
        for (const row of rows) this.launch(row);
        // Nothing asked (or all of it granted): the queue may hold more, so look.
        if (asked === 0 || rows.length >= asked) this.poke();
      },
    });
    this.log = deps.log ?? createLogger(`worker ${this.workerId}`, "info");
    this.env = deps.env ?? Deno.env;
    this.providers = new ProviderPool(this.env, deps.fetch);
    this.fetchImpl = deps.fetch;
  }

  /** Starts listening and claiming; resolves once the loop is listening. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = (async () => {
        if (this.config.listen) {
          this.unlisten = await listenForTasks(this.sql, () => this.poke());
        }
        this.claiming = this.claimLoop();
        if (this.config.channels) {
          this.channelSender = new ChannelSender(this.sql, {
            workerId: this.workerId,
            pollMs: Math.min(this.config.pollMs, 1000),
            listen: this.config.listen,
          }, {
            env: this.env,
            fetch: this.fetchImpl,
            log: this.log,
            judges: poolJudgeProviders(this.providers),
          });
          await this.channelSender.start();
        }
      })();
    }
    return this.started;
  }

  /** Wakes the loop as a notification would. */
  poke(): void {
    this.dueWork = true;
    this.wake.notify();
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Round trips to the database so far, by transition. */
  get roundTrips(): RoundTrips {
    return { ...this.db.calls };
  }

  /** Completion batches written so far, and the completions they carried. */
  get completionBatches(): { batches: number; completions: number } {
    return { ...this.completions.counts };
  }

  /**
   * Stops claiming; in-flight tasks get `drainMs` to finish, the rest are handed back
   * (release_workflow_task). Resolves with the final counts once every task has ended.
   */
  stop(drainMs = 0): Promise<WorkerStats> {
    if (!this.stopped) {
      this.stopped = (async () => {
        this.stopping = true;
        this.wake.notify();
        await this.started;
        await this.claiming;
        if (this.inFlight.size > 0 && drainMs > 0) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            Promise.allSettled([...this.inFlight].map((t) => t.done)),
            new Promise((resolve) => (timer = setTimeout(resolve, drainMs))),
          ]);
          clearTimeout(timer);
        }
        // A completion batch still being written may lease tasks after this point: they are
        // handed back too (launch releases them at once while stopping), until none is left.
        while (this.inFlight.size > 0) {
          for (const task of this.inFlight) task.release();
          await Promise.allSettled([...this.inFlight].map((t) => t.done));
        }
        if (this.unlisten) await this.unlisten().catch(() => {});
        if (this.channelSender) await this.channelSender.stop();
        return { ...this.stats };
      })();
    }
    return this.stopped;
  }

  /** Runs for `budgetMs`, then stops as stop(drainMs) does. */
  async runFor(budgetMs: number, drainMs = 0): Promise<WorkerStats> {
    await this.start();
    await new Promise((resolve) => setTimeout(resolve, budgetMs));
    return await this.stop(drainMs);
  }

  private async claimLoop(): Promise<void> {
    const batch = this.config.batchSize ?? this.config.concurrency;
    let failures = 0;
    while (!this.stopping) {
      const free = this.config.concurrency - this.inFlight.size;
      if (free > 0 && this.dueWork) {
        const limit = Math.min(free, batch);
        this.dueWork = false;
        let rows: unknown[];
        try {
          rows = await this.db.claim(this.workerId, limit, this.config.leaseSeconds);
          failures = 0;
        } catch (err) {
          failures++;
          this.dueWork = true;
          const backoff = Math.min(this.config.pollMs * 2 ** (failures - 1), MAX_CLAIM_BACKOFF_MS);
          this.log.error("claim failed", { error: String(err), retry_in_ms: backoff });
          await this.wake.wait(backoff);
          continue;
        }
        if (rows.length >= limit) this.dueWork = true; // the queue may hold more
        for (const row of rows) this.launch(row);
        if (this.dueWork && this.inFlight.size < this.config.concurrency) continue;
      }
      if (this.stopping) break;
      const woken = await this.wake.wait(this.config.pollMs);
      if (!woken) this.dueWork = true; // the poll: retries and backoffs become due silently
    }
  }

  private launch(row: unknown) {
    this.stats.claimed++;
    const task = new RunningTask({
      db: this.db,
      completions: this.completions,
      providers: this.providers,
      workerId: this.workerId,
      leaseSeconds: this.config.leaseSeconds,
      progressIntervalMs: this.config.progressIntervalMs,
      progressMaxBytes: this.config.progressMaxBytes,
      log: this.log,
      env: this.env,
    }, row);
    this.inFlight.add(task);
    if (this.stopping) task.release();
    task.done.then((outcome: TaskOutcome) => {
      this.stats[outcome]++;
      this.inFlight.delete(task);
      // A completion leased the next tasks in its own transaction (and said whether to look for
      // more). Any other end frees a slot: look for work at once, as nothing notifies.
      if (outcome === "completed") this.wake.notify();
      else this.poke();
    });
  }
}
