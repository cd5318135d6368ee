// Team run vocabularies (agents.team_runs, agents.agent_run_steps, agents.approval_requests_v),
// built from the generated Constants of types/database.ts; tests/functions/enums_test.ts checks that
// each is. A team run's events use the one shared envelope and event type of types/runs.ts.
import { z } from "zod";
import { Constants } from "./database.ts";
import { RunEvent, type RunEventType } from "./runs.ts";

export const TeamRunStatus = z.enum(Constants.agents.Enums.team_run_status);
export const ApprovalStatus = z.enum(Constants.agents.Enums.approval_status);
export const TeamRunQueueState = z.enum(Constants.agents.Enums.team_run_queue_state);
export const AgentRunStepStatus = z.enum(Constants.agents.Enums.agent_run_step_status);
export const AgentRunStepKind = z.enum(Constants.agents.Enums.agent_run_step_kind);
export const StepMemberSource = z.enum(Constants.agents.Enums.step_member_source);
export const ApprovalRequestKind = z.enum(Constants.agents.Enums.approval_request_kind);

/** The statuses a team run ends in: after one of them nothing more happens to it. */
export const ENDED_TEAM_RUN_STATUSES: readonly TeamRunStatus[] = ["completed", "failed", "cancelled"];

/**
 * A team run's terminal events, one of which its log ends with. There is no run_timed_out: a team
 * run whose workflow run timed out ends failed (run_failed).
 */
export const TERMINAL_TEAM_RUN_EVENTS: readonly RunEventType[] = [
  "run_completed",
  "run_failed",
  "run_cancelled",
];

/** A team run's event (agents.agent_run_events): the run event envelope, scoped by team run and step. */
export const TeamRunEvent = RunEvent.omit({ run_id: true, node_id: true }).extend({
  team_run_id: z.uuid(),
  step_id: z.uuid().nullable(),
});

/** A team assignment's node bindings: node key -> the team member who performs it. */
export const NodeBindings = z.record(z.string().min(1), z.uuid());

export type TeamRunStatus = z.infer<typeof TeamRunStatus>;
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;
export type TeamRunQueueState = z.infer<typeof TeamRunQueueState>;
export type AgentRunStepStatus = z.infer<typeof AgentRunStepStatus>;
export type AgentRunStepKind = z.infer<typeof AgentRunStepKind>;
export type StepMemberSource = z.infer<typeof StepMemberSource>;
export type ApprovalRequestKind = z.infer<typeof ApprovalRequestKind>;
export type NodeBindings = z.infer<typeof NodeBindings>;
export type TeamRunEvent = z.infer<typeof TeamRunEvent>;
