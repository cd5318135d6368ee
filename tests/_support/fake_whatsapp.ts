// A local stand-in for the WhatsApp Cloud API (Graph API) send endpoint, speaking its protocol:
// POST /{version}/{phone_number_id}/messages with `Authorization: Bearer <access token>`, answering
// {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid...."}]} or a
// Graph error {"error":{"message","type","code","error_data":{"messaging_product","details"},"fbtrace_id"}}.
// Records every request; programmable failures (the next N requests). Plus builders of the webhook
// payloads Meta POSTs (messages, statuses) and of their X-Hub-Signature-256.
import { signWhatsApp } from "../../functions/_shared/channels/whatsapp_signature.ts";

export interface RecordedCall {
  method: string;
  path: string;
  headers: Headers;
  body: Record<string, unknown> | null;
  status: number;
}

export type WhatsAppFailure =
  | { kind: "http"; status: number }
  /** 429 with Graph error 130429 (throughput) and an optional Retry-After (seconds). */
  | { kind: "rate_limit"; retryAfter?: number }
  /** A Graph error with this code (e.g. 131047 re-engagement, 131026 undeliverable, 100). */
  | { kind: "code"; code: number; status?: number; message?: string };

export interface FakeWhatsApp {
  readonly origin: string;
  readonly calls: RecordedCall[];
  /** The messages it accepted, in order. */
  readonly sent: { phoneNumberId: string; body: Record<string, unknown>; id: string }[];
  /** The next requests fail like this, one failure each, in order. */
  failNext(...failures: WhatsAppFailure[]): void;
  close(): Promise<void>;
}

const TITLES: Record<number, string> = {
  100: "Invalid parameter",
  190: "Invalid OAuth access token",
  130429: "Rate limit hit",
  131026: "Message Undeliverable",
  131047: "Re-engagement message",
  131056: "(Business Account, Consumer Account) pair rate limit hit",
};

function graphError(code: number, details?: string) {
  const title = TITLES[code] ?? "Error";
  return {
    error: {
      message: `(#${code}) ${title}`,
      type: code === 190 ? "OAuthException" : "OAuthException",
      code,
      error_data: { messaging_product: "whatsapp", details: details ?? title },
      fbtrace_id: `A${crypto.randomUUID().replaceAll("-", "").slice(0, 22)}`,
    },
  };
}

/** A fake Graph API; `tokens` maps each phone number id to the access token it accepts. */
export function startFakeWhatsApp(tokens: Record<string, string>): FakeWhatsApp {
  const calls: RecordedCall[] = [];
  const sent: FakeWhatsApp["sent"] = [];
  const failures: WhatsAppFailure[] = [];
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
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        calls.push({ method: req.method, path: url.pathname, headers: req.headers, body, status });
        return Response.json(json, { status, headers });
      };
      const match = /^\/(v\d+\.\d+)\/(\d+)\/messages$/.exec(url.pathname);
      if (req.method !== "POST" || !match) {
        return answer(
          400,
          graphError(100, `Unsupported request ${req.method} ${url.pathname}`),
        );
      }
      const phoneNumberId = match[2];
      const auth = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1];
      if (!auth || tokens[phoneNumberId] !== auth) {
        return answer(
          401,
          graphError(190, "Error validating access token"),
        );
      }
      const failure = failures.shift();
      if (failure) {
        if (failure.kind === "http") {
          return answer(failure.status, {
            error: { message: "Service temporarily unavailable", code: 2 },
          });
        }
        if (failure.kind === "rate_limit") {
          return answer(
            429,
            graphError(130429),
            failure.retryAfter === undefined ? {} : { "retry-after": String(failure.retryAfter) },
          );
        }
        return answer(failure.status ?? 400, graphError(failure.code, failure.message));
      }
      if (body?.messaging_product !== "whatsapp") {
        return answer(
          400,
          graphError(100, "messaging_product is required"),
        );
      }
      if (typeof body.to !== "string" || body.to === "") {
        return answer(
          400,
          graphError(100, "to is required"),
        );
      }
      const type = body.type;
      const textBody = (body.text as { body?: unknown } | undefined)?.body;
      const template = body.template as { name?: unknown; language?: { code?: unknown } } | undefined;
      if (type === "text" && (typeof textBody !== "string" || textBody === "")) {
        return answer(400, graphError(100, "text.body is required"));
      }
      if (
        type === "template" &&
        (typeof template?.name !== "string" || typeof template?.language?.code !== "string")
      ) {
        return answer(400, graphError(100, "template.name and template.language.code are required"));
      }
      if (type !== "text" && type !== "template") {
        return answer(
          400,
          graphError(100, `unsupported type ${String(type)}`),
        );
      }
      const id = `wamid.HBgL${
        btoa(`${phoneNumberId}:${++counter}:${crypto.randomUUID()}`).replace(/=+$/, "")
      }`;
      sent.push({ phoneNumberId, body, id });
      return answer(200, {
        messaging_product: "whatsapp",
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [type === "template" ? { id, message_status: "accepted" } : { id }],
      });
    },
  );

  return {
    origin: `http://127.0.0.1:${(server.addr as Deno.NetAddr).port}`,
    calls,
    sent,
    failNext: (...f) => void failures.push(...f),
    close: async () => {
      controller.abort();
      await server.finished;
    },
  };
}

