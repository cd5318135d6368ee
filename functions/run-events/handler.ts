// GET /functions/v1/run-events?run_id=<uuid>        one workflow run's events as Server-Sent Events
// GET /functions/v1/run-events?team_run_id=<uuid>   one team run's events, the same way
// for a caller whom RLS lets read it (exactly one of the two parameters). Events are read through
// PostgREST with the CALLER's JWT (list_workflow_run_events / list_team_run_events), never with the
// service key; LISTEN (workflow_run_events / agent_run_events) only wakes the stream, and a slow poll
// covers a lost notification. Resumes after Last-Event-ID (header) or ?last_event_id=. Ends once the
// terminal event has been sent, or at once when it had ended before. What differs between the two
// is a stream kind (kinds.ts).
//
//   id: <event_id>        event: <event_type>        data: <the event row as JSON>
//   : keepalive           every keepaliveMs while nothing else is sent
//
// 400 both or neither parameter, a bad id or last_event_id; 401 no JWT; 403 a role that may not
// read runs (anon); 404 no run (team run) the caller can see.
import { createClient } from "@supabase/supabase-js";
import { z } from "zod";
import { encodeSseComment, encodeSseMessage, serialCatchUp, SSE_HEADERS } from "../_shared/sse.ts";
import { bearerToken } from "../_shared/jwt.ts";
import type { RunEventsListener } from "./listener.ts";
import { STREAM_KINDS, type StreamEvent } from "./kinds.ts";

const Status = z.object({ status: z.string() });

/** How often a stream reads again when no notification woke it (it covers a lost notification). */
export const DEFAULT_POLL_MS = 5_000;

export interface RunEventsOptions {
  supabaseUrl: string;
  anonKey: string;
  listener: RunEventsListener;
  keepaliveMs?: number;
  pollMs?: number;
  pageSize?: number;
  log?: (message: string) => void;
}

const CORS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type, last-event-id",
};

function problem(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: CORS });
}

interface RpcError {
  code?: string;
  message: string;
}

/** How a PostgREST error answers the stream's caller. */
function refusal(error: RpcError, noun: string): Response {
  switch (error.code) {
    case "PT404":
      return problem(404, error.message);
    case "22023":
      return problem(400, error.message);
    case "42501":
      return problem(403, `not allowed: ${error.message}`);
    case "PGRST301":
    case "PGRST302":
    case "PGRST303":
      return problem(401, error.message);
    default:
      return problem(502, `could not read the ${noun}'s events: ${error.message}`);
  }
}

class ReadError extends Error {
  constructor(readonly rpc: RpcError) {
    super(rpc.message);
  }
}

