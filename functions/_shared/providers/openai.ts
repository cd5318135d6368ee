// OpenAI chat completions through the official SDK; also serves any compatible server (Ollama,
// vLLM, LM Studio...) through baseUrl. Streams with usage included in the last chunk; tool calls
// arrive as tool_calls fragments keyed by index, the arguments in pieces.
import type OpenAI from "openai";
import { CallScope } from "./call_scope.ts";
import { classify } from "./errors.ts";
import { jsonInstruction, wantsJson } from "./json_instruction.ts";
import { createOpenAIClient, openaiErrorReader } from "./openai_client.ts";
import {
  FREQUENCY_PENALTY,
  MAX_TOKENS,
  numberParam,
  PRESENCE_PENALTY,
  SEED,
  STOP,
  stopParam,
  TEMPERATURE,
  TOP_P,
} from "./params.ts";
import { offeredTools, StreamedToolCalls } from "./tool_calls.ts";
import {
  type ChatMessage,
  type CompletionRequest,
  type CompletionResult,
  type Provider,
  type ProviderConfig,
  type Usage,
} from "./types.ts";

type StreamingBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;
type MessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export { OPENAI_DEFAULT_BASE_URL, openaiErrorReader } from "./openai_client.ts";

export class OpenAICompatibleProvider implements Provider {
  readonly key = "openai_compatible";
  private readonly client: OpenAI;

  constructor(config: ProviderConfig = {}) {
    this.client = createOpenAIClient(config);
  }

  async complete(req: CompletionRequest): Promise<CompletionResult> {
    const body = this.body(req);
    const scope = CallScope.start(this.key, req);
    try {
      const stream = await this.client.chat.completions.create(body, { signal: scope.signal });
      let model = req.model;
      let finishReason: string | null = null;
      let usage: Usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
      const toolCalls = new StreamedToolCalls();
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        const choice = chunk.choices?.[0];
        if (choice?.delta?.content) await scope.emit(choice.delta.content);
        // Servers that stream each call whole may leave out the index; the position stands in.
        choice?.delta?.tool_calls?.forEach((fragment, position) =>
          toolCalls.add(fragment.index ?? position, {
            id: fragment.id,
            name: fragment.function?.name,
            arguments: fragment.function?.arguments,
          })
        );
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) {
          usage = {
            inputTokens: chunk.usage.prompt_tokens ?? 0,
            outputTokens: chunk.usage.completion_tokens ?? 0,
            cachedTokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
            cacheWriteTokens: 0,
            reasoningTokens: chunk.usage.completion_tokens_details?.reasoning_tokens ?? 0,
          };
        }
      }
      return scope.finish({ usage, finishReason, model, toolCalls: toolCalls.list() });
    } catch (err) {
      throw scope.failure(err, (e) => classify(e, this.key, openaiErrorReader));
    } finally {
      scope.dispose();
    }
  }

  private body(req: CompletionRequest): StreamingBody {
    const p = req.params;
    const messages: MessageParam[] = req.messages.map(messageParam);
    const tools = offeredTools(req);
    if (wantsJson(req.outputContract)) {
      messages.unshift({ role: "system", content: jsonInstruction(req.outputContract) });
    }
    const maxCompletionTokens = numberParam(this.key, p, ["max_completion_tokens"], {
      integer: true,
      min: 1,
    });
    return {
      model: req.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: numberParam(this.key, p, TEMPERATURE),
      top_p: numberParam(this.key, p, TOP_P),
      // max_completion_tokens replaces max_tokens on OpenAI itself; compatible servers know max_tokens.
      ...(maxCompletionTokens !== undefined
        ? { max_completion_tokens: maxCompletionTokens }
        : { max_tokens: numberParam(this.key, p, MAX_TOKENS, { integer: true, min: 1 }) }),
      stop: stopParam(this.key, p, STOP),
      seed: numberParam(this.key, p, SEED, { integer: true }),
      presence_penalty: numberParam(this.key, p, PRESENCE_PENALTY),
      frequency_penalty: numberParam(this.key, p, FREQUENCY_PENALTY),
      response_format: wantsJson(req.outputContract) ? { type: "json_object" } : undefined,
      tools: tools?.map((t) => ({
        type: "function" as const,
        function: { name: t.name, description: t.description, parameters: t.parameters },
      })),
    };
  }
}

function messageParam(m: ChatMessage): MessageParam {
  switch (m.role) {
    case "tool":
      return { role: "tool", tool_call_id: m.toolCallId, content: m.content };
    case "assistant":
      if (!m.toolCalls?.length) return { role: "assistant", content: m.content };
      return {
        role: "assistant",
        // Content is optional beside tool calls; null rather than "" for servers that dislike an empty one.
        content: m.content || null,
        tool_calls: m.toolCalls.map((c) => ({
          id: c.id,
          type: "function" as const,
          function: { name: c.name, arguments: c.arguments },
        })),
      };
    default:
      return { role: m.role, content: m.content };
  }
}
