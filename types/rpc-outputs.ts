// What the JSON-returning RPCs of `public` answer. `supabase gen types` types a function returning
// json/jsonb as `Json`, so types/database.ts cannot say more; these zod schemas do, one per RPC, with
// the inferred type beside each:
//
//   import { GetWorkflowRunOutput } from ".../types/rpc-outputs.ts";
//   const { data, error } = await supabase.rpc("get_workflow_run", { p_run_id });
//   const run = GetWorkflowRunOutput.parse(data); // typed; throws on anything else
//
// Objects whose shape is fixed are strict, so a field the database starts returning fails the
// parse in tests/e2e/rpc_outputs_test.ts (which calls every RPC listed in `rpcOutputs` through the
// gateway, and checks from the catalog that every public function returning json/jsonb is listed)
// until it is described here. The row shapes are also checked against the generated table types at
// compile time (`sameKeys` below), so a new column fails `deno check` too.
//
// Timestamps are the ISO 8601 strings Postgres writes into JSON (`2026-12-02T06:35:00.123456+00:00`);
// numeric columns (credits) are JSON numbers.
import { z } from "zod";
import type { Database } from "./database.ts";
import { Identifier, InputContract, OutputContract } from "./contracts.ts";
import { InstructionCategory, LensParams, LensStatus, Visibility } from "./lens-params.ts";
import { ParamType } from "./param-config.ts";
import {
  HumanInputNodeConfig,
  InlineOverride,
  LensNodeConfig,
  MergeStrategy,
  WorkflowStatus,
} from "./workflow-node-config.ts";
import { FailureMode, NodeResultStatus, TaskErrorKind, WaitingReason, WorkflowRunStatus } from "./runs.ts";
import { MemoryScope } from "./policies.ts";
import { MemorySource } from "./profiles.ts";
import { GuardrailVerdict } from "./guardrails.ts";
import { ReceiveChannelEventsOutput } from "./channels.ts";
import {
  ClaimChannelSendsOutput,
  CompleteChannelSendOutput,
  DispatchTurnsOutput,
  FailChannelSendOutput,
} from "./channel-sends.ts";
import { ClaimGuardrailJudgementsOutput, CompleteGuardrailJudgementOutput } from "./guardrail-judgements.ts";
import {
  BatchCompleteAnswer,
  ClaimedTask,
  CompleteAnswer,
  FailAnswer,
} from "../functions/_shared/worker/task.ts";
import { Memory, ModelTurnAnswer, SubRunAnswer } from "../functions/_shared/worker/agent_context.ts";

const Uuid = z.guid();
/** A timestamptz as Postgres writes it into JSON. */
const Timestamp = z.iso.datetime({ offset: true });
const Count = z.number().int().min(0);

// ---------------------------------------------------------------------------------------------
// Lenses and versions

/** A lens version's parameter (lenses.version_parameters), with its tool's key. */
export const VersionParameter = z.strictObject({
  /** The parameter's id. */
  id: Uuid,
  /** The version it belongs to. */
  version_id: Uuid,
  /** The `[[label]]` it fills in the template. */
  label: Identifier,
  /** The tool (lenses.tools) that renders and checks it. */
  tool_id: Uuid,
  /** That tool's key (`text`, `integer`, ...), as `create_lens_version`'s `p_parameters` name it. */
  tool_key: z.string().min(1),
  /** Its value type. */
  param_type: ParamType,
  /** Whether a render must supply it (or it has a default). */
  required: z.boolean(),
  /** The form label. */
  display_name: z.string(),
  /** The value used when a render leaves it out; null for none. */
  default_value: z.json().nullable(),
  /** The tool's settings for it (min, max, options, ...), per `param_type` (types/param-config.ts). */
  config: z.record(z.string(), z.json()),
  /** Its place in the form, then by label. */
  sort_order: z.number().int(),
  /** When it was created. */
  created_at: Timestamp,
  /** When it last changed. */
  updated_at: Timestamp,
});
export type VersionParameter = z.infer<typeof VersionParameter>;

