// Reading sampling parameters out of a request's free-form `params`. Each adapter picks the names it
// supports, accepting both the snake_case spelling and the provider's own (max_tokens or
// maxOutputTokens, top_p or topP); keys no adapter reads (the local provider's knobs, `attempt`) are
// ignored. A present value of the wrong type fails the call as a client error naming the key.
import { ProviderError } from "./types.ts";

type Params = Record<string, unknown> | undefined;

interface NumberRule {
  integer?: boolean;
  min?: number;
}

/** The first of `names` present in params, checked as a number; undefined when none is present. */
export function numberParam(
  provider: string,
  params: Params,
  names: string[],
  rule: NumberRule = {},
): number | undefined {
  const name = names.find((n) => params?.[n] !== undefined && params?.[n] !== null);
  if (name === undefined) return undefined;
  const value = params![name];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ProviderError(
      provider,
      "client",
      `params.${name} must be a number, got ${JSON.stringify(value)}`,
    );
  }
  if (rule.integer && !Number.isInteger(value)) {
    throw new ProviderError(provider, "client", `params.${name} must be an integer, got ${value}`);
  }
  if (rule.min !== undefined && value < rule.min) {
    throw new ProviderError(provider, "client", `params.${name} must be at least ${rule.min}, got ${value}`);
  }
  return value;
}

/** Stop sequences: a string or an array of strings under any of `names`. */
export function stopParam(provider: string, params: Params, names: string[]): string[] | undefined {
  const name = names.find((n) => params?.[n] !== undefined && params?.[n] !== null);
  if (name === undefined) return undefined;
  const value = params![name];
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  throw new ProviderError(provider, "client", `params.${name} must be a string or an array of strings`);
}

export const TEMPERATURE = ["temperature"];
export const TOP_P = ["top_p", "topP"];
export const TOP_K = ["top_k", "topK"];
export const MAX_TOKENS = ["max_tokens", "maxOutputTokens", "max_output_tokens"];
export const STOP = ["stop", "stop_sequences", "stopSequences"];
export const SEED = ["seed"];
export const PRESENCE_PENALTY = ["presence_penalty", "presencePenalty"];
export const FREQUENCY_PENALTY = ["frequency_penalty", "frequencyPenalty"];
