// Workflow run vocabularies and the one event envelope every run event log uses (mirrors of the
// lenses.* engine enums; tests/functions/enums_test.ts keeps them equal).
import { z } from "zod";

export const WorkflowRunStatus = z.enum([
  "draft",
  "validated",
  "queued",
  "pending",
  "running",
  "streaming",
  "recovered",
  "completed",
  "failed",
  "cancelled",
  "timed_out",
]);
export const NodeResultStatus = z.enum([
  "pending",
  "awaiting_dependency",
  "queued",
  "running",
  "streaming",
  "retrying",
  "completed",
  "failed",
  "cancelled",
  "skipped",
  "timed_out",
  "blocked",
  "invalidated",
]);
export const WaitingReason = z.enum([
  "dependency",
  "condition_false",
  "rate_limit",
  "retry_backoff",
  "human_input",
  "external_callback",
  "queued",
]);
export const TaskErrorKind = z.enum([
  "rate_limit",
  "client",
  "server",
  "timeout",
  "network",
  "cancelled",
  "contract_violation",
  "lease_expired",
  "render",
]);
export const FailureMode = z.enum(["isolate", "stop_run"]);
export const RunEventType = z.enum([
  "run_queued",
  "run_started",
  "run_streaming",
  "run_completed",
  "run_failed",
  "run_cancelled",
  "run_timed_out",
  "run_recovered",
  "node_queued",
  "node_started",
  "node_streaming",
  "node_delta",
  "node_completed",
  "node_failed",
  "node_retrying",
  "node_skipped",
  "node_cancelled",
  "node_timed_out",
  "node_invalidated",
  "node_released",
  "lease_expired",
  "human_input_requested",
  "human_input_received",
  "step_queued",
  "step_started",
  "step_completed",
  "step_failed",
  "step_blocked",
  "step_skipped",
  "approval_requested",
  "approval_granted",
  "approval_rejected",
  "message",
  "tool_invoked",
  "tool_completed",
]);

/** The run's terminal events: after one of them a run's log takes nothing more. */
export const TERMINAL_RUN_EVENTS: readonly RunEventType[] = [
  "run_completed",
  "run_failed",
  "run_cancelled",
  "run_timed_out",
];

/** The one event envelope (lenses.workflow_run_events; agent run events share it). */
export const RunEvent = z.object({
  run_id: z.uuid(),
  event_id: z.number().int().positive(),
  event_type: RunEventType,
  actor_id: z.uuid().nullable(),
  node_id: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  occurred_at: z.string(),
});

export type WorkflowRunStatus = z.infer<typeof WorkflowRunStatus>;
export type NodeResultStatus = z.infer<typeof NodeResultStatus>;
export type WaitingReason = z.infer<typeof WaitingReason>;
export type TaskErrorKind = z.infer<typeof TaskErrorKind>;
export type FailureMode = z.infer<typeof FailureMode>;
export type RunEventType = z.infer<typeof RunEventType>;
export type RunEvent = z.infer<typeof RunEvent>;
