// A local stand-in for Slack's Web API chat.postMessage, speaking its protocol: POST
// /api/chat.postMessage with `Authorization: Bearer <bot token>` and a JSON body {channel, text,
// thread_ts?, metadata?}, answering HTTP 200 {"ok":true,"channel","ts","message":{...}} or {"ok":false,"error"},
// and HTTP 429 with Retry-After when rate limited. Records every request; programmable failures (any
// method). Also conversations.history and conversations.replies (GET query or POST form: channel,
// ts for replies, oldest, limit, cursor, include_all_metadata) over what it stored: the channel's
// top-level messages newest first (history) or the thread oldest first (replies), paged, the metadata
// only with include_all_metadata.
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
  readonly posted: SlackPosted[];
  failNext(...failures: SlackFailure[]): void;
  close(): Promise<void>;
}

export interface SlackPosted {
  channel: string;
  text: string;
  thread_ts?: string;
  ts: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export const FAKE_SLACK_BOT_USER = "U0BOTUSER1";

export function startFakeSlack(botTokens: string[]): FakeSlack {
  const calls: SlackCall[] = [];
  const posted: FakeSlack["posted"] = [];
  const failures: SlackFailure[] = [];
  const controller = new AbortController();
  let counter = 0;

  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: controller.signal, onListen: () => {} },
    async (req) => {
      const url = new URL(req.url);
      const text = await req.text();
      let body: Record<string, unknown> | null = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch { /* recorded as null */ }
      const form = (req.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
      if (form) body = Object.fromEntries(new URLSearchParams(text));
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        calls.push({ method: req.method, path: url.pathname, headers: req.headers, body, status });
        return Response.json(json, { status, headers });
      };
      const read = ["/api/conversations.history", "/api/conversations.replies"].includes(url.pathname);
      if (url.pathname !== "/api/chat.postMessage" && !read) {
        return answer(404, {
          ok: false,
          error: "unknown_method",
        });
      }
      if (req.method !== "POST" && !read) return answer(200, { ok: false, error: "invalid_request" });
      const token = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1];
      if (!token) return answer(200, { ok: false, error: "not_authed" });
      if (!botTokens.includes(token)) return answer(200, { ok: false, error: "invalid_auth" });
      const failure = failures.shift();
      if (failure) {
        if (failure.kind === "http") return answer(failure.status, { ok: false, error: "internal_error" });
        if (failure.kind === "rate_limit") {
          return answer(429, { ok: false, error: "ratelimited" }, {
            "retry-after": String(failure.retryAfter),
          });
        }
        return answer(200, { ok: false, error: failure.error });
      }
      if (read) {
        const args = req.method === "GET" ? Object.fromEntries(url.searchParams) : (form ? body ?? {} : {});
        return answer(
          200,
          readMessages(posted, url.pathname.endsWith("replies"), args as Record<string, string>),
        );
      }
      if (!(req.headers.get("content-type") ?? "").startsWith("application/json") || body === null) {
        return answer(200, { ok: false, error: "invalid_arguments" });
      }
      const channel = body.channel;
      if (typeof channel !== "string" || !/^[CDG][A-Z0-9]+$/.test(channel)) {
        return answer(200, {
          ok: false,
          error: "channel_not_found",
        });
      }
      if (typeof body.text !== "string" || body.text === "") {
        return answer(200, {
          ok: false,
          error: "no_text",
        });
      }
      const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : undefined;
      const metadata = body.metadata as SlackPosted["metadata"] | undefined;
      if (
        metadata !== undefined &&
        (typeof metadata?.event_type !== "string" || typeof metadata.event_payload !== "object")
      ) {
        return answer(200, { ok: false, error: "invalid_metadata_format" });
      }
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, "0")}`;
      posted.push({
        channel,
        text: body.text,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ts,
        ...(metadata ? { metadata } : {}),
      });
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
    },
  );

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

/** conversations.history (newest first) or conversations.replies (the thread, oldest first), paged. */
function readMessages(posted: SlackPosted[], replies: boolean, args: Record<string, string>) {
  if (!args.channel) return { ok: false, error: "channel_not_found" };
  if (replies && !args.ts) return { ok: false, error: "thread_not_found" };
  const oldest = Number(args.oldest ?? 0);
  const withMetadata = args.include_all_metadata === "true" || args.include_all_metadata === "1";
  let found = posted.filter((p) =>
    p.channel === args.channel && Number(p.ts) > oldest &&
    (replies ? p.ts === args.ts || p.thread_ts === args.ts : !p.thread_ts || p.thread_ts === p.ts) // history: no thread replies
  );
  found = replies ? found : found.toReversed();
  const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
  const start = Number(args.cursor ? atob(args.cursor) : 0);
  const page = found.slice(start, start + limit);
  const more = start + limit < found.length;
  return {
    ok: true,
    messages: page.map((p) => ({
      type: "message",
      subtype: "bot_message",
      text: p.text,
      user: FAKE_SLACK_BOT_USER,
      bot_id: "B0FAKEBOT1",
      ts: p.ts,
      ...(p.thread_ts ? { thread_ts: p.thread_ts } : {}),
      ...(withMetadata && p.metadata ? { metadata: p.metadata } : {}),
    })),
    has_more: more,
    response_metadata: { next_cursor: more ? btoa(String(start + limit)) : "" },
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
  return `${Math.floor(now / 1000)}.${
    String((now % 1000) * 1000 + Math.floor(Math.random() * 1000)).padStart(6, "0")
  }`;
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
      ...(options.retryNum
        ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }
        : {}),
    },
    body,
  };
}
