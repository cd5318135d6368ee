// OpenAI chat completions through the official SDK; also serves any compatible server (Ollama,
// vLLM, LM Studio...) through baseUrl. Streams with usage included in the last chunk.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { CallScope } from "./call_scope.ts";
import { classify, stainlessErrorReader } from "./errors.ts";
import { jsonInstruction, wantsJson } from "./json_instruction.ts";
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
import {
  type CompletionRequest,
  type CompletionResult,
  type Provider,
  type ProviderConfig,
  type Usage,
} from "./types.ts";

type StreamingBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;
type MessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

// An APIError without status is a `data: {"error": ...}` chunk inside the stream: the server failed mid-answer.
export const openaiErrorReader = stainlessErrorReader(
  { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError },
  "error in the stream",
);

export class OpenAICompatibleProvider implements Provider {
  readonly key = "openai_compatible";
  private readonly client: OpenAI;

  constructor(config: ProviderConfig = {}) {
    this.client = new OpenAI({
      // Local servers need no key; the SDK insists on one, so a keyless client sends no
      // Authorization header at all instead.
      apiKey: config.apiKey || "no-key",
      defaultHeaders: config.apiKey ? undefined : { Authorization: null },
      baseURL: config.baseUrl || OPENAI_DEFAULT_BASE_URL,
      // Explicit nulls keep the SDK from reading OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment.
      organization: null,
      project: null,
      adminAPIKey: null,
      // The worker owns retries and their accounting.
      maxRetries: 0,
      fetch: config.fetch,
    });
  }

  async complete(req: CompletionRequest): Promise<CompletionResult> {
    const body = this.body(req);
    const scope = CallScope.start(this.key, req);
    try {
      const stream = await this.client.chat.completions.create(body, { signal: scope.signal });
      let model = req.model;
      let finishReason: string | null = null;
      let usage: Usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        const choice = chunk.choices?.[0];
        if (choice?.delta?.content) await scope.emit(choice.delta.content);
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) {
          usage = {
            inputTokens: chunk.usage.prompt_tokens ?? 0,
            outputTokens: chunk.usage.completion_tokens ?? 0,
            cachedTokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
          };
        }
      }
      return scope.finish({ usage, finishReason, model });
    } catch (err) {
      throw scope.failure(err, (e) => classify(e, this.key, openaiErrorReader));
    } finally {
      scope.dispose();
    }
  }

  private body(req: CompletionRequest): StreamingBody {
    const p = req.params;
    const messages: MessageParam[] = req.messages.map((m) => ({ role: m.role, content: m.content }));
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
    };
  }
}
