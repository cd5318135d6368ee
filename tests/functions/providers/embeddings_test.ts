// The OpenAI-compatible embeddings client against the fake's POST /v1/embeddings.
import { assert, assertEquals } from "../../_support/assert.ts";
import {
  createEmbeddingProvider,
  type EmbeddingProvider,
  OpenAICompatibleEmbeddings,
} from "../../../functions/_shared/providers/index.ts";
import {
  type EmbeddingsAnswer,
  FAKE_EMBEDDING_DIMENSIONS,
  fakeEmbedding,
  startOpenAIFake,
} from "../fakes/openai.ts";
import { refusedOrigin } from "../fakes/server.ts";
import { providerError, withFake } from "./_remote_cases.ts";

const MODEL = "text-embedding-3-small";
const INPUT = ["first text", "second text", "third, longer text"];
const embeddings = (baseUrl: string): EmbeddingProvider =>
  createEmbeddingProvider("openai_compatible", { apiKey: "sk-test", baseUrl });

Deno.test("embeddings: one vector per input in input order, the model, float encoding, usage", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const result = await embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT });
    assertEquals(result.vectors, INPUT.map((text) => fakeEmbedding(text)));
    assertEquals(result.vectors[0].length, FAKE_EMBEDDING_DIMENSIONS);
    assertEquals([result.model, result.usage], [MODEL, { inputTokens: 3 + 3 + 5 }]);
    assert(result.latencyMs >= 0, "latency measured");
    const req = fake.requests[0];
    assertEquals([req.path, req.headers.get("authorization")], ["/v1/embeddings", "Bearer sk-test"]);
    assertEquals(req.body, { model: MODEL, input: INPUT, encoding_format: "float" });
  }));

Deno.test("embeddings: answers out of index order are put back in input order", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    fake.editEmbeddings = (answer) => ({ ...answer, data: [...answer.data].reverse() });
    const result = await embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT });
    assertEquals(result.vectors, INPUT.map((text) => fakeEmbedding(text)));
  }));

Deno.test("embeddings: dimensions are sent and the vectors have them", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const result = await embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT, dimensions: 5 });
    assertEquals(fake.requests[0].body!.dimensions, 5);
    assertEquals(result.vectors, INPUT.map((text) => fakeEmbedding(text, 5)));
  }));

const WRONG_ANSWERS: [string, (answer: EmbeddingsAnswer) => Record<string, unknown>, string][] = [
  ["a missing vector", (a) => ({ ...a, data: a.data.slice(1) }), "2 vectors for 3 inputs"],
  [
    "a vector too many",
    (a) => ({ ...a, data: [...a.data, { ...a.data[0], index: 3 }] }),
    "4 vectors for 3 inputs",
  ],
  ["a repeated index", (a) => ({ ...a, data: a.data.map((d) => ({ ...d, index: 0 })) }), "index 0"],
  [
    "a vector of another length",
    (a) => ({ ...a, data: a.data.map((d, i) => i === 2 ? { ...d, embedding: d.embedding.slice(1) } : d) }),
    "vector 2 has 7 dimensions, expected 8",
  ],
  [
    "a value that is not a number",
    (a) => ({
      ...a,
      data: a.data.map((d, i) => i === 1 ? { ...d, embedding: [...d.embedding.slice(1), null] } : d),
    }),
    "vector 1 holds a value that is not a finite number",
  ],
];

for (const [what, edit, message] of WRONG_ANSWERS) {
  Deno.test(`embeddings: ${what} -> server error`, () =>
    withFake(() => startOpenAIFake(), async (fake) => {
      fake.editEmbeddings = edit;
      const err = await providerError(embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT }));
      assertEquals([err.kind, err.provider], ["server", "openai_compatible"]);
      assert(err.message.includes(message), err.message);
    }));
}

Deno.test("embeddings: vectors not of the requested dimensions -> server error", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    fake.editEmbeddings = (a) => ({
      ...a,
      data: a.data.map((d) => ({ ...d, embedding: fakeEmbedding("x", 6) })),
    });
    const err = await providerError(
      embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT, dimensions: 4 }),
    );
    assertEquals(err.kind, "server");
    assert(err.message.includes("vector 0 has 6 dimensions, expected 4"), err.message);
  }));

Deno.test("embeddings: 429 -> rate_limit with retryAfterMs, 500 -> server, 400 -> client, no SDK retry", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    fake.mode = { kind: "error", status: 429, headers: { "retry-after": "3" } };
    const limited = await providerError(embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT }));
    assertEquals([limited.kind, limited.status, limited.retryAfterMs], ["rate_limit", 429, 3000]);
    fake.mode = { kind: "error", status: 500 };
    const failed = await providerError(embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT }));
    assertEquals([failed.kind, failed.status], ["server", 500]);
    fake.mode = { kind: "error", status: 400 };
    const refused = await providerError(embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT }));
    assertEquals([refused.kind, refused.status], ["client", 400]);
    assertEquals(fake.requests.length, 3);
  }));

Deno.test("embeddings: without a key no Authorization header is sent", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const result = await new OpenAICompatibleEmbeddings({ baseUrl: fake.baseUrl })
      .embed({ model: "nomic-embed-text", input: ["a"] });
    assertEquals(result.vectors, [fakeEmbedding("a")]);
    assertEquals(fake.requests[0].headers.get("authorization"), null);
  }));

Deno.test("embeddings: no answer within timeoutMs -> timeout; the caller aborting -> cancelled", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    fake.mode = { kind: "stall" };
    const started = performance.now();
    const late = await providerError(
      embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT, timeoutMs: 80 }),
    );
    assertEquals(late.kind, "timeout");
    assert(performance.now() - started < 2000, "the timeout ends the call promptly");
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30);
    try {
      const cancelled = await providerError(
        embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT, signal: controller.signal }),
      );
      assertEquals(cancelled.kind, "cancelled");
    } finally {
      clearTimeout(timer);
    }
  }));

Deno.test("embeddings: connection refused -> network", async () => {
  const err = await providerError(embeddings(refusedOrigin()).embed({ model: MODEL, input: INPUT }));
  assertEquals(err.kind, "network");
});

Deno.test("embeddings: no input -> no vectors, no request; bad dimensions -> client before any request", () =>
  withFake(() => startOpenAIFake(), async (fake) => {
    const empty = await embeddings(fake.baseUrl).embed({ model: MODEL, input: [] });
    assertEquals([empty.vectors, empty.usage], [[], { inputTokens: 0 }]);
    const err = await providerError(
      embeddings(fake.baseUrl).embed({ model: MODEL, input: INPUT, dimensions: 0 }),
    );
    assertEquals(err.kind, "client");
    assert(err.message.includes("dimensions"), err.message);
    assertEquals(fake.requests.length, 0);
  }));

Deno.test("createEmbeddingProvider rejects an unknown kind by name", () => {
  try {
    createEmbeddingProvider("local" as never);
    throw new Error("expected createEmbeddingProvider to throw");
  } catch (err) {
    assert(
      err instanceof Error && err.message.includes('unknown embedding provider kind "local"'),
      String(err),
    );
  }
});
