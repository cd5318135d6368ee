// The anthropic adapter against a fake Anthropic Messages server.
import { assert, assertEquals } from "../../_support/assert.ts";
import { ANTHROPIC_DEFAULT_MAX_TOKENS } from "../../../functions/_shared/providers/anthropic.ts";
import { createProvider, providerFromEnv } from "../../../functions/_shared/providers/index.ts";
import type { OutputContract } from "../../../types/contracts.ts";
import { startAnthropicFake } from "../fakes/anthropic.ts";
import { DEFAULT_ANSWER } from "../fakes/server.ts";
import { MESSAGES, providerError, remoteProviderTests, withFake } from "./_remote_cases.ts";

// Not claude-sonnet-4-5: the SDK prints a deprecation warning for it on every call.
const MODEL = "claude-haiku-4-5";
/** The key the SDK sent: this SDK version uses Authorization: Bearer, older ones x-api-key. */
function sentKey(headers: Headers): string | null {
  return headers.get("x-api-key") ?? headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
}

const provider = (baseUrl: string) => createProvider("anthropic", { apiKey: "sk-ant-test", baseUrl });

remoteProviderTests({
  name: "anthropic",
  model: MODEL,
  start: () => startAnthropicFake(),
  provider,
  // message_start, content_block_start, ping, the first content_block_delta
  eventsThroughFirstText: 4,
  expectedFinishReason: "end_turn",
});

Deno.test("anthropic: sends the key, system messages as the top-level system, max_tokens", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: [
        ...MESSAGES,
        { role: "assistant", content: "Hello." },
        { role: "system", content: "Stay polite." },
        { role: "user", content: "Again." },
      ],
      params: { stop: ["END"], local_mode: "echo" },
    });
    assertEquals(fake.requests.length, 1);
    const req = fake.requests[0];
    assertEquals(sentKey(req.headers), "sk-ant-test");
    assert(req.headers.get("anthropic-version"), "the SDK sends anthropic-version");
    const body = req.body!;
    assertEquals(body.model, MODEL);
    assertEquals(body.system, "You are terse.\n\nStay polite.");
    assertEquals(body.messages, [
      { role: "user", content: "Say hello." },
      { role: "assistant", content: "Hello." },
      { role: "user", content: "Again." },
    ]);
    assertEquals([body.stream, body.max_tokens, body.stop_sequences], [true, ANTHROPIC_DEFAULT_MAX_TOKENS, [
      "END",
    ]]);
    assertEquals(body.local_mode, undefined);
  }));

Deno.test("anthropic: max_tokens / maxOutputTokens from params", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: MESSAGES,
      params: { maxOutputTokens: 321 },
    });
    assertEquals(fake.requests[0].body!.max_tokens, 321);
  }));

Deno.test("anthropic: a json contract is asked for in the system prompt, after the caller's system text", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    const contract: OutputContract = {
      kind: "json",
      artifactKind: "classification",
      fields: [{ name: "label", type: "string", required: true }],
    };
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, outputContract: contract });
    const system = fake.requests[0].body!.system as string;
    assert(system.startsWith("You are terse.\n\n"), system);
    assert(system.includes("single JSON object") && system.includes('"label" (string, required)'), system);
  }));

Deno.test("anthropic: without system messages no system is sent", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: [{ role: "user", content: "Hi" }] });
    assertEquals("system" in fake.requests[0].body!, false);
  }));

Deno.test("anthropic: inputTokens adds cache reads and cache writes to input_tokens; cachedTokens = cache reads", () =>
  withFake(() => startAnthropicFake(DEFAULT_ANSWER, 5), async (fake) => {
    const result = await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES });
    assertEquals(result.usage, {
      inputTokens: DEFAULT_ANSWER.inputTokens,
      outputTokens: DEFAULT_ANSWER.outputTokens,
      cachedTokens: DEFAULT_ANSWER.cachedTokens,
      cacheWriteTokens: 5,
      reasoningTokens: 0,
    });
  }));

Deno.test("anthropic: 529 overloaded -> server", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    fake.mode = { kind: "error", status: 529 };
    const err = await providerError(provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES }));
    assertEquals([err.kind, err.status], ["server", 529]);
    assertEquals(fake.requests.length, 1);
  }));

Deno.test("anthropic: createProvider without an apiKey fails naming the missing key", () => {
  try {
    createProvider("anthropic", {});
    throw new Error("expected createProvider to throw");
  } catch (err) {
    assert(err instanceof Error && err.message.includes("apiKey"), String(err));
  }
});

Deno.test("anthropic: providerFromEnv reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL, and names a missing key", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    const env = new Map([["ANTHROPIC_API_KEY", "sk-ant-env"], ["ANTHROPIC_BASE_URL", fake.baseUrl]]);
    await providerFromEnv("anthropic", env).complete({ model: MODEL, messages: MESSAGES });
    assertEquals(sentKey(fake.requests[0].headers), "sk-ant-env");
    try {
      providerFromEnv("anthropic", new Map([["ANTHROPIC_BASE_URL", fake.baseUrl]]));
      throw new Error("expected providerFromEnv to throw");
    } catch (err) {
      assert(err instanceof Error && err.message.includes("ANTHROPIC_API_KEY is not set"), String(err));
    }
  }));

Deno.test("anthropic: a custom fetch is used for the calls", () =>
  withFake(() => startAnthropicFake(), async (fake) => {
    const seen: string[] = [];
    const fetcher: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    await createProvider("anthropic", { apiKey: "k", baseUrl: fake.baseUrl, fetch: fetcher })
      .complete({ model: MODEL, messages: MESSAGES });
    assertEquals(seen, [`${fake.baseUrl}/v1/messages`]);
  }));
