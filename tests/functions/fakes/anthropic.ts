// A fake Anthropic Messages server: POST /v1/messages streamed as named SSE events (message_start,
// content_block_start, ping, content_block_delta with text_delta, content_block_stop, message_delta
// with the final usage, message_stop). As the real API does, message_start's input_tokens counts only
// the uncached prompt; cache reads and cache writes are reported beside it.
import { DEFAULT_ANSWER, type FakeAnswer, type FakeServer, sse, startFakeServer } from "./server.ts";

export interface AnthropicFake extends FakeServer {
  readonly baseUrl: string;
}

/** `cacheWriteTokens`: prompt tokens reported as cache_creation_input_tokens. */
export function startAnthropicFake(answer: FakeAnswer = DEFAULT_ANSWER, cacheWriteTokens = 0): AnthropicFake {
  const errorTypes: Record<number, string> = {
    400: "invalid_request_error",
    401: "authentication_error",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
  };
  const fake = startFakeServer({
    matches: (req) => req.method === "POST" && req.path === "/v1/messages",
    events: (_req, override) => events(override ?? answer, cacheWriteTokens),
    errorBody: (status) => ({
      type: "error",
      error: {
        type: errorTypes[status] ?? "api_error",
        message: `fake ${errorTypes[status] ?? "error"} (HTTP ${status})`,
      },
    }),
    errorEvent: () =>
      sse({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }, "error"),
  });
  return Object.assign(fake, { baseUrl: fake.origin });
}

function events(answer: FakeAnswer, cacheWriteTokens: number): string[] {
  const out = [
    sse({
      type: "message_start",
      message: {
        id: "msg_fake1",
        type: "message",
        role: "assistant",
        content: [],
        model: answer.model,
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: answer.inputTokens - answer.cachedTokens - cacheWriteTokens,
          cache_creation_input_tokens: cacheWriteTokens,
          cache_read_input_tokens: answer.cachedTokens,
          output_tokens: 1,
        },
      },
    }, "message_start"),
    sse(
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      "content_block_start",
    ),
    sse({ type: "ping" }, "ping"),
  ];
  for (const text of answer.chunks) {
    out.push(
      sse(
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
        "content_block_delta",
      ),
    );
  }
  out.push(
    sse({ type: "content_block_stop", index: 0 }, "content_block_stop"),
    sse({
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: answer.outputTokens },
    }, "message_delta"),
    sse({ type: "message_stop" }, "message_stop"),
  );
  return out;
}
