// Anthropic Messages API through the official SDK, streamed. System messages become the top-level
// `system`; a json contract is asked for in the system prompt (the API has no JSON mode). The
// Messages API deprecated temperature / top_p / top_k and the SDK (1.x) no longer takes them, so
// only max_tokens and stop sequences are sent. Tool calls are tool_use content blocks whose input
// streams as input_json_delta pieces; tool results go back as tool_result blocks of a user message.
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import { CallScope } from "./call_scope.ts";
import { classify, stainlessErrorReader } from "./errors.ts";
import { jsonInstruction, wantsJson } from "./json_instruction.ts";
import { MAX_TOKENS, numberParam, STOP, stopParam } from "./params.ts";
import {
  argumentsObject,
  conversationTurns,
  offeredTools,
  StreamedToolCalls,
  type Turn,
} from "./tool_calls.ts";
import {
  type CompletionRequest,
  type CompletionResult,
  type Provider,
  type ProviderConfig,
} from "./types.ts";

type StreamingBody = Anthropic.Messages.MessageCreateParamsStreaming;
type MessageParam = Anthropic.Messages.MessageParam;
type InputSchema = Anthropic.Messages.Tool.InputSchema;

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";
/** The API requires max_tokens; used when params set none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

// An APIError without status is an `event: error` inside the stream (overloaded_error, api_error):
// the server failed mid-answer.
export const anthropicErrorReader = stainlessErrorReader(
  { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError },
  "error event in the stream",
);

export class AnthropicProvider implements Provider {
  readonly key = "anthropic";
  private readonly client: Anthropic;

  constructor(config: ProviderConfig & { apiKey: string }) {
    this.client = new Anthropic({
      apiKey: config.apiKey,
      baseURL: config.baseUrl || ANTHROPIC_DEFAULT_BASE_URL,
      // The worker owns retries and their accounting.
      maxRetries: 0,
      fetch: config.fetch,
    });
  }

  async complete(req: CompletionRequest): Promise<CompletionResult> {
    const body = this.body(req);
    const scope = CallScope.start(this.key, req);
    try {
      const stream = await this.client.messages.create(body, { signal: scope.signal });
      let model = req.model;
      let finishReason: string | null = null;
      // input_tokens counts only the uncached part of the prompt; the cache reads and writes come on top.
      let input = 0, cacheRead = 0, cacheWrite = 0, output = 0;
      const toolCalls = new StreamedToolCalls();
      for await (const event of stream) {
        switch (event.type) {
          case "message_start": {
            const u = event.message.usage;
            model = event.message.model || model;
            input = u.input_tokens ?? 0;
            cacheRead = u.cache_read_input_tokens ?? 0;
            cacheWrite = u.cache_creation_input_tokens ?? 0;
            output = u.output_tokens ?? 0;
            break;
          }
          case "content_block_start":
            if (event.content_block.type === "tool_use") {
              toolCalls.add(event.index, { id: event.content_block.id, name: event.content_block.name });
            }
            break;
          case "content_block_delta":
            if (event.delta.type === "text_delta") await scope.emit(event.delta.text);
            else if (event.delta.type === "input_json_delta") {
              toolCalls.add(event.index, { arguments: event.delta.partial_json });
            }
            break;
          case "message_delta": {
            // Counts here are cumulative; the prompt-side ones are present only when they changed.
            const u = event.usage;
            output = u.output_tokens ?? output;
            input = u.input_tokens ?? input;
            cacheRead = u.cache_read_input_tokens ?? cacheRead;
            cacheWrite = u.cache_creation_input_tokens ?? cacheWrite;
            finishReason = event.delta.stop_reason ?? finishReason;
            break;
          }
        }
      }
      return scope.finish({
        usage: {
          inputTokens: input + cacheRead + cacheWrite,
          outputTokens: output,
          cachedTokens: cacheRead,
          cacheWriteTokens: cacheWrite,
          reasoningTokens: 0, // Anthropic counts thinking in output_tokens and reports no split
        },
        finishReason,
        model,
        toolCalls: toolCalls.list(),
      });
    } catch (err) {
      throw scope.failure(err, (e) => classify(e, this.key, anthropicErrorReader));
    } finally {
      scope.dispose();
    }
  }

  private body(req: CompletionRequest): StreamingBody {
    const p = req.params;
    const system = req.messages.filter((m) => m.role === "system").map((m) => m.content);
    if (wantsJson(req.outputContract)) system.push(jsonInstruction(req.outputContract));
    return {
      model: req.model,
      max_tokens: numberParam(this.key, p, MAX_TOKENS, { integer: true, min: 1 }) ??
        ANTHROPIC_DEFAULT_MAX_TOKENS,
      system: system.length > 0 ? system.join("\n\n") : undefined,
      messages: conversationTurns(req.messages).map(messageParam),
      stop_sequences: stopParam(this.key, p, STOP),
      tools: offeredTools(req)?.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters as InputSchema,
      })),
      stream: true,
    };
  }
}

function messageParam(turn: Turn): MessageParam {
  if (turn.kind === "tool_results") {
    return {
      role: "user",
      content: turn.results.map((r) => ({
        type: "tool_result" as const,
        tool_use_id: r.toolCallId,
        content: r.content,
        is_error: r.isError === true,
      })),
    };
  }
  const m = turn.message;
  if (m.role !== "assistant" || !m.toolCalls?.length) {
    return { role: m.role as "user" | "assistant", content: m.content };
  }
  return {
    role: "assistant",
    content: [
      // The API refuses an empty text block.
      ...(m.content ? [{ type: "text" as const, text: m.content }] : []),
      ...m.toolCalls.map((c) => ({
        type: "tool_use" as const,
        id: c.id,
        name: c.name,
        input: argumentsObject(c.arguments),
      })),
    ],
  };
}
