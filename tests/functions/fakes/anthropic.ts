// A fake Anthropic Messages server: POST /v1/messages streamed as named SSE events (message_start,
// content_block_start, ping, content_block_delta with text_delta, content_block_stop, message_delta
// with the final usage, message_stop). Each tool call is a tool_use block of its own (content_block_start
// with id and name, input_json_delta pieces of the input, content_block_stop) and the message stops with
// stop_reason tool_use. As the real API does, message_start's input_tokens counts only the uncached
// prompt; cache reads and cache writes are reported beside it.
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
  ];
  // As the real stream does, a ping follows the first content_block_start.
  const startBlock = (event: string) =>
    out.push(event, ...(out.length === 1 ? [sse({ type: "ping" }, "ping")] : []));
  const toolCalls = answer.toolCalls ?? [];
  // A tool-only answer has no text block, as with the real API.
  const textBlocks = answer.chunks.length > 0 || toolCalls.length === 0 ? 1 : 0;
  if (textBlocks) {
    startBlock(sse(
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      "content_block_start",
    ));
    for (const text of answer.chunks) {
      out.push(
        sse(
          { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
          "content_block_delta",
        ),
      );
    }
    out.push(sse({ type: "content_block_stop", index: 0 }, "content_block_stop"));
  }
  toolCalls.forEach((call, i) => {
    const index = textBlocks + i;
    startBlock(sse({
      type: "content_block_start",
      index,
      content_block: { type: "tool_use", id: call.id ?? `toolu_fake${i}`, name: call.name, input: {} },
    }, "content_block_start"));
    // The real stream opens every tool_use input with an empty piece.
    for (const partial_json of ["", ...call.argumentPieces]) {
      out.push(sse(
        { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json } },
        "content_block_delta",
      ));
    }
    out.push(sse({ type: "content_block_stop", index }, "content_block_stop"));
  });
  out.push(
    sse({
      type: "message_delta",
      delta: { stop_reason: toolCalls.length > 0 ? "tool_use" : "end_turn", stop_sequence: null },
      usage: { output_tokens: answer.outputTokens },
    }, "message_delta"),
    sse({ type: "message_stop" }, "message_stop"),
  );
  return out;
}
