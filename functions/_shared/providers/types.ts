// The one interface every LLM provider adapter implements; the worker depends on these names only.
import type { OutputContract } from "../../../types/contracts.ts";

export type { OutputContract };

/**
 * One message of a conversation. An assistant message may carry the tool calls the model asked for;
 * each is answered by one "tool" message with the same toolCallId, in the order asked.
 */
export type ChatMessage =
  | { role: "system" | "user"; content: string }
  | { role: "assistant"; content: string; toolCalls?: ToolCall[] }
  | ToolResultMessage;

export interface ToolResultMessage {
  role: "tool";
  toolCallId: string;
  /** The tool's name (Gemini answers a call by name). */
  name: string;
  /** The result as the model reads it: JSON text, or the refusal / error text. */
  content: string;
  /** True when the call was refused or failed (Anthropic's is_error). */
  isError?: boolean;
}

/** A tool the model may call, offered through the provider's own function calling. */
export interface ToolSpec {
  /** ^[a-zA-Z0-9_-]{1,64}$, what every provider accepts. */
  name: string;
  description: string;
  /** A JSON Schema object: {type: "object", properties, required}. */
  parameters: Record<string, unknown>;
}

/** A call the model asked for. */
export interface ToolCall {
  /** The provider's id for the call (generated as call_<index> when the provider gives none). */
  id: string;
  name: string;
  /** The arguments as the model wrote them: JSON text, unparsed (it may be invalid; the worker
   * checks it against the tool's schema). */
  arguments: string;
  /** Gemini's opaque thoughtSignature on the call, sent back with it in the history (Gemini 3 refuses
   * a replayed call without one); absent for the other providers. */
  thoughtSignature?: string;
}

export interface CompletionRequest {
  /** The provider's model key, e.g. "gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "local-echo". */
  model: string;
  messages: ChatMessage[];
  /** Sampling parameters (temperature, max_tokens, top_p, ...) and the local provider's knobs. */
  params?: Record<string, unknown>;
  /** A json contract makes the provider ask the model for one JSON object. */
  outputContract?: OutputContract | null;
  /** Tools the model may call; none or empty: a plain completion. */
  tools?: ToolSpec[];
  signal?: AbortSignal;
  /** Whole-call budget in milliseconds; exceeding it fails with kind "timeout". */
  timeoutMs?: number;
  /** Called with each streamed text chunk, in order; the chunks concatenate to the result's text. */
  onDelta?: (text: string) => void | Promise<void>;
}

export interface Usage {
  /** Every prompt token: uncached input + cache reads (cachedTokens) + cache writes (cacheWriteTokens). */
  inputTokens: number;
  /** Every generated token, reasoning (thinking) tokens included. */
  outputTokens: number;
  /** Prompt tokens read from the provider's cache. */
  cachedTokens: number;
  /** Prompt tokens written to the provider's cache (Anthropic's cache_creation_input_tokens). */
  cacheWriteTokens: number;
  /** Output tokens spent reasoning (OpenAI's reasoning_tokens, Gemini's thoughtsTokenCount). */
  reasoningTokens: number;
}

export interface CompletionResult {
  text: string;
  usage: Usage;
  /** The provider's own stop reason ("stop", "end_turn", "STOP", "tool_calls", "tool_use", ...),
   * null when it sent none. */
  finishReason: string | null;
  /** The tools the model asked to call, in order; empty when it answered with text only. */
  toolCalls: ToolCall[];
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