// ---- webhook payloads as Meta POSTs them ----

export interface WaInbound {
  phoneNumberId: string;
  from: string;
  id?: string;
  name?: string;
  text?: string;
  /** Unix seconds (default now). */
  timestamp?: number;
  groupId?: string;
}

export function whatsappMessagePayload(m: WaInbound) {
  const message: Record<string, unknown> = {
    from: m.from,
    id: m.id ?? `wamid.${crypto.randomUUID().replaceAll("-", "")}`,
    timestamp: String(m.timestamp ?? Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body: m.text ?? "Hello" },
    ...(m.groupId ? { group_id: m.groupId } : {}),
  };
  return {
    object: "whatsapp_business_account",
    entry: [{
      id: "102290129340398",
      changes: [{
        field: "messages",
        value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: "15550783881", phone_number_id: m.phoneNumberId },
          contacts: [{ profile: { name: m.name ?? "Kerry Fisher" }, wa_id: m.from }],
          messages: [message],
        },
      }],
    }],
  };
}

export interface WaStatus {
  phoneNumberId: string;
  id: string;
  status: "sent" | "delivered" | "read" | "failed";
  recipient: string;
  timestamp?: number;
  errorCode?: number;
  /** biz_opaque_callback_data, as the send set it. */
  callbackData?: string;
}

export function whatsappStatusPayload(s: WaStatus) {
  return {
    object: "whatsapp_business_account",
    entry: [{
      id: "102290129340398",
      changes: [{
        field: "messages",
        value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: "15550783881", phone_number_id: s.phoneNumberId },
          statuses: [{
            id: s.id,
            status: s.status,
            timestamp: String(s.timestamp ?? Math.floor(Date.now() / 1000)),
            recipient_id: s.recipient,
            ...(s.callbackData ? { biz_opaque_callback_data: s.callbackData } : {}),
            ...(s.status === "sent" || s.status === "delivered"
              ? {
                conversation: { id: "CONVERSATION_ID", origin: { type: "service" } },
                pricing: { billable: true, category: "service", pricing_model: "PMP", type: "regular" },
              }
              : {}),
            ...(s.errorCode
              ? {
                errors: [{
                  code: s.errorCode,
                  title: TITLES[s.errorCode] ?? "Error",
                  message: TITLES[s.errorCode] ?? "Error",
                  error_data: { details: "Message failed to send." },
                }],
              }
              : {}),
          }],
        },
      }],
    }],
  };
}

/** The fetch init of a webhook POST as Meta sends it (signed with `appSecret`, unless told otherwise). */
export async function signedWhatsAppPost(
  payload: unknown,
  appSecret: string,
  options: { signature?: string | null; rawBody?: string } = {},
): Promise<RequestInit> {
  const body = options.rawBody ?? JSON.stringify(payload);
  const signature = options.signature === undefined
    ? await signWhatsApp(new TextEncoder().encode(body), appSecret)
    : options.signature;
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "facebookexternalua",
      ...(signature === null ? {} : { "x-hub-signature-256": signature }),
    },
    body,
  };
}
