// One agent turn: the node's prompt under the agent's system prompt (preamble and memories), with
// the tools its profile allows offered through the provider's own function calling. Every model
// answer that asks for tools and every tool result is journaled by the database before the turn goes
// on, so a re-claimed task rebuilds the conversation from the journal and continues after the last
// recorded result: a recorded model call or tool effect is never made again. A call that needs an
// approval parks the task (lease released) until it is decided.
import {
  type ChatMessage,
  type CompletionRequest,
  type CompletionResult,
  createEmbeddingProvider,
  type EnvReader,
  type Provider,
  ProviderError,
  type ToolSpec,
} from "../providers/index.ts";
import {
  builtInTools,
  customHttpTool,
  type CustomHttpToolSettings,
  httpPolicy,
  type ToolImpl,
  type ToolOutcome,
  validateArguments,
} from "../tools/index.ts";
import type { AgentContext, CallToMake, JournalMessage, MemoryQuery } from "./agent_context.ts";
import type { AgentTurnDb, RecordedCall } from "./agent_db.ts";
import type { LlmCall, TaskHandle } from "./task.ts";

/** The tools that run inside the database, recorded in the same transaction as their effect. */
const DATABASE_TOOLS = new Set(["memory_search", "memory_write", "send_message"]);
/** Longer arguments are refused (a tool's input is at most 64 KiB in the database). */
const MAX_ARGUMENT_CHARS = 16_384;
/** Starts a run of a workflow and waits for it without a lease: the task parks until the run ends. */
const SUB_RUN_TOOL = "run_workflow";

export type TurnEnd = { kind: "answer"; result: CompletionResult } | { kind: "parked" };

export interface AgentTurnDeps {
  db: AgentTurnDb;
  provider: Provider;
  env: EnvReader;
  /** The request every model call of the turn shares (model, params, contract, signal, deltas). */
  request: Omit<CompletionRequest, "messages" | "tools">;
  /** The ledger record of a model call that asked for tools. */
  ledger: (result: CompletionResult) => LlmCall;
  fetch?: typeof fetch;
}

export async function runAgentTurn(
  task: TaskHandle & { prompt: string },
  agent: AgentContext,
  deps: AgentTurnDeps,
): Promise<TurnEnd> {
  const specs: ToolSpec[] = agent.tools.map((t) => ({
    name: t.key,
    description: t.description,
    parameters: t.input_schema,
  }));
  const schemas = new Map(agent.tools.map((t) => [t.key, t.input_schema]));
  const signal = deps.request.signal ?? new AbortController().signal;

  let system = agent.system_prompt;
  if (agent.memory_query && agent.journal.length === 0) {
    const memories = await deps.db.retrieveMemories(
      task,
      agent.memory_query.model_id,
      await embed(agent.memory_query, task.prompt, deps),
    );
    if (memories.length > 0) {
      system += "\n\nWhat you remember that may be relevant:\n" +
        memories.map((m) => `- ${m.content}`).join("\n");
    }
  }
  const messages: ChatMessage[] = [
    { role: "system", content: system },
    { role: "user", content: task.prompt },
    ...agent.journal.map(toMessage),
  ];

  /** A call's result as the model reads it; null when the task now waits for the run it started. */
  const makeCall = async (call: CallToMake, approved: boolean): Promise<ChatMessage | null> => {
    if (approved) await deps.db.startCall(task, call.invocation_id);
    const started = performance.now();
    let row;
    if (call.tool_key === SUB_RUN_TOOL) {
      const answer = await deps.db.startSubRun(task, call.invocation_id);
      if (answer.started) return null;
      return toolError(call, answer.error);
    }
    if (DATABASE_TOOLS.has(call.tool_key)) {
      const text = String(call.input.query ?? call.input.content ?? "");
      const embedding = agent.memory_query && call.tool_key !== "send_message"
        ? await embed(agent.memory_query, text, deps)
        : null;
      row = await deps.db.runDatabaseTool(task, call.invocation_id, embedding);
    } else {
      const outcome = await execute(executor(call), call, agent, deps, signal);
      row = await deps.db.recordToolResult(
        task,
        call.invocation_id,
        outcome,
        Math.round(performance.now() - started),
      );
    }
    return {
      role: "tool",
      toolCallId: call.tool_call_id,
      name: call.tool_key,
      content: row.status === "succeeded" ? JSON.stringify(row.output) : `error: ${row.error}`,
      isError: row.status !== "succeeded",
    };
  };

  // Resuming: the calls approved since, or left running by a worker that was lost, are made first
  // (a lost one again, with the same idempotency key).
  for (const pending of agent.pending_calls) {
    const message = await makeCall(pending, pending.status === "approved");
    if (message === null) return { kind: "parked" };
    messages.push(message);
  }
  if (unanswered(messages).length > 0) {
    // Calls still waiting for a decision (the worker that asked was lost before parking).
    await deps.db.park(task);
    return { kind: "parked" };
  }

  let rounds = agent.journal.filter((m) => m.role === "assistant" && m.tool_calls).length;
  for (;;) {
    const offered = rounds < agent.max_tool_iterations && specs.length > 0 ? specs : undefined;
    const result = await deps.provider.complete({ ...deps.request, messages, tools: offered });
    if (result.toolCalls.length === 0) return { kind: "answer", result };

    const recorded: RecordedCall[] = result.toolCalls.map((c) => {
      const call = {
        id: c.id,
        name: c.name,
        arguments: c.arguments,
        ...(c.thoughtSignature ? { thought_signature: c.thoughtSignature } : {}),
      };
      if (c.arguments.length > MAX_ARGUMENT_CHARS) {
        return {
          ...call,
          arguments: c.arguments.slice(0, 3000),
          argument_error: `the arguments are longer than ${MAX_ARGUMENT_CHARS} characters`,
        };
      }
      const schema = schemas.get(c.name);
      if (!schema) return { ...call, input: {} };
      const args = validateArguments(schema, c.arguments);
      return args.ok ? { ...call, input: args.value } : { ...call, argument_error: args.error };
    });
    const answer = await deps.db.recordModelTurn(task, result.text, recorded, deps.ledger(result));
    rounds = answer.round;
    messages.push({ role: "assistant", content: result.text, toolCalls: result.toolCalls });
    let waiting = false;
    for (const decision of answer.calls) {
      if (decision.action === "refused") {
        messages.push({
          role: "tool",
          toolCallId: decision.tool_call_id,
          name: decision.tool_key,
          content: `refused: ${decision.reason}`,
          isError: true,
        });
      } else if (decision.action === "execute") {
        const message = await makeCall(decision, false);
        if (message === null) return { kind: "parked" };
        messages.push(message);
      } else {
        waiting = true;
      }
    }
    if (waiting) {
      await deps.db.park(task);
      return { kind: "parked" };
    }
    if (answer.round > agent.max_tool_iterations + 1) {
      throw new ProviderError(
        deps.provider.key,
        "client",
        `the model kept asking for tools after its last allowed round (max_tool_iterations ${agent.max_tool_iterations})`,
      );
    }
  }
}

