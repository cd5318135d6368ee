// What a provider send client answers, classified for the outbox sender: sent (with the provider's
// message id), retryable (5xx, 429, the provider's rate-limit codes, a network failure: with the
// delay the provider asked for, if it did), or permanent (any other refusal: never retried).
export interface SendError {
  /** The provider's code: WhatsApp's numeric code, Slack's `error` string, `http_<status>`, `network`. */
  code: string;
  message: string;
  /** The HTTP status, when there was an answer. */
  status?: number;
}

export type SendResult =
  | { kind: "sent"; providerMessageId: string; raw: unknown }
  | { kind: "retryable"; retryAfterMs: number | null; error: SendError }
  | { kind: "permanent"; error: SendError };

/** Retry-After (seconds, or an HTTP date) in milliseconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface SendOptions {
  fetch?: typeof fetch;
  /** Gives up on an answer after this long (a retryable failure); default 15 s. */
  timeoutMs?: number;
}

/** A POST with a timeout; a network failure or the timeout is a retryable result, never a throw. */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: SendOptions,
): Promise<{ response: Response; json: unknown } | SendResult> {
  return fetchJson(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  }, options);
}

/** A GET with a timeout, like postJson. */
export function getJson(
  url: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<{ response: Response; json: unknown } | SendResult> {
  return fetchJson(url, { method: "GET", headers }, options);
}

async function fetchJson(
  url: string,
  init: RequestInit,
  options: SendOptions,
): Promise<{ response: Response; json: unknown } | SendResult> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let response: Response;
  try {
    response = await doFetch(url, { ...init, signal, redirect: "manual" });
  } catch (err) {
    return {
      kind: "retryable",
      retryAfterMs: null,
      error: { code: "network", message: String(err).slice(0, 500) },
    };
  }
  let json: unknown = null;
  try {
    const text = await response.text();
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { response, json };
}
