// A model call as the ledger (ai.llm_calls) takes it from the worker: tokens by bucket, latency,
// time to first token and metadata.
import type { CompletionResult } from "../providers/index.ts";
import type { LlmCall } from "./task.ts";

/** A call's cache and reasoning buckets as the ledger takes them: disjoint and within their totals
 * (cache reads + writes at most the input, reasoning at most the output), whatever a provider sent. */
export function tokenBuckets(usage: CompletionResult["usage"]) {
  const cached = Math.min(usage.cachedTokens, usage.inputTokens);
  return {
    cached_tokens: cached,
    cache_write_tokens: Math.min(usage.cacheWriteTokens, usage.inputTokens - cached),
    reasoning_tokens: Math.min(usage.reasoningTokens, usage.outputTokens),
  };
}

/** One completed call as its ledger row's usage. */
export function ledgerCall(result: CompletionResult, metadata: Record<string, unknown> = {}): LlmCall {
  return {
    input_tokens: result.usage.inputTokens,
    output_tokens: result.usage.outputTokens,
    ...tokenBuckets(result.usage),
    latency_ms: result.latencyMs,
    ttft_ms: result.ttftMs,
    metadata,
  };
}
