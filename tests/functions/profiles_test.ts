// Profile JSON shapes (types/profiles.ts) against their SQL twins, on the same cases; and the
// profile vocabularies of types/profiles.ts against the database enums.
import { assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import { disagreements, type ShapeCases } from "../_support/shapes.ts";
import * as profiles from "../../types/profiles.ts";

const shapeCases: Record<string, ShapeCases> = {
  "model params": {
    schema: profiles.ModelParams,
    sqlFunction: "agents.fn_model_params_errors",
    valid: [
      {},
      { temperature: 0 },
      { temperature: 2 },
      { temperature: 0.7, topP: 1 },
      { topP: 0.01 },
      { maxOutputTokens: 1 },
      { maxOutputTokens: 1000000 },
      { presencePenalty: -2, frequencyPenalty: 2 },
      { stop: [] },
      { stop: ["\n\n", "END", "x", "yy"] },
      { seed: 0 },
      { seed: 2147483647 },
      { reasoningEffort: "high", responseFormat: "json" },
      { responseFormat: "text" },
    ],
    invalid: [
      null,
      [],
      "hot",
      { temperature: -0.1 },
      { temperature: 2.01 },
      { temperature: "0.5" },
      { temperature: null },
      { topP: 0 },
      { topP: 1.5 },
      { maxOutputTokens: 0 },
      { maxOutputTokens: 1.5 },
      { maxOutputTokens: 1000001 },
      { presencePenalty: -3 },
      { frequencyPenalty: 2.5 },
      { stop: "END" },
      { stop: ["a", "b", "c", "d", "e"] },
      { stop: [""] },
      { stop: ["x".repeat(101)] },
      { stop: [1] },
      { seed: -1 },
      { seed: 2147483648 },
      { seed: 1.5 },
      { reasoningEffort: "max" },
      { reasoningEffort: 1 },
      { responseFormat: "xml" },
      { max_tokens: 100 },
    ],
  },
  "tool provider overrides": {
    schema: profiles.ToolProviderOverrides,
    sqlFunction: "agents.fn_tool_provider_overrides_errors",
    valid: [
      {},
      { web_search: {} },
      { web_search: { provider: "brave" } },
      { web_search: { provider: "my-search_2", timeoutMs: 100, maxCallsPerRun: 1000 } },
      { http_get: { timeoutMs: 600000 }, web_search: { maxCallsPerRun: 1 } },
    ],
    invalid: [
      null,
      [],
      { web_search: null },
      { web_search: "brave" },
      { "Web-Search": {} },
      { w: {} },
      { web_search: { provider: "Brave" } },
      { web_search: { provider: "b" } },
      { web_search: { provider: 7 } },
      { web_search: { timeoutMs: 99 } },
      { web_search: { timeoutMs: 600001 } },
      { web_search: { timeoutMs: 1000.5 } },
      { web_search: { maxCallsPerRun: 0 } },
      { web_search: { maxCallsPerRun: 1001 } },
      { web_search: { retries: 2 } },
    ],
  },
};

for (const [name, cases] of Object.entries(shapeCases)) {
  Deno.test(`${name}: zod and the database agree on every case`, async () => {
    const sql = db();
    try {
      assertEquals(await disagreements(sql, cases), []);
    } finally {
      await sql.end();
    }
  });
}
