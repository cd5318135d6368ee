// The zod schemas in types/ and their SQL twins agree, case by case: contracts
// (lenses.fn_contract_errors), parameter configs (lenses.fn_param_config_errors), lens params
// (lenses.fn_lens_params_errors), workflow node configs (lenses.fn_node_config_errors) and inline
// overrides (lenses.fn_inline_override_errors). Every case also states the expected answer, so the
// two cannot drift together unnoticed. And the zod enums equal the database enums they mirror.
import type { z } from "zod";
import { assertEquals } from "../_support/assert.ts";
import { db } from "../_support/stack.ts";
import { ArtifactKind, ContractFieldType, InputContract, OutputContract } from "../../types/contracts.ts";
import { LensParams } from "../../types/lens-params.ts";
import { paramConfigSchema, ParamType } from "../../types/param-config.ts";
import { InlineOverride, nodeConfigSchema, WorkflowNodeKind } from "../../types/workflow-node-config.ts";

type Case = { name: string; value: unknown; valid: boolean };
const uuid = "3f1c2a4e-9b7d-4c8e-a1f2-0123456789ab";
const field = (name: string, type = "string", required = true) => ({ name, type, required });
const many = (n: number) => Array.from({ length: n }, (_, i) => field(`f${i}`));

/** Runs each case through zod and SQL; both must give the expected answer. */
async function agree(
  cases: Case[],
  schema: (c: Case) => z.ZodType,
  sqlErrors: (c: Case) => Promise<string[]>,
) {
  const failures: string[] = [];
  for (const c of cases) {
    const zod = schema(c).safeParse(c.value);
    const errors = await sqlErrors(c);
    const sqlValid = errors.length === 0;
    if (zod.success !== c.valid || sqlValid !== c.valid) {
      failures.push(
        `${c.name}: expected ${c.valid ? "valid" : "invalid"}, zod says ${
          zod.success ? "valid" : "invalid"
        }` +
          `${zod.success ? "" : ` (${zod.error.issues.map((i) => i.message).join("; ")})`}, SQL says ` +
          `${sqlValid ? "valid" : `invalid (${errors.join("; ")})`}`,
      );
    }
  }
  assertEquals(failures, []);
}

const json = (value: unknown) => JSON.stringify(value);

const inputCases: Case[] = [
  { name: "text, no fields key", value: { kind: "text" }, valid: true },
  { name: "text, empty fields", value: { kind: "text", fields: [] }, valid: true },
  { name: "json, open (no fields)", value: { kind: "json" }, valid: true },
  {
    name: "json with fields and a description",
    value: {
      kind: "json",
      fields: [field("topic"), { ...field("n", "integer", false), description: "how many" }],
    },
    valid: true,
  },
  {
    name: "every field type",
    value: { kind: "json", fields: ContractFieldType.options.map((t, i) => field(`f${i}`, t)) },
    valid: true,
  },
  { name: "100 fields", value: { kind: "json", fields: many(100) }, valid: true },
  { name: "a 63-character name", value: { kind: "json", fields: [field("a".repeat(63))] }, valid: true },
  { name: "JSON null", value: null, valid: false },
  { name: "an array", value: [], valid: false },
  { name: "a string", value: "text", valid: false },
  { name: "no kind", value: {}, valid: false },
  { name: "unknown kind", value: { kind: "xml" }, valid: false },
  { name: "kind not a string", value: { kind: 1 }, valid: false },
  { name: "text kind with fields", value: { kind: "text", fields: [field("a")] }, valid: false },
  {
    name: "duplicate field names",
    value: { kind: "json", fields: [field("a"), field("a", "number")] },
    valid: false,
  },
  { name: "bad field type", value: { kind: "json", fields: [field("a", "date")] }, valid: false },
  { name: "name starting with a digit", value: { kind: "json", fields: [field("1abc")] }, valid: false },
  { name: "name with a dash", value: { kind: "json", fields: [field("a-b")] }, valid: false },
  { name: "a 64-character name", value: { kind: "json", fields: [field("a".repeat(64))] }, valid: false },
  {
    name: "required missing",
    value: { kind: "json", fields: [{ name: "a", type: "string" }] },
    valid: false,
  },
  {
    name: "required not a boolean",
    value: { kind: "json", fields: [{ ...field("a"), required: "yes" }] },
    valid: false,
  },
  {
    name: "unknown field key",
    value: { kind: "json", fields: [{ ...field("a"), default: 1 }] },
    valid: false,
  },
  {
    name: "description too long",
    value: { kind: "json", fields: [{ ...field("a"), description: "x".repeat(501) }] },
    valid: false,
  },
  {
    name: "description not a string",
    value: { kind: "json", fields: [{ ...field("a"), description: 5 }] },
    valid: false,
  },
  { name: "fields an object", value: { kind: "json", fields: {} }, valid: false },
  { name: "101 fields", value: { kind: "json", fields: many(101) }, valid: false },
  { name: "input with artifactKind", value: { kind: "json", artifactKind: "json" }, valid: false },
  { name: "unknown top-level key", value: { kind: "json", title: "x" }, valid: false },
  { name: "a field that is not an object", value: { kind: "json", fields: [1] }, valid: false },
];

