// The openai SDK client as every OpenAI-compatible call uses it (chat completions, embeddings): one
// place for the keyless behaviour, the environment the SDK must not read, and the error reader.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { stainlessErrorReader } from "./errors.ts";
import type { ProviderConfig } from "./types.ts";

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

// An APIError without status is a `data: {"error": ...}` chunk inside the stream: the server failed mid-answer.
export const openaiErrorReader = stainlessErrorReader(
  { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError },
  "error in the stream",
);

export function createOpenAIClient(config: ProviderConfig): OpenAI {
  return new OpenAI({
    // Local servers need no key; the SDK insists on one, so a keyless client sends no
    // Authorization header at all instead.
    apiKey: config.apiKey || "no-key",
    defaultHeaders: config.apiKey ? undefined : { Authorization: null },
    baseURL: config.baseUrl || OPENAI_DEFAULT_BASE_URL,
    // Explicit nulls keep the SDK from reading OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment.
    organization: null,
    project: null,
    adminAPIKey: null,
    // The worker owns retries and their accounting.
    maxRetries: 0,
    fetch: config.fetch,
  });
}
