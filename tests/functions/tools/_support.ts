// Shared by the tool tests: a context with the defaults a test wants, and a local HTTP server on
// an ephemeral loopback port that records requests and can hold a response until it closes.
import {
  type HttpPolicy,
  httpPolicy,
  type ToolContext,
  type ToolOutcome,
} from "../../../functions/_shared/tools/index.ts";
import { assert } from "../../_support/assert.ts";

export function context(
  overrides: Partial<Omit<ToolContext, "http">> & { http?: Partial<HttpPolicy> } = {},
): ToolContext {
  const { http, ...rest } = overrides;
  return {
    signal: new AbortController().signal,
    idempotencyKey: "call-key-1",
    http: httpPolicy(http),
    settings: {},
    env: { get: () => undefined },
    ...rest,
  };
}

/** A resolveHost that answers every name with these addresses. */
export function resolvesTo(...addresses: string[]): (host: string) => Promise<string[]> {
  return () => Promise.resolve(addresses);
}

/** A policy for tests that hit the local server: loopback must be allowed. */
export const LOCAL = { allowPrivateNetwork: true, timeoutMs: 2_000 };

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: string;
}

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  readonly requests: Recorded[];
  /** Resolves when the server closes: a handler awaits it to stall. */
  readonly closing: Promise<void>;
  close(): Promise<void>;
}

export function startServer(
  handler: (request: Recorded, server: LocalServer) => Response | Promise<Response>,
) {
  const controller = new AbortController();
  let release!: () => void;
  const closing = new Promise<void>((resolve) => (release = resolve));
  const requests: Recorded[] = [];
  const httpServer = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: controller.signal, onListen: () => {} },
    async (request) => {
      const url = new URL(request.url);
      const recorded = {
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: await request.text(),
      };
      requests.push(recorded);
      return handler(recorded, server);
    },
  );
  const server: LocalServer = {
    origin: `http://127.0.0.1:${httpServer.addr.port}`,
    port: httpServer.addr.port,
    requests,
    closing,
    close: async () => {
      release();
      controller.abort();
      await httpServer.finished;
    },
  };
  return server;
}

export function assertOk(outcome: ToolOutcome): unknown {
  assert(outcome.ok, `expected success, got ${JSON.stringify(outcome)}`);
  return outcome.output;
}

export function assertFailure(outcome: ToolOutcome, kind: string, message: RegExp): void {
  assert(!outcome.ok, `expected ${kind}, got success ${JSON.stringify(outcome)}`);
  assert(outcome.kind === kind, `expected ${kind}, got ${outcome.kind}: ${outcome.error}`);
  assert(message.test(outcome.error), `error "${outcome.error}" does not match ${message}`);
}