const outputCases: Case[] = [
  {
    name: "json report with fields",
    value: { kind: "json", artifactKind: "report", fields: [field("summary")] },
    valid: true,
  },
  { name: "text markdown", value: { kind: "text", artifactKind: "markdown" }, valid: true },
  ...ArtifactKind.options.map((a) => ({
    name: `artifactKind ${a}`,
    value: { kind: "json", artifactKind: a },
    valid: true,
  })),
  { name: "missing artifactKind", value: { kind: "json", fields: [field("a")] }, valid: false },
  { name: "unknown artifactKind", value: { kind: "json", artifactKind: "essay" }, valid: false },
  { name: "artifactKind null", value: { kind: "json", artifactKind: null }, valid: false },
  { name: "missing kind", value: { artifactKind: "json" }, valid: false },
  {
    name: "text output with fields",
    value: { kind: "text", artifactKind: "text", fields: [field("a")] },
    valid: false,
  },
  {
    name: "duplicate output names",
    value: { kind: "json", artifactKind: "json", fields: [field("a"), field("a")] },
    valid: false,
  },
];

Deno.test("contracts: zod and lenses.fn_contract_errors agree", async () => {
  const sql = db();
  try {
    await agree(
      inputCases,
      () => InputContract,
      async (c) =>
        (await sql`select lenses.fn_contract_errors(${json(c.value)}::text::jsonb, 'input') as e`)[0].e,
    );
    await agree(
      outputCases,
      () => OutputContract,
      async (c) =>
        (await sql`select lenses.fn_contract_errors(${json(c.value)}::text::jsonb, 'output') as e`)[0].e,
    );
  } finally {
    await sql.end();
  }
});

