// Custom HTTP tools: an operator registers a tool by URL; a call POSTs
//   {"tool": key, "arguments": args, "idempotency_key": ...}
// signed so the endpoint can tell the call came from this platform and is fresh:
//   X-CL-Timestamp: <unix seconds>
//   X-CL-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
// The secret comes from the environment variable the settings name (secret_env). The URL is under
// the same address policy as http_post. The endpoint is the tool itself: a non-2xx answer or a
// redirect (a signed body is not re-sent elsewhere) is a failed call.
import { decodeText, fitWithin, MAX_OUTPUT_BYTES } from "./bounded.ts";
import { responseBody } from "./http_response.ts";
import { sendOutbound } from "./outbound.ts";
import { runTool, ToolCallError, type ToolContext, type ToolImpl } from "./types.ts";

export interface CustomHttpToolSettings {
  url: string;
  /** The name of the environment variable holding the signing secret. */
  secret_env: string;
  /** Overrides the profile's timeout for this tool. */
  timeout_ms?: number;
}

const encoder = new TextEncoder();

export async function signBody(secret: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`));
  return `v1=${Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

async function call(
  key: string,
  settings: CustomHttpToolSettings,
  args: Record<string, unknown>,
  ctx: ToolContext,
): Promise<unknown> {
  if (typeof settings.url !== "string" || settings.url === "") {
    throw new ToolCallError("refused", `tool ${key} is not configured: its setting url is missing`);
  }
  if (typeof settings.secret_env !== "string" || settings.secret_env === "") {
    throw new ToolCallError("refused", `tool ${key} is not configured: its setting secret_env is missing`);
  }
  const secret = ctx.env.get(settings.secret_env);
  if (!secret) {
    throw new ToolCallError(
      "refused",
      `tool ${key}: the environment variable ${settings.secret_env} is not set`,
    );
  }
  const body = JSON.stringify({ tool: key, arguments: args, idempotency_key: ctx.idempotencyKey });
  const timestamp = Math.floor((ctx.now?.() ?? new Date()).getTime() / 1000);
  const response = await sendOutbound(
    {
      method: "POST",
      url: settings.url,
      headers: {
        "Content-Type": "application/json",
        "Idempotency-Key": ctx.idempotencyKey,
        "X-CL-Timestamp": String(timestamp),
        "X-CL-Signature": await signBody(secret, timestamp, body),
      },
      body,
    },
    ctx,
    { maxRedirects: 0, timeoutMs: settings.timeout_ms },
  );
  if (response.status < 200 || response.status > 299) {
    const detail = decodeText(response.bytes, response.truncated).slice(0, 500);
    throw new ToolCallError("failed", `tool ${key}'s endpoint answered ${response.status}: ${detail}`);
  }
  return fitWithin(responseBody(response), MAX_OUTPUT_BYTES).value;
}

export function customHttpTool(key: string, settings: CustomHttpToolSettings): ToolImpl {
  return { key, run: (args, ctx) => runTool(() => call(key, settings, args, ctx)) };
}
