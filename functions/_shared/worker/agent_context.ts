// What the claim hands the worker for an agent's task (agents.fn_turn_context), checked at the
// boundary: the turn's system prompt, memories, offered tools, HTTP policy, journal so far and the
// calls to (re)make; and the answers of the agent-turn RPCs.
import { z } from "zod";

const Id = z.guid();
const Json = z.record(z.string(), z.unknown());

export const OfferedTool = z.object({
  key: z.string().min(1),
  description: z.string(),
  input_schema: Json,
  egress_class: z.enum(["none", "internal", "external_read", "external_write"]),
  settings: Json,
  requires_approval: z.boolean(),
  timeout_ms: z.number().int().positive().nullable(),
});
export type OfferedTool = z.infer<typeof OfferedTool>;

export const JournalToolCall = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.string(),
  /** Gemini's signature of the thinking that led to the call; it must come back with it. */
  thought_signature: z.string().optional(),
});

export const JournalMessage = z.object({
  seq: z.number().int().min(1),
  role: z.enum(["assistant", "tool"]),
  content: z.string(),
  tool_calls: z.array(JournalToolCall).nullable(),
  tool_call_id: z.string().nullable(),
  tool_name: z.string().nullable(),
  is_error: z.boolean(),
});
export type JournalMessage = z.infer<typeof JournalMessage>;

/** A tool call to make now: decided "execute" in this claim, or approved / left running by a lost worker. */
export const CallToMake = z.object({
  invocation_id: Id,
  tool_call_id: z.string(),
  tool_key: z.string(),
  input: Json,
  call_index: z.number().int().min(1),
  idempotency_key: z.string().min(1),
  egress_class: OfferedTool.shape.egress_class,
  settings: Json,
  timeout_ms: z.number().int().positive().nullable(),
});
export type CallToMake = z.infer<typeof CallToMake>;

export const PendingCall = CallToMake.extend({ status: z.enum(["approved", "running"]) });

export const MemoryQuery = z.object({
  model_id: Id,
  model_key: z.string(),
  provider_key: z.string(),
  provider_adapter: z.enum(["local", "openai_compatible", "anthropic", "google"]),
  provider_base_url: z.string().nullable(),
  api_key_env: z.string().nullable(),
});
export type MemoryQuery = z.infer<typeof MemoryQuery>;

export const Memory = z.object({ id: Id, content: z.string(), scope: z.string() });

export const AgentContext = z.object({
  ai_lenser_id: Id,
  turn_no: z.number().int().min(1),
  system_prompt: z.string(),
  max_tool_iterations: z.number().int().min(0),
  personality_profile_id: Id.nullable(),
  memory_profile_id: Id.nullable(),
  tool_profile_id: Id.nullable(),
  memories: z.array(Memory),
  memory_query: MemoryQuery.nullable(),
  tools: z.array(OfferedTool),
  http: z.object({ allow_hosts: z.array(z.string()), allow_private_network: z.boolean() }),
  journal: z.array(JournalMessage),
  pending_calls: z.array(PendingCall),
});
export type AgentContext = z.infer<typeof AgentContext>;

/** record_agent_model_turn: what to do with each call the model asked for. */
export const CallDecision = z.discriminatedUnion("action", [
  CallToMake.extend({ action: z.literal("execute"), tool_key: z.string() }),
  z.object({
    action: z.literal("await_approval"),
    tool_call_id: z.string(),
    tool_key: z.string(),
    invocation_id: Id,
  }),
  z.object({
    action: z.literal("refused"),
    tool_call_id: z.string(),
    tool_key: z.string(),
    reason: z.string(),
  }),
]);
export type CallDecision = z.infer<typeof CallDecision>;

export const ModelTurnAnswer = z.object({
  round: z.number().int().min(1),
  limit_reached: z.boolean(),
  calls: z.array(CallDecision),
});
export type ModelTurnAnswer = z.infer<typeof ModelTurnAnswer>;

/** start_agent_sub_run: the sub-run started (its id), or the call ended failed (the model reads why). */
export const SubRunAnswer = z.union([
  z.object({ started: z.literal(true), run_id: Id }),
  z.object({ started: z.literal(false), error: z.string() }),
]);
export type SubRunAnswer = z.infer<typeof SubRunAnswer>;

export const ToolResultRow = z.looseObject({
  id: Id,
  status: z.string(),
  output: z.unknown(),
  error: z.string().nullable(),
});
