// One LISTEN workflow_run_events connection per function process, fanned out to the streams open
// on each run. It is a wake-up signal only: it carries run ids, never data; streams read the
// events through PostgREST with their caller's JWT. After the connection is (re)established every
// stream is woken, since notifications sent while it was down are lost.
import type postgres from "postgres";
import { z } from "zod";

export const RUN_EVENTS_CHANNEL = "workflow_run_events";

// The payload is the run id; a JSON object {"run_id", "event_id"} is read as well.
const RunId = z.guid();
const Notification = z.object({ run_id: z.guid(), event_id: z.number().int().positive() });

function runIdOf(payload: string): string | null {
  const plain = RunId.safeParse(payload.trim());
  if (plain.success) return plain.data;
  try {
    const parsed = Notification.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data.run_id : null;
  } catch {
    return null;
  }
}

type Wake = () => void;

// Runs notify only while watched (lenses.workflow_runs.watched_until, see the events append
// migration): the listener keeps that mark ahead of now for every run it has a stream on.
const WATCH_SECONDS = 60;
const WATCH_RENEW_MS = 20_000;

export class RunEventsListener {
  private readonly byRun = new Map<string, Set<Wake>>();
  private readonly renewals = new Map<string, ReturnType<typeof setInterval>>();
  private listening: Promise<boolean> | null = null;

  constructor(
    private readonly sql: postgres.Sql,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Starts listening once; resolves false (streams then rely on polling) when LISTEN failed. */
  ready(): Promise<boolean> {
    if (!this.listening) {
      this.listening = this.sql
        .listen(RUN_EVENTS_CHANNEL, (payload) => this.dispatch(payload), () => this.wakeAll())
        .then(() => true, (err) => {
          this.onError(err);
          this.listening = null; // the next stream tries again
          return false;
        });
    }
    return this.listening;
  }

  /** Calls `wake` whenever an event of the run is appended; returns the unsubscribe function. */
  subscribe(runId: string, wake: Wake): () => void {
    let set = this.byRun.get(runId);
    if (!set) {
      this.byRun.set(runId, set = new Set());
      void this.markWatched(runId);
      this.renewals.set(runId, setInterval(() => void this.markWatched(runId), WATCH_RENEW_MS));
    }
    set.add(wake);
    return () => {
      set!.delete(wake);
      if (set!.size === 0 && this.byRun.get(runId) === set) {
        this.byRun.delete(runId);
        clearInterval(this.renewals.get(runId));
        this.renewals.delete(runId);
      }
    };
  }

  /** Asks the run's events to notify for the next minute (a lapsed mark just ends the notifying). */
  async markWatched(runId: string): Promise<void> {
    try {
      await this.sql`update lenses.workflow_runs set watched_until = now() + make_interval(secs => ${WATCH_SECONDS})
                     where id = ${runId}`;
    } catch (err) {
      this.onError(err);
    }
  }

  get subscribers(): number {
    let n = 0;
    for (const set of this.byRun.values()) n += set.size;
    return n;
  }

  private dispatch(payload: string) {
    const runId = runIdOf(payload);
    if (runId === null) {
      this.onError(
        new Error(`ignored a malformed ${RUN_EVENTS_CHANNEL} notification: ${payload.slice(0, 200)}`),
      );
      return;
    }
    for (const wake of this.byRun.get(runId) ?? []) wake();
  }

  private wakeAll() {
    for (const set of this.byRun.values()) for (const wake of set) wake();
  }
}
