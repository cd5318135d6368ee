// One claimed task from lease to outcome: validate the row, call the provider with the lease kept
// alive and the streamed text reported in batches, then complete, fail (classified) or hand the
// task back. A refused lease at any point means another party owns the task now: the call is
// aborted and the task dropped, with no further call for it.
import { z } from "zod";
import {
  type CompletionRequest,
  type CompletionResult,
  type Provider,
  ProviderError,
} from "../providers/index.ts";
import { AgentTurnDb } from "./agent_db.ts";
import { runAgentTurn } from "./agent_turn.ts";
import { classifyFailure } from "./classify.ts";
import type { CompletionBatcher } from "./completions.ts";
import { StaleLeaseError, type WorkerDb } from "./db.ts";
import { LeaseKeeper } from "./lease.ts";
import type { Logger } from "./log.ts";
import { DeltaBatcher } from "./progress.ts";
import { paramsForTask, type ProviderPool } from "./provider.ts";
import { ClaimedTask, type LlmCall, TaskHandle } from "./task.ts";
import { ledgerCall } from "./ledger_call.ts";

export interface TaskContext {
  db: WorkerDb;
  /** Where completions go (batched with the other tasks' of the same worker). */
  completions: CompletionBatcher;
  providers: ProviderPool;
  workerId: string;
  leaseSeconds: number;
  progressIntervalMs: number;
  progressMaxBytes: number;
  log: Logger;
  /** Where tools read the names of their secrets (web_search keys, custom tools' signing secrets). */
  env: { get(name: string): string | undefined };
}

/**
 * completed: the engine took the answer. failed: the engine took a failure (it retries or fails the
 * node by its policy), or the answer broke the output contract. released: handed back unfinished.
 * lost: the lease was refused (reclaimed, cancelled, finished elsewhere). abandoned: the database
 * could not be told; the lease will lapse and the engine retries the task. parked: an agent turn
 * waits for the approval of a tool call (its lease released).
 */
export type TaskOutcome = "completed" | "failed" | "released" | "lost" | "abandoned" | "parked";

const RELEASE = Symbol("release");
const LOST = Symbol("lost");
const OUTPUT_LIMIT = Symbol("output limit");

/** A model's answer has the same ceiling as complete_workflow_task's p_text (README "Limits"): a
 * call that streams past it is stopped and the attempt fails as a client error, so a runaway answer
 * costs neither the worker's memory nor thousands of delta events. */
export const MAX_OUTPUT_CHARS = 1_000_000;

export class RunningTask {
  readonly resultId: string | null;
  readonly done: Promise<TaskOutcome>;
  private readonly controller = new AbortController();

  constructor(private readonly ctx: TaskContext, row: unknown) {
    const handle = TaskHandle.safeParse(row);
    this.resultId = handle.success ? handle.data.result_id : null;
    this.done = this.execute(row).catch((err) => {
      ctx.log.error("task crashed", { result_id: this.resultId, error: String(err) });
      return "abandoned" as const;
    });
  }

  /** Asks the task to stop its call and hand itself back (a no-op once its answer is in). */
  release(): void {
    if (!this.controller.signal.aborted) this.controller.abort(RELEASE);
  }

