// The worker's side of the engine's SQL contract: one statement (one round trip, one transaction)
// per transition, straight to Postgres with postgres-js. A refused lease (SQLSTATE PT409, a 409 through PostgREST: the task
// was reclaimed, cancelled or finished) becomes a StaleLeaseError, which callers drop, never retry.
import type postgres from "postgres";
import { z } from "zod";
import {
  BatchCompleteAnswer,
  CompleteAnswer,
  FailAnswer,
  type LlmCall,
  type TaskErrorKind,
  type TaskHandle,
} from "./task.ts";

export const STALE_LEASE = "PT409";

export class StaleLeaseError extends Error {
  constructor(readonly operation: string, message: string) {
    super(message);
    this.name = "StaleLeaseError";
  }
}

function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

export async function call<T>(operation: string, query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (err) {
    if (sqlState(err) === STALE_LEASE) throw new StaleLeaseError(operation, (err as Error).message);
    throw err;
  }
}

const HeartbeatRow = z.object({ expires: z.date() });

/** One completion of a batch (complete_workflow_tasks). */
export interface Completion {
  task: TaskHandle;
  text: string;
  llmCall: LlmCall;
}

export interface RoundTrips {
  claim: number;
  heartbeat: number;
  progress: number;
  complete: number;
  fail: number;
  release: number;
}

export class WorkerDb {
  /** Calls made, by transition (each is one round trip and one transaction). */
  readonly calls: RoundTrips = { claim: 0, heartbeat: 0, progress: 0, complete: 0, fail: 0, release: 0 };

  constructor(readonly sql: postgres.Sql) {}

  /** A jsonb parameter (postgres-js serialises it once; a pre-stringified value would become a JSON string). */
  private json(value: LlmCall) {
    return this.sql.json(value as unknown as postgres.JSONValue);
  }

  /** Up to `limit` due tasks, leased for `leaseSeconds`; rows are validated by the caller. */
  async claim(workerId: string, limit: number, leaseSeconds: number): Promise<unknown[]> {
    this.calls.claim++;
    const rows = await this.sql`
      select * from public.claim_workflow_tasks(${workerId}, ${limit}::integer, ${leaseSeconds}::integer)`;
    return Array.from(rows);
  }

  async heartbeat(task: TaskHandle, leaseSeconds: number): Promise<Date> {
    this.calls.heartbeat++;
    const [row] = await call(
      "heartbeat",
      this.sql`
        select public.heartbeat_workflow_task(${task.result_id}::uuid, ${task.lease_token}::uuid, ${leaseSeconds}::integer)
          as expires`,
    );
    return HeartbeatRow.parse(row).expires;
  }

  async progress(task: TaskHandle, delta: string, ttfbMs: number | null): Promise<void> {
    this.calls.progress++;
    await call(
      "progress",
      this.sql`
        select public.report_workflow_task_progress(${task.result_id}::uuid, ${task.lease_token}::uuid, ${delta},
          ${ttfbMs}::integer)`,
    );
  }

  async complete(task: TaskHandle, text: string, llmCall: LlmCall): Promise<CompleteAnswer> {
    this.calls.complete++;
    const [row] = await call(
      "complete",
      this.sql`
        select public.complete_workflow_task(${task.result_id}::uuid, ${task.lease_token}::uuid, ${text}, null,
          ${this.json(llmCall)}::jsonb) as answer`,
    );
    return CompleteAnswer.parse(row?.answer);
  }

  /**
   * Several completions in one transaction, and (claim.limit > 0) the next tasks leased in the same
   * one: one answer per completion, in order, and the claimed rows (validated by the caller). A
   * lease no longer held is answered "lost" for its task alone; an error refuses (and writes) nothing.
   */
  async completeMany(
    completions: Completion[],
    claim: { workerId: string; limit: number; leaseSeconds: number } | null = null,
  ): Promise<{ answers: BatchCompleteAnswer[]; tasks: unknown[] }> {
    this.calls.complete++;
    const payload = completions.map((c) => ({
      result_id: c.task.result_id,
      lease_token: c.task.lease_token,
      text: c.text,
      llm_call: c.llmCall,
    }));
    const [row] = await this.sql`
      select public.complete_workflow_tasks(${this.sql.json(payload as unknown as postgres.JSONValue)}::jsonb,
        ${claim?.workerId ?? null}, ${claim?.limit ?? 0}::integer, ${
      claim?.leaseSeconds ?? 60
    }::integer) as result`;
    const result = z.object({
      answers: z.array(BatchCompleteAnswer).length(completions.length),
      tasks: z.array(z.unknown()),
    }).parse(row?.result);
    result.answers.forEach((a, i) => {
      if (a.result_id !== completions[i].task.result_id) {
        throw new Error(
          `complete_workflow_tasks answered for task ${a.result_id} in place of ${
            completions[i].task.result_id
          }`,
        );
      }
    });
    return result;
  }

  async fail(
    task: TaskHandle,
    kind: TaskErrorKind,
    message: string,
    retryAfterMs: number | null,
    llmCall: LlmCall | null,
  ): Promise<FailAnswer> {
    this.calls.fail++;
    const [row] = await call(
      "fail",
      this.sql`
        select public.fail_workflow_task(${task.result_id}::uuid, ${task.lease_token}::uuid,
          ${kind}::lenses.task_error_kind, ${message}, ${retryAfterMs}::integer,
          ${llmCall === null ? null : this.json(llmCall)}::jsonb) as answer`,
    );
    return FailAnswer.parse(row?.answer);
  }

  async release(task: TaskHandle): Promise<void> {
    this.calls.release++;
    await call(
      "release",
      this.sql`select public.release_workflow_task(${task.result_id}::uuid, ${task.lease_token}::uuid)`,
    );
  }
}