/** A lens version (lenses.versions) with its parameters: what every version RPC answers. */
export const LensVersion = z.strictObject({
  /** The version's id. */
  id: Uuid,
  /** The lens it belongs to. */
  lens_id: Uuid,
  /** 1, 2, 3... per lens, without gaps. */
  version_number: z.number().int().min(1),
  /** `draft` (editable), `published` (never changes again) or `archived`. */
  status: LensStatus,
  /** The prompt template, with `[[label]]` placeholders. */
  template_body: z.string(),
  /** What a node's input must hold; null for none (types/contracts.ts). */
  input_contract: InputContract.nullable(),
  /** What the model's answer must hold; null for plain text (types/contracts.ts). */
  output_contract: OutputContract.nullable(),
  /** What kind of instruction it is (matched against team members' capabilities). */
  instruction_category: InstructionCategory,
  /** The profile that created it; null once that profile is gone. */
  created_by: Uuid.nullable(),
  /** When it was created. */
  created_at: Timestamp,
  /** When it last changed. */
  updated_at: Timestamp,
  /** When it was published; null while a draft. */
  published_at: Timestamp.nullable(),
  /** When it was archived; null unless archived. */
  archived_at: Timestamp.nullable(),
  /** Its parameters, by `sort_order` then label. */
  parameters: z.array(VersionParameter),
});
export type LensVersion = z.infer<typeof LensVersion>;

export const CreateLensVersionOutput = LensVersion;
export type CreateLensVersionOutput = LensVersion;
export const UpdateLensVersionOutput = LensVersion;
export type UpdateLensVersionOutput = LensVersion;
export const SetVersionParametersOutput = LensVersion;
export type SetVersionParametersOutput = LensVersion;
export const PublishLensVersionOutput = LensVersion;
export type PublishLensVersionOutput = LensVersion;
export const ArchiveLensVersionOutput = LensVersion;
export type ArchiveLensVersionOutput = LensVersion;

/** A lens (lenses.lenses), without its versions. */
export const LensRow = z.strictObject({
  /** The lens's id. */
  id: Uuid,
  /** The lenser (human or AI profile) it belongs to. */
  lenser_id: Uuid,
  /** Its title. */
  title: z.string(),
  /** Its description; null for none. */
  description: z.string().nullable(),
  /** Free text shown with it; null for none. */
  content: z.string().nullable(),
  /** Its tags. */
  tags: z.array(z.string()),
  /** Form metadata (defaults, icon, colour, field order); rendering never reads it. */
  params: LensParams,
  /** `private` or `public` (read by everyone, anon included). */
  visibility: Visibility,
  /** `draft`, `published` (while a version is) or `archived`. */
  status: LensStatus,
  /** The profile that created it; null once that profile is gone. */
  created_by: Uuid.nullable(),
  /** When it was created. */
  created_at: Timestamp,
  /** When it last changed. */
  updated_at: Timestamp,
  /** When it was first published; null while never. */
  published_at: Timestamp.nullable(),
  /** When it was archived; null unless archived. */
  archived_at: Timestamp.nullable(),
});

/** get_lens: a lens with the versions the caller may see, newest first. */
export const GetLensOutput = LensRow.extend({
  /** The versions the caller may see (others' drafts are not), newest first, each with its parameters. */
  versions: z.array(LensVersion),
});
export type GetLensOutput = z.infer<typeof GetLensOutput>;

// ---------------------------------------------------------------------------------------------
// Workflows

/** A workflow (lenses.workflows), without its nodes and edges. */
export const WorkflowRow = z.strictObject({
  /** The workflow's id. */
  id: Uuid,
  /** The lenser it belongs to. */
  lenser_id: Uuid,
  /** Its title. */
  title: z.string(),
  /** Its description; null for none. */
  description: z.string().nullable(),
  /** Its tags. */
  tags: z.array(z.string()),
  /** `private` or `public`. */
  visibility: Visibility,
  /** `draft`, `published` (runnable) or `archived`. */
  status: WorkflowStatus,
  /** The profile that created it; null once that profile is gone. */
  created_by: Uuid.nullable(),
  /** When it was created. */
  created_at: Timestamp,
  /** When it last changed. */
  updated_at: Timestamp,
  /** When it was published; null while a draft. */
  published_at: Timestamp.nullable(),
  /** When it was archived; null unless archived. */
  archived_at: Timestamp.nullable(),
});

const nodeColumns = {
  /** The node's id. */
  id: Uuid,
  /** The workflow it belongs to. */
  workflow_id: Uuid,
  /** Its key, unique in the workflow (names it in runs, events and errors). */
  key: Identifier,
  /** Its title; null for none. */
  title: z.string().nullable(),
  /** When it was created. */
  created_at: Timestamp,
  /** When it last changed. */
  updated_at: Timestamp,
};

