// The openai_compatible adapter against a fake OpenAI chat completions server.
import { assert, assertEquals } from "../../_support/assert.ts";
import { createProvider, providerFromEnv } from "../../../functions/_shared/providers/index.ts";
import type { OutputContract } from "../../../types/contracts.ts";
import { startOpenAIFake } from "../fakes/openai.ts";
import { DEFAULT_ANSWER } from "../fakes/server.ts";
import { MESSAGES, providerError, remoteProviderTests, withFake } from "./_remote_cases.ts";

const MODEL = "gpt-4o-mini";
const provider = (baseUrl: string) => createProvider("openai_compatible", { apiKey: "sk-test-123", baseUrl });

remoteProviderTests({
  name: "openai_compatible",
  model: MODEL,
  start: () => startOpenAIFake(),
  provider,
  eventsThroughFirstText: 2,
  expectedFinishReason: "stop",
});

Deno.test("openai_compatible: reasoning tokens come from completion_tokens_details and stay within the output", () =>
  withFake(() => startOpenAIFake({ ...DEFAULT_ANSWER, outputTokens: 40, reasoningTokens: 32 }), async (fake) => {
    const result = await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES });
    assertEquals(result.usage, {
      inputTokens: DEFAULT_ANSWER.inputTokens,
      outputTokens: 40,
      cachedTokens: DEFAULT_ANSWER.cachedTokens,
      cacheWriteTokens: 0,
      reasoningTokens: 32,
    });
  }));

Deno.test("openai_compatible: sends model, messages in place, streaming with usage, the bearer key and params", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: [...MESSAGES, { role: "assistant", content: "Hello." }, { role: "user", content: "Again." }],
      params: { temperature: 0.2, top_p: 0.9, max_tokens: 64, stop: "END", local_mode: "json", attempt: 2 },
    });
    assertEquals(fake.requests.length, 1);
    const req = fake.requests[0];
    assertEquals(req.headers.get("authorization"), "Bearer sk-test-123");
    const body = req.body!;
    assertEquals(body.model, MODEL);
    assertEquals(body.messages, [
      { role: "system", content: "You are terse." },
      { role: "user", content: "Say hello." },
      { role: "assistant", content: "Hello." },
      { role: "user", content: "Again." },
    ]);
    assertEquals([body.stream, body.stream_options], [true, { include_usage: true }]);
    assertEquals([body.temperature, body.top_p, body.max_tokens, body.stop], [0.2, 0.9, 64, ["END"]]);
    assertEquals([body.response_format, body.local_mode, body.attempt], [undefined, undefined, undefined]);
  }));

Deno.test("openai_compatible: a json contract asks for json_object and names the fields in a system message", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const contract: OutputContract = {
      kind: "json",
      artifactKind: "extraction",
      fields: [
        { name: "title", type: "string", required: true, description: "a short title" },
        { name: "score", type: "number", required: false },
      ],
    };
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, outputContract: contract });
    const body = fake.requests[0].body!;
    assertEquals(body.response_format, { type: "json_object" });
    const [first, ...rest] = body.messages as { role: string; content: string }[];
    assertEquals(first.role, "system");
    assert(
      /JSON/.test(first.content) && first.content.includes('"title" (string, required): a short title'),
      first.content,
    );
    assert(first.content.includes('"score" (number, optional)'), first.content);
    assertEquals(rest, MESSAGES);
  }));

Deno.test("openai_compatible: max_completion_tokens is sent as such, instead of max_tokens", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: MESSAGES,
      params: { max_completion_tokens: 99, max_tokens: 5 },
    });
    const body = fake.requests[0].body!;
    assertEquals([body.max_completion_tokens, body.max_tokens], [99, undefined]);
  }));

Deno.test("openai_compatible: without a key (Ollama and other local servers) no Authorization header is sent", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const result = await createProvider("openai_compatible", { baseUrl: fake.baseUrl })
      .complete({ model: "llama3.2", messages: MESSAGES });
    assertEquals(result.text, "Hello, world!");
    assertEquals(fake.requests[0].headers.get("authorization"), null);
  }));

Deno.test("openai_compatible: a custom fetch is used for the calls", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const seen: string[] = [];
    const fetcher: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    await createProvider("openai_compatible", { apiKey: "k", baseUrl: fake.baseUrl, fetch: fetcher })
      .complete({ model: MODEL, messages: MESSAGES });
    assertEquals(seen, [`${fake.baseUrl}/chat/completions`]);
  }));

Deno.test("openai_compatible: providerFromEnv reads OPENAI_API_KEY and OPENAI_BASE_URL", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const env = new Map([["OPENAI_API_KEY", "sk-env"], ["OPENAI_BASE_URL", fake.baseUrl]]);
    await providerFromEnv("openai_compatible", env).complete({ model: MODEL, messages: MESSAGES });
    assertEquals(fake.requests[0].headers.get("authorization"), "Bearer sk-env");
  }));

Deno.test("openai_compatible: providerFromEnv without OPENAI_API_KEY or OPENAI_BASE_URL names the variable", () => {
  try {
    providerFromEnv("openai_compatible", new Map());
    throw new Error("expected providerFromEnv to throw");
  } catch (err) {
    assert(err instanceof Error && err.message.includes("OPENAI_API_KEY is not set"), String(err));
  }
});

Deno.test("openai_compatible: providerFromEnv with only OPENAI_BASE_URL serves a keyless server", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    await providerFromEnv("openai_compatible", new Map([["OPENAI_BASE_URL", fake.baseUrl]]))
      .complete({ model: "llama3.2", messages: MESSAGES });
    assertEquals(fake.requests[0].headers.get("authorization"), null);
  }));

Deno.test("openai_compatible: a 401 is a client error", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    fake.mode = { kind: "error", status: 401 };
    const err = await providerError(provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES }));
    assertEquals([err.kind, err.status], ["client", 401]);
  }));