type ParamCase = Case & { type: ParamType; complete?: boolean };
const paramCases: ParamCase[] = [
  { type: "text", name: "text, empty", value: {}, valid: true },
  {
    type: "text",
    name: "text, all keys",
    value: { min_length: 2, max_length: 10, placeholder: "x", help: "y" },
    valid: true,
  },
  { type: "text", name: "text, min above max", value: { min_length: 5, max_length: 2 }, valid: false },
  { type: "text", name: "text, max_length 0", value: { max_length: 0 }, valid: false },
  { type: "text", name: "text, max_length 1.5", value: { max_length: 1.5 }, valid: false },
  { type: "text", name: "text, min_length -1", value: { min_length: -1 }, valid: false },
  { type: "text", name: "text, a number key", value: { min: 1 }, valid: false },
  { type: "textarea", name: "textarea, max 1000000", value: { max_length: 1000000 }, valid: true },
  { type: "textarea", name: "textarea, max 1000001", value: { max_length: 1000001 }, valid: false },
  { type: "textarea", name: "textarea, max_length a string", value: { max_length: "10" }, valid: false },
  { type: "number", name: "number, min and max", value: { min: -1.5, max: 2 }, valid: true },
  { type: "number", name: "number, min above max", value: { min: 3, max: 1 }, valid: false },
  { type: "number", name: "number, min a string", value: { min: "1" }, valid: false },
  { type: "decimal", name: "decimal, max", value: { max: 10 }, valid: true },
  { type: "float", name: "float, options", value: { options: ["a"] }, valid: false },
  { type: "integer", name: "integer, whole bounds", value: { min: 1, max: 10 }, valid: true },
  { type: "integer", name: "integer, fractional min", value: { min: 1.5 }, valid: false },
  {
    type: "select",
    name: "select, options",
    value: { options: ["a", "b"], placeholder: "pick" },
    valid: true,
  },
  { type: "select", name: "select, no options (parameter)", value: {}, valid: false },
  { type: "select", name: "select, no options (tool default)", value: {}, complete: false, valid: true },
  { type: "select", name: "select, empty options", value: { options: [] }, valid: false },
  { type: "select", name: "select, repeated option", value: { options: ["a", "a"] }, valid: false },
  { type: "select", name: "select, a number option", value: { options: [1] }, valid: false },
  { type: "select", name: "select, an empty option", value: { options: [""] }, valid: false },
  { type: "select", name: "select, an option of 201", value: { options: ["x".repeat(201)] }, valid: false },
  {
    type: "select",
    name: "select, 201 options",
    value: { options: Array.from({ length: 201 }, (_, i) => `o${i}`) },
    valid: false,
  },
  { type: "select", name: "select, options not a list", value: { options: "a,b" }, valid: false },
  { type: "boolean", name: "boolean, empty", value: {}, valid: true },
  { type: "boolean", name: "boolean, placeholder", value: { placeholder: "yes?" }, valid: true },
  { type: "boolean", name: "boolean, min", value: { min: 1 }, valid: false },
  { type: "url", name: "url, max_length", value: { max_length: 5 }, valid: false },
  { type: "date", name: "date, empty", value: {}, valid: true },
  { type: "datetime", name: "datetime, help", value: { help: "when" }, valid: true },
  { type: "file", name: "file, help", value: { help: "upload" }, valid: true },
  { type: "json", name: "json, placeholder a number", value: { placeholder: 1 }, valid: false },
  { type: "text", name: "placeholder of 201", value: { placeholder: "x".repeat(201) }, valid: false },
  { type: "text", name: "help of 1001", value: { help: "x".repeat(1001) }, valid: false },
  { type: "text", name: "config null", value: null, valid: false },
  { type: "text", name: "config an array", value: [], valid: false },
];

Deno.test("parameter configs: zod and lenses.fn_param_config_errors agree", async () => {
  const sql = db();
  try {
    await agree(
      paramCases,
      (c) => paramConfigSchema((c as ParamCase).type, (c as ParamCase).complete ?? true),
      async (c) => {
        const p = c as ParamCase;
        return (await sql`select lenses.fn_param_config_errors(${p.type}::lenses.param_type, ${
          json(c.value)
        }::text::jsonb,
        ${p.complete ?? true}) as e`)[0].e;
      },
    );
  } finally {
    await sql.end();
  }
});

const lensParamCases: Case[] = [
  { name: "empty", value: {}, valid: true },
  { name: "defaults", value: { defaults: { topic: "x", n: 1, any: { a: [null] } } }, valid: true },
  {
    name: "ui, all keys",
    value: { ui: { icon: "sparkles", color: "#12abEF", order: ["a", "b"], hidden: ["c"] } },
    valid: true,
  },
  { name: "unknown key", value: { foo: 1 }, valid: false },
  { name: "defaults an array", value: { defaults: [] }, valid: false },
  { name: "defaults key not an identifier", value: { defaults: { "1x": 1 } }, valid: false },
  { name: "colour by name", value: { ui: { color: "red" } }, valid: false },
  { name: "empty icon", value: { ui: { icon: "" } }, valid: false },
  { name: "icon of 65", value: { ui: { icon: "i".repeat(65) } }, valid: false },
  { name: "repeated order", value: { ui: { order: ["a", "a"] } }, valid: false },
  { name: "order a string", value: { ui: { order: "a" } }, valid: false },
  { name: "hidden numbers", value: { ui: { hidden: [1] } }, valid: false },
  { name: "unknown ui key", value: { ui: { extra: 1 } }, valid: false },
  { name: "ui an array", value: { ui: [] }, valid: false },
  { name: "JSON null", value: null, valid: false },
  { name: "an array", value: [], valid: false },
];

