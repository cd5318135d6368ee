// What the database hands the worker, checked at the boundary: a claimed task (one row of
// claim_workflow_tasks) and the answers of complete_workflow_task / fail_workflow_task.
import { z } from "zod";
import { OutputContract } from "../../../types/contracts.ts";
import { NodeResultStatus, WorkflowRunStatus } from "../../../types/runs.ts";
import type { ProviderKind } from "../providers/index.ts";
import { AgentContext } from "./agent_context.ts";

const Id = z.guid();

/** The ids needed to hand a task back, even when the rest of its row is unusable. */
export const TaskHandle = z.object({ result_id: Id, lease_token: Id });
export type TaskHandle = z.infer<typeof TaskHandle>;

export const ClaimedTask = z.object({
  result_id: Id,
  run_id: Id,
  node_id: Id,
  node_key: z.string().min(1),
  /** 1 for the first claim; an expired lease counts, a release does not. */
  attempt: z.number().int().min(1),
  lease_token: Id,
  /** A Date from claim_workflow_tasks' rows, an ISO string from complete_workflow_tasks' JSON. */
  lease_expires_at: z.coerce.date(),
  /** The rendered prompt's ceiling (README "Limits"; the claim fails a longer one as a render error). */
  prompt: z.string().max(1_000_000),
  input_data: z.record(z.string(), z.unknown()).nullable(),
  output_contract: OutputContract.nullable(),
  timeout_ms: z.number().int().positive().nullable(),
  model_id: Id,
  model_key: z.string().min(1),
  provider_key: z.string().min(1),
  provider_adapter: z.enum(["local", "openai_compatible", "anthropic", "google"]) satisfies z.ZodType<
    ProviderKind
  >,
  provider_base_url: z.url({ protocol: /^https?$/ }).nullable(),
  api_key_env: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/).nullable(),
  model_params: z.record(z.string(), z.unknown()),
  /** The agent turn when an agent acts on the node (agents.fn_turn_context); null for a plain call. */
  agent: AgentContext.nullable(),
});
export type ClaimedTask = z.infer<typeof ClaimedTask>;

/** complete_workflow_task: completed, or (the output broke its contract) retrying / failed. */
export const CompleteAnswer = z.object({
  status: NodeResultStatus,
  run_status: WorkflowRunStatus.optional(),
  error_kind: z.string().optional(),
  next_attempt_at: z.string().nullable().optional(),
});
export type CompleteAnswer = z.infer<typeof CompleteAnswer>;

/** One answer of complete_workflow_tasks: as complete_workflow_task's, or lost (the lease is no longer held). */
export const BatchCompleteAnswer = z.union([
  CompleteAnswer.extend({ result_id: Id }),
  z.object({ result_id: Id, status: z.literal("lost"), error: z.string() }),
]);
export type BatchCompleteAnswer = z.infer<typeof BatchCompleteAnswer>;

/** fail_workflow_task: retrying (with when) or failed. */
export const FailAnswer = z.object({
  status: NodeResultStatus,
  waiting_reason: z.string().nullable(),
  retry_count: z.number().int().min(0),
  next_attempt_at: z.string().nullable(),
  run_status: WorkflowRunStatus,
});
export type FailAnswer = z.infer<typeof FailAnswer>;

/** The kinds fail_workflow_task takes (lenses.task_error_kind) that a worker reports. */
export type TaskErrorKind = "rate_limit" | "client" | "server" | "timeout" | "network" | "cancelled";

/** One model call as the ledger records it (ai.llm_calls). */
export interface LlmCall {
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  /** Prompt tokens written to the provider's cache (priced at the model's cache-write price). */
  cache_write_tokens?: number;
  /** Output tokens spent reasoning (priced at the model's reasoning price). */
  reasoning_tokens?: number;
  latency_ms: number;
  ttft_ms: number | null;
  metadata?: Record<string, unknown>;
}
