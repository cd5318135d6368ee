// The one interface every LLM provider adapter implements; the worker depends on these names only.
import type { OutputContract } from "../../../types/contracts.ts";

export type { OutputContract };

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface CompletionRequest {
  /** The provider's model key, e.g. "gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "local-echo". */
  model: string;
  messages: ChatMessage[];
  /** Sampling parameters (temperature, max_tokens, top_p, ...) and the local provider's knobs. */
  params?: Record<string, unknown>;
  /** A json contract makes the provider ask the model for one JSON object. */
  outputContract?: OutputContract | null;
  signal?: AbortSignal;
  /** Whole-call budget in milliseconds; exceeding it fails with kind "timeout". */
  timeoutMs?: number;
  /** Called with each streamed text chunk, in order; the chunks concatenate to the result's text. */
  onDelta?: (text: string) => void | Promise<void>;
}

export interface Usage {
  /** Every prompt token, cached ones included (cachedTokens is a subset of inputTokens). */
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
}

export interface CompletionResult {
  text: string;
  usage: Usage;
  /** The provider's own stop reason ("stop", "end_turn", "STOP", ...), null when it sent none. */
  finishReason: string | null;
  latencyMs: number;
  /** Time to the first streamed text chunk; null when no text arrived. */
  ttftMs: number | null;
  /** The model id the provider reports (may be more specific than the requested key). */
  model: string;
}

export type ProviderErrorKind = "rate_limit" | "client" | "server" | "timeout" | "network" | "cancelled";

export const PROVIDER_ERROR_KINDS: readonly ProviderErrorKind[] = [
  "rate_limit",
  "client",
  "server",
  "timeout",
  "network",
  "cancelled",
];

export interface ProviderErrorOptions {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failed call, classified so the worker can decide whether and when to retry. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly provider: string;

  constructor(
    provider: string,
    kind: ProviderErrorKind,
    message: string,
    options: ProviderErrorOptions = {},
  ) {
    super(`${provider}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ProviderError";
    this.provider = provider;
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export interface Provider {
  readonly key: string;
  complete(req: CompletionRequest): Promise<CompletionResult>;
}

export type ProviderKind = "local" | "openai_compatible" | "anthropic" | "google";

export interface ProviderConfig {
  apiKey?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}
