// Google Gemini (Gemini API, not Vertex) through the official @google/genai SDK, streamed with
// generateContentStream (streamGenerateContent?alt=sse). System messages become systemInstruction;
// a json contract states the fields in the instruction and, unless tools are offered (Gemini refuses
// both at once), sets responseMimeType application/json.
// Tools are functionDeclarations with their raw JSON schema; Gemini streams each call whole, as a
// functionCall part (args an object, often no id), and reads results as functionResponse parts.
import { ApiError, type Content, GoogleGenAI, type Part } from "@google/genai";
import { CallScope } from "./call_scope.ts";
import { classify, type SdkErrorReader } from "./errors.ts";
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
  TOP_K,
  TOP_P,
} from "./params.ts";
import {
  argumentsObject,
  conversationTurns,
  generatedCallId,
  offeredTools,
  type Turn,
} from "./tool_calls.ts";
import {
  type CompletionRequest,
  type CompletionResult,
  type Provider,
  type ProviderConfig,
  type ToolCall,
  type ToolResultMessage,
} from "./types.ts";

type StreamParams = Parameters<GoogleGenAI["models"]["generateContentStream"]>[0];

/**
 * Google's documented stand-in for a thoughtSignature the history lost: Gemini 3 refuses a replayed
 * model turn whose first functionCall part carries none.
 */
export const SKIP_THOUGHT_SIGNATURE = "skip_thought_signature_validator";

export class GoogleProvider implements Provider {
  readonly key = "google";
  private readonly client: GoogleGenAI;
  private readonly fetch: typeof fetch;

  constructor(config: ProviderConfig & { apiKey: string }) {
    this.fetch = config.fetch ?? ((input, init) => fetch(input, init));
    this.client = new GoogleGenAI({
      apiKey: config.apiKey,
      // Explicit, so GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch the backend.
      vertexai: false,
      httpOptions: config.baseUrl ? { baseUrl: config.baseUrl } : undefined,
    });
  }

  async complete(req: CompletionRequest): Promise<CompletionResult> {
    // The SDK's ApiError keeps the status but not the headers; this call's own fetch keeps the
    // error response's headers for Retry-After.
    let errorHeaders: Headers | null = null;
    const fetchForCall: typeof fetch = async (input, init) => {
      const response = await this.fetch(input, init);
      if (!response.ok) errorHeaders = response.headers;
      return response;
    };
    const params = this.params(req, fetchForCall);
    const scope = CallScope.start(this.key, req);
    params.config!.abortSignal = scope.signal;
    try {
      const stream = await this.client.models.generateContentStream(params);
      let model = req.model;
      let finishReason: string | null = null;
      let prompt = 0, candidates = 0, thoughts = 0, cached = 0;
      const toolCalls: ToolCall[] = [];
      for await (const chunk of stream) {
        if (chunk.modelVersion) model = chunk.modelVersion;
        const candidate = chunk.candidates?.[0];
        const parts = candidate?.content?.parts ?? [];
        await scope.emit(
          parts.map((part) => (part.thought || typeof part.text !== "string" ? "" : part.text)).join(""),
        );
        for (const part of parts) if (part.functionCall) toolCalls.push(toolCallOf(part, toolCalls.length));
        if (candidate?.finishReason) finishReason = candidate.finishReason;
        const u = chunk.usageMetadata;
        if (u) {
          prompt = u.promptTokenCount ?? prompt;
          candidates = u.candidatesTokenCount ?? candidates;
          thoughts = u.thoughtsTokenCount ?? thoughts;
          cached = u.cachedContentTokenCount ?? cached;
        }
      }
      return scope.finish({
        // Thinking tokens are billed as output.
        usage: {
          inputTokens: prompt,
          outputTokens: candidates + thoughts,
          cachedTokens: cached,
          cacheWriteTokens: 0,
          reasoningTokens: thoughts,
        },
        finishReason,
        model,
        toolCalls,
      });
    } catch (err) {
      throw scope.failure(err, (e) => classify(e, this.key, geminiErrorReader(errorHeaders)));
    } finally {
      scope.dispose();
    }
  }

