// Slack's chat.postMessage: POST {base}/api/chat.postMessage with the bot token (Bearer), JSON
// {channel, text, thread_ts?}. Base URL from SLACK_API_BASE_URL (default https://slack.com).
//
// Answers 200 {"ok":true,"channel","ts","message":{...}} or 200 {"ok":false,"error":"channel_not_found"};
// a rate limit is HTTP 429 with Retry-After (seconds) (or ok:false "ratelimited"). Retryable: 429,
// 5xx, ratelimited and Slack's transient errors (internal_error, fatal_error, service_unavailable,
// request_timeout); every other ok:false error and 4xx is permanent. The provider message id is
// '<channel>:<ts>' (ts alone is unique only within a channel); `ts` is also the thread to reply in.
import { parseRetryAfter, postJson, type SendOptions, type SendResult } from "./send_result.ts";

export const DEFAULT_SLACK_API_BASE_URL = "https://slack.com";
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
}

const env = (name: string) => {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
};

export function slackPostMessageUrl(config: Pick<SlackSendConfig, "baseUrl">): string {
  return `${(config.baseUrl ?? env("SLACK_API_BASE_URL") ?? DEFAULT_SLACK_API_BASE_URL).replace(/\/+$/, "")}/api/chat.postMessage`;
}

export async function sendSlack(config: SlackSendConfig, message: SlackOutbound): Promise<SendResult> {
  const answer = await postJson(
    slackPostMessageUrl(config),
    { authorization: `Bearer ${config.botToken}` },
    { channel: message.channel, text: message.text, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
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
      error: { code: body?.error ?? (status === 429 ? "ratelimited" : `http_${status}`), message: `HTTP ${status}`, status },
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
