// The tools and the tool-using conversation every adapter's function-calling tests send, so each
// test states only its provider's shape for them.
import type { ChatMessage, ToolSpec } from "../../../functions/_shared/providers/index.ts";
import type { FakeToolCall } from "../fakes/server.ts";

export const WEATHER_TOOL: ToolSpec = {
  name: "get_weather",
  description: "The current weather in a city.",
  parameters: {
    type: "object",
    properties: { city: { type: "string", description: "The city's name" } },
    required: ["city"],
  },
};

export const CLOCK_TOOL: ToolSpec = {
  name: "get_time",
  description: "The time now.",
  parameters: { type: "object", properties: {} },
};

export const TOOLS = [WEATHER_TOOL, CLOCK_TOOL];

/**
 * A user question, an assistant turn with text and two calls (the second with invalid JSON
 * arguments), both results (the second an error), a second assistant turn with one call and no
 * text, its result, then a new user message.
 */
export const TOOL_CONVERSATION: ChatMessage[] = [
  { role: "system", content: "You are terse." },
  { role: "user", content: "Weather in Paris, and the time?" },
  {
    role: "assistant",
    content: "Checking.",
    toolCalls: [
      { id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}' },
      { id: "call_b", name: "get_time", arguments: "{not json" },
    ],
  },
  { role: "tool", toolCallId: "call_a", name: "get_weather", content: '{"temp_c":21}' },
  {
    role: "tool",
    toolCallId: "call_b",
    name: "get_time",
    content: "the arguments are not valid JSON",
    isError: true,
  },
  { role: "assistant", content: "", toolCalls: [{ id: "call_c", name: "get_time", arguments: "{}" }] },
  { role: "tool", toolCallId: "call_c", name: "get_time", content: '"12:00"' },
  { role: "user", content: "Thanks." },
];

/** Two calls, the first's arguments streamed in three pieces, the second's in two. */
export const STREAMED_CALLS: FakeToolCall[] = [
  { id: "call_w1", name: "get_weather", argumentPieces: ['{"ci', 'ty": "Pa', 'ris"}'] },
  { id: "call_t2", name: "get_time", argumentPieces: ["{", "}"] },
];
