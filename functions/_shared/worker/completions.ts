// Completions go to the engine in batches, as group commit does: a completion that arrives while
// the previous batch is being written waits for it and leaves with the others that came in the
// meantime, in one transaction (complete_workflow_tasks). An idle worker sends each completion at
// once: no timer, no added latency. A busy one commits many per WAL flush. The same transaction
// leases the worker's next tasks (claimWith), most often the successors the batch just queued.
//
// A lease no longer held comes back as a StaleLeaseError for that task alone. When a whole batch
// fails (bad input refuses it entirely, or the connection broke), each completion is retried on
// its own, so that one bad completion costs only itself.
import { type Completion, StaleLeaseError, type WorkerDb } from "./db.ts";
import type { CompleteAnswer } from "./task.ts";

interface Pending extends Completion {
  resolve: (answer: CompleteAnswer) => void;
  reject: (err: unknown) => void;
}

export interface CompletionBatcherOptions {
  /** Most completions in one transaction. */
  maxBatch: number;
  /** Batches written at once (each holds a connection). */
  maxConcurrent: number;
  workerId: string;
  leaseSeconds: number;
  /** How many tasks to lease along with a batch of this many completions (0: none). */
  claimWith: (completions: number) => number;
  /** The tasks leased with a batch, and how many were asked for (0 when the batch leased none). */
  onTasks: (rows: unknown[], asked: number) => void;
}

export class CompletionBatcher {
  private queue: Pending[] = [];
  private writing = 0;
  private scheduled = false;
  /** Batches written so far, and the completions they carried. */
  readonly counts = { batches: 0, completions: 0 };

  constructor(private readonly db: WorkerDb, private readonly options: CompletionBatcherOptions) {}

  complete(completion: Completion): Promise<CompleteAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...completion, resolve, reject });
      // Completions of the same tick leave together.
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump() {
    while (this.writing < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.writing++;
      this.write(batch).finally(() => {
        this.writing--;
        this.pump();
      });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    this.counts.batches++;
    this.counts.completions += batch.length;
    const asked = this.options.claimWith(batch.length);
    let result;
    try {
      result = await this.db.completeMany(
        batch,
        asked > 0
          ? { workerId: this.options.workerId, limit: asked, leaseSeconds: this.options.leaseSeconds }
          : null,
      );
    } catch {
      this.options.onTasks([], 0);
      await Promise.all(batch.map((p) => this.alone(p)));
      return;
    }
    // The new tasks start before the completed ones end, so a stop that begins now sees them.
    this.options.onTasks(result.tasks, asked);
    result.answers.forEach((answer, i) => {
      if (answer.status === "lost") batch[i].reject(new StaleLeaseError("complete", answer.error));
      else batch[i].resolve(answer);
    });
  }

  private async alone(p: Pending): Promise<void> {
    try {
      p.resolve(await this.db.complete(p.task, p.text, p.llmCall));
    } catch (err) {
      p.reject(err);
    }
  }
}
