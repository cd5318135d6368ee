// Every enum type of the five schemas has its zod mirror in types/, with the same values in the
// same order; a database enum without a mirror (or a mirror of nothing) fails here.
import type { z } from "zod";
import { assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
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
  LlmCallStatus,
  Modality,
  ModelCapability,
  ModelStatus,
  ProviderAdapter,
  SupportLevel,
} from "../../types/catalog.ts";
import {
  FailureMode,
  NodeResultStatus,
  RunEventType,
  TaskErrorKind,
  WaitingReason,
  WorkflowRunStatus,
} from "../../types/runs.ts";

const mirrors: Record<string, z.ZodEnum> = {
  "lensers.lenser_type": LenserType,
  "lensers.profile_visibility": ProfileVisibility,
  "lensers.profile_status": ProfileStatus,
  "agents.runtime_pref": RuntimePref,
  "agents.ownership_role": OwnershipRole,
  "agents.ownership_permission": OwnershipPermission,
  "agents.personality_tone": PersonalityTone,
  "agents.expertise_level": ExpertiseLevel,
  "agents.risk_tolerance": RiskTolerance,
  "agents.autonomy_level": AutonomyLevel,
  "agents.communication_style": CommunicationStyle,
  "agents.decision_style": DecisionStyle,
  "agents.escalation_behavior": EscalationBehavior,
  "agents.memory_scope": MemoryScope,
  "agents.memory_isolation_mode": MemoryIsolationMode,
  "agents.memory_visibility": MemoryVisibility,
  "agents.memory_summary_strategy": MemorySummaryStrategy,
  "agents.memory_reset_policy": MemoryResetPolicy,
  "agents.memory_source": MemorySource,
  "agents.tool_egress_class": ToolEgressClass,
  "agents.team_status": TeamStatus,
  "agents.team_member_role": TeamMemberRole,
  "agents.team_edge_type": TeamEdgeType,
  "agents.assignee_kind": AssigneeKind,
  "agents.assignment_status": AssignmentStatus,
  "agents.tool_invocation_status": ToolInvocationStatus,
  "ai.support_level": SupportLevel,
  "ai.provider_adapter": ProviderAdapter,
  "ai.model_status": ModelStatus,
  "ai.model_capability": ModelCapability,
  "ai.modality": Modality,
  "ai.llm_call_status": LlmCallStatus,
  "lenses.visibility": Visibility,
  "lenses.lens_status": LensStatus,
  "lenses.instruction_category": InstructionCategory,
  "lenses.contract_kind": ContractKind,
  "lenses.artifact_kind": ArtifactKind,
  "lenses.contract_field_type": ContractFieldType,
  "lenses.param_type": ParamType,
  "lenses.tool_category": ToolCategory,
  "lenses.workflow_status": WorkflowStatus,
  "lenses.workflow_node_kind": WorkflowNodeKind,
  "lenses.merge_strategy": MergeStrategy,
  "lenses.workflow_run_status": WorkflowRunStatus,
  "lenses.node_result_status": NodeResultStatus,
  "lenses.waiting_reason": WaitingReason,
  "lenses.task_error_kind": TaskErrorKind,
  "lenses.failure_mode": FailureMode,
  "lenses.run_event_type": RunEventType,
};

Deno.test("every database enum has a zod mirror in types/ with the same values, in order", async () => {
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
      Object.keys(mirrors).sort(),
      "the database enums and their mirrors",
    );
    for (const row of rows) assertEquals(row.labels, [...mirrors[row.name].options], row.name);
  } finally {
    await sql.end();
  }
});
