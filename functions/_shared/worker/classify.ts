// How a failed call is reported to the engine: a ProviderError keeps its kind (rate_limit with the
// wait the provider asked for); anything else is a server error carrying its message.
import { ProviderError } from "../providers/index.ts";
import type { TaskErrorKind } from "./task.ts";

export interface TaskFailure {
  kind: TaskErrorKind;
  message: string;
  /** Only for rate limits: the wait the provider asked for, when it said. */
  retryAfterMs: number | null;
  /** The HTTP status behind it, when there was one. */
  status: number | null;
}

/** fail_workflow_task caps p_retry_after_ms at one day. */
const MAX_RETRY_AFTER_MS = 86_400_000;
/** ... and keeps the first 4000 characters of a message. */
const MAX_MESSAGE = 4000;

export function classifyFailure(err: unknown): TaskFailure {
  if (err instanceof ProviderError) {
    const retryAfterMs = err.kind === "rate_limit" && err.retryAfterMs !== undefined
      ? Math.min(Math.max(0, Math.round(err.retryAfterMs)), MAX_RETRY_AFTER_MS)
      : null;
    return { kind: err.kind, message: clip(err.message), retryAfterMs, status: err.status ?? null };
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : `thrown: ${String(err)}`;
  return { kind: "server", message: clip(message), retryAfterMs: null, status: null };
}

function clip(message: string): string {
  const text = message.trim() === "" ? "the call failed without a message" : message;
  return text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE - 1) + "\u2026" : text;
}
