// The local provider's local_tool_calls knob: scripted rounds of tool calls, then the usual answer,
// echoing the tool results that came after the last user message.
import { assert, assertEquals } from "../../_support/assert.ts";
import {
  type ChatMessage,
  type CompletionResult,
  LocalProvider,
  type ToolCall,
} from "../../../functions/_shared/providers/index.ts";
import { providerError } from "./_remote_cases.ts";
import { TOOLS } from "./_tool_cases.ts";

const local = new LocalProvider();
const MODEL = "local-echo";
const QUESTION: ChatMessage = { role: "user", content: "What is the weather?" };
const ROUNDS = [
  [{ name: "get_weather", arguments: { city: "Paris" } }, { name: "get_time", arguments: "{not json" }],
  [{ name: "no_such_tool", arguments: {} }],
];

function complete(messages: ChatMessage[], params: Record<string, unknown> = {}): Promise<CompletionResult> {
  return local.complete({
    model: MODEL,
    messages,
    params: { local_tool_calls: ROUNDS, ...params },
    tools: TOOLS,
  });
}

/** The conversation after the model's calls and their results. */
function answered(messages: ChatMessage[], calls: ToolCall[], results: string[]): ChatMessage[] {
  return [
    ...messages,
    { role: "assistant", content: "", toolCalls: calls },
    ...calls.map((c, i): ChatMessage => ({
      role: "tool",
      toolCallId: c.id,
      name: c.name,
      content: results[i],
    })),
  ];
}

Deno.test("local tools: round 0 answers its calls, objects as JSON text, strings verbatim, no text", async () => {
  const deltas: string[] = [];
  const result = await local.complete({
    model: MODEL,
    messages: [QUESTION],
    params: { local_tool_calls: ROUNDS },
    onDelta: (t) => void deltas.push(t),
  });
  assertEquals(result.toolCalls, [
    { id: "call_0_0", name: "get_weather", arguments: '{"city":"Paris"}' },
    { id: "call_0_1", name: "get_time", arguments: "{not json" },
  ]);
  assertEquals([result.text, deltas, result.finishReason, result.ttftMs], ["", [], "tool_calls", null]);
});

Deno.test("local tools: each answered round moves to the next; unknown tools are asked for too", async () => {
  const first = await complete([QUESTION]);
  const afterFirst = answered([QUESTION], first.toolCalls, ['{"temp_c":21}', "invalid arguments"]);
  const second = await complete(afterFirst);
  assertEquals(second.toolCalls, [{ id: "call_1_0", name: "no_such_tool", arguments: "{}" }]);
  assertEquals(second.finishReason, "tool_calls");
});

Deno.test("local tools: rounds used up -> echo of the question and one line per tool result, in order", async () => {
  const first = await complete([QUESTION]);
  const afterFirst = answered([QUESTION], first.toolCalls, ['{"temp_c":21}', "invalid arguments"]);
  const second = await complete(afterFirst);
  const afterSecond = answered(afterFirst, second.toolCalls, ["unknown tool no_such_tool"]);
  const deltas: string[] = [];
  const final = await local.complete({
    model: MODEL,
    messages: afterSecond,
    params: { local_tool_calls: ROUNDS, local_chunk_chars: 1000 },
    onDelta: (t) => void deltas.push(t),
  });
  const expected =
    'What is the weather?\n[tool get_weather] {"temp_c":21}\n[tool get_time] invalid arguments' +
    "\n[tool no_such_tool] unknown tool no_such_tool";
  assertEquals([final.text, deltas, final.toolCalls, final.finishReason], [expected, [expected], [], "stop"]);
});

Deno.test("local tools: only tool results after the last user message are echoed", async () => {
  const earlier = answered([QUESTION], [{ id: "x", name: "get_time", arguments: "{}" }], ['"12:00"']);
  const result = await local.complete({
    model: MODEL,
    messages: [...earlier, { role: "assistant", content: "Noon." }, { role: "user", content: "Thanks." }],
  });
  assertEquals(result.text, "Thanks.");
});

Deno.test("local tools: json mode answers once the rounds are used up", async () => {
  const first = await complete([QUESTION], { local_mode: "json", local_tool_calls: [ROUNDS[1]] });
  assertEquals(first.toolCalls.map((c) => c.name), ["no_such_tool"]);
  const after = answered([QUESTION], first.toolCalls, ["unknown"]);
  const final = await complete(after, { local_mode: "json", local_tool_calls: [ROUNDS[1]] });
  assertEquals([final.text, final.toolCalls], ['{"text":"text value"}', []]);
});

