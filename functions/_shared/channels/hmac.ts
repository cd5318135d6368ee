// HMAC-SHA256 for webhook signatures: the hex of a MAC, and a constant-time check of a hex MAC
// (crypto.subtle.verify compares in constant time, so no byte-by-byte compare of our own).
const encoder = new TextEncoder();

export type Bytes = Uint8Array<ArrayBuffer>;

export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

async function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The bytes of a hex string of even length, or null when it is not one. */
export function fromHex(hex: string): Bytes | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function hmacSha256Hex(secret: string, data: Uint8Array): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), data as Bytes);
  return toHex(new Uint8Array(mac));
}

/** True when `hexMac` is the HMAC-SHA256 of `data` under `secret` (constant time). */
export async function verifyHmacSha256Hex(secret: string, data: Uint8Array, hexMac: string): Promise<boolean> {
  const mac = fromHex(hexMac);
  if (mac === null || mac.length !== 32) return false;
  return await crypto.subtle.verify("HMAC", await hmacKey(secret, "verify"), mac, data as Bytes);
}