  private async execute(row: unknown): Promise<TaskOutcome> {
    const { db, log } = this.ctx;
    const parsed = ClaimedTask.safeParse(row);
    if (!parsed.success) return await this.refuseMalformed(row, parsed.error);
    const task = parsed.data;
    const fields = {
      result_id: task.result_id,
      run_id: task.run_id,
      node: task.node_key,
      attempt: task.attempt,
    };

    let lost: StaleLeaseError | null = null;
    const lose = (err: StaleLeaseError) => {
      if (lost) return;
      lost = err;
      log.info("lease refused; dropping the task", { ...fields, during: err.operation });
      this.controller.abort(LOST);
    };
    const startedAt = performance.now();
    const keeper = new LeaseKeeper(db, task, { leaseSeconds: this.ctx.leaseSeconds, onLost: lose, log });
    const batcher = new DeltaBatcher({
      intervalMs: this.ctx.progressIntervalMs,
      maxBytes: this.ctx.progressMaxBytes,
      startedAt,
      send: (delta, ttfb) => db.progress(task, delta, ttfb),
      onError: (err) => {
        if (err instanceof StaleLeaseError) lose(err);
        else {log.warn("progress report failed; streaming stops, the call goes on", {
            ...fields,
            error: String(err),
          });}
      },
    });

    let result: CompletionResult;
    let called = false;
    let produced = 0;
    try {
      const provider = this.ctx.providers.forTask(task);
      called = true;
      const request = {
        model: task.model_key,
        params: paramsForTask(task),
        outputContract: task.output_contract,
        signal: this.controller.signal,
        timeoutMs: task.timeout_ms ?? undefined,
        onDelta: (delta: string) => {
          produced += delta.length;
          if (produced > MAX_OUTPUT_CHARS) {
            if (!this.controller.signal.aborted) this.controller.abort(OUTPUT_LIMIT);
            return;
          }
          batcher.push(delta);
        },
      };
      if (task.agent) {
        const end = await this.agentTurn(task, provider, request);
        if (end === null) {
          await batcher.finish();
          await keeper.stop();
          return "parked";
        }
        result = end;
      } else {
        result = await provider.complete({ ...request, messages: [{ role: "user", content: task.prompt }] });
      }
      if (result.text.length > MAX_OUTPUT_CHARS) this.controller.abort(OUTPUT_LIMIT);
      if (this.controller.signal.reason === OUTPUT_LIMIT) throw outputLimitError(task);
    } catch (err) {
      await batcher.abandon();
      await keeper.stop();
      if (lost) return "lost";
      if (this.controller.signal.reason === RELEASE) return await this.handBack(task, fields);
      const failure = classifyFailure(
        this.controller.signal.reason === OUTPUT_LIMIT ? outputLimitError(task) : err,
      );
      const latency = Math.round(performance.now() - startedAt);
      const call: LlmCall | null = called
        ? {
          input_tokens: 0,
          output_tokens: 0,
          cached_tokens: 0,
          latency_ms: latency,
          ttft_ms: batcher.ttftMs === null ? null : Math.min(batcher.ttftMs, latency),
          metadata: {
            worker_id: this.ctx.workerId,
            adapter: task.provider_adapter,
            error_status: failure.status,
          },
        }
        : null;
      try {
        const answer = await db.fail(task, failure.kind, failure.message, failure.retryAfterMs, call);
        log.debug("task failed", { ...fields, kind: failure.kind, status: answer.status });
        return "failed";
      } catch (failErr) {
        return this.unreported("fail", failErr, fields);
      }
    }

    await batcher.finish();
    await keeper.stop();
    if (lost) return "lost";
    try {
      const answer = await this.ctx.completions.complete({
        task,
        text: result.text,
        llmCall: ledgerCall(result, { ...this.callMetadata(task, result), delta_reports: batcher.reports }),
      });
      if (answer.status === "completed") return "completed";
      log.info("the answer broke the output contract", { ...fields, status: answer.status });
      return "failed";
    } catch (err) {
      return this.unreported("complete", err, fields);
    }
  }

  /** The agent turn of an agent's task: its final answer, or null when it waits for approvals. */
  private async agentTurn(
    task: ClaimedTask,
    provider: Provider,
    request: Omit<CompletionRequest, "messages">,
  ): Promise<CompletionResult | null> {
    const end = await runAgentTurn(task, task.agent!, {
      db: new AgentTurnDb(this.ctx.db.sql),
      provider,
      env: this.ctx.env,
      request,
      ledger: (r) => ledgerCall(r, this.callMetadata(task, r)),
    });
    return end.kind === "answer" ? end.result : null;
  }

  private callMetadata(task: ClaimedTask, result: CompletionResult): Record<string, unknown> {
    return {
      worker_id: this.ctx.workerId,
      adapter: task.provider_adapter,
      provider_model: result.model,
      finish_reason: result.finishReason,
      ...(result.toolCalls.length > 0 ? { tool_calls: result.toolCalls.length } : {}),
    };
  }

  private async handBack(task: TaskHandle, fields: Record<string, unknown>): Promise<TaskOutcome> {
    try {
      await this.ctx.db.release(task);
      return "released";
    } catch (err) {
      return this.unreported("release", err, fields);
    }
  }

  private unreported(operation: string, err: unknown, fields: Record<string, unknown>): TaskOutcome {
    if (err instanceof StaleLeaseError) {
      this.ctx.log.info("lease refused; dropping the task", { ...fields, during: operation });
      return "lost";
    }
    this.ctx.log.error(`${operation} failed; the lease will lapse and the engine retries`, {
      ...fields,
      error: String(err),
    });
    return "abandoned";
  }

  /** A row we cannot trust: fail it (as a client error: retrying cannot fix it) when its ids are usable. */
  private async refuseMalformed(row: unknown, error: z.ZodError): Promise<TaskOutcome> {
    const handle = TaskHandle.safeParse(row);
    const problem = `worker: the claimed task does not have the expected shape: ${z.prettifyError(error)}`;
    if (!handle.success) {
      this.ctx.log.error("a claimed row has no usable ids; its lease will lapse", { problem });
      return "abandoned";
    }
    try {
      await this.ctx.db.fail(handle.data, "client", problem.slice(0, 4000), null, null);
      this.ctx.log.error("refused a malformed task", { result_id: handle.data.result_id, problem });
      return "failed";
    } catch (err) {
      return this.unreported("fail", err, { result_id: handle.data.result_id });
    }
  }
}

function outputLimitError(task: ClaimedTask): ProviderError {
  return new ProviderError(
    task.provider_key,
    "client",
    `the model's answer passed the limit of ${MAX_OUTPUT_CHARS} characters; the call was stopped`,
  );
}
