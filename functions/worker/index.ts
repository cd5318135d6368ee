// The hosted workflow worker. POST (from pg_cron + pg_net, or a client holding the service key)
// runs the worker loop for a time budget: it claims until shortly before the budget ends, lets
// in-flight tasks finish until it ends, hands back what is still running, and answers
// {claimed, completed, failed, released, lost, abandoned, parked, events}. Only the service_role may
// call it. Next to the task loop it runs the event bus's delivery loop for the same budget
// (output destination webhooks; `events`: its counts, null with CL_WORKER_EVENTS=off).
//
// Body (JSON, optional): { "budget_ms": 1..140000 (default 50000; larger values are capped),
//                          "concurrency": 1..64 }
import postgres from "postgres";
import { z } from "zod";
import { bearerToken, readClaims } from "../_shared/jwt.ts";
import { workerSettingsFromEnv } from "../_shared/worker/env_config.ts";
import { createLogger, WorkerLoop } from "../_shared/worker/mod.ts";
import { EventDeliveryLoop } from "../_shared/worker/event_deliveries.ts";
import { eventSettingsFromEnv } from "../_shared/worker/event_env_config.ts";

const DEFAULT_BUDGET_MS = 50_000;
/** Under the free plan's 150 s wall clock, with room to answer. */
const MAX_BUDGET_MS = 140_000;
/** At most this long (and a fifth of the budget) goes to letting in-flight tasks finish. */
const MAX_DRAIN_MS = 5_000;

const Body = z.object({
  budget_ms: z.number().int().positive().optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
}).strict();

const settings = workerSettingsFromEnv(Deno.env, "warn");
const eventSettings = eventSettingsFromEnv(Deno.env);
const sql = postgres(Deno.env.get("SUPABASE_DB_URL")!, {
  max: 8,
  idle_timeout: 30,
  onnotice: () => {},
  connection: { application_name: "connectedlenses-worker-fn" },
});

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}

Deno.serve(async (req) => {
  if (req.method !== "POST") {
    return Response.json({ error: "method not allowed: use POST" }, {
      status: 405,
      headers: { allow: "POST" },
    });
  }
  const token = bearerToken(req);
  const role = token ? readClaims(token)?.role : undefined;
  if (role !== "service_role") {
    return json(403, { error: "the worker runs for the service_role only" });
  }

  let raw: unknown = {};
  const text = await req.text();
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      return json(400, { error: "the body must be JSON" });
    }
  }
  const body = Body.safeParse(raw);
  if (!body.success) return json(400, { error: `bad body: ${z.prettifyError(body.error)}` });

  const budgetMs = Math.min(body.data.budget_ms ?? DEFAULT_BUDGET_MS, MAX_BUDGET_MS);
  const drainMs = Math.min(MAX_DRAIN_MS, Math.floor(budgetMs / 5));
  const loop = new WorkerLoop(sql, {
    ...settings.loop,
    concurrency: body.data.concurrency ?? settings.loop.concurrency,
  }, { env: Deno.env, log: createLogger("worker-fn", settings.logLevel) });
  const events = eventSettings.enabled
    ? new EventDeliveryLoop(sql, { ...eventSettings.loop, workerId: loop.workerId }, {
      env: Deno.env,
      log: createLogger("worker-fn events", settings.logLevel),
    })
    : null;
  try {
    await events?.start();
    const [stats, eventStats] = await Promise.all([
      loop.runFor(budgetMs - drainMs, drainMs),
      events
        ? new Promise((resolve) => setTimeout(resolve, budgetMs - drainMs)).then(() => events.stop(drainMs))
        : Promise.resolve(null),
    ]);
    return json(200, { ...stats, events: eventStats });
  } catch (err) {
    await loop.stop(0).catch(() => {});
    await events?.stop(0).catch(() => {});
    return json(503, { error: `the worker could not run: ${(err as Error).message}` });
  }
});
