// A fake OpenAI server. POST /v1/chat/completions streams SSE `data:` chunks: the text, then each
// tool call as tool_calls deltas keyed by index (id, type and name in the first, the arguments in
// the following pieces) with finish_reason "tool_calls", the usage chunk (empty choices) when
// stream_options.include_usage asks for it, then `data: [DONE]`. POST /v1/embeddings answers
// deterministic vectors (fakeEmbedding), unless editEmbeddings changes the answer.
import {
  DEFAULT_ANSWER,
  type FakeAnswer,
  type FakeServer,
  type RecordedRequest,
  sse,
  startFakeServer,
} from "./server.ts";

export interface OpenAIFake extends FakeServer {
  /** The base URL to give the provider (with /v1, as the SDK expects). */
  readonly baseUrl: string;
  /** Rewrites the embeddings answer before it is sent (to serve a wrong one); null: sent as is. */
  editEmbeddings: ((answer: EmbeddingsAnswer) => Record<string, unknown>) | null;
}

export interface EmbeddingsAnswer {
  object: "list";
  data: { object: "embedding"; index: number; embedding: number[] }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** Vectors of this length when the request names no dimensions. */
export const FAKE_EMBEDDING_DIMENSIONS = 8;

/** The fake's vector for a text: deterministic, distinct for distinct texts, values in [-1, 1). */
export function fakeEmbedding(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
  let seed = 2166136261;
  for (const ch of text) seed = Math.imul(seed ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return Array.from({ length: dimensions }, (_, j) => {
    seed = Math.imul(seed ^ (j + 1), 2654435761) >>> 0;
    return (seed % 2000) / 1000 - 1;
  });
}

export function startOpenAIFake(answer: FakeAnswer = DEFAULT_ANSWER): OpenAIFake {
  const server = startFakeServer({
    matches: (req) => req.method === "POST" && req.path === "/v1/chat/completions",
    jsonAnswer: (req) => {
      if (req.method !== "POST" || req.path !== "/v1/embeddings") return undefined;
      const answer = embeddingsAnswer(req);
      return fake.editEmbeddings ? fake.editEmbeddings(answer) : { ...answer };
    },
    events: (req, override) => events(req, override ?? answer),
    errorBody: (status) => ({
      error: {
        message: status === 429
          ? "Rate limit reached for requests"
          : status === 400
          ? "Invalid value for 'messages'"
          : "The server had an error while processing your request",
        type: status === 429 ? "requests" : status === 400 ? "invalid_request_error" : "server_error",
        param: status === 400 ? "messages" : null,
        code: status === 429 ? "rate_limit_exceeded" : null,
      },
    }),
    errorEvent: () =>
      sse({
        error: {
          message: "The server had an error while streaming",
          type: "server_error",
          param: null,
          code: null,
        },
      }),
  });
  const fake: OpenAIFake = Object.assign(server, { baseUrl: `${server.origin}/v1`, editEmbeddings: null });
  return fake;
}

function embeddingsAnswer(req: RecordedRequest): EmbeddingsAnswer {
  const body = req.body ?? {};
  const input = Array.isArray(body.input) ? body.input as string[] : [String(body.input)];
  const dimensions = typeof body.dimensions === "number" ? body.dimensions : FAKE_EMBEDDING_DIMENSIONS;
  const tokens = input.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
  return {
    object: "list",
    data: input.map((text, index) => ({
      object: "embedding",
      index,
      embedding: fakeEmbedding(text, dimensions),
    })),
    model: String(body.model),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function events(req: RecordedRequest, answer: FakeAnswer): string[] {
  const base = {
    id: "chatcmpl-fake1",
    object: "chat.completion.chunk",
    created: 1735689600,
    model: answer.model,
    system_fingerprint: "fp_fake",
  };
  const includeUsage =
    (req.body?.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const out = [sse(chunk({ role: "assistant", content: "", refusal: null }, null))];
  for (const text of answer.chunks) out.push(sse(chunk({ content: text }, null)));
  const toolCalls = answer.toolCalls ?? [];
  toolCalls.forEach((call, index) => {
    out.push(sse(chunk({
      tool_calls: [{
        index,
        id: call.id ?? `call_fake${index}`,
        type: "function",
        function: { name: call.name, arguments: "" },
      }],
    }, null)));
    for (const piece of call.argumentPieces) {
      out.push(sse(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null)));
    }
  });
  out.push(sse(chunk({}, toolCalls.length > 0 ? "tool_calls" : "stop")));
  if (includeUsage) {
    out.push(sse({
      ...base,
      choices: [],
      usage: {
        prompt_tokens: answer.inputTokens,
        completion_tokens: answer.outputTokens,
        total_tokens: answer.inputTokens + answer.outputTokens,
        prompt_tokens_details: { cached_tokens: answer.cachedTokens, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: answer.reasoningTokens ?? 0, audio_tokens: 0 },
      },
    }));
  }
  out.push(sse("[DONE]"));
  return out;
}