/** A workflow node (lenses.workflow_nodes): a lens node (a version or an inline override) or a human input. */
export const WorkflowNode = z.discriminatedUnion("kind", [
  z.strictObject({
    ...nodeColumns,
    /** A node a model performs. */
    kind: z.literal("lens"),
    /** The lens version it renders; null when it has an inline override. */
    lens_version_id: Uuid.nullable(),
    /** Its own template, contracts and parameters in place of a version; null with a version. */
    inline_override: InlineOverride.nullable(),
    /** Model, timeout, retry, params and position (types/workflow-node-config.ts). */
    config: LensNodeConfig,
  }),
  z.strictObject({
    ...nodeColumns,
    /** A node a person answers (`submit_human_input`). */
    kind: z.literal("human_input"),
    /** Always null for a human input. */
    lens_version_id: z.null(),
    /** Always null for a human input. */
    inline_override: z.null(),
    /** The question, its timeout and position (types/workflow-node-config.ts). */
    config: HumanInputNodeConfig,
  }),
]);
export type WorkflowNode = z.infer<typeof WorkflowNode>;

/** A workflow edge (lenses.workflow_edges) with its nodes' keys. */
export const WorkflowEdge = z.strictObject({
  /** The edge's id. */
  id: Uuid,
  /** The workflow it belongs to. */
  workflow_id: Uuid,
  /** The node whose output it carries. */
  source_node_id: Uuid,
  /** That node's key. */
  source_key: Identifier,
  /** The node it feeds. */
  target_node_id: Uuid,
  /** That node's key. */
  target_key: Identifier,
  /** A jsonpath predicate on the source's output (as Postgres prints it); null: always taken. */
  condition: z.string().nullable(),
  /** Dotted path into the source's output; null: the whole output. */
  source_output_path: z.string().nullable(),
  /** Dotted path into the target's input; null: merged at the top. */
  target_input_path: z.string().nullable(),
  /** How several edges into one input combine. */
  merge_strategy: MergeStrategy,
  /** When it was created. */
  created_at: Timestamp,
  /** When it last changed. */
  updated_at: Timestamp,
});
export type WorkflowEdge = z.infer<typeof WorkflowEdge>;

/** get_workflow: a workflow with its nodes (by key) and edges (by source key, target key, id). */
export const GetWorkflowOutput = WorkflowRow.extend({
  /** Its nodes, by key. */
  nodes: z.array(WorkflowNode),
  /** Its edges, by source key, target key, then id. */
  edges: z.array(WorkflowEdge),
});
export type GetWorkflowOutput = z.infer<typeof GetWorkflowOutput>;

/** One problem `validate_workflow` found. */
export const WorkflowValidationError = z.strictObject({
  /** What kind of problem (`no_nodes`, `cycle`, `version_not_published`, an edge contract code, ...). */
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** What is wrong, for a person. */
  message: z.string().min(1),
  /** The node concerned, when the problem is a node's. */
  node_key: z.string().optional(),
  /** The edge concerned, when the problem is an edge's. */
  edge_id: Uuid.optional(),
});
export type WorkflowValidationError = z.infer<typeof WorkflowValidationError>;

/** validate_workflow: whether the workflow could be published, and every reason it could not. */
export const ValidateWorkflowOutput = z.strictObject({
  /** True exactly when `errors` is empty. */
  valid: z.boolean(),
  /** Every problem found, in a stable order; empty when valid. */
  errors: z.array(WorkflowValidationError),
}).refine((v) => v.valid === (v.errors.length === 0), "valid is true exactly when there are no errors");
export type ValidateWorkflowOutput = z.infer<typeof ValidateWorkflowOutput>;

// ---------------------------------------------------------------------------------------------
// Runs

