// The zod enums in types/ are built from Constants, the database enums as `supabase gen types` wrote
// them into types/database.ts; their values cannot drift from the file's. What is left to check:
// - the file is not stale: it lists every enum type of the five schemas, with the database's values
//   in the database's order (the only test here that needs the database);
// - every enum in Constants has its zod mirror in types/, with the same values in the same order,
//   and (at compile time) the same inferred type;
// - every zod enum exported from types/ is such a mirror, declared as z.enum(Constants.<schema>
//   .Enums.<name>) and not as a hand-copied list, or a subset of one (declared with .extract([...])
//   and listed in `subsets`), or listed in `typescriptOnly` (no database enum behind it).
import { z } from "zod";
import { assert, assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import { Constants } from "../../types/database.ts";
import { ConversationTurnStatus, SendMode } from "../../types/channel-sends.ts";
import { GuardrailJudgementStatus } from "../../types/guardrail-judgements.ts";
import { ArtifactKind, ContractFieldType, ContractKind } from "../../types/contracts.ts";
import { InstructionCategory, LensStatus, Visibility } from "../../types/lens-params.ts";
import { ParamType, ToolCategory } from "../../types/param-config.ts";
import { MergeStrategy, WorkflowNodeKind, WorkflowStatus } from "../../types/workflow-node-config.ts";
import { MemoryScope, OwnershipRole } from "../../types/policies.ts";
import {
  AutonomyLevel,
  CommunicationStyle,
  DecisionStyle,
  EscalationBehavior,
  ExpertiseLevel,
  MemoryIsolationMode,
  MemoryResetPolicy,
  MemorySource,
  MemorySummaryStrategy,
  MemoryVisibility,
  PersonalityTone,
  RiskTolerance,
  ToolEgressClass,
} from "../../types/profiles.ts";
import {
  LenserType,
  OwnershipPermission,
  ProfileStatus,
  ProfileVisibility,
  RuntimePref,
} from "../../types/identity.ts";
import {
  AssigneeKind,
  AssignmentStatus,
  TeamEdgeType,
  TeamMemberRole,
  TeamStatus,
  ToolInvocationStatus,
} from "../../types/control-room.ts";
import {
  AgentRunStepKind,
  AgentRunStepStatus,
  ApprovalRequestKind,
  ApprovalStatus,
  StepMemberSource,
  TeamRunQueueState,
  TeamRunStatus,
} from "../../types/team-runs.ts";
import { PolicyDecision, PolicyRule } from "../../types/agent-turns.ts";
import {
  GuardrailAction,
  GuardrailDirection,
  GuardrailKind,
  GuardrailPiiKind,
  GuardrailSeverity,
  GuardrailTier,
} from "../../types/guardrails.ts";
import {
  BindingStatus,
  Channel,
  ConfigTier,
  ConversationState,
  MessageDirection,
  MessageStatus,
} from "../../types/channels.ts";
import {
  ScheduleDstGap,
  ScheduleDstOverlap,
  ScheduleFireOutcome,
  ScheduleRunResult,
  ScheduleSkipReason,
} from "../../types/schedules.ts";
import {
  LlmCallStatus,
  Modality,
  ModelCapability,
  ModelStatus,
  ProviderAdapter,
  SupportLevel,
} from "../../types/catalog.ts";
import {
  BudgetEnforcement,
  BudgetOnExceed,
  BudgetPeriod,
  BudgetReservationStatus,
  BudgetScope,
} from "../../types/budgets.ts";
import {
  FailureMode,
  NodeResultStatus,
  RunEventType,
  TaskErrorKind,
  WaitingReason,
  WorkflowRunStatus,
} from "../../types/runs.ts";
import { DeliveryState, EventHandlerKind, EventModule, EventSubjectKind } from "../../types/events.ts";

/** The zod mirror of each database enum, by schema and enum name. */
const mirrors = {
  lensers: {
    lenser_type: LenserType,
    profile_visibility: ProfileVisibility,
    profile_status: ProfileStatus,
  },
  agents: {
    runtime_pref: RuntimePref,
    ownership_role: OwnershipRole,
    ownership_permission: OwnershipPermission,
    personality_tone: PersonalityTone,
    expertise_level: ExpertiseLevel,
    risk_tolerance: RiskTolerance,
    autonomy_level: AutonomyLevel,
    communication_style: CommunicationStyle,
    decision_style: DecisionStyle,
    escalation_behavior: EscalationBehavior,
    memory_scope: MemoryScope,
    memory_isolation_mode: MemoryIsolationMode,
    memory_visibility: MemoryVisibility,
    memory_summary_strategy: MemorySummaryStrategy,
    memory_reset_policy: MemoryResetPolicy,
    memory_source: MemorySource,
    tool_egress_class: ToolEgressClass,
    team_status: TeamStatus,
    team_member_role: TeamMemberRole,
    team_edge_type: TeamEdgeType,
    assignee_kind: AssigneeKind,
    assignment_status: AssignmentStatus,
    tool_invocation_status: ToolInvocationStatus,
    channel: Channel,
    message_direction: MessageDirection,
    message_status: MessageStatus,
    conversation_state: ConversationState,
    conversation_turn_status: ConversationTurnStatus,
    send_mode: SendMode,
    binding_status: BindingStatus,
    config_tier: ConfigTier,
    team_run_status: TeamRunStatus,
    approval_status: ApprovalStatus,
    team_run_queue_state: TeamRunQueueState,
    agent_run_step_status: AgentRunStepStatus,
    agent_run_step_kind: AgentRunStepKind,
    step_member_source: StepMemberSource,
    approval_request_kind: ApprovalRequestKind,
    policy_rule: PolicyRule,
    policy_decision: PolicyDecision,
    guardrail_kind: GuardrailKind,
    guardrail_action: GuardrailAction,
    guardrail_direction: GuardrailDirection,
    guardrail_severity: GuardrailSeverity,
    guardrail_tier: GuardrailTier,
    guardrail_pii_kind: GuardrailPiiKind,
    guardrail_judgement_status: GuardrailJudgementStatus,
    event_module: EventModule,
    event_subject_kind: EventSubjectKind,
    event_handler_kind: EventHandlerKind,
    delivery_state: DeliveryState,
  },
  ai: {
    support_level: SupportLevel,
    provider_adapter: ProviderAdapter,
    model_status: ModelStatus,
    model_capability: ModelCapability,
    modality: Modality,
    llm_call_status: LlmCallStatus,
    budget_scope: BudgetScope,
    budget_period: BudgetPeriod,
    budget_enforcement: BudgetEnforcement,
    budget_on_exceed: BudgetOnExceed,
    budget_reservation_status: BudgetReservationStatus,
  },
  lenses: {
    visibility: Visibility,
    lens_status: LensStatus,
    instruction_category: InstructionCategory,
    contract_kind: ContractKind,
    artifact_kind: ArtifactKind,
    contract_field_type: ContractFieldType,
    param_type: ParamType,
    tool_category: ToolCategory,
    workflow_status: WorkflowStatus,
    workflow_node_kind: WorkflowNodeKind,
    merge_strategy: MergeStrategy,
    workflow_run_status: WorkflowRunStatus,
    node_result_status: NodeResultStatus,
    waiting_reason: WaitingReason,
    task_error_kind: TaskErrorKind,
    failure_mode: FailureMode,
    run_event_type: RunEventType,
    schedule_dst_gap: ScheduleDstGap,
    schedule_dst_overlap: ScheduleDstOverlap,
    schedule_fire_outcome: ScheduleFireOutcome,
    schedule_skip_reason: ScheduleSkipReason,
    schedule_run_result: ScheduleRunResult,
  },
  public: {},
};

/**
 * Zod enums of types/ that are deliberate subsets of a database enum ("schema.enum"), declared as
 * z.enum(Constants.<schema>.Enums.<name>).extract([...]) or a mirror's .extract([...]). None today.
 */
const subsets = new Map<z.ZodEnum, string>();

/** Zod enums of types/ with no database enum behind them (literal lists of the TypeScript side). None today. */
const typescriptOnly = new Set<z.ZodEnum>();

// At compile time: a mirror for every enum of Constants and nothing else, each inferring exactly the
// generated union (a mirror of the wrong enum, or a missing one, makes `true` not assignable here).
type Same<A, B> = [A] extends [B] ? [B] extends [A] ? true : false : false;
type Values<T> = T extends readonly (infer V)[] ? V : never;
type Generated = {
  [S in keyof typeof Constants]: {
    [N in keyof (typeof Constants)[S]["Enums"]]: Values<(typeof Constants)[S]["Enums"][N]>;
  };
};
type Mirrored = {
  [S in keyof typeof mirrors]: { [N in keyof (typeof mirrors)[S]]: z.infer<(typeof mirrors)[S][N]> };
};
const mirrorsInferTheGeneratedTypes: Same<Mirrored, Generated> = true;
void mirrorsInferTheGeneratedTypes;

type Schema = keyof typeof Constants;
const schemas = Object.keys(Constants) as Schema[];

/** "schema.enum" -> its values, as types/database.ts lists them. */
const generated = new Map<string, readonly string[]>(
  schemas.flatMap((s) =>
    Object.entries(Constants[s].Enums as Record<string, readonly string[]>).map(([n, values]) =>
      [`${s}.${n}`, values] as const
    )
  ),
);

/** Each mirror -> its "schema.enum". */
const mirrorOf = new Map<z.ZodEnum, string>(
  schemas.flatMap((s) =>
    Object.entries(mirrors[s] as Record<string, z.ZodEnum>).map(([n, e]) => [e, `${s}.${n}`] as const)
  ),
);

const typesDir = new URL("../../types/", import.meta.url);

/** Every zod enum exported from types/*.ts, with its export name and file. */
async function exportedEnums() {
  const found: { name: string; file: string; schema: z.ZodEnum }[] = [];
  for await (const entry of Deno.readDir(typesDir)) {
    if (!entry.isFile || !entry.name.endsWith(".ts") || entry.name === "database.ts") continue;
    const module: Record<string, unknown> = await import(new URL(entry.name, typesDir).href);
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof z.ZodEnum) found.push({ name, file: entry.name, schema: value });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

Deno.test("types/database.ts lists every database enum of the five schemas, with its values in order", async () => {
  const sql = db();
  try {
    const rows = await sql<{ name: string; labels: string[] }[]>`
      select n.nspname || '.' || t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
      from pg_type t
      join pg_namespace n on n.oid = t.typnamespace
      join pg_enum e on e.enumtypid = t.oid
      where n.nspname in ('public', 'lensers', 'agents', 'lenses', 'ai')
      group by n.nspname, t.typname
      order by 1`;
    assertEquals(
      rows.map((r) => r.name),
      [...generated.keys()].sort(),
      "the database enums and those of Constants (is types/database.ts stale? npm run types)",
    );
    for (const row of rows) assertEquals([...generated.get(row.name)!], row.labels, row.name);
  } finally {
    await sql.end();
  }
});

Deno.test("every enum in Constants has a zod mirror in types/ with the same values, in order", () => {
  assertEquals([...mirrorOf.values()].sort(), [...generated.keys()].sort(), "the mirrors and Constants");
  for (const [schema, name] of mirrorOf) assertEquals([...schema.options], [...generated.get(name)!], name);
});

Deno.test("every zod enum exported from types/ is built from Constants, not a hand-copied list", async () => {
  const found = await exportedEnums();
  const sources = new Map<string, string>();
  for (const { name, file, schema } of found) {
    if (typescriptOnly.has(schema)) continue;
    const dbEnum = mirrorOf.get(schema);
    const subsetOf = subsets.get(schema);
    assert(
      dbEnum !== undefined || subsetOf !== undefined,
      `${file}: ${name} is neither a mirror nor a subset of a database enum (add it to mirrors, subsets or typescriptOnly)`,
    );
    if (!sources.has(file)) sources.set(file, await Deno.readTextFile(new URL(file, typesDir)));
    const source = sources.get(file)!;
    if (dbEnum !== undefined) {
      const [s, n] = dbEnum.split(".");
      const declaration = new RegExp(
        `export const ${escape(name)} = z\\.enum\\(\\s*Constants\\.${s}\\.Enums\\.${n}\\s*\\);`,
      );
      assert(
        declaration.test(source),
        `${file}: ${name} is not declared as z.enum(Constants.${s}.Enums.${n})`,
      );
    } else {
      const values = generated.get(subsetOf!);
      assert(values !== undefined, `${name}: ${subsetOf} is not an enum of Constants`);
      const outside = (schema.options as string[]).filter((v) => !values.includes(v));
      assertEquals(outside, [], `${file}: ${name} has values outside ${subsetOf}`);
      assert(
        new RegExp(`export const ${escape(name)} = [^;]*\\.extract\\(`).test(source),
        `${file}: ${name} is not declared with .extract([...])`,
      );
    }
  }
});
