// Function calling through the anthropic adapter, against the fake's tool_use blocks and
// input_json_delta pieces.
import { assertEquals } from "../../_support/assert.ts";
import { createProvider } from "../../../functions/_shared/providers/index.ts";
import { startAnthropicFake } from "../fakes/anthropic.ts";
import { toolCallAnswer } from "../fakes/server.ts";
import { MESSAGES, withFake } from "./_remote_cases.ts";
import { STREAMED_CALLS, TOOL_CONVERSATION, TOOLS } from "./_tool_cases.ts";

const MODEL = "claude-haiku-4-5";
const provider = (baseUrl: string) => createProvider("anthropic", { apiKey: "sk-ant-test", baseUrl });

Deno.test("anthropic tools: offered with name, description and input_schema", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: TOOLS });
    assertEquals(fake.requests[0].body!.tools, [
      {
        name: "get_weather",
        description: "The current weather in a city.",
        input_schema: {
          type: "object",
          properties: { city: { type: "string", description: "The city's name" } },
          required: ["city"],
        },
      },
      { name: "get_time", description: "The time now.", input_schema: { type: "object", properties: {} } },
    ]);
  }));

Deno.test("anthropic tools: none offered, or an empty list -> no tools field", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES });
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: [] });
    assertEquals(fake.requests.map((r) => "tools" in r.body!), [false, false]);
  }));

Deno.test("anthropic tools: streamed tool_use blocks become toolCalls, input_json_delta pieces joined", () =>
  withFake(() => startAnthropicFake(toolCallAnswer(STREAMED_CALLS)), async (fake) => {
    const deltas: string[] = [];
    const result = await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: MESSAGES,
      tools: TOOLS,
      onDelta: (t) => void deltas.push(t),
    });
    assertEquals(result.toolCalls, [
      { id: "call_w1", name: "get_weather", arguments: '{"city": "Paris"}' },
      { id: "call_t2", name: "get_time", arguments: "{}" },
    ]);
    assertEquals([result.text, deltas, result.finishReason, result.ttftMs], ["", [], "tool_use", null]);
  }));

Deno.test("anthropic tools: a tool_use block with no input pieces has arguments {}", () =>
  withFake(
    () => startAnthropicFake(toolCallAnswer([{ id: "toolu_1", name: "get_time", argumentPieces: [] }])),
    async (fake) => {
      const result = await provider(fake.baseUrl).complete({
        model: MODEL,
        messages: MESSAGES,
        tools: TOOLS,
      });
      assertEquals(result.toolCalls, [{ id: "toolu_1", name: "get_time", arguments: "{}" }]);
    },
  ));

Deno.test("anthropic tools: text and a tool call in one answer", () =>
  withFake(
    () => startAnthropicFake(toolCallAnswer([STREAMED_CALLS[0]], ["Let me ", "check."])),
    async (fake) => {
      const deltas: string[] = [];
      const result = await provider(fake.baseUrl).complete({
        model: MODEL,
        messages: MESSAGES,
        tools: TOOLS,
        onDelta: (t) => void deltas.push(t),
      });
      assertEquals([result.text, deltas], ["Let me check.", ["Let me ", "check."]]);
      assertEquals(result.toolCalls, [{
        id: "call_w1",
        name: "get_weather",
        arguments: '{"city": "Paris"}',
      }]);
      assertEquals(result.finishReason, "tool_use");
    },
  ));

Deno.test("anthropic tools: a text answer has no tool calls", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    const result = await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: TOOLS });
    assertEquals([result.toolCalls, result.finishReason, result.text], [[], "end_turn", "Hello, world!"]);
  }));

Deno.test("anthropic tools: tool_use blocks and grouped tool_result blocks are sent in Anthropic's shape", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: TOOL_CONVERSATION, tools: TOOLS });
    const body = fake.requests[0].body!;
    assertEquals(body.system, "You are terse.");
    assertEquals(body.messages, [
      { role: "user", content: "Weather in Paris, and the time?" },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking." },
          { type: "tool_use", id: "call_a", name: "get_weather", input: { city: "Paris" } },
          // Invalid stored arguments go back as an empty input.
          { type: "tool_use", id: "call_b", name: "get_time", input: {} },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "call_a", content: '{"temp_c":21}', is_error: false },
          {
            type: "tool_result",
            tool_use_id: "call_b",
            content: "the arguments are not valid JSON",
            is_error: true,
          },
        ],
      },
      // No empty text block beside the call.
      { role: "assistant", content: [{ type: "tool_use", id: "call_c", name: "get_time", input: {} }] },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "call_c", content: '"12:00"', is_error: false }],
      },
      { role: "user", content: "Thanks." },
    ]);
  }));
