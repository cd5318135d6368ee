// A local stand-in for Slack's Web API chat.postMessage, speaking its protocol: POST
// /api/chat.postMessage with `Authorization: Bearer <bot token>` and a JSON body {channel, text,
// thread_ts?}, answering HTTP 200 {"ok":true,"channel","ts","message":{...}} or {"ok":false,"error"},
// and HTTP 429 with Retry-After when rate limited. Records every request; programmable failures.
// Plus builders of the Events API requests Slack POSTs (url_verification, event_callback) and their
// X-Slack-Signature / X-Slack-Request-Timestamp headers.
import { signSlack } from "../../functions/_shared/channels/slack_signature.ts";

export interface SlackCall {
  method: string;
  path: string;
  headers: Headers;
  body: Record<string, unknown> | null;
  status: number;
}

export type SlackFailure =
  | { kind: "http"; status: number }
  | { kind: "rate_limit"; retryAfter: number }
  /** HTTP 200 {"ok":false,"error":<error>} */
  | { kind: "error"; error: string };

export interface FakeSlack {
  readonly origin: string;
  readonly calls: SlackCall[];
  readonly posted: { channel: string; text: string; thread_ts?: string; ts: string }[];
  failNext(...failures: SlackFailure[]): void;
  close(): Promise<void>;
}

export const FAKE_SLACK_BOT_USER = "U0BOTUSER1";

export function startFakeSlack(botTokens: string[]): FakeSlack {
  const calls: SlackCall[] = [];
  const posted: FakeSlack["posted"] = [];
  const failures: SlackFailure[] = [];
  const controller = new AbortController();
  let counter = 0;

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, signal: controller.signal, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    const text = await req.text();
    let body: Record<string, unknown> | null = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch { /* recorded as null */ }
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      calls.push({ method: req.method, path: url.pathname, headers: req.headers, body, status });
      return Response.json(json, { status, headers });
    };
    if (url.pathname !== "/api/chat.postMessage") return answer(404, { ok: false, error: "unknown_method" });
    if (req.method !== "POST") return answer(200, { ok: false, error: "invalid_request" });
    const token = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1];
    if (!token) return answer(200, { ok: false, error: "not_authed" });
    if (!botTokens.includes(token)) return answer(200, { ok: false, error: "invalid_auth" });
    const failure = failures.shift();
    if (failure) {
      if (failure.kind === "http") return answer(failure.status, { ok: false, error: "internal_error" });
      if (failure.kind === "rate_limit") {
        return answer(429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.retryAfter) });
      }
      return answer(200, { ok: false, error: failure.error });
    }
    if (!(req.headers.get("content-type") ?? "").startsWith("application/json") || body === null) {
      return answer(200, { ok: false, error: "invalid_arguments" });
    }
    const channel = body.channel;
    if (typeof channel !== "string" || !/^[CDG][A-Z0-9]+$/.test(channel)) return answer(200, { ok: false, error: "channel_not_found" });
    if (typeof body.text !== "string" || body.text === "") return answer(200, { ok: false, error: "no_text" });
    const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : undefined;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, "0")}`;
    posted.push({ channel, text: body.text, ...(threadTs ? { thread_ts: threadTs } : {}), ts });
    return answer(200, {
      ok: true,
      channel,
      ts,
      message: {
        type: "message",
        subtype: "bot_message",
        text: body.text,
        user: FAKE_SLACK_BOT_USER,
        bot_id: "B0FAKEBOT1",
        ts,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      },
    });
  });

  return {
    origin: `http://127.0.0.1:${(server.addr as Deno.NetAddr).port}`,
    calls,
    posted,
    failNext: (...f) => void failures.push(...f),
    close: async () => {
      controller.abort();
      await server.finished;
    },
  };
}

// ---- Events API requests as Slack POSTs them ----

export interface SlackInbound {
  teamId: string;
  appId: string;
  eventId?: string;
  channel: string;
  channelType?: "channel" | "group" | "im" | "mpim";
  user?: string;
  text?: string;
  ts?: string;
  threadTs?: string;
  botId?: string;
  subtype?: string;
  /** The app's own bot user (in authorizations). */
  botUserId?: string;
  eventType?: "message" | "app_mention";
}

export function slackTs(): string {
  const now = Date.now();
  return `${Math.floor(now / 1000)}.${String((now % 1000) * 1000 + Math.floor(Math.random() * 1000)).padStart(6, "0")}`;
}

export function slackMessageEnvelope(m: SlackInbound) {
  const ts = m.ts ?? slackTs();
  return {
    token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
    team_id: m.teamId,
    api_app_id: m.appId,
    event: {
      type: m.eventType ?? "message",
      channel: m.channel,
      channel_type: m.channelType ?? "channel",
      ...(m.user === undefined && m.botId ? {} : { user: m.user ?? "U0HUMAN001" }),
      text: m.text ?? "Hello agent",
      ts,
      event_ts: ts,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      ...(m.botId ? { bot_id: m.botId } : {}),
      ...(m.subtype ? { subtype: m.subtype } : {}),
      ...(m.botId || m.subtype ? {} : { client_msg_id: crypto.randomUUID() }),
    },
    type: "event_callback",
    event_id: m.eventId ?? `Ev${crypto.randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Number(ts)),
    authorizations: [{
      enterprise_id: null,
      team_id: m.teamId,
      user_id: m.botUserId ?? FAKE_SLACK_BOT_USER,
      is_bot: true,
      is_enterprise_install: false,
    }],
    is_ext_shared_channel: false,
    event_context: `4-${btoa(m.channel)}`,
  };
}

export function slackUrlVerification(challenge: string = crypto.randomUUID()) {
  return { token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", challenge, type: "url_verification" };
}

/** The fetch init of an Events API POST as Slack sends it. */
export async function signedSlackPost(
  payload: unknown,
  signingSecret: string,
  options: { timestamp?: number; retryNum?: number; signature?: string | null; rawBody?: string } = {},
): Promise<RequestInit> {
  const body = options.rawBody ?? JSON.stringify(payload);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature === undefined
    ? await signSlack(new TextEncoder().encode(body), timestamp, signingSecret)
    : options.signature;
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      "x-slack-request-timestamp": String(timestamp),
      ...(signature === null ? {} : { "x-slack-signature": signature }),
      ...(options.retryNum ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
    },
    body,
  };
}
