// The agent turn's side of the SQL contract: each step of a turn (a model answer that asked for
// tools, a tool call starting, a tool result, the wait for approvals, a database tool, remote memory
// retrieval) is one statement, one transaction, with the task's lease checked by the database.
import type postgres from "postgres";
import { z } from "zod";
import { call } from "./db.ts";
import { Memory, ModelTurnAnswer, SubRunAnswer, ToolResultRow } from "./agent_context.ts";
import type { LlmCall, TaskHandle } from "./task.ts";

/** A model answer's tool call as recorded: the parsed input, or why the arguments were unusable. */
export type RecordedCall =
  & { id: string; name: string; arguments: string; thought_signature?: string }
  & ({ input: Record<string, unknown> } | { argument_error: string });

export class AgentTurnDb {
  constructor(private readonly sql: postgres.Sql) {}

  private json(value: unknown) {
    return this.sql.json(value as postgres.JSONValue);
  }

  async recordModelTurn(task: TaskHandle, content: string, calls: RecordedCall[], llmCall: LlmCall) {
    const [row] = await call(
      "record_agent_model_turn",
      this.sql`select public.record_agent_model_turn(${task.result_id}::uuid, ${task.lease_token}::uuid,
        ${this.json({ content, tool_calls: calls })}::jsonb, ${this.json(llmCall)}::jsonb) as answer`,
    );
    return ModelTurnAnswer.parse(row?.answer);
  }

  async startCall(task: TaskHandle, invocationId: string): Promise<void> {
    await call(
      "start_agent_tool_call",
      this
        .sql`select public.start_agent_tool_call(${task.result_id}::uuid, ${task.lease_token}::uuid, ${invocationId}::uuid)`,
    );
  }

  async recordToolResult(
    task: TaskHandle,
    invocationId: string,
    outcome: { ok: true; output: unknown; costCredits?: number } | { ok: false; error: string },
    latencyMs: number,
  ) {
    const [row] = await call(
      "record_agent_tool_result",
      this.sql`select to_jsonb(i) as row from public.record_agent_tool_result(${task.result_id}::uuid,
        ${task.lease_token}::uuid, ${invocationId}::uuid,
        ${outcome.ok ? "succeeded" : "failed"}::agents.tool_invocation_status,
        ${outcome.ok ? this.json(outcome.output ?? null) : null}::jsonb, ${outcome.ok ? null : outcome.error},
        ${latencyMs}::integer, ${outcome.ok ? outcome.costCredits ?? 0 : 0}::numeric) i`,
    );
    return ToolResultRow.parse(row?.row);
  }

  /** memory_search / memory_write, run and recorded by the database in one transaction. */
  async runDatabaseTool(task: TaskHandle, invocationId: string, embedding: number[] | null) {
    const [row] = await call(
      "run_agent_database_tool",
      this.sql`select to_jsonb(i) as row from public.run_agent_database_tool(${task.result_id}::uuid,
        ${task.lease_token}::uuid, ${invocationId}::uuid, ${vector(embedding)}::extensions.vector) i`,
    );
    return ToolResultRow.parse(row?.row);
  }

  /** run_workflow: starts the sub-run and parks the task, or ends the call failed (the model reads why). */
  async startSubRun(task: TaskHandle, invocationId: string) {
    const [row] = await call(
      "start_agent_sub_run",
      this.sql`select public.start_agent_sub_run(${task.result_id}::uuid, ${task.lease_token}::uuid,
        ${invocationId}::uuid) as answer`,
    );
    return SubRunAnswer.parse(row?.answer);
  }

  async park(task: TaskHandle): Promise<void> {
    await call(
      "park_agent_task",
      this.sql`select 1 from public.park_agent_task(${task.result_id}::uuid, ${task.lease_token}::uuid)`,
    );
  }

  async retrieveMemories(task: TaskHandle, modelId: string, embedding: number[]) {
    const [row] = await call(
      "retrieve_agent_memories",
      this.sql`select public.retrieve_agent_memories(${task.result_id}::uuid, ${task.lease_token}::uuid,
        ${modelId}::uuid, ${vector(embedding)}::extensions.vector) as memories`,
    );
    return z.array(Memory).parse(row?.memories);
  }
}

/** pgvector's text form. */
function vector(values: number[] | null): string | null {
  return values === null ? null : `[${values.join(",")}]`;
}
