// One deadline for a whole network exchange, and what its failures mean for the tool call.
import { ToolCallError } from "./types.ts";

/**
 * Runs `body` with a signal that aborts when `cancel` does or `timeoutMs` passes; the call ends then
 * even if `body` ignores the signal (a resolver that takes none). A ToolCallError
 * from `body` passes through; any other error becomes "timeout" when the deadline passed, "failed"
 * when the call was cancelled or the exchange failed. `what` names the other side in messages.
 */
export async function withDeadline<T>(
  cancel: AbortSignal,
  timeoutMs: number,
  what: string,
  body: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = AbortSignal.any([cancel, deadline.signal]);
  let stop!: () => void;
  const stopped = new Promise<never>((_, reject) => (stop = () => reject(signal.reason)));
  signal.addEventListener("abort", stop, { once: true });
  try {
    signal.throwIfAborted();
    const running = body(signal);
    // Whichever loses the race may still reject; that is no longer anyone's concern.
    running.catch(() => {});
    stopped.catch(() => {});
    return await Promise.race([running, stopped]);
  } catch (err) {
    if (err instanceof ToolCallError) throw err;
    if (deadline.signal.aborted) {
      throw new ToolCallError("timeout", `${what} did not answer within ${timeoutMs} ms`, { cause: err });
    }
    if (cancel.aborted) throw new ToolCallError("failed", "the call was cancelled", { cause: err });
    throw new ToolCallError("failed", `${what} failed: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
  }
}
