// Slack signs every request: X-Slack-Signature: v0=<hex HMAC-SHA256('v0:' + ts + ':' + raw body,
// signing secret)> with X-Slack-Request-Timestamp: ts (unix seconds). A timestamp more than five
// minutes from now is refused whatever the signature (a replay).
import { concatBytes, hmacSha256Hex, utf8, verifyHmacSha256Hex } from "./hmac.ts";

export const SLACK_SIGNATURE_HEADER = "x-slack-signature";
export const SLACK_TIMESTAMP_HEADER = "x-slack-request-timestamp";
/** Slack's own limit: a request older (or newer) than this is a replay. */
export const SLACK_MAX_SKEW_SECONDS = 300;

export type SlackSignatureVerdict =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

function base(timestamp: string, rawBody: Uint8Array): Uint8Array {
  return concatBytes(utf8(`v0:${timestamp}:`), rawBody);
}

export async function signSlack(rawBody: Uint8Array, timestamp: number | string, signingSecret: string): Promise<string> {
  return `v0=${await hmacSha256Hex(signingSecret, base(String(timestamp), rawBody))}`;
}

export async function verifySlackSignature(input: {
  rawBody: Uint8Array;
  signature: string | null;
  timestamp: string | null;
  signingSecret: string;
  /** Unix seconds (default: now). */
  now?: number;
}): Promise<SlackSignatureVerdict> {
  const { signature, timestamp } = input;
  if (!signature || !timestamp || !input.signingSecret) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { ok: false, reason: "malformed" };
  const match = /^v0=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) return { ok: false, reason: "stale" };
  const good = await verifyHmacSha256Hex(input.signingSecret, base(timestamp.trim(), input.rawBody), match[1]);
  return good ? { ok: true } : { ok: false, reason: "mismatch" };
}