/** A node's result in a run (lenses.workflow_node_results), its lease token left out. */
export const NodeResult = z.strictObject({
  /** The result's id (the worker's task id). */
  id: Uuid,
  /** The run it belongs to. */
  run_id: Uuid,
  /** The workflow node it is the result of. */
  node_id: Uuid,
  /** That node's key. */
  node_key: Identifier,
  /** Where it stands (`pending`, `queued`, `running`, `streaming`, `completed`, `failed`, ...). */
  status: NodeResultStatus,
  /** Why it waits, while it does (a person, a rate limit, a budget, ...); else null. */
  waiting_reason: WaitingReason.nullable(),
  /** The input it was given (edges merged); null until it is known. */
  input_data: z.json().nullable(),
  /** Its output (the contract's object, or `{text}`); null until it completed. */
  output_data: z.json().nullable(),
  /** The last error's kind; null when none. */
  error_kind: TaskErrorKind.nullable(),
  /** The last error's message; null when none. */
  error_message: z.string().nullable(),
  /** Attempts made (an expired lease counts, a release does not). */
  attempt_count: Count,
  /** Retries made. */
  retry_count: Count,
  /** Retries allowed. */
  max_retries: Count,
  /** When the next attempt may start, while it waits to retry; else null. */
  next_attempt_at: Timestamp.nullable(),
  /** The worker holding it, while leased; else null. */
  lease_owner: z.string().nullable(),
  /** When the current lease ends, while leased; else null. */
  lease_expires_at: Timestamp.nullable(),
  /** How long an attempt may take; null for no limit. */
  timeout_ms: z.number().int().positive().nullable(),
  /** When the current attempt times out; else null. */
  timeout_at: Timestamp.nullable(),
  /** The model used; null before a model call (and for a human input). */
  model_id: Uuid.nullable(),
  /** The agent performing it, on a team or agent run; else null. */
  ai_lenser_id: Uuid.nullable(),
  /** Tokens sent, over every attempt. */
  input_tokens: Count,
  /** Tokens received, over every attempt. */
  output_tokens: Count,
  /** Tokens read from a provider cache, over every attempt. */
  cached_tokens: Count,
  /** Credits spent, over every attempt (the ledger's sum). */
  cost_credits: z.number().min(0),
  /** Whether a budget reservation is held for the current attempt. */
  budget_held: z.boolean(),
  /** Whether a team run's step mirrors it. */
  mirrored_by_step: z.boolean(),
  /** The earlier run's result whose output a rerun reused; else null. */
  reused_from_result_id: Uuid.nullable(),
  /** When it was queued; null before. */
  queued_at: Timestamp.nullable(),
  /** When its current attempt started; null before. */
  started_at: Timestamp.nullable(),
  /** When it ended; null before. */
  finished_at: Timestamp.nullable(),
  /** Time to the first streamed byte of the last model call; null when unknown. */
  ttfb_ms: z.number().int().min(0).nullable(),
  /** How long it ran; null until it ended. */
  duration_ms: z.number().int().min(0).nullable(),
  /** When it last changed. */
  updated_at: Timestamp,
});
export type NodeResult = z.infer<typeof NodeResult>;

/** A run (lenses.workflow_runs). */
export const WorkflowRunRow = z.strictObject({
  /** The run's id. */
  id: Uuid,
  /** The workflow it runs. */
  workflow_id: Uuid,
  /** Whom it belongs to: whoever started it (README "Who a run belongs to"). */
  lenser_id: Uuid,
  /** Who pressed start (grants nothing); null when unknown. */
  started_by: Uuid.nullable(),
  /** `queued`, `running`, `streaming`, `recovered`, `completed`, `failed`, `cancelled` or `timed_out`. */
  status: WorkflowRunStatus,
  /** The node the inspector shows (running, else waiting for a person); null when none. */
  active_node_id: Uuid.nullable(),
  /** The run's input. */
  input: z.json(),
  /** The run's output (the sinks' outputs); null until it completed. */
  output: z.json().nullable(),
  /** Why it failed, was cancelled or timed out; else null. */
  error_message: z.string().nullable(),
  /** What a node failure does to the run. */
  failure_mode: FailureMode,
  /** Retries allowed per node. */
  max_retries: Count,
  /** When it must have ended; null for no deadline. */
  deadline_at: Timestamp.nullable(),
  /** The run a rerun recovered from; else null. */
  recovered_from_run_id: Uuid.nullable(),
  /** The node a rerun started again from; else null. */
  recovered_from_node_id: Uuid.nullable(),
  /** The agent tool call that started it as a sub-run; else null. */
  parent_invocation_id: Uuid.nullable(),
  /** Tokens sent, over every node. */
  total_input_tokens: Count,
  /** Tokens received, over every node. */
  total_output_tokens: Count,
  /** Tokens read from a provider cache, over every node. */
  total_cached_tokens: Count,
  /** Credits spent, over every node (the ledger's sum). */
  total_cost_credits: z.number().min(0),
  /** Until when a client streams its events (notifications are sent while it does); else null. */
  watched_until: Timestamp.nullable(),
  /** When it was created. */
  created_at: Timestamp,
  /** When it started. */
  started_at: Timestamp.nullable(),
  /** When it ended; null while it has not. */
  finished_at: Timestamp.nullable(),
  /** When it last changed. */
  updated_at: Timestamp,
});