Deno.test("local tools: error mode fails before any round", async () => {
  const err = await providerError(complete([QUESTION], { local_mode: "error" }));
  assertEquals(err.kind, "server");
});

Deno.test("local tools: usage counts tool messages and call arguments in, the calls' arguments out", async () => {
  const calls = [{ id: "c", name: "get_weather", arguments: '{"city":"Paris"}' }]; // 16 characters
  const messages = answered([QUESTION], calls, ['{"temp_c":21}']); // 20 + 0 + 16 + 13 characters
  const result = await local.complete({
    model: MODEL,
    messages,
    params: { local_tool_calls: [[{ name: "a", arguments: {} }], [{ name: "b", arguments: "12345678" }]] },
  });
  assertEquals(result.toolCalls, [{ id: "call_1_0", name: "b", arguments: "12345678" }]);
  assertEquals(result.usage, { inputTokens: Math.ceil(49 / 4), outputTokens: 2, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
});

Deno.test("local tools: an invalid local_tool_calls is a client error naming it", async () => {
  const cases: [unknown, string][] = [
    [{ name: "a", arguments: {} }, "params.local_tool_calls must be an array"],
    [[[]], "params.local_tool_calls[0] must be a non-empty array"],
    [[["get_time"]], "params.local_tool_calls[0][0] must be an object"],
    [[[{ name: "", arguments: {} }]], "params.local_tool_calls[0][0].name"],
    [[[{ name: "a", arguments: {} }], [{ arguments: {} }]], "params.local_tool_calls[1][0].name"],
    [[[{ name: "a", arguments: [1] }]], "params.local_tool_calls[0][0].arguments"],
    [[[{ name: "a" }]], "params.local_tool_calls[0][0].arguments"],
    [[[{ name: "a", arguments: null }]], "params.local_tool_calls[0][0].arguments"],
  ];
  for (const [value, expected] of cases) {
    const err = await providerError(complete([QUESTION], { local_tool_calls: value }));
    assertEquals(err.kind, "client");
    assert(err.message.includes(expected), `${JSON.stringify(value)}: ${err.message}`);
  }
});

Deno.test("local tools: without the knob, @tool / @tools lines of the first user message are the rounds", async () => {
  const prompt: ChatMessage = {
    role: "user",
    content: [
      "Work it out.",
      '@tool calculator {"expression":"6*7"}',
      "@tool current_time",
      '@tools [{"name":"a","arguments":{"x":1}},{"name":"b","arguments":"{raw"}]',
      "Not @tool here: only whole lines count.",
    ].join("\n"),
  };
  const run = (messages: ChatMessage[]) => local.complete({ model: MODEL, messages });
  const first = await run([prompt]);
  assertEquals(first.toolCalls, [{ id: "call_0_0", name: "calculator", arguments: '{"expression":"6*7"}' }]);
  const second = await run(answered([prompt], first.toolCalls, ['{"result":42}']));
  assertEquals(second.toolCalls, [{ id: "call_1_0", name: "current_time", arguments: "{}" }]);
  const afterSecond = answered(answered([prompt], first.toolCalls, ['{"result":42}']), second.toolCalls, [
    "now",
  ]);
  const third = await run(afterSecond);
  assertEquals(third.toolCalls, [
    { id: "call_2_0", name: "a", arguments: '{"x":1}' },
    { id: "call_2_1", name: "b", arguments: "{raw" },
  ]);
  const done = await run(answered(afterSecond, third.toolCalls, ["A", "B"]));
  assertEquals(done.toolCalls, []);
  assert(
    done.text.endsWith('\n[tool calculator] {"result":42}\n[tool current_time] now\n[tool a] A\n[tool b] B'),
  );
});

Deno.test("local tools: an @tools line that is not a JSON array of calls is a client error naming the line", async () => {
  for (
    const [line, expected] of [
      ["@tools {not json", 'prompt line 2: "@tools" must be followed by a JSON array'],
      ['@tools [{"arguments":{}}]', "prompt line 2 (@tools)[0][0].name"],
    ]
  ) {
    const err = await providerError(
      local.complete({ model: MODEL, messages: [{ role: "user", content: `Hi\n${line}` }] }),
    );
    assertEquals(err.kind, "client");
    assert(err.message.includes(expected), err.message);
  }
});
