// Workflow definitions: lenses.workflow_nodes.config (per node kind) and inline_override, and the
// workflow vocabularies. The same rules are enforced in SQL (lenses.fn_node_config_errors,
// lenses.fn_inline_override_errors, and a trigger that checks config.model_id names an ai.models
// row); tests/functions/contracts_test.ts checks that zod and SQL agree case by case. The enums are
// lenses.workflow_node_kind, lenses.merge_strategy and lenses.workflow_status, built from the
// generated Constants of types/database.ts.
import { z } from "zod";
import { Constants } from "./database.ts";
import { Identifier, InputContract, OutputContract } from "./contracts.ts";
import { InstructionCategory } from "./lens-params.ts";
import { paramConfigSchema, ParamType } from "./param-config.ts";

export const WorkflowNodeKind = z.enum(Constants.lenses.Enums.workflow_node_kind);
export const MergeStrategy = z.enum(Constants.lenses.Enums.merge_strategy);
export const WorkflowStatus = z.enum(Constants.lenses.Enums.workflow_status);

const Uuid = z.string().regex(
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/,
  "a uuid",
);
/** SQL btrim: spaces only. */
const spaceTrimmedLength = (s: string) => s.replace(/^ +| +$/g, "").length;

export const RetryOverride = z.object({
  max_retries: z.number().int().min(0).max(10).optional(),
  backoff_ms: z.number().int().min(0).max(3_600_000).optional(),
  backoff_multiplier: z.number().min(1).max(10).optional(),
  max_backoff_ms: z.number().int().min(0).max(86_400_000).optional(),
}).strict().refine(
  (r) => r.max_backoff_ms === undefined || r.backoff_ms === undefined || r.max_backoff_ms >= r.backoff_ms,
  { message: "max_backoff_ms must not be less than backoff_ms", path: ["max_backoff_ms"] },
);

export const NodePosition = z.object({ x: z.number(), y: z.number() }).strict();

/** A lens node: which model, how long, how to retry, the params it renders with, where it sits. */
export const LensNodeConfig = z.object({
  model_id: Uuid.optional(),
  timeout_ms: z.number().int().min(1000).max(86_400_000).optional(),
  retry: RetryOverride.optional(),
  params: z.record(Identifier, z.json()).optional(),
  position: NodePosition.optional(),
}).strict();

/** A human input node: what to ask, how long to wait (up to 30 days), where it sits. */
export const HumanInputNodeConfig = z.object({
  prompt: z.string().refine(
    (s) => spaceTrimmedLength(s) >= 1 && spaceTrimmedLength(s) <= 10_000,
    "1 to 10000 characters",
  ),
  timeout_ms: z.number().int().min(1000).max(2_592_000_000).optional(),
  position: NodePosition.optional(),
}).strict();

export function nodeConfigSchema(kind: WorkflowNodeKind) {
  return kind === "lens" ? LensNodeConfig : HumanInputNodeConfig;
}

export const InlineParameter = z.object({
  label: Identifier,
  type: ParamType,
  required: z.boolean().optional(),
  display_name: z.string().refine(
    (s) => spaceTrimmedLength(s) >= 1 && spaceTrimmedLength(s) <= 120,
    "1 to 120 characters",
  )
    .optional(),
  default_value: z.json().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
}).strict().superRefine((p, ctx) => {
  const result = paramConfigSchema(p.type, true).safeParse(p.config ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: "custom", message: issue.message, path: ["config", ...issue.path] });
    }
  }
});

/** A lens node without a version: its own template, contracts and parameters. */
export const InlineOverride = z.object({
  template_body: z.string().min(1).max(100_000),
  input_contract: InputContract.nullable().optional(),
  output_contract: OutputContract.nullable().optional(),
  instruction_category: InstructionCategory.optional(),
  parameters: z.array(InlineParameter).max(100)
    .refine((ps) => new Set(ps.map((p) => p.label)).size === ps.length, "parameter labels must be unique")
    .optional(),
}).strict();

export type WorkflowNodeKind = z.infer<typeof WorkflowNodeKind>;
export type MergeStrategy = z.infer<typeof MergeStrategy>;
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;
export type RetryOverride = z.infer<typeof RetryOverride>;
export type LensNodeConfig = z.infer<typeof LensNodeConfig>;
export type HumanInputNodeConfig = z.infer<typeof HumanInputNodeConfig>;
export type InlineParameter = z.infer<typeof InlineParameter>;
export type InlineOverride = z.infer<typeof InlineOverride>;
