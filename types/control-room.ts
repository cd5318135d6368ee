// Control-room vocabularies: teams, members, edges, assignments and tool invocations (the agents.*
// enums, built from the generated Constants of types/database.ts; tests/functions/enums_test.ts checks
// that each is).
import { z } from "zod";
import { Constants } from "./database.ts";

export const TeamStatus = z.enum(Constants.agents.Enums.team_status);
export const TeamMemberRole = z.enum(Constants.agents.Enums.team_member_role);
export const TeamEdgeType = z.enum(Constants.agents.Enums.team_edge_type);
export const AssigneeKind = z.enum(Constants.agents.Enums.assignee_kind);
export const AssignmentStatus = z.enum(Constants.agents.Enums.assignment_status);
export const ToolInvocationStatus = z.enum(Constants.agents.Enums.tool_invocation_status);

export type TeamStatus = z.infer<typeof TeamStatus>;
export type TeamMemberRole = z.infer<typeof TeamMemberRole>;
export type TeamEdgeType = z.infer<typeof TeamEdgeType>;
export type AssigneeKind = z.infer<typeof AssigneeKind>;
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;
export type ToolInvocationStatus = z.infer<typeof ToolInvocationStatus>;
