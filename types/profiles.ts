// Agent profiles: the vocabularies of the four profile kinds (the agents.* enums, built from the
// generated Constants of types/database.ts) and the JSON shapes of model_profiles.params and
// tool_profiles.provider_overrides. The same JSON rules are enforced in SQL
// (agents.fn_model_params_errors, agents.fn_tool_provider_overrides_errors); tests/functions/profiles_test.ts
// runs the same cases through both.
import { z } from "zod";
import { Constants } from "./database.ts";

export const PersonalityTone = z.enum(Constants.agents.Enums.personality_tone);
export const ExpertiseLevel = z.enum(Constants.agents.Enums.expertise_level);
export const RiskTolerance = z.enum(Constants.agents.Enums.risk_tolerance);
/** manual: proposes, a human acts; supervised: every action approved; semi_autonomous: escalates; autonomous. */
export const AutonomyLevel = z.enum(Constants.agents.Enums.autonomy_level);
export const CommunicationStyle = z.enum(Constants.agents.Enums.communication_style);
export const DecisionStyle = z.enum(Constants.agents.Enums.decision_style);
export const EscalationBehavior = z.enum(Constants.agents.Enums.escalation_behavior);
/** isolated: only the agent reads its entries; team_shared: team runs may share them with team mates. */
export const MemoryIsolationMode = z.enum(Constants.agents.Enums.memory_isolation_mode);
/** owners: only owners and co-owners read the entries; operators: operators too. */
export const MemoryVisibility = z.enum(Constants.agents.Enums.memory_visibility);
export const MemorySummaryStrategy = z.enum(Constants.agents.Enums.memory_summary_strategy);
export const MemoryResetPolicy = z.enum(Constants.agents.Enums.memory_reset_policy);
export const MemorySource = z.enum(Constants.agents.Enums.memory_source);
/** none: pure computation; internal: this project's data; external_read; external_write (always approved). */
export const ToolEgressClass = z.enum(Constants.agents.Enums.tool_egress_class);

/** Sampling and output settings a model profile passes to the provider. */
export const ModelParams = z.object({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  presencePenalty: z.number().min(-2).max(2).optional(),
  frequencyPenalty: z.number().min(-2).max(2).optional(),
  stop: z.array(z.string().min(1).max(100)).max(4).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  // Provider settings, not database enums (agents.fn_model_params_errors checks these literal lists).
  reasoningEffort: z.enum(["low", "medium", "high"]).optional(),
  responseFormat: z.enum(["text", "json"]).optional(),
}).strict();

const toolKey = /^[a-z][a-z0-9_]{1,62}$/;

/** How one tool is called for this profile. */
export const ToolProviderOverride = z.object({
  provider: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/).optional(),
  timeoutMs: z.number().int().min(100).max(600_000).optional(),
  maxCallsPerRun: z.number().int().min(1).max(1000).optional(),
}).strict();

/** Per tool key (the keys must also name tools of agents.tools_registry: the database checks that). */
export const ToolProviderOverrides = z.record(z.string().regex(toolKey), ToolProviderOverride);

export type ModelParams = z.infer<typeof ModelParams>;
export type ToolProviderOverride = z.infer<typeof ToolProviderOverride>;
export type ToolProviderOverrides = z.infer<typeof ToolProviderOverrides>;
