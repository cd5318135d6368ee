// Requests to model-chosen URLs (http_get, http_post, custom HTTP tools): vetted by
// address_policy.ts, connected to the vetted addresses only, redirects followed by hand (each hop
// vetted again), one deadline for the whole exchange, the body read up to a byte cap.
//
// Why node:http(s) and not fetch: pinning the connection to the vetted address needs a custom DNS
// lookup, and node:http's `lookup` option is exactly that, while TLS still uses the URL's host for
// SNI and certificate checks. fetch has no such hook: an IP in the URL breaks certificate checks,
// and Deno.createHttpClient's "tcp" proxy transport sends https requests without TLS.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkUrl, resolveWithDns, vetHost, type VettedAddress } from "./address_policy.ts";
import { readCapped } from "./bounded.ts";
import { withDeadline } from "./deadline.ts";
import { ToolCallError, type ToolContext } from "./types.ts";

export interface OutboundRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** Sent as is (with Content-Length); POST only. */
  body?: string;
}

export interface OutboundOptions {
  /** Redirects followed before giving up; 0 returns a 3xx as the response. */
  maxRedirects: number;
  /** Overrides ctx.http.timeoutMs. */
  timeoutMs?: number;
}

export interface OutboundResponse {
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  truncated: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = "ConnectedLenses-Agent/1.0";

/**
 * Sends the request under ctx.http: "refused" for a URL the policy forbids (at any hop), "timeout"
 * when the deadline passes first, "failed" for a network error, too many redirects or cancellation.
 * Any HTTP status is a response.
 */
export function sendOutbound(
  request: OutboundRequest,
  ctx: ToolContext,
  options: OutboundOptions,
  exchange: Exchange = exchangeOverHttp,
): Promise<OutboundResponse> {
  const timeoutMs = options.timeoutMs ?? ctx.http.timeoutMs;
  return withDeadline(ctx.signal, timeoutMs, `the request to ${request.url}`, async (signal) => {
    let current: OutboundRequest = { ...request, headers: lowerCaseKeys(request.headers ?? {}) };
    for (let hop = 0;; hop++) {
      const url = checkUrl(current.url, ctx.http);
      const addresses = await vetHost(url, ctx.http, ctx.resolveHost ?? resolveWithDns);
      signal.throwIfAborted();
      const answer = await exchange(url, addresses, current, signal, ctx.http.maxResponseBytes);
      if (!REDIRECT_STATUSES.has(answer.status) || answer.location === null || options.maxRedirects === 0) {
        return answer;
      }
      if (hop === options.maxRedirects) {
        throw new ToolCallError("failed", `stopped after ${options.maxRedirects} redirects`);
      }
      current = redirected(current, answer.status, new URL(answer.location, url).href);
    }
  });
}

/** The next hop's request, as browsers do it: 303 (and 301/302 after a POST) turn into a GET. */
function redirected(request: OutboundRequest, status: number, location: string): OutboundRequest {
  if (status === 307 || status === 308 || request.method === "GET") return { ...request, url: location };
  const { "content-type": _contentType, ...headers } = request.headers ?? {};
  return { method: "GET", url: location, headers };
}

/**
 * One HTTP exchange with a connection to the vetted addresses only; the Location of a redirect
 * (whose body is not read). A parameter of sendOutbound so that tests can follow redirect chains
 * through public addresses, which no local server has.
 */
export type Exchange = (
  url: URL,
  addresses: VettedAddress[],
  request: OutboundRequest,
  signal: AbortSignal,
  maxBytes: number,
) => Promise<OutboundResponse & { location: string | null }>;

const exchangeOverHttp: Exchange = (url, addresses, request, signal, maxBytes) => {
  // Node skips the lookup for an IP literal host: it connects to that literal, which was vetted.
  const lookup = ((_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  }) as LookupFunction;
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: "*/*",
    ...request.headers,
  };
  if (request.body !== undefined) {
    headers["content-length"] = String(new TextEncoder().encode(request.body).length);
  }
  const transport = url.protocol === "https:" ? https : http;

  return new Promise((resolve, reject) => {
    const outgoing = transport.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers,
      lookup,
      // No pooled connection: each request connects to its own vetted addresses.
      agent: false,
    });
    const abort = () => outgoing.destroy(new Error("aborted"));
    signal.addEventListener("abort", abort, { once: true });
    outgoing.on("error", (err) => {
      signal.removeEventListener("abort", abort);
      reject(err);
    });
    outgoing.on("response", (incoming) => {
      const status = incoming.statusCode ?? 0;
      const location = REDIRECT_STATUSES.has(status) ? incoming.headers.location ?? null : null;
      const contentType = incoming.headers["content-type"] ?? null;
      const body = location === null ? readCapped(incoming, maxBytes) : discard(incoming);
      body.then(
        ({ bytes, truncated }) => resolve({ status, contentType, bytes, truncated, location }),
        reject,
      ).finally(() => {
        signal.removeEventListener("abort", abort);
        incoming.destroy();
      });
    });
    outgoing.end(request.body);
  });
};

function discard(incoming: http.IncomingMessage): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  incoming.resume();
  return Promise.resolve({ bytes: new Uint8Array(), truncated: false });
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
