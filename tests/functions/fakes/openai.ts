// A fake OpenAI chat completions server: POST /v1/chat/completions streamed as SSE `data:` chunks,
// the usage chunk (empty choices) when stream_options.include_usage asks for it, then `data: [DONE]`.
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
}

export function startOpenAIFake(answer: FakeAnswer = DEFAULT_ANSWER): OpenAIFake {
  const fake = startFakeServer({
    matches: (req) => req.method === "POST" && req.path === "/v1/chat/completions",
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
  return Object.assign(fake, { baseUrl: `${fake.origin}/v1` });
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
  out.push(sse(chunk({}, "stop")));
  if (includeUsage) {
    out.push(sse({
      ...base,
      choices: [],
      usage: {
        prompt_tokens: answer.inputTokens,
        completion_tokens: answer.outputTokens,
        total_tokens: answer.inputTokens + answer.outputTokens,
        prompt_tokens_details: { cached_tokens: answer.cachedTokens, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
      },
    }));
  }
  out.push(sse("[DONE]"));
  return out;
}
