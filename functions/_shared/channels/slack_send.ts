// Slack's chat.postMessage: POST {base}/api/chat.postMessage with the bot token (Bearer), JSON
// {channel, text, thread_ts?, metadata?}. Base URL from SLACK_API_BASE_URL (default https://slack.com).
// With a messageId, the post carries Slack message metadata {event_type: "connectedlenses_message",
// event_payload: {message_id}}, and findSlackMessage finds it again: conversations.replies (in a
// thread) or conversations.history with include_all_metadata, from `oldest` on (bot scopes
// channels:history, groups:history, im:history, mpim:history). The outbox sender looks an uncertain
// message up (an earlier attempt's answer was lost) before it posts again.
//
// Answers 200 {"ok":true,"channel","ts","message":{...}} or 200 {"ok":false,"error":"channel_not_found"};
// a rate limit is HTTP 429 with Retry-After (seconds) (or ok:false "ratelimited"). Retryable: 429,
// 5xx, ratelimited and Slack's transient errors (internal_error, fatal_error, service_unavailable,
// request_timeout); every other ok:false error and 4xx is permanent. The provider message id is
// '<channel>:<ts>' (ts alone is unique only within a channel); `ts` is also the thread to reply in.
import { getJson, parseRetryAfter, postJson, type SendOptions, type SendResult } from "./send_result.ts";

export const DEFAULT_SLACK_API_BASE_URL = "https://slack.com";
/** The event_type of the metadata every outbox post carries. */
export const SLACK_MESSAGE_EVENT_TYPE = "connectedlenses_message";
/** Pages of 200 messages a lookup reads at most before it gives up (a retryable failure). */
export const SLACK_LOOKUP_MAX_PAGES = 10;
export const SLACK_RETRYABLE_ERRORS: ReadonlySet<string> = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

export interface SlackSendConfig extends SendOptions {
  botToken: string;
  /** Default: env SLACK_API_BASE_URL, else https://slack.com. */
  baseUrl?: string;
}

export interface SlackOutbound {
  channel: string;
  text: string;
  /** Reply in this thread (the parent message's ts). */
  threadTs?: string;
  /** Our message id, sent as the post's metadata (findSlackMessage finds the post by it). */
  messageId?: string;
}

const env = (name: string) => {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
};

export function slackMethodUrl(config: Pick<SlackSendConfig, "baseUrl">, method: string): string {
  return `${
    (config.baseUrl ?? env("SLACK_API_BASE_URL") ?? DEFAULT_SLACK_API_BASE_URL).replace(/\/+$/, "")
  }/api/${method}`;
}

export function slackPostMessageUrl(config: Pick<SlackSendConfig, "baseUrl">): string {
  return slackMethodUrl(config, "chat.postMessage");
}

export async function sendSlack(config: SlackSendConfig, message: SlackOutbound): Promise<SendResult> {
  const answer = await postJson(
    slackPostMessageUrl(config),
    { authorization: `Bearer ${config.botToken}` },
    {
      channel: message.channel,
      text: message.text,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...(message.messageId
        ? {
          metadata: {
            event_type: SLACK_MESSAGE_EVENT_TYPE,
            event_payload: { message_id: message.messageId },
          },
        }
        : {}),
    },
    config,
  );
  if ("kind" in answer) return answer;
  const { response, json } = answer;
  const status = response.status;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const body = json as { ok?: boolean; error?: string; channel?: string; ts?: string } | null;
  if (status === 429 || status >= 500) {
    return {
      kind: "retryable",
      retryAfterMs,
      error: {
        code: body?.error ?? (status === 429 ? "ratelimited" : `http_${status}`),
        message: `HTTP ${status}`,
        status,
      },
    };
  }
  if (status >= 200 && status < 300 && body?.ok === true && typeof body.ts === "string") {
    return { kind: "sent", providerMessageId: `${body.channel ?? message.channel}:${body.ts}`, raw: json };
  }
  const code = body?.error ?? `http_${status}`;
  const error = { code, message: `chat.postMessage: ${code}`, status };
  if (SLACK_RETRYABLE_ERRORS.has(code)) return { kind: "retryable", retryAfterMs, error };
  return { kind: "permanent", error };
}

export interface SlackLookup {
  channel: string;
  /** The thread the message went to (conversations.replies), else the channel's history. */
  threadTs?: string;
  messageId: string;
  /** Unix milliseconds: messages before this are not read. */
  oldestMs: number;
}

interface SlackHistoryAnswer {
  ok?: boolean;
  error?: string;
  messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: { message_id?: unknown } } }[];
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

/**
 * Finds our earlier post of `lookup.messageId` by its metadata: sent (with its provider message id)
 * when found, absent when the conversation since `oldestMs` has none. Any failure to read it
 * (HTTP, an ok:false error, more than SLACK_LOOKUP_MAX_PAGES pages) is retryable: never a reason to
 * post blindly.
 */
export async function findSlackMessage(
  config: SlackSendConfig,
  lookup: SlackLookup,
): Promise<SendResult | { kind: "absent" }> {
  const method = lookup.threadTs ? "conversations.replies" : "conversations.history";
  let cursor = "";
  for (let page = 0; page < SLACK_LOOKUP_MAX_PAGES; page++) {
    const query = new URLSearchParams({
      channel: lookup.channel,
      ...(lookup.threadTs ? { ts: lookup.threadTs } : {}),
      oldest: (Math.max(0, lookup.oldestMs) / 1000).toFixed(6),
      include_all_metadata: "true",
      limit: "200",
      ...(cursor ? { cursor } : {}),
    });
    const answer = await getJson(
      `${slackMethodUrl(config, method)}?${query}`,
      { authorization: `Bearer ${config.botToken}` },
      config,
    );
    if ("kind" in answer) return answer;
    const body = answer.json as SlackHistoryAnswer | null;
    const status = answer.response.status;
    if (status < 200 || status >= 300 || body?.ok !== true) {
      const code = body?.error ?? `http_${status}`;
      return {
        kind: "retryable",
        retryAfterMs: parseRetryAfter(answer.response.headers.get("retry-after")),
        error: { code, message: `${method}: ${code} (looking up an uncertain send)`, status },
      };
    }
    const found = (body.messages ?? []).find((m) =>
      m.metadata?.event_type === SLACK_MESSAGE_EVENT_TYPE &&
      m.metadata.event_payload?.message_id === lookup.messageId &&
      typeof m.ts === "string"
    );
    if (found) return { kind: "sent", providerMessageId: `${lookup.channel}:${found.ts}`, raw: found };
    cursor = body.response_metadata?.next_cursor ?? "";
    if (!body.has_more || !cursor) return { kind: "absent" };
  }
  return {
    kind: "retryable",
    retryAfterMs: null,
    error: {
      code: "lookup_incomplete",
      message: `${method}: more than ${SLACK_LOOKUP_MAX_PAGES} pages since the attempt`,
    },
  };
}
