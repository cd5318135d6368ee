// Google Gemini (Gemini API, not Vertex) through the official @google/genai SDK, streamed with
// generateContentStream (streamGenerateContent?alt=sse). System messages become systemInstruction;
// a json contract sets responseMimeType application/json and states the fields in the instruction.
import { ApiError, type Content, GoogleGenAI } from "@google/genai";
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
  type CompletionRequest,
  type CompletionResult,
  type Provider,
  type ProviderConfig,
} from "./types.ts";

type StreamParams = Parameters<GoogleGenAI["models"]["generateContentStream"]>[0];

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
      for await (const chunk of stream) {
        if (chunk.modelVersion) model = chunk.modelVersion;
        const candidate = chunk.candidates?.[0];
        const parts = candidate?.content?.parts ?? [];
        await scope.emit(
          parts.map((part) => (part.thought || typeof part.text !== "string" ? "" : part.text)).join(""),
        );
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
        usage: { inputTokens: prompt, outputTokens: candidates + thoughts, cachedTokens: cached },
        finishReason,
        model,
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
    const contents: Content[] = req.messages
      .filter((m) => m.role !== "system")
      .map((m) => ({ role: m.role === "assistant" ? "model" : "user", parts: [{ text: m.content }] }));
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
        responseMimeType: json ? "application/json" : undefined,
        // One HTTP request per call: the worker owns retries, and a resumed answer would be
        // billed across requests it cannot see.
        automaticContinuation: false,
        httpOptions: { fetch: fetchForCall },
      },
    };
  }
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
