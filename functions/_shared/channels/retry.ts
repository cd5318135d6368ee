// When to try a retryable send again: exponential backoff with jitter, capped; a delay the provider
// asked for (Retry-After, Slack's ratelimited) wins over the computed one. Attempts are counted from 1.
import type { SendResult } from "./send_result.ts";

export interface RetryPolicy {
  /** The delay before the 2nd attempt, before jitter. */
  baseMs: number;
  /** No computed delay exceeds this (a provider's Retry-After may: it wins). */
  maxMs: number;
  /** After this many attempts a retryable failure is final. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, maxAttempts: 8 };

/**
 * The delay before attempt `attempt + 1` after attempt `attempt` failed: the provider's retryAfterMs
 * when given, else base * 2^(attempt-1) capped at maxMs, with "equal jitter" (half fixed, half
 * random) so that senders that failed together do not retry together.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null = null,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null && retryAfterMs >= 0) return retryAfterMs;
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; final: SendResult };

/** What to do after attempt `attempt` answered `result`. */
export function decideRetry(
  result: SendResult,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryDecision {
  if (result.kind !== "retryable" || attempt >= policy.maxAttempts) return { retry: false, final: result };
  return { retry: true, delayMs: retryDelayMs(attempt, result.retryAfterMs, policy, random) };
}

/** Sends with retries (in process; the outbox sender schedules its own instead of sleeping). */
export async function sendWithRetry(
  send: () => Promise<SendResult>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<{ result: SendResult; attempts: number }> {
  for (let attempt = 1;; attempt++) {
    const result = await send();
    const decision = decideRetry(result, attempt, policy);
    if (!decision.retry) return { result: decision.final, attempts: attempt };
    await sleep(decision.delayMs);
  }
}