/** get_workflow_run: a run with every node result (by node key). */
export const GetWorkflowRunOutput = WorkflowRunRow.extend({
  /** One result per node, by node key. */
  results: z.array(NodeResult),
});
export type GetWorkflowRunOutput = z.infer<typeof GetWorkflowRunOutput>;

// ---------------------------------------------------------------------------------------------
// Agents

/** fn_summarize_memory_profile: counts and dates of a memory profile's entries. */
export const SummarizeMemoryProfileOutput = z.strictObject({
  /** The memory profile. */
  memoryProfileId: Uuid,
  /** Its name. */
  name: z.string(),
  /** The agent it belongs to. */
  aiLenserId: Uuid,
  /** Every entry, whatever its state. */
  total: Count,
  /** Entries neither expired nor redacted (the ones ever returned). */
  live: Count,
  /** Entries past their expiry (not redacted). */
  expired: Count,
  /** Redacted entries. */
  redacted: Count,
  /** Live entries with an embedding. */
  withEmbedding: Count,
  /** Live entries per scope (scopes without any are left out). */
  byScope: z.partialRecord(MemoryScope, Count),
  /** Live entries per source (sources without any are left out). */
  bySource: z.partialRecord(MemorySource, Count),
  /** Mean confidence of the live entries, to 3 places; null when none. */
  averageConfidence: z.number().min(0).max(1).nullable(),
  /** When the oldest live entry was written; null when none. */
  oldestAt: Timestamp.nullable(),
  /** When the latest live entry was written; null when none. */
  latestAt: Timestamp.nullable(),
  /** The earliest expiry among the live entries; null when none expires. */
  nextExpiryAt: Timestamp.nullable(),
}).refine((s) => s.live + s.expired + s.redacted === s.total, "live + expired + redacted = total");
export type SummarizeMemoryProfileOutput = z.infer<typeof SummarizeMemoryProfileOutput>;

// ---------------------------------------------------------------------------------------------
// Worker RPCs (service role only): the schemas the worker itself parses with
// (functions/_shared/worker/), strict here where the answer's shape is fixed, so the registry covers
// every JSON-returning RPC.

/** complete_workflow_task: completed, or (the output broke its contract) retrying / failed. */
export const CompleteWorkflowTaskOutput = CompleteAnswer.extend({
  /** On a team run whose step asks for review: `requested` (queued for it) or `rejected` (sent back). */
  review: z.enum(["requested", "rejected"]).optional(),
}).strict();
export type CompleteWorkflowTaskOutput = z.infer<typeof CompleteWorkflowTaskOutput>;

/** complete_workflow_tasks: one answer per completion, in order, and the tasks leased next. */
export const CompleteWorkflowTasksOutput = z.strictObject({
  /** One per completion given, in its order; `lost` where the lease is no longer held. */
  answers: z.array(z.union([
    CompleteWorkflowTaskOutput.extend({ result_id: Uuid }).strict(),
    BatchCompleteAnswer.options[1].strict(),
  ])),
  /** The tasks leased in the same transaction (rows as `claim_workflow_tasks` returns them). */
  tasks: z.array(ClaimedTask),
});
export type CompleteWorkflowTasksOutput = z.infer<typeof CompleteWorkflowTasksOutput>;

/** fail_workflow_task: retrying (with when) or failed, and the run's status. */
export const FailWorkflowTaskOutput = FailAnswer.strict();
export type FailWorkflowTaskOutput = FailAnswer;

/** record_agent_model_turn: the tool round, whether it was the last allowed, and what to do with each call. */
export const RecordAgentModelTurnOutput = ModelTurnAnswer.strict();
export type RecordAgentModelTurnOutput = ModelTurnAnswer;

