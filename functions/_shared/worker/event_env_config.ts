// The event delivery loop's settings from environment variables (scripts/worker.ts), checked with zod
// so a typo fails loudly.
import { z } from "zod";
import type { EnvReader } from "../providers/index.ts";
import { EventDeliveryLoopConfig } from "./event_deliveries.ts";

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(["on", "off", "true", "false", "1", "0"]);

const EventEnv = z.object({
  CL_WORKER_EVENTS: flag.optional(),
  CL_EVENTS_POLL_MS: int(10, 600_000).optional(),
  CL_EVENTS_LEASE_SECONDS: int(1, 3600).optional(),
  CL_EVENTS_BATCH: int(1, 500).optional(),
  CL_OUTPUT_WEBHOOK_TIMEOUT_MS: int(100, 120_000).optional(),
  CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK: flag.optional(),
  CL_OUTPUT_WEBHOOK_ALLOW_HOSTS: z.string().max(20_000).optional(),
});

export const EVENT_ENV_NAMES = Object.keys(EventEnv.shape);

const on = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : ["on", "true", "1"].includes(value);

export function eventSettingsFromEnv(
  env: EnvReader,
): { enabled: boolean; loop: z.output<typeof EventDeliveryLoopConfig> } {
  const raw: Record<string, string> = {};
  for (const name of EVENT_ENV_NAMES) {
    const value = env.get(name);
    if (value !== undefined && value.trim() !== "") raw[name] = value.trim();
  }
  const parsed = EventEnv.safeParse(raw);
  if (!parsed.success) throw new Error(`event delivery settings: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  const loop = EventDeliveryLoopConfig.parse({
    pollMs: e.CL_EVENTS_POLL_MS,
    leaseSeconds: e.CL_EVENTS_LEASE_SECONDS,
    batchSize: e.CL_EVENTS_BATCH,
    webhook: {
      timeoutMs: e.CL_OUTPUT_WEBHOOK_TIMEOUT_MS,
      allowPrivateNetwork: on(e.CL_OUTPUT_WEBHOOK_ALLOW_PRIVATE_NETWORK, false),
      allowHosts: (e.CL_OUTPUT_WEBHOOK_ALLOW_HOSTS ?? "").split(",").map((h) => h.trim()).filter((h) =>
        h !== ""
      ),
    },
  });
  return { enabled: on(e.CL_WORKER_EVENTS, true), loop };
}
