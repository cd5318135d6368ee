// The Slack Events API endpoint (README "Channels: webhooks"). Thin: check, parse, one SQL call, answer.
//
//   POST /functions/v1/slack[/<team_id>:<api_app_id>]
//   1. X-Slack-Request-Timestamp more than 5 minutes from now, or a missing signature: 401 at once.
//   2. url_verification (it names no team or app): the binding is the one of the path's routing key;
//      the signature checked with its signing secret; 200 {challenge}.
//   3. event_callback: the binding of '<team_id>:<api_app_id>' from the envelope (404 without an
//      active one); X-Slack-Signature checked with its signing secret (401); bot messages and the
//      app's own are answered 200 and not stored; otherwise 200 at once and the event stored after
//      answering (EdgeRuntime.waitUntil): receive_channel_events with the envelope's event_id as
//      providerEventId, so a retry (X-Slack-Retry-Num) is a no-op.
//   400 not JSON / not an Events API body; 413 over maxBodyBytes; 500 the signing secret's env var
//   is not set. Nothing is written on any refusal; one log line per refusal.
import {
  normaliseSlack,
  parseSlackEnvelope,
  SlackPayloadError,
  slackRoutingKey,
} from "../_shared/channels/slack_payload.ts";
import {
  SLACK_SIGNATURE_HEADER,
  SLACK_TIMESTAMP_HEADER,
  verifySlackSignature,
} from "../_shared/channels/slack_signature.ts";
import { type ChannelDb, ChannelDbError } from "../_shared/channels/db.ts";
import { type Env, jsonResponse, parseJsonBytes, processEnv, readRawBody, routingKeyFromPath } from "../_shared/channels/http.ts";
import type { ChannelBindingRoute } from "../../types/channel-events.ts";

export const SLACK_MAX_BODY_BYTES = 1024 * 1024;
const ROUTING_KEY = /^[A-Z0-9]{2,32}:[A-Z0-9]{2,32}$/;

export interface SlackDeps {
  db: ChannelDb;
  env?: Env;
  log?: (line: string) => void;
  maxBodyBytes?: number;
  /** Unix seconds (tests move the clock). */
  now?: () => number;
  /** Keeps work going after the answer: EdgeRuntime.waitUntil where it exists. */
  waitUntil?: (work: Promise<unknown>) => void;
}

function defaultWaitUntil(): (work: Promise<unknown>) => void {
  const runtime = (globalThis as { EdgeRuntime?: { waitUntil?: (p: Promise<unknown>) => void } }).EdgeRuntime;
  if (runtime?.waitUntil) return (work) => runtime.waitUntil!(work);
  // A plain Deno server keeps running: the promise completes after the answer has gone.
  return (work) => void work.catch(() => {});
}

export function createSlackHandler(deps: SlackDeps): (req: Request) => Promise<Response> {
  const env = deps.env ?? processEnv;
  const log = deps.log ?? ((line: string) => console.error(line));
  const maxBodyBytes = deps.maxBodyBytes ?? SLACK_MAX_BODY_BYTES;
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const waitUntil = deps.waitUntil ?? defaultWaitUntil();

  const refuse = (status: number, error: string, detail = error): Response => {
    log(`slack: ${status} ${detail}`);
    return jsonResponse(status, { error });
  };

  const binding = async (key: string): Promise<ChannelBindingRoute | Response> => {
    let route: ChannelBindingRoute | null;
    try {
      route = await deps.db.route("slack", key);
    } catch (err) {
      return refuse(503, "the binding could not be read", `route ${key}: ${err}`);
    }
    if (!route || route.status !== "active") return refuse(404, `no active Slack binding for ${key}`);
    return route;
  };

  return async (req: Request): Promise<Response> => {
    if (req.method !== "POST") {
      return jsonResponse(405, { error: "method not allowed: Slack's Events API POSTs" }, { allow: "POST" });
    }
    const url = new URL(req.url);
    const signature = req.headers.get(SLACK_SIGNATURE_HEADER);
    const timestamp = req.headers.get(SLACK_TIMESTAMP_HEADER);
    if (!signature || !timestamp) return refuse(401, "X-Slack-Signature and X-Slack-Request-Timestamp are required");
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now() - Number(timestamp)) > 300) {
      return refuse(401, "X-Slack-Request-Timestamp is more than 5 minutes away", `stale timestamp ${timestamp.slice(0, 20)}`);
    }
    const read = await readRawBody(req, maxBodyBytes);
    if (!read.ok) return refuse(read.status, read.error);
    const json = parseJsonBytes(read.bytes);
    if (!json.ok) return refuse(400, "the body is not JSON (the Events API sends JSON)");
    let envelope;
    try {
      envelope = parseSlackEnvelope(json.value);
    } catch (err) {
      if (err instanceof SlackPayloadError) return refuse(400, err.message.slice(0, 2000));
      throw err;
    }

    let key: string | null;
    if (envelope.type === "event_callback") key = slackRoutingKey(envelope);
    else key = routingKeyFromPath(url, "slack");
    if (key === null || !ROUTING_KEY.test(key)) {
      if (envelope.type === "app_rate_limited") return jsonResponse(200, { ignored: 1 });
      return refuse(404, "give the binding's routing key in the path: /functions/v1/slack/<team_id>:<api_app_id>");
    }
    const route = await binding(key);
    if (route instanceof Response) return route;
    const secretName = route.signing_secret_env;
    const signingSecret = secretName ? env(secretName) : undefined;
    if (!signingSecret) {
      return refuse(500, "the binding's secret is not configured", `binding ${route.binding_id}: signing_secret_env ${secretName ?? "(none)"} is not set`);
    }
    const verdict = await verifySlackSignature({ rawBody: read.bytes, signature, timestamp, signingSecret, now: now() });
    if (!verdict.ok) {
      return refuse(401, `X-Slack-Signature refused (${verdict.reason})`, `signature ${verdict.reason} for ${key}`);
    }

    if (envelope.type === "url_verification") return jsonResponse(200, { challenge: envelope.challenge });
    if (envelope.type === "app_rate_limited") return jsonResponse(200, { ignored: 1 });

    const normalised = normaliseSlack(envelope);
    if (normalised.events.length === 0) {
      log(`slack: ignored event ${envelope.event_id} for ${key}: ${normalised.reason}`);
      return jsonResponse(200, { ignored: normalised.ignored });
    }
    const retry = req.headers.get("x-slack-retry-num");
    const bindingId = route.binding_id;
    // Acknowledge now (Slack wants an answer within 3 seconds); store after the answer.
    waitUntil((async () => {
      try {
        const r = await deps.db.receive(bindingId, normalised.events);
        if (r.duplicates > 0) log(`slack: event ${envelope.event_id} already stored${retry ? ` (retry ${retry})` : ""}`);
      } catch (err) {
        const code = err instanceof ChannelDbError ? err.code : undefined;
        log(`slack: storing event ${envelope.event_id} for ${key} failed (${code ?? "error"}): ${err}`);
      }
    })());
    return jsonResponse(200, { accepted: normalised.events.length });
  };
}