export function createRunEventsHandler(options: RunEventsOptions): (req: Request) => Promise<Response> {
  const keepaliveMs = options.keepaliveMs ?? 15_000;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const pageSize = options.pageSize ?? 500;
  const log = options.log ?? ((m: string) => console.error(m));
  const params = STREAM_KINDS.map((k) => k.param).join(" or ");

  return async (req: Request): Promise<Response> => {
    if (req.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
    if (req.method !== "GET") {
      return Response.json({ error: "method not allowed: use GET" }, {
        status: 405,
        headers: { ...CORS, allow: "GET, OPTIONS" },
      });
    }
    const url = new URL(req.url);
    const named = STREAM_KINDS.filter((k) => url.searchParams.has(k.param));
    if (named.length > 1) return problem(400, `give one of ${params}, not both`);
    const kind = named[0];
    const idParam = kind ? url.searchParams.get(kind.param)! : "";
    if (idParam === "") {
      return problem(
        400,
        `${kind?.param ?? params} is required (the uuid of a ${kind?.noun ?? "run or team run"})`,
      );
    }
    const id = z.guid().safeParse(idParam);
    if (!id.success) {
      return problem(400, `${kind.param} must be a uuid, got ${JSON.stringify(idParam.slice(0, 64))}`);
    }
    const what = `${kind.noun} ${id.data}`;
    const lastRaw = req.headers.get("last-event-id") ?? url.searchParams.get("last_event_id");
    let after = 0;
    if (lastRaw !== null && lastRaw.trim() !== "") {
      if (!/^\d{1,15}$/.test(lastRaw.trim())) {
        return problem(
          400,
          `Last-Event-ID / last_event_id must be an event id (0 or more), got ${
            JSON.stringify(lastRaw.slice(0, 64))
          }`,
        );
      }
      after = Number(lastRaw.trim());
    }
    const token = bearerToken(req);
    if (!token) return problem(401, "an Authorization: Bearer <JWT> header is required");

    // The caller's own identity for every read: RLS decides what they see.
    const client = createClient(options.supabaseUrl, options.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: { headers: { Authorization: `Bearer ${token}` } },
    });
    const readPage = async (afterId: number): Promise<StreamEvent[]> => {
      const { data, error } = await client.rpc(kind.eventsRpc, {
        [kind.idArg]: id.data,
        p_after_event_id: afterId,
        p_limit: pageSize,
      });
      if (error) throw new ReadError(error);
      const rows = z.array(kind.event).safeParse(data);
      if (!rows.success) {
        throw new ReadError({ message: `unexpected event rows: ${z.prettifyError(rows.error)}` });
      }
      return rows.data;
    };
    const hasEnded = async (): Promise<boolean> => {
      const { data, error } = await client.rpc(kind.getRpc, { [kind.idArg]: id.data });
      if (error) throw new ReadError(error);
      return kind.endedStatuses.has(Status.parse(data).status);
    };

    // Listen, then mark it watched (committed: its appends notify from then on) and wait out the
    // appends under way (listener.subscribe), then read from the cursor: an event is either in
    // that read or notified after it.
    await options.listener.ready(kind);
    // A notification that arrives before the stream has started (during the first read) is kept:
    // the event it announces may have committed after that read's snapshot.
    let wokenEarly = false;
    let wake: () => void = () => (wokenEarly = true);
    const unsubscribe = await options.listener.subscribe(kind, id.data, () => wake());

    let first: StreamEvent[];
    try {
      first = await readPage(after);
    } catch (err) {
      unsubscribe();
      if (err instanceof ReadError) return refusal(err.rpc, kind.noun);
      return problem(502, `could not read the ${kind.noun}'s events: ${(err as Error).message}`);
    }

    const encoder = new TextEncoder();
    let closed = false;
    let keepalive: ReturnType<typeof setInterval> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let lastSent = after;

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const finish = () => {
          if (closed) return;
          closed = true;
          clearInterval(keepalive);
          clearInterval(poll);
          unsubscribe();
          try {
            controller.close();
          } catch { /* the client went away first */ }
        };
        const write = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            finish();
          }
        };
        /** Sends a page; true when it held the terminal event. */
        const send = (events: StreamEvent[]): boolean => {
          for (const event of events) {
            if (event.event_id <= lastSent) continue;
            write(encodeSseMessage({ id: event.event_id, event: event.event_type, data: event }));
            lastSent = event.event_id;
            if (kind.terminalEvents.has(event.event_type)) return true;
          }
          return false;
        };

        // Reads run one at a time; a wake-up during a read makes one more read after it. Once it is
        // known to have ended, the stream closes after the next complete read.
        let ended = false;
        const catchUp = serialCatchUp<StreamEvent>({
          read: () => readPage(lastSent),
          send,
          pageSize,
          isClosed: () => closed,
          onEnd: finish,
          afterRead: () => {
            if (ended) finish();
          },
          onError: (err) => {
            const message = err instanceof ReadError ? err.rpc.message : (err as Error).message;
            log(`run-events ${what}: reading failed: ${message}`);
            write(encodeSseMessage({ event: "stream_error", data: { error: message } }));
            finish();
          },
        });
        /** Ends the stream (after one more read) when it has ended with nothing more to send. */
        let settling: Promise<void> | null = null;
        const settle = () =>
          settling ??= (async () => {
            try {
              if (await hasEnded()) {
                ended = true;
                await catchUp();
              }
            } catch (err) {
              log(`run-events ${what}: reading its status failed: ${(err as Error).message}`);
            } finally {
              settling = null;
            }
          })();

        wake = () => void catchUp();
        keepalive = setInterval(() => write(encodeSseComment("keepalive")), keepaliveMs);
        poll = setInterval(() => void catchUp(), pollMs);
        write(encodeSseComment(`events of ${what} after ${after}`));

        void (async () => {
          await catchUp(first);
          if (wokenEarly) await catchUp();
          // No terminal event among what was sent: either it goes on, or the caller resumed after
          // its end (one that has ended has nothing more to send).
          if (!closed) await settle();
        })();
      },
      cancel() {
        closed = true;
        clearInterval(keepalive);
        clearInterval(poll);
        unsubscribe();
      },
    });

    return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...CORS } });
  };
}
