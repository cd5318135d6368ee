// The web chat function (README "Channels: webhooks"). verify_jwt = false: visitors are anonymous;
// a signed-in user's JWT, when sent, is checked by PostgREST (get_my_profile with that JWT).
//
//   GET  /functions/v1/web-chat/?key=<public key>     the embeddable chat page (page.ts)
//   POST /functions/v1/web-chat/messages[?publicKey=] {publicKey, visitorId, body, clientMessageId?}
//        from an Origin in the binding's allowed_origins; stored with receive_channel_events, sender
//        'visitor:<visitorId>', or 'user:<profile id>' (profileId set) with a valid Bearer JWT.
//        200 {messageId, duplicate}; 400 bad field; 401 a JWT that is not valid; 403 Origin not
//        allowed (or missing); 404 no active binding of that key; 413 body over 16 KB (request over 64 KB).
//   GET  /functions/v1/web-chat/stream?publicKey=&visitorId=   Server-Sent Events of the conversation's
//        messages after Last-Event-ID (a message's seq): `id: <seq>`, `event: message`, data
//        {seq, id, direction, body, deliveryStatus, createdAt}; woken by LISTEN channel_messages,
//        a poll covers a lost notification; ends after maxStreamMs (the client resumes).
//   OPTIONS (CORS preflight) answered for an allowed Origin of the binding named by ?publicKey=.
import { z } from "zod";
import { encodeSseComment, encodeSseMessage, serialCatchUp, SSE_HEADERS } from "../_shared/sse.ts";
import { bearerToken } from "../_shared/jwt.ts";
import { type ChannelDb, ChannelDbError } from "../_shared/channels/db.ts";
import { jsonResponse, parseJsonBytes, readRawBody, subPath } from "../_shared/channels/http.ts";
import {
  type ChannelBindingRoute,
  MAX_CHANNEL_BODY_BYTES,
  type WebChatMessageRow,
} from "../../types/channel-events.ts";
import { webChatPage } from "./page.ts";
import type { WakeSource } from "./listener.ts";

export const WEB_CHAT_MAX_REQUEST_BYTES = 64 * 1024;
const PUBLIC_KEY = /^pk_[0-9a-f]{32}$/;

export interface WebChatDeps {
  db: ChannelDb;
  /** The profile id of a user's access token (checked by the database), or null when it is not valid. */
  verifyUser(token: string): Promise<string | null>;
  listener: WakeSource;
  log?: (line: string) => void;
  keepaliveMs?: number;
  pollMs?: number;
  /** A stream ends after this long; the page resumes it with Last-Event-ID. */
  maxStreamMs?: number;
  pageSize?: number;
}

const PostBody = z.object({
  publicKey: z.string().regex(PUBLIC_KEY, "must be a public key (pk_ and 32 hex digits)"),
  visitorId: z.guid().optional(),
  body: z.string().min(1, "must not be empty"),
  clientMessageId: z.guid().optional(),
});