Deno.test("lens params: zod and lenses.fn_lens_params_errors agree", async () => {
  const sql = db();
  try {
    await agree(
      lensParamCases,
      () => LensParams,
      async (c) => (await sql`select lenses.fn_lens_params_errors(${json(c.value)}::text::jsonb) as e`)[0].e,
    );
  } finally {
    await sql.end();
  }
});

type NodeCase = Case & { kind: z.infer<typeof WorkflowNodeKind> };
const nodeCases: NodeCase[] = [
  { kind: "lens", name: "lens, empty", value: {}, valid: true },
  {
    kind: "lens",
    name: "lens, every key",
    value: {
      model_id: uuid,
      timeout_ms: 30000,
      retry: { max_retries: 3, backoff_ms: 1000, backoff_multiplier: 2, max_backoff_ms: 60000 },
      params: { topic: "x", n: 3, nothing: null, obj: { a: [1] } },
      position: { x: 10.5, y: -3 },
    },
    valid: true,
  },
  { kind: "lens", name: "lens, timeout at the ceiling", value: { timeout_ms: 86400000 }, valid: true },
  { kind: "lens", name: "lens, model_id not a uuid", value: { model_id: "gpt-4" }, valid: false },
  { kind: "lens", name: "lens, model_id a number", value: { model_id: 42 }, valid: false },
  { kind: "lens", name: "lens, timeout below 1000", value: { timeout_ms: 999 }, valid: false },
  { kind: "lens", name: "lens, timeout above a day", value: { timeout_ms: 86400001 }, valid: false },
  { kind: "lens", name: "lens, fractional timeout", value: { timeout_ms: 1500.5 }, valid: false },
  { kind: "lens", name: "lens, timeout a string", value: { timeout_ms: "30000" }, valid: false },
  { kind: "lens", name: "lens, 11 retries", value: { retry: { max_retries: 11 } }, valid: false },
  { kind: "lens", name: "lens, negative retries", value: { retry: { max_retries: -1 } }, valid: false },
  {
    kind: "lens",
    name: "lens, max backoff below backoff",
    value: { retry: { backoff_ms: 500, max_backoff_ms: 100 } },
    valid: false,
  },
  {
    kind: "lens",
    name: "lens, multiplier below 1",
    value: { retry: { backoff_multiplier: 0.5 } },
    valid: false,
  },
  { kind: "lens", name: "lens, unknown retry key", value: { retry: { jitter: true } }, valid: false },
  { kind: "lens", name: "lens, retry a number", value: { retry: 3 }, valid: false },
  { kind: "lens", name: "lens, params key not a label", value: { params: { "bad-key": 1 } }, valid: false },
  { kind: "lens", name: "lens, params an array", value: { params: [] }, valid: false },
  { kind: "lens", name: "lens, position without y", value: { position: { x: 1 } }, valid: false },
  { kind: "lens", name: "lens, position with z", value: { position: { x: 1, y: 2, z: 3 } }, valid: false },
  { kind: "lens", name: "lens, position x a string", value: { position: { x: "1", y: 2 } }, valid: false },
  { kind: "lens", name: "lens, a prompt", value: { prompt: "hi" }, valid: false },
  { kind: "lens", name: "lens, unknown key", value: { temperature: 0.2 }, valid: false },
  { kind: "lens", name: "lens, config null", value: null, valid: false },
  { kind: "lens", name: "lens, config an array", value: [], valid: false },
  {
    kind: "human_input",
    name: "human, a prompt",
    value: { prompt: "Approve?", position: { x: 0, y: 0 } },
    valid: true,
  },
  {
    kind: "human_input",
    name: "human, thirty days",
    value: { prompt: "x", timeout_ms: 2592000000 },
    valid: true,
  },
  { kind: "human_input", name: "human, no prompt", value: {}, valid: false },
  { kind: "human_input", name: "human, blank prompt", value: { prompt: "   " }, valid: false },
  { kind: "human_input", name: "human, prompt of 10001", value: { prompt: "p".repeat(10001) }, valid: false },
  { kind: "human_input", name: "human, prompt a number", value: { prompt: 5 }, valid: false },
  { kind: "human_input", name: "human, a model", value: { prompt: "x", model_id: uuid }, valid: false },
  { kind: "human_input", name: "human, params", value: { prompt: "x", params: {} }, valid: false },
  {
    kind: "human_input",
    name: "human, above thirty days",
    value: { prompt: "x", timeout_ms: 2592000001 },
    valid: false,
  },
];