  private params(req: CompletionRequest, fetchForCall: typeof fetch): StreamParams {
    const p = req.params;
    const system = req.messages.filter((m) => m.role === "system").map((m) => m.content);
    const json = wantsJson(req.outputContract);
    if (json) system.push(jsonInstruction(req.outputContract!));
    const contents = conversationTurns(req.messages).map((turn) => content(turn, req.model));
    const tools = offeredTools(req);
    return {
      model: req.model,
      contents,
      config: {
        systemInstruction: system.length > 0 ? system.join("\n\n") : undefined,
        temperature: numberParam(this.key, p, TEMPERATURE),
        topP: numberParam(this.key, p, TOP_P),
        topK: numberParam(this.key, p, TOP_K, { integer: true, min: 1 }),
        maxOutputTokens: numberParam(this.key, p, MAX_TOKENS, { integer: true, min: 1 }),
        stopSequences: stopParam(this.key, p, STOP),
        seed: numberParam(this.key, p, SEED, { integer: true }),
        presencePenalty: numberParam(this.key, p, PRESENCE_PENALTY),
        frequencyPenalty: numberParam(this.key, p, FREQUENCY_PENALTY),
        // Gemini refuses function calling beside a JSON response type; with tools the instruction alone asks.
        responseMimeType: json && !tools ? "application/json" : undefined,
        tools: tools && [{
          functionDeclarations: tools.map((t) => ({
            name: t.name,
            description: t.description,
            parametersJsonSchema: t.parameters,
          })),
        }],
        // One HTTP request per call: the worker owns retries, and a resumed answer would be
        // billed across requests it cannot see.
        automaticContinuation: false,
        httpOptions: { fetch: fetchForCall },
      },
    };
  }
}

function toolCallOf(part: Part, position: number): ToolCall {
  const call = part.functionCall!;
  return {
    id: call.id || generatedCallId(position),
    name: call.name ?? "",
    arguments: JSON.stringify(call.args ?? {}),
    ...(part.thoughtSignature ? { thoughtSignature: part.thoughtSignature } : {}),
  };
}

function content(turn: Turn, model: string): Content {
  if (turn.kind === "tool_results") return { role: "user", parts: turn.results.map(functionResponsePart) };
  const m = turn.message;
  if (m.role !== "assistant") return { role: "user", parts: [{ text: m.content }] };
  const calls = m.toolCalls ?? [];
  if (calls.length === 0) return { role: "model", parts: [{ text: m.content }] };
  return {
    role: "model",
    parts: [
      ...(m.content ? [{ text: m.content }] : []),
      ...calls.map((c, i): Part => {
        // Of parallel calls only the first carries a signature.
        const signature = c.thoughtSignature ??
          (i === 0 && requiresThoughtSignatures(model) ? SKIP_THOUGHT_SIGNATURE : undefined);
        return {
          functionCall: { id: c.id, name: c.name, args: argumentsObject(c.arguments) },
          ...(signature ? { thoughtSignature: signature } : {}),
        };
      }),
    ],
  };
}

/** Gemini reads a result under "output", a failure under "error"; JSON content goes as its value. */
function functionResponsePart(r: ToolResultMessage): Part {
  let value: unknown = r.content;
  try {
    value = JSON.parse(r.content);
  } catch {
    // Plain text (a refusal, an error message) goes as it is.
  }
  return {
    functionResponse: {
      id: r.toolCallId,
      name: r.name,
      response: r.isError ? { error: value } : { output: value },
    },
  };
}

/** Gemini 3 and later validate the thoughtSignature of replayed function calls. */
function requiresThoughtSignatures(model: string): boolean {
  const major = /(?:^|\/)gemini-(\d+)/.exec(model)?.[1];
  return major !== undefined && Number(major) >= 3;
}

/**
 * The reader for the Gemini SDK: its ApiError keeps the status, and the error body in its message,
 * but not the headers; `headers` are the error response's, kept by the call's own fetch. Other
 * failures (an abort, a refused connection) reach classify() as they are.
 */
export function geminiErrorReader(headers: Headers | null): SdkErrorReader {
  return (err) => {
    if (!(err instanceof ApiError) || typeof err.status !== "number") return undefined;
    const body = parseErrorBody(err.message);
    return {
      type: "http",
      status: err.status,
      message: body.message ?? err.message,
      headers,
      retryAfterMs: body.retryDelayMs,
    };
  };
}

/**
 * The SDK puts the error body, as JSON, in ApiError.message (after a "got status: ..." prefix for an
 * error inside the stream). Google's errors carry a readable message and, on 429, a
 * google.rpc.RetryInfo detail with the wait as a Duration ("2s", "0.5s").
 */
function parseErrorBody(text: string): { message?: string; retryDelayMs?: number } {
  let body: unknown;
  try {
    body = JSON.parse(text.slice(Math.max(0, text.indexOf("{"))));
  } catch {
    return {};
  }
  const error = (body as { error?: { message?: unknown; details?: unknown } } | null)?.error;
  if (!error || typeof error !== "object") return {};
  const message = typeof error.message === "string" ? error.message : undefined;
  const details = Array.isArray(error.details) ? error.details : [];
  for (const detail of details) {
    const delay = (detail as { retryDelay?: unknown })?.retryDelay;
    const match = typeof delay === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
    if (match) return { message, retryDelayMs: Math.round(Number(match[1]) * 1000) };
  }
  return { message };
}
