// What wakes an idle worker loop: a NOTIFY on `workflow_tasks` (work was queued), a task of its
// own ending, a stop, or the poll timer (retries with backoff become due without a notification).
// Wake-ups that arrive while the loop is busy are remembered and coalesced into one.
import type postgres from "postgres";

export const TASKS_CHANNEL = "workflow_tasks";

export class Wake {
  private pending = false;
  private resolve: (() => void) | null = null;

  notify(): void {
    this.pending = true;
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.();
  }

  /**
   * Resolves true at the next wake-up (at once if one came since the last wait), or false after
   * `ms` without one.
   */
  wait(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.resolve = null;
        resolve(false);
      }, ms);
      this.resolve = () => {
        clearTimeout(timer);
        this.pending = false;
        resolve(true);
      };
    });
  }
}

/**
 * LISTENs on workflow_tasks and calls `onWake` on every notification, and again after each
 * (re)connection of the listening connection (notifications sent while it was down are lost).
 * Resolves, once listening, with the function that stops it.
 */
export async function listenForTasks(sql: postgres.Sql, onWake: () => void): Promise<() => Promise<void>> {
  const { unlisten } = await sql.listen(TASKS_CHANNEL, () => onWake(), () => onWake());
  return unlisten;
}
