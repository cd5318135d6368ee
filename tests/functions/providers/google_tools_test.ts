// Function calling through the google adapter, against the fake's functionCall parts.
import { assert, assertEquals } from "../../_support/assert.ts";
import { SKIP_THOUGHT_SIGNATURE } from "../../../functions/_shared/providers/google.ts";
import { type ChatMessage, createProvider } from "../../../functions/_shared/providers/index.ts";
import type { OutputContract } from "../../../types/contracts.ts";
import { startGeminiFake } from "../fakes/gemini.ts";
import { toolCallAnswer } from "../fakes/server.ts";
import { MESSAGES, withFake } from "./_remote_cases.ts";
import { STREAMED_CALLS, TOOL_CONVERSATION, TOOLS } from "./_tool_cases.ts";

const MODEL = "gemini-2.5-flash";
const provider = (baseUrl: string) => createProvider("google", { apiKey: "gm-test-key", baseUrl });

Deno.test("google tools: offered as functionDeclarations with the raw JSON schema in parametersJsonSchema", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: TOOLS });
    assertEquals(fake.requests[0].body!.tools, [{
      functionDeclarations: [
        {
          name: "get_weather",
          description: "The current weather in a city.",
          parametersJsonSchema: {
            type: "object",
            properties: { city: { type: "string", description: "The city's name" } },
            required: ["city"],
          },
        },
        {
          name: "get_time",
          description: "The time now.",
          parametersJsonSchema: { type: "object", properties: {} },
        },
      ],
    }]);
  }));

Deno.test("google tools: none offered, or an empty list -> no tools field", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES });
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: [] });
    assertEquals(fake.requests.map((r) => "tools" in r.body!), [false, false]);
  }));

Deno.test("google tools: functionCall parts become toolCalls, args as JSON text, ids generated when none", () =>
  withFake(
    () =>
      startGeminiFake(toolCallAnswer([
        { name: "get_weather", argumentPieces: ['{"city":"Paris","days":[1,2]}'] },
        { id: "fc-given", name: "get_time", argumentPieces: ["{}"], thoughtSignature: "c2lnbmVk" },
        { name: "get_weather", argumentPieces: ['{"city":"Oslo"}'] },
      ])),
    async (fake) => {
      const deltas: string[] = [];
      const result = await provider(fake.baseUrl).complete({
        model: MODEL,
        messages: MESSAGES,
        tools: TOOLS,
        onDelta: (t) => void deltas.push(t),
      });
      assertEquals(result.toolCalls, [
        { id: "call_0", name: "get_weather", arguments: '{"city":"Paris","days":[1,2]}' },
        { id: "fc-given", name: "get_time", arguments: "{}", thoughtSignature: "c2lnbmVk" },
        { id: "call_2", name: "get_weather", arguments: '{"city":"Oslo"}' },
      ]);
      assertEquals([result.text, deltas, result.finishReason, result.ttftMs], ["", [], "STOP", null]);
    },
  ));

Deno.test("google tools: text and a tool call in one answer", () =>
  withFake(
    () => startGeminiFake(toolCallAnswer([STREAMED_CALLS[0]], ["Let me ", "check."])),
    async (fake) => {
      const deltas: string[] = [];
      const result = await provider(fake.baseUrl).complete({
        model: MODEL,
        messages: MESSAGES,
        tools: TOOLS,
        onDelta: (t) => void deltas.push(t),
      });
      assertEquals([result.text, deltas], ["Let me check.", ["Let me ", "check."]]);
      assertEquals(result.toolCalls, [{ id: "call_w1", name: "get_weather", arguments: '{"city":"Paris"}' }]);
    },
  ));

Deno.test("google tools: a text answer has no tool calls", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    const result = await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, tools: TOOLS });
    assertEquals([result.toolCalls, result.text], [[], "Hello, world!"]);
  }));

Deno.test("google tools: functionCall model turns and grouped functionResponse user turns", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: TOOL_CONVERSATION, tools: TOOLS });
    assertEquals(fake.requests[0].body!.contents, [
      { role: "user", parts: [{ text: "Weather in Paris, and the time?" }] },
      {
        role: "model",
        parts: [
          { text: "Checking." },
          { functionCall: { id: "call_a", name: "get_weather", args: { city: "Paris" } } },
          { functionCall: { id: "call_b", name: "get_time", args: {} } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { id: "call_a", name: "get_weather", response: { output: { temp_c: 21 } } } },
          {
            functionResponse: {
              id: "call_b",
              name: "get_time",
              response: { error: "the arguments are not valid JSON" },
            },
          },
        ],
      },
      { role: "model", parts: [{ functionCall: { id: "call_c", name: "get_time", args: {} } }] },
      {
        role: "user",
        parts: [{ functionResponse: { id: "call_c", name: "get_time", response: { output: "12:00" } } }],
      },
      { role: "user", parts: [{ text: "Thanks." }] },
    ]);
  }));

Deno.test("google tools: a call's thoughtSignature goes back with it; Gemini 3 gets the skip value when it is lost", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    const history = (signature?: string): ChatMessage[] => [
      { role: "user", content: "Time?" },
      {
        role: "assistant",
        content: "",
        toolCalls: [
          {
            id: "c1",
            name: "get_time",
            arguments: "{}",
            ...(signature ? { thoughtSignature: signature } : {}),
          },
          { id: "c2", name: "get_time", arguments: "{}" },
        ],
      },
      { role: "tool", toolCallId: "c1", name: "get_time", content: '"12:00"' },
      { role: "tool", toolCallId: "c2", name: "get_time", content: '"12:00"' },
    ];
    const signatures = async (model: string, messages: ChatMessage[]) => {
      fake.requests.length = 0;
      await provider(fake.baseUrl).complete({ model, messages, tools: TOOLS });
      const turn = (fake.requests[0].body!.contents as { parts: { thoughtSignature?: string }[] }[])[1];
      return turn.parts.map((p) => p.thoughtSignature ?? null);
    };
    assertEquals(await signatures("gemini-3-flash-preview", history("c2ln")), ["c2ln", null]);
    assertEquals(await signatures("gemini-3-flash-preview", history()), [SKIP_THOUGHT_SIGNATURE, null]);
    assertEquals(await signatures("gemini-2.5-flash", history()), [null, null]);
  }));

Deno.test("google tools: with tools a json contract is asked for in the instruction only (no responseMimeType)", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    const contract: OutputContract = {
      kind: "json",
      artifactKind: "plan",
      fields: [{ name: "steps", type: "array", required: true }],
    };
    await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: MESSAGES,
      outputContract: contract,
      tools: TOOLS,
    });
    const body = fake.requests[0].body!;
    assertEquals((body.generationConfig as Record<string, unknown> | undefined)?.responseMimeType, undefined);
    const instruction = (body.systemInstruction as { parts: { text: string }[] }).parts.map((p) => p.text)
      .join("");
    assert(instruction.includes('"steps" (array, required)'), instruction);
  }));
