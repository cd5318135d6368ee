// The local workflow worker: a long-lived process running the same loop as the hosted `worker`
// edge function, woken at once by LISTEN workflow_tasks and polling every few seconds. SIGINT or
// SIGTERM stops claiming, lets in-flight tasks finish for CL_WORKER_DRAIN_MS, hands the rest back
// to the queue (release_workflow_task) and exits 0.
//
// Environment: SUPABASE_DB_URL (required); CL_WORKER_ID, CL_WORKER_CONCURRENCY, CL_WORKER_BATCH,
// CL_WORKER_COMPLETION_BATCH, CL_WORKER_LEASE_SECONDS, CL_WORKER_POLL_MS, CL_WORKER_DRAIN_MS,
// CL_WORKER_LOG. Provider keys come from the environment and from functions/.env, as the edge
// functions get them.
//
// Next to the task loop it runs the event bus's delivery loop (functions/_shared/worker/
// event_deliveries.ts: output_destination webhooks, sql consumers' retries) unless
// CL_WORKER_EVENTS=off; its settings: CL_EVENTS_POLL_MS, CL_EVENTS_LEASE_SECONDS, CL_EVENTS_BATCH,
// CL_OUTPUT_WEBHOOK_TIMEOUT_MS, CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK (true: loopback and private
// addresses allowed, for local receivers), CL_OUTPUT_WEBHOOK_ALLOW_HOSTS (comma-separated).
import postgres from "postgres";
import type { EnvReader } from "../functions/_shared/providers/index.ts";
import { type WorkerEnvSettings, workerSettingsFromEnv } from "../functions/_shared/worker/env_config.ts";
import { createLogger, WorkerLoop } from "../functions/_shared/worker/mod.ts";
import { EventDeliveryLoop } from "../functions/_shared/worker/event_deliveries.ts";
import { eventSettingsFromEnv } from "../functions/_shared/worker/event_env_config.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const DEFAULT_DRAIN_MS = 10_000;

/** KEY=VALUE lines of functions/.env (as `supabase functions serve --env-file` reads them). */
function readSecrets(path: string): Map<string, string> {
  const secrets = new Map<string, string>();
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return secrets;
    throw err;
  }
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    secrets.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1"));
  }
  return secrets;
}

const secrets = readSecrets(`${ROOT}/functions/.env`);
const env: EnvReader = { get: (name) => secrets.get(name) ?? Deno.env.get(name) };

const dbUrl = env.get("SUPABASE_DB_URL");
if (!dbUrl) {
  console.error("worker: SUPABASE_DB_URL is not set (the stack's database URL)");
  Deno.exit(2);
}
let settings: WorkerEnvSettings;
let eventSettings: ReturnType<typeof eventSettingsFromEnv>;
try {
  settings = workerSettingsFromEnv(env);
  eventSettings = eventSettingsFromEnv(env);
} catch (err) {
  console.error(`worker: ${(err as Error).message}`);
  Deno.exit(2);
}

const concurrency = settings.loop.concurrency ?? 8;
const sql = postgres(dbUrl, {
  // Transitions are short: a few connections serve many tasks in flight (more only add contention).
  max: Math.min(concurrency + 1, 8),
  onnotice: () => {},
  connection: { application_name: "connectedlenses-worker" },
});
const loop = new WorkerLoop(sql, settings.loop, {
  env,
  log: createLogger("worker", settings.logLevel),
});
const log = createLogger(`worker ${loop.workerId}`, settings.logLevel);
const events = eventSettings.enabled
  ? new EventDeliveryLoop(sql, { ...eventSettings.loop, workerId: loop.workerId }, {
    env,
    log: createLogger(`events ${loop.workerId}`, settings.logLevel),
  })
  : null;

let stopping: Promise<void> | null = null;
function shutdown(signal: string) {
  if (stopping) {
    log.warn(`${signal} again: still handing back in-flight tasks`);
    return;
  }
  const drainMs = settings.drainMs ?? DEFAULT_DRAIN_MS;
  log.info(`${signal}: no more claims; in-flight tasks get ${drainMs} ms, then go back to the queue`, {
    in_flight: loop.inFlightCount,
  });
  stopping = (async () => {
    const [stats, eventStats] = await Promise.all([loop.stop(drainMs), events?.stop(drainMs)]);
    await sql.end({ timeout: 5 });
    log.info("stopped", { ...stats, events: eventStats });
    Deno.exit(0);
  })();
}
Deno.addSignalListener("SIGINT", () => shutdown("SIGINT"));
Deno.addSignalListener("SIGTERM", () => shutdown("SIGTERM"));

try {
  await loop.start();
  await events?.start();
} catch (err) {
  log.error("could not start (is the database up?)", { error: String(err) });
  await sql.end({ timeout: 1 }).catch(() => {});
  Deno.exit(1);
}
log.info("listening on workflow_tasks", {
  concurrency,
  batch: settings.loop.batchSize ?? concurrency,
  lease_seconds: settings.loop.leaseSeconds,
  poll_ms: settings.loop.pollMs,
  event_deliveries: events ? "on (LISTEN event_deliveries)" : "off",
});
