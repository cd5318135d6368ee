// The worker's settings from environment variables (the local process and the edge function read
// the same names), checked with zod so a typo fails loudly instead of running with a default.
import { z } from "zod";
import type { EnvReader } from "../providers/index.ts";
import { type LogLevel, parseLogLevel } from "./log.ts";
import { WorkerLoopConfig } from "./loop.ts";

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const WorkerEnv = z.object({
  CL_WORKER_ID: z.string().min(1).max(200).optional(),
  CL_WORKER_CONCURRENCY: int(1, 500).optional(),
  CL_WORKER_BATCH: int(1, 500).optional(),
  CL_WORKER_COMPLETION_BATCH: int(1, 500).optional(),
  CL_WORKER_LEASE_SECONDS: int(1, 3600).optional(),
  CL_WORKER_POLL_MS: int(10, 600_000).optional(),
  CL_WORKER_DRAIN_MS: int(0, 600_000).optional(),
  CL_WORKER_LOG: z.enum(["debug", "info", "warn", "error", "silent"]).optional(),
});

export interface WorkerEnvSettings {
  loop: WorkerLoopConfig;
  drainMs: number | undefined;
  logLevel: LogLevel;
}

export const WORKER_ENV_NAMES = Object.keys(WorkerEnv.shape);

export function workerSettingsFromEnv(env: EnvReader, fallbackLog: LogLevel = "info"): WorkerEnvSettings {
  const raw: Record<string, string> = {};
  for (const name of WORKER_ENV_NAMES) {
    const value = env.get(name);
    if (value !== undefined && value.trim() !== "") raw[name] = value.trim();
  }
  const parsed = WorkerEnv.safeParse(raw);
  if (!parsed.success) throw new Error(`worker settings: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  const loop = WorkerLoopConfig.parse({
    workerId: e.CL_WORKER_ID,
    concurrency: e.CL_WORKER_CONCURRENCY,
    batchSize: e.CL_WORKER_BATCH,
    completionBatchSize: e.CL_WORKER_COMPLETION_BATCH,
    leaseSeconds: e.CL_WORKER_LEASE_SECONDS,
    pollMs: e.CL_WORKER_POLL_MS,
  });
  return { loop, drainMs: e.CL_WORKER_DRAIN_MS, logLevel: parseLogLevel(e.CL_WORKER_LOG, fallbackLog) };
}
