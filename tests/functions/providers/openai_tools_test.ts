// Function calling through the openai_compatible adapter, against the fake's tool_calls stream.
import { assertEquals } from "../../_support/assert.ts";
import { createProvider } from "../../../functions/_shared/providers/index.ts";
import { startOpenAIFake } from "../fakes/openai.ts";
import { toolCallAnswer } from "../fakes/server.ts";
import { MESSAGES, withFake } from "./_remote_cases.ts";
import { STREAMED_CALLS, TOOL_CONVERSATION, TOOLS } from "./_tool_cases.ts";

const MODEL = "gpt-4o-mini";
const provider = (baseUrl: string) => createProvider("openai_compatible", { apiKey: "sk-test", baseUrl });

Deno.test("openai_compatible tools: offered as type function with name, description and parameters", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: TOOLS });
    assertEquals(fake.requests[0].body!.tools, [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "The current weather in a city.",
          parameters: {
            type: "object",
            properties: { city: { type: "string", description: "The city's name" } },
            required: ["city"],
          },
        },
      },
      {
        type: "function",
        function: {
          name: "get_time",
          description: "The time now.",
          parameters: { type: "object", properties: {} },
        },
      },
    ]);
  }));

Deno.test("openai_compatible tools: none offered, or an empty list -> no tools field", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES });
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: [] });
    assertEquals(fake.requests.map((r) => "tools" in r.body!), [false, false]);
  }));

Deno.test("openai_compatible tools: streamed tool_calls fragments become toolCalls, arguments reassembled", () =>
  withFake(() => startOpenAIFake(toolCallAnswer(STREAMED_CALLS)), async (fake) => {
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
    assertEquals([result.text, deltas, result.finishReason, result.ttftMs], ["", [], "tool_calls", null]);
  }));

Deno.test("openai_compatible tools: text and a tool call in one answer", () =>
  withFake(
    () => startOpenAIFake(toolCallAnswer([STREAMED_CALLS[0]], ["Let me ", "check."])),
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
    },
  ));

Deno.test("openai_compatible tools: a text answer has no tool calls", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const result = await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: TOOLS });
    assertEquals([result.toolCalls, result.finishReason, result.text], [[], "stop", "Hello, world!"]);
  }));

Deno.test("openai_compatible tools: assistant tool_calls and tool messages are sent in OpenAI's shape", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: TOOL_CONVERSATION, tools: TOOLS });
    assertEquals(fake.requests[0].body!.messages, [
      { role: "system", content: "You are terse." },
      { role: "user", content: "Weather in Paris, and the time?" },
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [
          {
            id: "call_a",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          { id: "call_b", type: "function", function: { name: "get_time", arguments: "{not json" } },
        ],
      },
      { role: "tool", tool_call_id: "call_a", content: '{"temp_c":21}' },
      { role: "tool", tool_call_id: "call_b", content: "the arguments are not valid JSON" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_c", type: "function", function: { name: "get_time", arguments: "{}" } }],
      },
      { role: "tool", tool_call_id: "call_c", content: '"12:00"' },
      { role: "user", content: "Thanks." },
    ]);
  }));
