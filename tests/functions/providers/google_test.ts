// The google adapter against a fake Gemini API server (streamGenerateContent with alt=sse).
import { assert, assertEquals } from "../../_support/assert.ts";
import { createProvider, providerFromEnv } from "../../../functions/_shared/providers/index.ts";
import type { OutputContract } from "../../../types/contracts.ts";
import { startGeminiFake } from "../fakes/gemini.ts";
import { DEFAULT_ANSWER } from "../fakes/server.ts";
import { MESSAGES, providerError, remoteProviderTests, withFake } from "./_remote_cases.ts";

const MODEL = "gemini-2.5-flash";
const provider = (baseUrl: string) => createProvider("google", { apiKey: "gm-test-key", baseUrl });

remoteProviderTests({
  name: "google",
  model: MODEL,
  start: () => startGeminiFake(),
  provider,
  eventsThroughFirstText: 1,
  expectedFinishReason: "STOP",
});

Deno.test("google: streams from the model's URL with alt=sse and the key in x-goog-api-key", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES });
    assertEquals(fake.requests.length, 1);
    const req = fake.requests[0];
    assertEquals(req.path, `/v1beta/models/${MODEL}:streamGenerateContent`);
    assertEquals(req.query.get("alt"), "sse");
    assertEquals(req.headers.get("x-goog-api-key"), "gm-test-key");
    assertEquals(req.query.get("key"), null);
  }));

Deno.test("google: system messages become systemInstruction, assistant turns role model, params generationConfig", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    await provider(fake.baseUrl).complete({
      model: MODEL,
      messages: [...MESSAGES, { role: "assistant", content: "Hello." }, { role: "user", content: "Again." }],
      params: { temperature: 0.3, top_p: 0.8, max_tokens: 128, stop: ["END"], local_chunk_chars: 2 },
    });
    const body = fake.requests[0].body!;
    const instruction = body.systemInstruction as { parts: { text: string }[] };
    assertEquals(instruction.parts.map((p) => p.text).join(""), "You are terse.");
    assertEquals(body.contents, [
      { role: "user", parts: [{ text: "Say hello." }] },
      { role: "model", parts: [{ text: "Hello." }] },
      { role: "user", parts: [{ text: "Again." }] },
    ]);
    assertEquals(body.generationConfig, {
      temperature: 0.3,
      topP: 0.8,
      maxOutputTokens: 128,
      stopSequences: ["END"],
    });
  }));

Deno.test("google: a json contract sets responseMimeType application/json and states the fields", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    const contract: OutputContract = {
      kind: "json",
      artifactKind: "plan",
      fields: [{ name: "steps", type: "array", required: true }],
    };
    await provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES, outputContract: contract });
    const body = fake.requests[0].body!;
    assertEquals((body.generationConfig as Record<string, unknown>).responseMimeType, "application/json");
    const instruction = (body.systemInstruction as { parts: { text: string }[] }).parts.map((p) => p.text)
      .join("");
    assert(
      instruction.startsWith("You are terse.\n\n") && instruction.includes('"steps" (array, required)'),
      instruction,
    );
  }));

Deno.test("google: thought parts stay out of the text; thinking tokens count as output", () =>
  withFake(
    () => startGeminiFake(DEFAULT_ANSWER, { thought: { text: "Let me think.", tokens: 3 } }),
    async (fake) => {
      const deltas: string[] = [];
      const result = await provider(fake.baseUrl).complete({
        model: MODEL,
        messages: MESSAGES,
        onDelta: (t) => void deltas.push(t),
      });
      assertEquals(deltas, DEFAULT_ANSWER.chunks);
      assertEquals(result.text, "Hello, world!");
      assertEquals(result.usage, {
        inputTokens: DEFAULT_ANSWER.inputTokens,
        outputTokens: DEFAULT_ANSWER.outputTokens,
        cachedTokens: DEFAULT_ANSWER.cachedTokens,
        cacheWriteTokens: 0,
        reasoningTokens: 3,
      });
    },
  ));

Deno.test("google: a 429 without retry-after takes the wait from the body's RetryInfo", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    fake.mode = { kind: "error", status: 429 };
    const err = await providerError(provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES }));
    assertEquals([err.kind, err.status, err.retryAfterMs], ["rate_limit", 429, 1500]);
    assert(err.message.includes("HTTP 429: fake RESOURCE_EXHAUSTED (HTTP 429)"), err.message);
  }));

Deno.test("google: 503 -> server", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    fake.mode = { kind: "error", status: 503 };
    const err = await providerError(provider(fake.baseUrl).complete({ model: MODEL, messages: MESSAGES }));
    assertEquals([err.kind, err.status], ["server", 503]);
    assertEquals(fake.requests.length, 1);
  }));

Deno.test("google: providerFromEnv reads GEMINI_API_KEY and GEMINI_BASE_URL, and names a missing key", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    const env = new Map([["GEMINI_API_KEY", "gm-env"], ["GEMINI_BASE_URL", fake.baseUrl]]);
    await providerFromEnv("google", env).complete({ model: MODEL, messages: MESSAGES });
    assertEquals(fake.requests[0].headers.get("x-goog-api-key"), "gm-env");
    try {
      providerFromEnv("google", new Map());
      throw new Error("expected providerFromEnv to throw");
    } catch (err) {
      assert(err instanceof Error && err.message.includes("GEMINI_API_KEY is not set"), String(err));
    }
  }));

Deno.test("google: a custom fetch is used for the calls", () =>
  withFake(() => startGeminiFake(), async (fake) => {
    const seen: string[] = [];
    const fetcher: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    await createProvider("google", { apiKey: "k", baseUrl: fake.baseUrl, fetch: fetcher })
      .complete({ model: MODEL, messages: MESSAGES });
    assertEquals(seen, [`${fake.baseUrl}/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`]);
  }));
