// The provider a task runs on, from what the claim returned: the adapter, the provider's base URL,
// and its key read from the environment variable the catalog names (keys are function secrets,
// never stored in tables). Providers are reused across tasks with the same configuration.
import { createProvider, type EnvReader, type Provider, ProviderError } from "../providers/index.ts";
import type { ClaimedTask } from "./task.ts";

/** What picks a provider: a claimed task's catalog fields (a guardrail judge passes its model's). */
export type ProviderChoice = Pick<
  ClaimedTask,
  "provider_adapter" | "provider_key" | "provider_base_url" | "api_key_env"
>;

export class ProviderPool {
  private readonly providers = new Map<string, Provider>();

  constructor(private readonly env: EnvReader, private readonly fetchImpl?: typeof fetch) {}

  /** Throws a ProviderError of kind "client" when the key the provider needs is not set. */
  forTask(task: ProviderChoice): Provider {
    const adapter = task.provider_adapter;
    if (adapter === "local") return this.cached("local", () => createProvider("local"));
    const apiKey = task.api_key_env ? this.env.get(task.api_key_env)?.trim() || undefined : undefined;
    if (task.api_key_env && !apiKey) {
      throw new ProviderError(
        task.provider_key,
        "client",
        `${task.api_key_env} is not set: provider ${task.provider_key} needs it (set it as a function secret)`,
      );
    }
    if (!task.api_key_env && adapter !== "openai_compatible") {
      throw new ProviderError(
        task.provider_key,
        "client",
        `provider ${task.provider_key} (${adapter}) names no api_key_env in the catalog; it needs a key`,
      );
    }
    const baseUrl = task.provider_base_url ?? undefined;
    const key = JSON.stringify([adapter, baseUrl ?? null, task.api_key_env, apiKey ?? null]);
    return this.cached(key, () => createProvider(adapter, { apiKey, baseUrl, fetch: this.fetchImpl }));
  }

  private cached(key: string, make: () => Provider): Provider {
    let provider = this.providers.get(key);
    if (!provider) {
      provider = make();
      this.providers.set(key, provider);
    }
    return provider;
  }
}

/**
 * The request's params: the model params; for the local provider also the attempt number (its
 * knobs count attempts) and, for a json output contract, its JSON mode (local_mode "json"), as
 * the remote adapters switch to JSON mode from the contract themselves.
 */
export function paramsForTask(task: ClaimedTask): Record<string, unknown> {
  if (task.provider_adapter !== "local") return { ...task.model_params };
  const params: Record<string, unknown> = { ...task.model_params, attempt: task.attempt };
  if (task.output_contract?.kind === "json" && params.local_mode === undefined) params.local_mode = "json";
  return params;
}
