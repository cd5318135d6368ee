// Workflow run vocabularies and the one event envelope every run event log uses (the lenses.* engine
// enums, built from the generated Constants of types/database.ts; tests/functions/enums_test.ts checks
// that each is).
import { z } from "zod";
import { Constants } from "./database.ts";

export const WorkflowRunStatus = z.enum(Constants.lenses.Enums.workflow_run_status);
export const NodeResultStatus = z.enum(Constants.lenses.Enums.node_result_status);
export const WaitingReason = z.enum(Constants.lenses.Enums.waiting_reason);
export const TaskErrorKind = z.enum(Constants.lenses.Enums.task_error_kind);
export const FailureMode = z.enum(Constants.lenses.Enums.failure_mode);
export const RunEventType = z.enum(Constants.lenses.Enums.run_event_type);

/** The statuses a workflow run ends in: after one of them nothing more happens to it. */
export const ENDED_RUN_STATUSES: readonly WorkflowRunStatus[] = [
  "completed",
  "failed",
  "cancelled",
  "timed_out",
];

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
