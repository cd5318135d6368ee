// The caller's JWT as a function sees it. The platform (verify_jwt = true; locally the gateway)
// has already checked the signature before the request arrives, so here the claims are only read.
import { z } from "zod";

const Claims = z.object({ role: z.string().optional(), sub: z.string().optional() }).loose();
export type Claims = z.infer<typeof Claims>;

/** The bearer token of an Authorization header, or null. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  return match ? match[1] : null;
}

/** The claims of a compact JWT, or null when it is not one. */
export function readClaims(token: string): Claims | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(
        atob(parts[1].replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(parts[1].length / 4) * 4, "=")),
        (c) => c.charCodeAt(0),
      ),
    );
    const parsed = Claims.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