function toolError(call: CallToMake, error: string): ChatMessage {
  return {
    role: "tool",
    toolCallId: call.tool_call_id,
    name: call.tool_key,
    content: `error: ${error}`,
    isError: true,
  };
}

function toMessage(m: JournalMessage): ChatMessage {
  if (m.role === "assistant") {
    return {
      role: "assistant",
      content: m.content,
      toolCalls: m.tool_calls?.map((c) => ({
        id: c.id,
        name: c.name,
        arguments: c.arguments,
        ...(c.thought_signature ? { thoughtSignature: c.thought_signature } : {}),
      })),
    };
  }
  return {
    role: "tool",
    toolCallId: m.tool_call_id ?? "",
    name: m.tool_name ?? "",
    content: m.content,
    isError: m.is_error,
  };
}

/** The tool calls of the last assistant message that have no result yet. */
function unanswered(messages: ChatMessage[]): string[] {
  let last = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === "assistant") {
      last = i;
      break;
    }
  }
  if (last < 0) return [];
  const assistant = messages[last] as Extract<ChatMessage, { role: "assistant" }>;
  const answered = new Set(
    messages.slice(last + 1).flatMap((m) => (m.role === "tool" ? [m.toolCallId] : [])),
  );
  return (assistant.toolCalls ?? []).map((c) => c.id).filter((id) => !answered.has(id));
}

/** A built-in tool by key, else a custom HTTP tool by its settings (url, secret_env). */
function executor(call: CallToMake): ToolImpl | null {
  const builtIn = builtInTools[call.tool_key];
  if (builtIn) return builtIn;
  const settings = call.settings as Partial<CustomHttpToolSettings>;
  if (typeof settings.url === "string" && typeof settings.secret_env === "string") {
    return customHttpTool(call.tool_key, settings as CustomHttpToolSettings);
  }
  return null;
}

async function execute(
  impl: ToolImpl | null,
  call: CallToMake,
  agent: AgentContext,
  deps: AgentTurnDeps,
  signal: AbortSignal,
): Promise<ToolOutcome> {
  if (!impl) {
    return { ok: false, kind: "failed", error: `tool "${call.tool_key}" has no executor in this worker` };
  }
  try {
    return await impl.run(call.input, {
      signal,
      idempotencyKey: call.idempotency_key,
      http: httpPolicy({
        allowHosts: agent.http.allow_hosts,
        allowPrivateNetwork: agent.http.allow_private_network,
        ...(call.timeout_ms ? { timeoutMs: call.timeout_ms } : {}),
      }),
      settings: call.settings,
      env: deps.env,
      fetch: deps.fetch,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    return { ok: false, kind: "failed", error: err instanceof Error ? err.message : String(err) };
  }
}

/** The text's embedding with the memory profile's remote model, at the memory column's 1536 dimensions. */
async function embed(query: MemoryQuery, text: string, deps: AgentTurnDeps): Promise<number[]> {
  if (query.provider_adapter !== "openai_compatible") {
    throw new ProviderError(
      query.provider_key,
      "client",
      `embedding model ${query.model_key}: only OpenAI-compatible embedding APIs (and the local embedder) are supported`,
    );
  }
  const apiKey = query.api_key_env ? deps.env.get(query.api_key_env)?.trim() || undefined : undefined;
  if (query.api_key_env && !apiKey) {
    throw new ProviderError(
      query.provider_key,
      "client",
      `${query.api_key_env} is not set: embeddings need it`,
    );
  }
  const provider = createEmbeddingProvider("openai_compatible", {
    apiKey,
    baseUrl: query.provider_base_url ?? undefined,
    fetch: deps.fetch,
  });
  const result = await provider.embed({
    model: query.model_key,
    input: [text],
    dimensions: 1536,
    signal: deps.request.signal,
  });
  return result.vectors[0];
}
