// The provider layer's entry point: build a provider by kind from explicit config, or from the
// function's environment (provider keys are function secrets, never stored in tables); and the
// embeddings client for OpenAI-compatible servers.
import { AnthropicProvider } from "./anthropic.ts";
import { type EmbeddingProvider, OpenAICompatibleEmbeddings } from "./embeddings.ts";
import { GoogleProvider } from "./google.ts";
import { LocalProvider } from "./local.ts";
import { OpenAICompatibleProvider } from "./openai.ts";
import { type Provider, type ProviderConfig, ProviderError, type ProviderKind } from "./types.ts";

export * from "./types.ts";
export { AnthropicProvider } from "./anthropic.ts";
export {
  type EmbeddingProvider,
  type EmbeddingRequest,
  type EmbeddingResult,
  OpenAICompatibleEmbeddings,
} from "./embeddings.ts";
export { GoogleProvider } from "./google.ts";
export { LocalProvider } from "./local.ts";
export { OpenAICompatibleProvider } from "./openai.ts";

export const PROVIDER_KINDS: readonly ProviderKind[] = ["local", "openai_compatible", "anthropic", "google"];

/**
 * A provider of the given kind. "openai_compatible" without an apiKey sends no Authorization header
 * (for Ollama and other local servers); "anthropic" and "google" need an apiKey.
 */
export function createProvider(kind: ProviderKind, config: ProviderConfig = {}): Provider {
  switch (kind) {
    case "local":
      return new LocalProvider();
    case "openai_compatible":
      return new OpenAICompatibleProvider(config);
    case "anthropic":
      return new AnthropicProvider({ ...config, apiKey: requireKey(kind, config.apiKey) });
    case "google":
      return new GoogleProvider({ ...config, apiKey: requireKey(kind, config.apiKey) });
    default:
      throw new Error(
        `unknown provider kind ${JSON.stringify(kind)}; expected one of ${PROVIDER_KINDS.join(", ")}`,
      );
  }
}

/** The kinds with an embeddings client here; the local embedder lives in SQL. */
export type EmbeddingProviderKind = "openai_compatible";

export const EMBEDDING_PROVIDER_KINDS: readonly EmbeddingProviderKind[] = ["openai_compatible"];

/** An embeddings client; like createProvider, "openai_compatible" without an apiKey sends no Authorization. */
export function createEmbeddingProvider(
  kind: EmbeddingProviderKind,
  config: ProviderConfig = {},
): EmbeddingProvider {
  if (kind === "openai_compatible") return new OpenAICompatibleEmbeddings(config);
  throw new Error(
    `unknown embedding provider kind ${JSON.stringify(kind)}; expected one of ${
      EMBEDDING_PROVIDER_KINDS.join(", ")
    }`,
  );
}

function requireKey(kind: ProviderKind, apiKey: string | undefined): string {
  if (!apiKey) throw new ProviderError(kind, "client", "no apiKey given; the provider needs one");
  return apiKey;
}

export interface EnvReader {
  get(name: string): string | undefined;
}

const ENV_NAMES: Record<Exclude<ProviderKind, "local">, { key: string; baseUrl: string }> = {
  openai_compatible: { key: "OPENAI_API_KEY", baseUrl: "OPENAI_BASE_URL" },
  anthropic: { key: "ANTHROPIC_API_KEY", baseUrl: "ANTHROPIC_BASE_URL" },
  google: { key: "GEMINI_API_KEY", baseUrl: "GEMINI_BASE_URL" },
};

/**
 * A provider configured from environment variables: OPENAI_API_KEY / OPENAI_BASE_URL,
 * ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL, GEMINI_API_KEY / GEMINI_BASE_URL. The key is required,
 * except for openai_compatible with OPENAI_BASE_URL set (a local server such as Ollama may need
 * none). A missing key throws a ProviderError of kind "client" naming the variable.
 */
export function providerFromEnv(kind: ProviderKind, env: EnvReader = Deno.env): Provider {
  if (kind === "local") return createProvider(kind);
  const names = ENV_NAMES[kind];
  if (!names) return createProvider(kind);
  const apiKey = env.get(names.key)?.trim() || undefined;
  const baseUrl = env.get(names.baseUrl)?.trim() || undefined;
  if (!apiKey && !(kind === "openai_compatible" && baseUrl)) {
    const hint = kind === "openai_compatible"
      ? ` (or set ${names.baseUrl} to a compatible server that needs no key)`
      : "";
    throw new ProviderError(kind, "client", `${names.key} is not set: the ${kind} provider needs it${hint}`);
  }
  return createProvider(kind, { apiKey, baseUrl });
}
