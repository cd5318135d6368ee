// Keeps a task's lease alive while its call runs: a heartbeat every third of the lease, so two
// heartbeats can be late before the lease lapses. A refused heartbeat (the task was reclaimed,
// cancelled or finished) means the task is lost: the keeper stops and says so at once.
import { StaleLeaseError, type WorkerDb } from "./db.ts";
import type { Logger } from "./log.ts";
import type { TaskHandle } from "./task.ts";

export interface LeaseKeeperOptions {
  leaseSeconds: number;
  onLost: (err: StaleLeaseError) => void;
  log: Logger;
}

export class LeaseKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private inFlight: Promise<void> = Promise.resolve();
  beats = 0;

  constructor(
    private readonly db: WorkerDb,
    private readonly task: TaskHandle,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.schedule();
  }

  private schedule() {
    if (this.stopped) return;
    const every = Math.max(100, Math.floor((this.options.leaseSeconds * 1000) / 3));
    this.timer = setTimeout(() => {
      this.inFlight = this.beat().finally(() => this.schedule());
    }, every);
  }

  private async beat() {
    if (this.stopped) return;
    try {
      await this.db.heartbeat(this.task, this.options.leaseSeconds);
      this.beats++;
    } catch (err) {
      if (err instanceof StaleLeaseError) {
        this.stopped = true;
        this.options.onLost(err);
      } else {
        // A passing database error: the next beat tries again before the lease can lapse.
        this.options.log.warn("heartbeat failed", { result_id: this.task.result_id, error: String(err) });
      }
    }
  }

  /** No more heartbeats; resolves when one in flight has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.inFlight;
  }
}
