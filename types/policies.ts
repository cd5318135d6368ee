// Workflow assignment policies: the JSON bundles in agents.workflow_assignments, as the engine reads
// them. The same rules are enforced in SQL (agents.fn_*_policy_errors, agents.fn_output_destination_errors,
// in CHECK constraints); tests/functions/policies_test.ts runs the same cases through both.
import { z } from "zod";
import { Constants } from "./database.ts";

/** Ownership roles (the database enum agents.ownership_role). */
export const OwnershipRole = z.enum(Constants.agents.Enums.ownership_role);

/** Memory scopes (the database enum agents.memory_scope). */
export const MemoryScope = z.enum(Constants.agents.Enums.memory_scope);

/** A uuid written 8-4-4-4-12 in hex (any version, as Postgres' uuid type accepts). */
const Uuid = z.string().regex(
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
);
const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** Whether starting a run for the assignment waits for a human's approval, and whose. */
export const ApprovalPolicy = z.object({
  requiresApproval: z.boolean(),
  /** Who may approve; without it, the agent's owners and co-owners. Only when requiresApproval. */
  approverRoles: z.array(OwnershipRole).min(1)
    .refine((roles) => new Set(roles).size === roles.length, "approverRoles must not repeat a role")
    .optional(),
  /** A pending approval not decided within this many seconds ends cancelled (swept every minute). */
  expiresAfterSeconds: int(60, 2_592_000).optional(),
}).strict().refine((p) => p.approverRoles === undefined || p.requiresApproval, {
  message: "approverRoles is only allowed when requiresApproval is true",
  path: ["approverRoles"],
}).refine((p) => p.expiresAfterSeconds === undefined || p.requiresApproval, {
  message: "expiresAfterSeconds is only allowed when requiresApproval is true",
  path: ["expiresAfterSeconds"],
});

/** How a failed node is retried: maxRetries more attempts, waiting backoffMs * backoffMultiplier^n, capped. */
export const RetryPolicy = z.object({
  maxRetries: int(0, 10),
  backoffMs: int(0, 3_600_000).optional(),
  backoffMultiplier: z.number().min(1).max(10).optional(),
  maxBackoffMs: int(0, 86_400_000).optional(),
}).strict().refine(
  (p) => p.backoffMs === undefined || p.maxBackoffMs === undefined || p.maxBackoffMs >= p.backoffMs,
  { message: "maxBackoffMs must be at least backoffMs", path: ["maxBackoffMs"] },
);

/** What a failure does to the rest of the run: isolate (siblings go on) or stop_run. */
export const FailurePolicy = z.object({
  // A literal list, not lenses.failure_mode: this is JSON, and its SQL twin
  // (agents.fn_failure_policy_errors) checks this same literal list, not the enum.
  mode: z.enum(["isolate", "stop_run"]),
}).strict();

/** How starts queue: parallel (up to maxConcurrent), serial (one at a time), skip_if_running (drop). */
export const QueuePolicy = z.object({
  mode: z.enum(["parallel", "serial", "skip_if_running"]),
  maxConcurrent: int(1, 100).optional(),
}).strict().refine((p) => p.maxConcurrent === undefined || p.mode === "parallel", {
  message: "maxConcurrent is only allowed with mode parallel",
  path: ["maxConcurrent"],
});

/** Where a finished run's output also goes. {} means nowhere beyond the run's own record. */
export const OutputDestination = z.union([
  z.object({}).strict(),
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }).strict(),
    z.object({ kind: z.literal("memory"), memoryProfileId: Uuid, scope: MemoryScope.optional() }).strict(),
    z.object({
      kind: z.literal("webhook"),
      url: z.string().max(2048).regex(/^https?:\/\/\S+$/),
      /** The worker's environment variable holding the HMAC-SHA256 signing secret (README "Events"). */
      secretEnv: z.string().regex(/^[A-Z][A-Z0-9_]{0,127}$/).optional(),
    }).strict(),
    /** The run's text output goes to contactId on that binding (its most recently active 1:1 conversation). */
    z.object({ kind: z.literal("channel"), channelBindingId: Uuid, contactId: Uuid.optional() }).strict(),
  ]),
]);

/** The defaults the database gives a new assignment. */
export const defaultPolicies = {
  approval_policy: { requiresApproval: true },
  retry_policy: { maxRetries: 1 },
  failure_policy: { mode: "isolate" },
  queue_policy: { mode: "parallel" },
  output_destination: {},
} as const;

export type OwnershipRole = z.infer<typeof OwnershipRole>;
export type MemoryScope = z.infer<typeof MemoryScope>;
export type ApprovalPolicy = z.infer<typeof ApprovalPolicy>;
export type RetryPolicy = z.infer<typeof RetryPolicy>;
export type FailurePolicy = z.infer<typeof FailurePolicy>;
export type QueuePolicy = z.infer<typeof QueuePolicy>;
export type OutputDestination = z.infer<typeof OutputDestination>;
