// The contract between the agent runner and an executable tool: what a call gets (its context) and
// what it gives back (an outcome the runner records and shows to the model).

/** How a tool may reach the network; from the agent's tool profile. */
export interface HttpPolicy {
  /** Exact host names or "*.example.com" (any subdomain, not the apex); empty = any public host. */
  allowHosts: string[];
  /** False (the default) refuses loopback, private, link-local (cloud metadata), CGNAT, unique-local,
   * multicast, unspecified and every other non-public range. */
  allowPrivateNetwork: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
}

export const DEFAULT_HTTP_POLICY: Readonly<HttpPolicy> = Object.freeze({
  allowHosts: [],
  allowPrivateNetwork: false,
  timeoutMs: 10_000,
  maxResponseBytes: 262_144,
});

/** A full policy from a profile's partial one: every missing field takes its default. */
export function httpPolicy(partial: Partial<HttpPolicy> = {}): HttpPolicy {
  return {
    allowHosts: partial.allowHosts ?? [...DEFAULT_HTTP_POLICY.allowHosts],
    allowPrivateNetwork: partial.allowPrivateNetwork ?? DEFAULT_HTTP_POLICY.allowPrivateNetwork,
    timeoutMs: partial.timeoutMs ?? DEFAULT_HTTP_POLICY.timeoutMs,
    maxResponseBytes: partial.maxResponseBytes ?? DEFAULT_HTTP_POLICY.maxResponseBytes,
  };
}

export interface ToolContext {
  signal: AbortSignal;
  /** Stable per (node result, call index): sent to remote sides of writes so a replay is a no-op. */
  idempotencyKey: string;
  http: HttpPolicy;
  /** The tool's settings from its registry row (e.g. web_search {base_url, api_key_env, engine}; a
   * custom HTTP tool {url, secret_env}). */
  settings: Record<string, unknown>;
  env: { get(name: string): string | undefined };
  /** Used for the operator-configured search API only: requests to model-chosen URLs must control
   * the connection itself (see outbound.ts), which fetch cannot. */
  fetch?: typeof fetch;
  /** Default: Deno.resolveDns, A and AAAA. */
  resolveHost?: (host: string) => Promise<string[]>;
  now?: () => Date;
}

export type ToolFailureKind = "refused" | "failed" | "timeout";

export type ToolOutcome =
  | { ok: true; output: unknown; costCredits?: number }
  | { ok: false; kind: ToolFailureKind; error: string };

export interface ToolImpl {
  key: string;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutcome>;
}

/** Thrown inside a tool to end the call with that outcome; runTool() turns it into one. */
export class ToolCallError extends Error {
  constructor(readonly kind: ToolFailureKind, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ToolCallError";
  }
}

/**
 * Runs a tool body: its value is the output; a ToolCallError becomes its outcome, anything else
 * thrown a "failed" outcome with the error's message.
 */
export async function runTool(body: () => Promise<unknown> | unknown): Promise<ToolOutcome> {
  try {
    return { ok: true, output: await body() };
  } catch (err) {
    if (err instanceof ToolCallError) return { ok: false, kind: err.kind, error: err.message };
    return { ok: false, kind: "failed", error: err instanceof Error ? err.message : String(err) };
  }
}
