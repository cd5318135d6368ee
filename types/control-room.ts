// Control-room vocabularies: teams, members, edges, assignments and tool invocations (mirrors of
// the agents.* enums; tests/functions/enums_test.ts keeps them equal).
import { z } from "zod";

export const TeamStatus = z.enum(["active", "paused", "archived"]);
export const TeamMemberRole = z.enum(["lead", "member", "reviewer", "observer"]);
export const TeamEdgeType = z.enum(["delegates", "reviews", "reports_to", "shares_context", "handoff"]);
export const AssigneeKind = z.enum(["agent", "team"]);
export const AssignmentStatus = z.enum(["active", "disabled"]);
export const ToolInvocationStatus = z.enum([
  "requested",
  "awaiting_approval",
  "approved",
  "rejected",
  "running",
  "succeeded",
  "failed",
]);

export type TeamStatus = z.infer<typeof TeamStatus>;
export type TeamMemberRole = z.infer<typeof TeamMemberRole>;
export type TeamEdgeType = z.infer<typeof TeamEdgeType>;
export type AssigneeKind = z.infer<typeof AssigneeKind>;
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;
export type ToolInvocationStatus = z.infer<typeof ToolInvocationStatus>;