/** record_guardrail_judgement: the guardrail verdict with the judgement merged (README "Guardrails"). */
export const RecordGuardrailJudgementOutput = GuardrailVerdict;
export type RecordGuardrailJudgementOutput = GuardrailVerdict;

/** retrieve_agent_memories: the top-k memories for an agent turn, best first. */
export const RetrieveAgentMemoriesOutput = z.array(Memory.strict());
export type RetrieveAgentMemoriesOutput = z.infer<typeof RetrieveAgentMemoriesOutput>;

/** start_agent_sub_run: the sub-run started (its id), or the call ended failed (why). */
export const StartAgentSubRunOutput = z.union(SubRunAnswer.options.map((o) => o.strict()));
export type StartAgentSubRunOutput = z.infer<typeof SubRunAnswer>;

// ---------------------------------------------------------------------------------------------

/**
 * Every public RPC that returns json/jsonb, with the schema of its output. The e2e test checks,
 * from the catalog, that no such RPC is missing.
 */
export const rpcOutputs = {
  archive_lens_version: ArchiveLensVersionOutput,
  claim_channel_sends: ClaimChannelSendsOutput,
  claim_guardrail_judgements: ClaimGuardrailJudgementsOutput,
  complete_channel_send: CompleteChannelSendOutput,
  complete_guardrail_judgement: CompleteGuardrailJudgementOutput,
  complete_workflow_task: CompleteWorkflowTaskOutput,
  complete_workflow_tasks: CompleteWorkflowTasksOutput,
  create_lens_version: CreateLensVersionOutput,
  dispatch_conversation_turns: DispatchTurnsOutput,
  fail_channel_send: FailChannelSendOutput,
  fail_workflow_task: FailWorkflowTaskOutput,
  fn_summarize_memory_profile: SummarizeMemoryProfileOutput,
  get_lens: GetLensOutput,
  get_workflow: GetWorkflowOutput,
  get_workflow_run: GetWorkflowRunOutput,
  publish_lens_version: PublishLensVersionOutput,
  receive_channel_events: ReceiveChannelEventsOutput,
  record_agent_model_turn: RecordAgentModelTurnOutput,
  record_guardrail_judgement: RecordGuardrailJudgementOutput,
  retrieve_agent_memories: RetrieveAgentMemoriesOutput,
  set_version_parameters: SetVersionParametersOutput,
  start_agent_sub_run: StartAgentSubRunOutput,
  update_lens_version: UpdateLensVersionOutput,
  validate_workflow: ValidateWorkflowOutput,
} as const satisfies Record<string, z.ZodType>;
export type RpcWithJsonOutput = keyof typeof rpcOutputs;
/** The parsed output of a JSON-returning RPC: `RpcOutput<"get_lens">`. */
export type RpcOutput<K extends RpcWithJsonOutput> = z.infer<(typeof rpcOutputs)[K]>;

// ---------------------------------------------------------------------------------------------
// Compile-time: the row schemas name exactly the generated columns of their tables.

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Tables = Database["lenses"]["Tables"];
const sameKeys = <_T extends true>() => {};
sameKeys<Exactly<keyof z.infer<typeof LensRow>, keyof Tables["lenses"]["Row"]>>();
sameKeys<Exactly<keyof Omit<LensVersion, "parameters">, keyof Tables["versions"]["Row"]>>();
sameKeys<Exactly<keyof Omit<VersionParameter, "tool_key">, keyof Tables["version_parameters"]["Row"]>>();
sameKeys<Exactly<keyof z.infer<typeof WorkflowRow>, keyof Tables["workflows"]["Row"]>>();
sameKeys<Exactly<keyof WorkflowNode, keyof Tables["workflow_nodes"]["Row"]>>();
sameKeys<
  Exactly<keyof Omit<WorkflowEdge, "source_key" | "target_key">, keyof Tables["workflow_edges"]["Row"]>
>();
sameKeys<Exactly<keyof NodeResult | "lease_token", keyof Tables["workflow_node_results"]["Row"]>>();
// workflow_runs' generated Row also lists the computed column fn_caller_may_act_on_run, which
// to_jsonb(row) does not include.
sameKeys<
  Exactly<
    keyof z.infer<typeof WorkflowRunRow>,
    Exclude<keyof Tables["workflow_runs"]["Row"], "fn_caller_may_act_on_run">
  >
>();
