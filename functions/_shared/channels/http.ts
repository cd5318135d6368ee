// What the channel functions share at the HTTP edge: a capped raw-body read, JSON answers, the
// path after the function's name, and a constant-time comparison of two secrets.
export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; status: 413 | 400; error: string };

/** Reads at most maxBytes of the body (Content-Length first, then while streaming). */
export async function readRawBody(req: Request, maxBytes: number): Promise<BodyRead> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    await req.body?.cancel();
    return { ok: false, status: 413, error: `the body is ${declared} bytes, over the limit of ${maxBytes} bytes` };
  }
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, status: 413, error: `the body is over the limit of ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  } catch (err) {
    return { ok: false, status: 400, error: `the body could not be read: ${String(err).slice(0, 200)}` };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes };
}

export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers });
}

/**
 * The path after the function's own segment: "/functions/v1/whatsapp/123" and "/whatsapp/123" (how
 * the edge runtime and the local gateway pass it) both give "/123"; the bare function gives "".
 */
export function subPath(url: URL, functionName: string): string {
  const parts = url.pathname.split("/");
  const at = parts.indexOf(functionName);
  if (at < 0) return url.pathname;
  const rest = parts.slice(at + 1).join("/");
  return rest === "" ? "" : `/${rest}`;
}

/** One path segment after the function name, decoded, or null. */
export function routingKeyFromPath(url: URL, functionName: string): string | null {
  const rest = subPath(url, functionName).replace(/^\/+|\/+$/g, "");
  if (rest === "" || rest.includes("/")) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/** Equal secrets, compared in constant time (of their SHA-256 digests). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [da, db] = await Promise.all([
    crypto.subtle.digest("SHA-256", enc.encode(a)),
    crypto.subtle.digest("SHA-256", enc.encode(b)),
  ]);
  const x = new Uint8Array(da);
  const y = new Uint8Array(db);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

export type Env = (name: string) => string | undefined;

export const processEnv: Env = (name) => {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
};
