// One LISTEN per stream kind's channel (workflow_run_events, agent_run_events) per function process,
// all on postgres.js's one listening connection, fanned out to the streams open on each run or team
// run. It is a wake-up signal only: it carries ids, never data; streams read the events through
// PostgREST with their caller's JWT. After the connection is (re)established every stream of the
// channel is woken, since notifications sent while it was down are lost.
import type postgres from "postgres";
import { z } from "zod";
import { type StreamKind, WORKFLOW_RUN_STREAM } from "./kinds.ts";

// The payload is the run's (or team run's) id; a JSON object {"run_id", "event_id"} is read as well.
const Id = z.guid();
const Notification = z.object({ run_id: z.guid(), event_id: z.number().int().positive() });

function idOf(payload: string): string | null {
  const plain = Id.safeParse(payload.trim());
  if (plain.success) return plain.data;
  try {
    const parsed = Notification.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data.run_id : null;
  } catch {
    return null;
  }
}

type Wake = () => void;

// Appends notify only while watched (the kind's table, watched_until > now()): the listener keeps
// that mark ahead of now for every run and team run it has a stream on.
const WATCH_SECONDS = 60;
const WATCH_RENEW_MS = 20_000;

interface Watch {
  wakes: Set<Wake>;
  /** The first mark: appends notify once it has committed. */
  marked: Promise<void>;
  renewal: ReturnType<typeof setInterval>;
}

export class RunEventsListener {
  private readonly watches = new Map<StreamKind, Map<string, Watch>>();
  private readonly listening = new Map<StreamKind, Promise<boolean>>();

  constructor(
    private readonly sql: postgres.Sql,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Listens on the kind's channel once; resolves false (streams then rely on polling) when LISTEN failed. */
  ready(kind: StreamKind = WORKFLOW_RUN_STREAM): Promise<boolean> {
    let listening = this.listening.get(kind);
    if (!listening) {
      listening = this.sql
        .listen(kind.channel, (payload) => this.dispatch(kind, payload), () => this.wakeAll(kind))
        .then(() => true, (err) => {
          this.onError(err);
          this.listening.delete(kind); // the next stream tries again
          return false;
        });
      this.listening.set(kind, listening);
    }
    return listening;
  }

  /**
   * Calls `wake` whenever an event of the run (or team run) `id` is appended. Resolves to the
   * unsubscribe function once a read made after it can miss nothing: `id` is marked watched (the
   * mark committed), and every append that was under way when the mark committed has ended.
   *
   * Why the second step: an append checks watched_until after it inserts, under the log's advisory
   * lock, and commits later. One that checked just before the mark committed does not notify, and
   * if it commits after the stream's first read, that read does not see its event either: it would
   * wait for the poll. Such an append holds the lock from before its check until its commit, so
   * taking the lock (shared, released at once) after the mark has committed waits exactly for those;
   * any append that takes the lock later sees the mark and notifies. Not in the mark's transaction:
   * that would hold the run's row while waiting for a lock whose holder may want the row.
   */
  async subscribe(kind: StreamKind, id: string, wake: Wake): Promise<() => void> {
    let byId = this.watches.get(kind);
    if (!byId) this.watches.set(kind, byId = new Map());
    let watch = byId.get(id);
    if (!watch) {
      watch = {
        wakes: new Set(),
        marked: this.markWatched(kind, id),
        renewal: setInterval(() => void this.markWatched(kind, id), WATCH_RENEW_MS),
      };
      byId.set(id, watch);
    }
    const mine = watch;
    mine.wakes.add(wake);
    await mine.marked;
    await this.settleAppends(kind, id);
    return () => {
      mine.wakes.delete(wake);
      if (mine.wakes.size === 0 && byId.get(id) === mine) {
        byId.delete(id);
        clearInterval(mine.renewal);
      }
    };
  }

  /** Asks the run's (or team run's) events to notify for the next minute (a lapsed mark just ends the notifying). */
  async markWatched(kind: StreamKind, id: string): Promise<void> {
    try {
      const table = this.sql(kind.watchTable);
      await this.sql`update ${table} set watched_until = now() + make_interval(secs => ${WATCH_SECONDS})
                     where id = ${id}`;
    } catch (err) {
      this.onError(err);
    }
  }

  /** Waits until no append to the log of `id` that began before now is still under way. */
  async settleAppends(kind: StreamKind, id: string): Promise<void> {
    try {
      await this
        .sql`select pg_advisory_xact_lock_shared(hashtextextended(${id}::text, ${kind.appendLockClass}::bigint))`;
    } catch (err) {
      this.onError(err);
    }
  }

  get subscribers(): number {
    let n = 0;
    for (const byId of this.watches.values()) for (const watch of byId.values()) n += watch.wakes.size;
    return n;
  }

  private dispatch(kind: StreamKind, payload: string) {
    const id = idOf(payload);
    if (id === null) {
      this.onError(new Error(`ignored a malformed ${kind.channel} notification: ${payload.slice(0, 200)}`));
      return;
    }
    for (const wake of this.watches.get(kind)?.get(id)?.wakes ?? []) wake();
  }

  private wakeAll(kind: StreamKind) {
    for (const watch of this.watches.get(kind)?.values() ?? []) for (const wake of watch.wakes) wake();
  }
}
