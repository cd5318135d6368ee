// The WhatsApp Cloud API webhook (README "Channels: webhooks"). Thin: verify, parse, one SQL call
// per binding, answer.
//
//   GET  /functions/v1/whatsapp/<phone_number_id>?hub.mode=subscribe&hub.verify_token=..&hub.challenge=..
//        200 text/plain <challenge> when the token equals the env var the binding's verify_token_env
//        names; 403 otherwise; 404 no (active) binding of that phone number id.
//   POST /functions/v1/whatsapp[/<anything>]
//        The payload's metadata.phone_number_id routes each change to its binding (Meta calls one
//        URL per app, for all its numbers); X-Hub-Signature-256 is checked with the app secret of
//        every binding concerned BEFORE anything is written; then receive_channel_events once per
//        binding. 200 {stored, duplicates, statuses, ignored}; 401 missing or forged signature;
//        404 a phone number id without an active binding; 400 not JSON / not a WhatsApp payload;
//        413 over maxBodyBytes; 500 a binding whose secret env var is not set; 503 the database
//        failed (Meta retries). Nothing is written on any refusal; one log line per refusal.
import { normaliseWhatsApp, WhatsAppPayloadError } from "../_shared/channels/whatsapp_payload.ts";
import { verifyWhatsAppSignature, WHATSAPP_SIGNATURE_HEADER } from "../_shared/channels/whatsapp_signature.ts";
import { type ChannelDb, ChannelDbError } from "../_shared/channels/db.ts";
import {
  type Env,
  jsonResponse,
  parseJsonBytes,
  processEnv,
  readRawBody,
  routingKeyFromPath,
  secretsEqual,
} from "../_shared/channels/http.ts";
import type { ChannelBindingRoute } from "../../types/channel-events.ts";

export const WHATSAPP_MAX_BODY_BYTES = 1024 * 1024;

export interface WhatsAppDeps {
  db: ChannelDb;
  env?: Env;
  log?: (line: string) => void;
  maxBodyBytes?: number;
}

const PHONE_NUMBER_ID = /^\d{1,32}$/;

export function createWhatsAppHandler(deps: WhatsAppDeps): (req: Request) => Promise<Response> {
  const env = deps.env ?? processEnv;
  const log = deps.log ?? ((line: string) => console.error(line));
  const maxBodyBytes = deps.maxBodyBytes ?? WHATSAPP_MAX_BODY_BYTES;

  const refuse = (status: number, error: string, detail = error): Response => {
    log(`whatsapp: ${status} ${detail}`);
    return jsonResponse(status, { error });
  };

  /** The active binding of a phone number id, or a refusal. */
  const binding = async (phoneNumberId: string): Promise<ChannelBindingRoute | Response> => {
    let route: ChannelBindingRoute | null;
    try {
      route = await deps.db.route("whatsapp", phoneNumberId);
    } catch (err) {
      const status = err instanceof ChannelDbError ? err.status : 503;
      return refuse(status === 404 ? 404 : 503, "the binding could not be read", `route ${phoneNumberId}: ${err}`);
    }
    if (!route || route.status !== "active") {
      return refuse(404, `no active WhatsApp binding for phone number id ${phoneNumberId}`);
    }
    return route;
  };

  /** The value of the env var a binding names, or a refusal (500: the deployment lacks the secret). */
  const secret = (route: ChannelBindingRoute, which: "app_secret_env" | "verify_token_env"): string | Response => {
    const name = route[which];
    const value = name ? env(name) : undefined;
    if (!value) {
      return refuse(
        500,
        "the binding's secret is not configured",
        `binding ${route.binding_id}: ${which} ${name ?? "(none)"} is not set in the functions' environment`,
      );
    }
    return value;
  };

  const verifySubscription = async (url: URL): Promise<Response> => {
    const key = routingKeyFromPath(url, "whatsapp");
    if (key === null || !PHONE_NUMBER_ID.test(key)) {
      return refuse(404, "give the binding's phone number id in the path: /functions/v1/whatsapp/<phone_number_id>");
    }
    const route = await binding(key);
    if (route instanceof Response) return route;
    const expected = secret(route, "verify_token_env");
    if (expected instanceof Response) return expected;
    const mode = url.searchParams.get("hub.mode");
    const token = url.searchParams.get("hub.verify_token") ?? "";
    const challenge = url.searchParams.get("hub.challenge");
    if (mode !== "subscribe" || challenge === null || !(await secretsEqual(token, expected))) {
      return refuse(403, "verification refused", `verification refused for ${key} (mode ${mode})`);
    }
    return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  };

  const receive = async (req: Request, url: URL): Promise<Response> => {
    const read = await readRawBody(req, maxBodyBytes);
    if (!read.ok) return refuse(read.status, read.error);
    const signature = req.headers.get(WHATSAPP_SIGNATURE_HEADER);
    if (!signature) return refuse(401, "X-Hub-Signature-256 is missing");
    const json = parseJsonBytes(read.bytes);
    if (!json.ok) return refuse(400, "the body is not JSON");
    let batches;
    try {
      batches = normaliseWhatsApp(json.value);
    } catch (err) {
      if (err instanceof WhatsAppPayloadError) return refuse(400, err.message.slice(0, 2000));
      throw err;
    }

    // Every binding concerned, and the signature under each one's app secret, before any write.
    const keys = batches.map((b) => b.phoneNumberId);
    if (keys.length === 0) {
      // Nothing to store (another field's change). With a routing key in the path, still check the signature.
      const key = routingKeyFromPath(url, "whatsapp");
      if (key !== null && PHONE_NUMBER_ID.test(key)) keys.push(key);
    }
    const routes = new Map<string, ChannelBindingRoute>();
    for (const key of keys) {
      const route = await binding(key);
      if (route instanceof Response) return route;
      const appSecret = secret(route, "app_secret_env");
      if (appSecret instanceof Response) return appSecret;
      if (!(await verifyWhatsAppSignature(read.bytes, signature, appSecret))) {
        return refuse(401, "X-Hub-Signature-256 does not match", `forged signature for phone number id ${key}`);
      }
      routes.set(key, route);
    }

    const total = { stored: 0, duplicates: 0, statuses: 0, ignored: 0 };
    for (const batch of batches) {
      total.ignored += batch.ignored;
      if (batch.events.length === 0) continue;
      const route = routes.get(batch.phoneNumberId)!;
      try {
        // At most 100 events a call (the RPC's limit); Meta's batches are far smaller.
        for (let i = 0; i < batch.events.length; i += 100) {
          const r = await deps.db.receive(route.binding_id, batch.events.slice(i, i + 100));
          total.stored += r.stored;
          total.duplicates += r.duplicates;
          total.statuses += r.statuses;
          total.ignored += r.ignored;
        }
      } catch (err) {
        const status = err instanceof ChannelDbError ? err.status : 503;
        return refuse(status, "the events could not be stored", `receive for ${batch.phoneNumberId}: ${err}`);
      }
    }
    return jsonResponse(200, total);
  };

  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    if (req.method === "GET") return await verifySubscription(url);
    if (req.method === "POST") return await receive(req, url);
    return jsonResponse(405, { error: "method not allowed: GET (verification) or POST (events)" }, {
      allow: "GET, POST",
    });
  };
}