export function createWebChatHandler(deps: WebChatDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? ((line: string) => console.error(line));
  const keepaliveMs = deps.keepaliveMs ?? 15_000;
  const pollMs = deps.pollMs ?? 5_000;
  const maxStreamMs = deps.maxStreamMs ?? 5 * 60_000;
  const pageSize = deps.pageSize ?? 100;

  const cors = (origin: string | null): Record<string, string> =>
    origin
      ? {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": "authorization, content-type, last-event-id",
        "access-control-max-age": "600",
        "vary": "Origin",
      }
      : { "vary": "Origin" };

  const refuse = (
    status: number,
    error: string,
    headers: Record<string, string> = {},
    detail = error,
  ): Response => {
    log(`web-chat: ${status} ${detail}`);
    return jsonResponse(status, { error }, headers);
  };

  const binding = async (key: string | null, arg: string): Promise<ChannelBindingRoute | Response> => {
    if (key === null || !PUBLIC_KEY.test(key)) {
      return refuse(400, `${arg}: must be a public key (pk_ and 32 hex digits)`);
    }
    let route: ChannelBindingRoute | null;
    try {
      route = await deps.db.route("web", key);
    } catch (err) {
      return refuse(503, "the binding could not be read", {}, `route ${key}: ${err}`);
    }
    if (!route || route.status !== "active") return refuse(404, `${arg}: no active web chat of this key`);
    return route;
  };

  const allowed = (route: ChannelBindingRoute, origin: string | null) =>
    origin !== null && (route.allowed_origins ?? []).includes(origin);

  /** The sender's external id: the verified user's, else the visitor's. */
  const sender = async (
    req: Request,
    visitorId: string | undefined,
    headers: Record<string, string>,
  ): Promise<{ externalId: string; profileId?: string } | Response> => {
    const token = bearerToken(req);
    if (token) {
      const profileId = await deps.verifyUser(token);
      if (!profileId) return refuse(401, "the access token is not valid", headers);
      return { externalId: `user:${profileId}`, profileId };
    }
    if (!visitorId) return refuse(400, "visitorId: a uuid is required (or sign in)", headers);
    return { externalId: `visitor:${visitorId}` };
  };

  const page = async (url: URL): Promise<Response> => {
    const route = await binding(url.searchParams.get("key"), "key");
    if (route instanceof Response) return route;
    const nonce = crypto.randomUUID().replaceAll("-", "");
    const ancestors = ["'self'", ...(route.allowed_origins ?? [])].join(" ");
    return new Response(webChatPage(nonce), {
      status: 200,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy":
          `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; ` +
          `connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
        "referrer-policy": "no-referrer",
        "x-content-type-options": "nosniff",
      },
    });
  };

  const preflight = async (req: Request, url: URL): Promise<Response> => {
    const origin = req.headers.get("origin");
    const route = await binding(url.searchParams.get("publicKey"), "publicKey");
    if (route instanceof Response) return route;
    if (!allowed(route, origin)) return refuse(403, `origin ${origin ?? "(none)"} is not allowed`);
    return new Response(null, { status: 204, headers: cors(origin) });
  };

  const post = async (req: Request, url: URL): Promise<Response> => {
    const origin = req.headers.get("origin");
    const read = await readRawBody(req, WEB_CHAT_MAX_REQUEST_BYTES);
    if (!read.ok) return refuse(read.status, read.error);
    const json = parseJsonBytes(read.bytes);
    if (!json.ok) return refuse(400, "the body is not JSON");
    const parsed = PostBody.safeParse(json.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    const input = parsed.data;
    const queryKey = url.searchParams.get("publicKey");
    if (queryKey !== null && queryKey !== input.publicKey) {
      return refuse(400, "publicKey: the query and the body differ");
    }
    const route = await binding(input.publicKey, "publicKey");
    if (route instanceof Response) return route;
    if (!allowed(route, origin)) return refuse(403, `origin ${origin ?? "(none)"} is not allowed`);
    const headers = cors(origin);
    if (new TextEncoder().encode(input.body).length > MAX_CHANNEL_BODY_BYTES) {
      return refuse(413, `body: over the limit of ${MAX_CHANNEL_BODY_BYTES} bytes`, headers);
    }
    const who = await sender(req, input.visitorId, headers);
    if (who instanceof Response) return who;
    const clientId = input.clientMessageId ?? crypto.randomUUID();
    try {
      const result = await deps.db.receive(route.binding_id, [{
        kind: "message",
        providerMessageId: `${input.publicKey}:${who.externalId}:${clientId}`,
        sender: who,
        body: input.body,
        sentAt: new Date().toISOString(),
      }]);
      return jsonResponse(
        200,
        { messageId: result.messageIds[0] ?? null, duplicate: result.duplicates > 0 },
        headers,
      );
    } catch (err) {
      const status = err instanceof ChannelDbError ? err.status : 503;
      return refuse(status, "the message could not be stored", headers, `receive: ${err}`);
    }
  };

  const stream = async (req: Request, url: URL): Promise<Response> => {
    const origin = req.headers.get("origin");
    const route = await binding(url.searchParams.get("publicKey"), "publicKey");
    if (route instanceof Response) return route;
    // Browsers send no Origin on a same-origin GET; a cross-origin one must be allowed.
    if (origin !== null && !allowed(route, origin)) return refuse(403, `origin ${origin} is not allowed`);
    const headers = cors(origin);
    const visitorRaw = url.searchParams.get("visitorId") ?? undefined;
    const visitor = visitorRaw === undefined ? undefined : z.guid().safeParse(visitorRaw);
    if (visitor && !visitor.success) return refuse(400, "visitorId: must be a uuid", headers);
    const who = await sender(req, visitor?.data, headers);
    if (who instanceof Response) return who;
    const lastRaw = req.headers.get("last-event-id") ?? url.searchParams.get("lastEventId");
    let after = 0;
    if (lastRaw !== null && lastRaw.trim() !== "") {
      if (!/^\d{1,15}$/.test(lastRaw.trim())) {
        return refuse(400, "Last-Event-ID: must be a message seq (0 or more)", headers);
      }
      after = Number(lastRaw.trim());
    }
    const read = (afterSeq: number) =>
      deps.db.webChatMessages(route.binding_id, who.externalId, afterSeq, pageSize);

    // LISTEN first, then read: a message is either in the first read or wakes the stream after it.
    await deps.listener.ready();
    let wokenEarly = false;
    let wake = () => void (wokenEarly = true);
    let unsubscribe = deps.listener.subscribe(null, () => wake());
    let first: WebChatMessageRow[];
    try {
      first = await read(after);
    } catch (err) {
      unsubscribe();
      const status = err instanceof ChannelDbError ? err.status : 503;
      return refuse(status, "the conversation could not be read", headers, `read: ${err}`);
    }

    const encoder = new TextEncoder();
    let closed = false;
    let lastSent = after;
    let conversationId: string | null = null;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const finish = () => {
          if (closed) return;
          closed = true;
          timers.forEach((t) => clearInterval(t));
          unsubscribe();
          try {
            controller.close();
          } catch { /* gone */ }
        };
        const write = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            finish();
          }
        };
        const send = (rows: WebChatMessageRow[]) => {
          for (const row of rows) {
            if (row.seq <= lastSent) continue;
            if (conversationId === null) {
              // From now on only this conversation's notifications wake the stream.
              conversationId = row.conversation_id;
              unsubscribe();
              unsubscribe = deps.listener.subscribe(conversationId, () => wake());
            }
            write(encodeSseMessage({
              id: row.seq,
              event: "message",
              data: {
                seq: row.seq,
                id: row.id,
                direction: row.direction,
                body: row.body,
                deliveryStatus: row.delivery_status,
                createdAt: row.created_at,
              },
            }));
            lastSent = row.seq;
          }
        };
        const catchUp = serialCatchUp<WebChatMessageRow>({
          read: () => read(lastSent),
          send,
          pageSize,
          isClosed: () => closed,
          onEnd: finish,
          onError: (err) => {
            log(`web-chat: reading ${who.externalId} failed: ${err}`);
            write(
              encodeSseMessage({
                event: "stream_error",
                data: { error: "the conversation could not be read" },
              }),
            );
            finish();
          },
        });
        wake = () => void catchUp();
        timers.push(setInterval(() => write(encodeSseComment("keepalive")), keepaliveMs));
        timers.push(setInterval(() => void catchUp(), pollMs));
        timers.push(setTimeout(finish, maxStreamMs));
        write(encodeSseMessage({ retry: 1000, event: "ready", data: { after } }));
        void (async () => {
          await catchUp(first);
          if (wokenEarly) await catchUp();
        })();
      },
      cancel() {
        closed = true;
        timers.forEach((t) => clearInterval(t));
        unsubscribe();
      },
    });
    return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...headers } });
  };

  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const path = subPath(url, "web-chat").replace(/\/+$/, "");
    if (path === "" && req.method === "GET") return await page(url);
    if (path === "/messages" && req.method === "POST") return await post(req, url);
    if (path === "/stream" && req.method === "GET") return await stream(req, url);
    if ((path === "/messages" || path === "/stream") && req.method === "OPTIONS") {
      return await preflight(req, url);
    }
    if (["", "/messages", "/stream"].includes(path)) {
      return jsonResponse(405, { error: `method ${req.method} not allowed on ${path || "/"}` });
    }
    return jsonResponse(404, { error: `no route ${path}: use /, /messages or /stream` });
  };
}
