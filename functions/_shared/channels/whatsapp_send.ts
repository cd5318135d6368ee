// The WhatsApp Cloud API send: POST {base}/{version}/{phone_number_id}/messages with the binding's
// access token (Bearer), a text or a template (the 24-hour window's). Base URL from
// WHATSAPP_GRAPH_BASE_URL (default https://graph.facebook.com), version from WHATSAPP_GRAPH_API_VERSION.
//
// Answers: 200 {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid..."}]}
// or a Graph error {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}.
// Retryable: HTTP 429 / 5xx, and the codes of a throughput or pair rate limit or a temporary outage
// (130429, 131056, 80007, 4, 2, 131000, 131016), whatever the HTTP status. Everything else is permanent,
// e.g. 131047 (re-engagement: more than 24 hours since the user's last message: send a template),
// 131026 (undeliverable), 190 (access token expired), 100 (invalid parameter).
//
// `callbackData` goes as biz_opaque_callback_data (at most 512 characters): Meta echoes it in the
// status webhooks of that message, so an attempt whose answer was lost is recognised by its status.
import { parseRetryAfter, postJson, type SendOptions, type SendResult } from "./send_result.ts";

export const DEFAULT_WHATSAPP_GRAPH_BASE_URL = "https://graph.facebook.com";
export const DEFAULT_WHATSAPP_GRAPH_API_VERSION = "v21.0";

export const WHATSAPP_RETRYABLE_CODES: ReadonlySet<number> = new Set([
  130429,
  131056,
  80007,
  4,
  2,
  131000,
  131016,
]);

export interface WhatsAppSendConfig extends SendOptions {
  phoneNumberId: string;
  accessToken: string;
  /** Default: env WHATSAPP_GRAPH_BASE_URL, else https://graph.facebook.com. */
  baseUrl?: string;
  /** Default: env WHATSAPP_GRAPH_API_VERSION, else v21.0. */
  version?: string;
}

export interface WhatsAppTemplate {
  name: string;
  /** A language code such as en_US. */
  language: string;
  components?: unknown[];
}

export type WhatsAppOutbound = {
  /** The recipient's wa_id (digits), or a group id with recipientType 'group'. */
  to: string;
  recipientType?: "individual" | "group";
  /** The wamid this replies to (shown quoted). */
  replyTo?: string;
  /** Echoed in this message's status webhooks (the outbox sends our message id). */
  callbackData?: string;
} & ({ text: string; template?: never } | { template: WhatsAppTemplate; text?: never });

const env = (name: string) => {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
};

export function whatsAppMessagesUrl(
  config: Pick<WhatsAppSendConfig, "baseUrl" | "version" | "phoneNumberId">,
): string {
  const base = (config.baseUrl ?? env("WHATSAPP_GRAPH_BASE_URL") ?? DEFAULT_WHATSAPP_GRAPH_BASE_URL).replace(
    /\/+$/,
    "",
  );
  const version = config.version ?? env("WHATSAPP_GRAPH_API_VERSION") ?? DEFAULT_WHATSAPP_GRAPH_API_VERSION;
  return `${base}/${version}/${encodeURIComponent(config.phoneNumberId)}/messages`;
}

export function whatsAppRequestBody(message: WhatsAppOutbound): Record<string, unknown> {
  const common = {
    messaging_product: "whatsapp",
    recipient_type: message.recipientType ?? "individual",
    to: message.to,
    ...(message.replyTo ? { context: { message_id: message.replyTo } } : {}),
    ...(message.callbackData ? { biz_opaque_callback_data: message.callbackData } : {}),
  };
  if (message.template) {
    const t = message.template;
    return {
      ...common,
      type: "template",
      template: {
        name: t.name,
        language: { code: t.language },
        ...(t.components ? { components: t.components } : {}),
      },
    };
  }
  return { ...common, type: "text", text: { preview_url: false, body: message.text } };
}

interface GraphError {
  error?: { message?: string; code?: number; error_data?: { details?: string } };
}

export async function sendWhatsApp(
  config: WhatsAppSendConfig,
  message: WhatsAppOutbound,
): Promise<SendResult> {
  const answer = await postJson(
    whatsAppMessagesUrl(config),
    { authorization: `Bearer ${config.accessToken}` },
    whatsAppRequestBody(message),
    config,
  );
  if ("kind" in answer) return answer;
  const { response, json } = answer;
  const status = response.status;
  if (status >= 200 && status < 300) {
    const id = (json as { messages?: { id?: unknown }[] } | null)?.messages?.[0]?.id;
    if (typeof id === "string" && id !== "") return { kind: "sent", providerMessageId: id, raw: json };
    return {
      kind: "permanent",
      error: { code: "unexpected_answer", message: `a ${status} answer without messages[0].id`, status },
    };
  }
  const graph = (json as GraphError | null)?.error;
  const code = typeof graph?.code === "number" ? graph.code : null;
  const message_ = [graph?.message, graph?.error_data?.details].filter(Boolean).join(": ") ||
    `HTTP ${status}`;
  const error = {
    code: code === null ? `http_${status}` : String(code),
    message: message_.slice(0, 1000),
    status,
  };
  if (status === 429 || status >= 500 || (code !== null && WHATSAPP_RETRYABLE_CODES.has(code))) {
    return { kind: "retryable", retryAfterMs: parseRetryAfter(response.headers.get("retry-after")), error };
  }
  return { kind: "permanent", error };
}
