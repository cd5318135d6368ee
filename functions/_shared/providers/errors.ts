// Classification shared by the adapters: HTTP status -> error kind, Retry-After parsing, and
// recognising a failed connection underneath whatever an SDK wraps it in.
import { ProviderError, type ProviderErrorKind } from "./types.ts";

/** 429 -> rate_limit; 5xx (Anthropic's 529 "overloaded" included) -> server; any other 4xx -> client. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return "rate_limit";
  if (status >= 400 && status < 500) return "client";
  return "server";
}

/** The wait a response asks for: `retry-after-ms` (milliseconds) wins over `retry-after` (seconds or an HTTP date). */
export function retryAfterFromHeaders(
  headers: Headers | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A ProviderError for an HTTP error answer. */
export function httpError(
  provider: string,
  status: number,
  detail: string,
  headers?: Headers | null,
  cause?: unknown,
): ProviderError {
  const kind = kindForStatus(status);
  const retryAfterMs = kind === "rate_limit" || kind === "server"
    ? retryAfterFromHeaders(headers)
    : undefined;
  return new ProviderError(provider, kind, `HTTP ${status}: ${detail}`, { status, retryAfterMs, cause });
}

const CONNECTION_ERROR_NAMES = new Set([
  "ConnectionRefused",
  "ConnectionReset",
  "ConnectionAborted",
  "NotConnected",
  "BrokenPipe",
  "AddrNotAvailable",
  "UnexpectedEof",
]);
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
]);

/**
 * True when the error (or one of its causes) is a failed connection: fetch rejects with a TypeError,
 * Deno raises ConnectionRefused / ConnectionReset, Node-style errors carry an ECONN* code.
 */
export function isConnectionFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof TypeError) return true;
    if (CONNECTION_ERROR_NAMES.has(e.name)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
  }
  return false;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
