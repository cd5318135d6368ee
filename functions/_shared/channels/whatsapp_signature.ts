// Meta signs every webhook POST: X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>.
// The raw bytes as received are what is signed: verify before parsing, before any write.
import { hmacSha256Hex, verifyHmacSha256Hex } from "./hmac.ts";

export const WHATSAPP_SIGNATURE_HEADER = "x-hub-signature-256";

/** The header value Meta would send for this body. */
export async function signWhatsApp(rawBody: Uint8Array, appSecret: string): Promise<string> {
  return `sha256=${await hmacSha256Hex(appSecret, rawBody)}`;
}

/** True when `header` is a valid X-Hub-Signature-256 of `rawBody` under `appSecret`. */
export async function verifyWhatsAppSignature(
  rawBody: Uint8Array,
  header: string | null,
  appSecret: string,
): Promise<boolean> {
  if (!header || !appSecret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  return await verifyHmacSha256Hex(appSecret, rawBody, match[1]);
}