Deno.test("workflow node configs: zod and lenses.fn_node_config_errors agree", async () => {
  const sql = db();
  try {
    await agree(
      nodeCases,
      (c) => nodeConfigSchema((c as NodeCase).kind),
      async (c) =>
        (await sql`select lenses.fn_node_config_errors(${(c as NodeCase).kind}::lenses.workflow_node_kind,
        ${json(c.value)}::text::jsonb) as e`)[0].e,
    );
  } finally {
    await sql.end();
  }
});

const param = (label: string, type: string, extra: Record<string, unknown> = {}) => ({
  label,
  type,
  ...extra,
});
const overrideCases: Case[] = [
  {
    name: "template and one parameter",
    value: { template_body: "Hi [[name]]", parameters: [param("name", "text", { required: true })] },
    valid: true,
  },
  {
    name: "every key",
    value: {
      template_body: "Rate [[x]] as [[level]]",
      input_contract: { kind: "json", fields: [field("x")] },
      output_contract: { kind: "json", artifactKind: "classification", fields: [field("label")] },
      instruction_category: "validation",
      parameters: [
        param("x", "textarea", { display_name: "Text", default_value: "none", config: { max_length: 100 } }),
        param("level", "select", { config: { options: ["low", "high"] }, required: false }),
      ],
    },
    valid: true,
  },
  {
    name: "null contracts",
    value: { template_body: "x", input_contract: null, output_contract: null },
    valid: true,
  },
  { name: "no parameters key", value: { template_body: "plain" }, valid: true },
  { name: "empty template", value: { template_body: "" }, valid: false },
  { name: "no template", value: { parameters: [] }, valid: false },
  { name: "template too long", value: { template_body: "t".repeat(100001) }, valid: false },
  { name: "unknown key", value: { template_body: "x", model: "gpt" }, valid: false },
  {
    name: "bad input contract",
    value: { template_body: "x", input_contract: { kind: "xml" } },
    valid: false,
  },
  {
    name: "output contract without artifactKind",
    value: { template_body: "x", output_contract: { kind: "json" } },
    valid: false,
  },
  { name: "unknown category", value: { template_body: "x", instruction_category: "coding" }, valid: false },
  { name: "parameters an object", value: { template_body: "x", parameters: {} }, valid: false },
  { name: "parameter not an object", value: { template_body: "x", parameters: ["name"] }, valid: false },
  { name: "bad label", value: { template_body: "x", parameters: [param("a b", "text")] }, valid: false },
  {
    name: "repeated label",
    value: { template_body: "x", parameters: [param("a", "text"), param("a", "url")] },
    valid: false,
  },
  { name: "unknown type", value: { template_body: "x", parameters: [param("a", "color")] }, valid: false },
  {
    name: "required a string",
    value: { template_body: "x", parameters: [param("a", "text", { required: "yes" })] },
    valid: false,
  },
  {
    name: "blank display name",
    value: { template_body: "x", parameters: [param("a", "text", { display_name: " " })] },
    valid: false,
  },
  {
    name: "select without options",
    value: { template_body: "x", parameters: [param("a", "select")] },
    valid: false,
  },
  {
    name: "text with max_length 0",
    value: { template_body: "x", parameters: [param("a", "text", { config: { max_length: 0 } })] },
    valid: false,
  },
  {
    name: "config with a foreign key",
    value: { template_body: "x", parameters: [param("a", "boolean", { config: { options: ["y"] } })] },
    valid: false,
  },
  {
    name: "unknown parameter key",
    value: { template_body: "x", parameters: [param("a", "text", { tool: "t" })] },
    valid: false,
  },
  { name: "JSON null", value: null, valid: false },
];

Deno.test("inline overrides: zod and lenses.fn_inline_override_errors agree", async () => {
  const sql = db();
  try {
    await agree(
      overrideCases,
      () => InlineOverride,
      async (c) =>
        (await sql`select lenses.fn_inline_override_errors(${json(c.value)}::text::jsonb) as e`)[0].e,
    );
  } finally {
    await sql.end();
  }
});
