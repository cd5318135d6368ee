// The workflow worker: claim, call the provider, stream, complete. See loop.ts.
export {
  defaultWorkerId,
  WorkerLoop,
  WorkerLoopConfig,
  type WorkerLoopDeps,
  type WorkerStats,
} from "./loop.ts";
export { type RoundTrips, STALE_LEASE, StaleLeaseError, WorkerDb } from "./db.ts";
export { createLogger, type Logger, type LogLevel, parseLogLevel } from "./log.ts";
export { ClaimedTask, type LlmCall, type TaskErrorKind, TaskHandle } from "./task.ts";
export type { TaskOutcome } from "./run_task.ts";
export { ChannelSender, ChannelSenderConfig, type ChannelSenderStats } from "./channel_sender.ts";
