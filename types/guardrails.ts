// Guardrails (README "Guardrails"): the vocabularies, built from the generated Constants of
// types/database.ts (tests/functions/enums_test.ts checks each), each kind's rule config as the
// database checks it (agents.fn_guardrail_config_errors; tests/functions/guardrails_test.ts checks
// that the two agree on a table of configs), the verdict agents.fn_check_guardrails answers, and a
// model judge's answer.
import { z } from "zod";
import { Constants } from "./database.ts";

export const GuardrailKind = z.enum(Constants.agents.Enums.guardrail_kind);
export type GuardrailKind = z.infer<typeof GuardrailKind>;

export const GuardrailAction = z.enum(Constants.agents.Enums.guardrail_action);
export type GuardrailAction = z.infer<typeof GuardrailAction>;

export const GuardrailDirection = z.enum(Constants.agents.Enums.guardrail_direction);
export type GuardrailDirection = z.infer<typeof GuardrailDirection>;

export const GuardrailSeverity = z.enum(Constants.agents.Enums.guardrail_severity);
export type GuardrailSeverity = z.infer<typeof GuardrailSeverity>;

export const GuardrailTier = z.enum(Constants.agents.Enums.guardrail_tier);
export type GuardrailTier = z.infer<typeof GuardrailTier>;

export const GuardrailPiiKind = z.enum(Constants.agents.Enums.guardrail_pii_kind);
export type GuardrailPiiKind = z.infer<typeof GuardrailPiiKind>;

/** Characters as PostgreSQL counts them (code points), not UTF-16 units. */
const chars = (s: string) => Array.from(s).length;
/** PostgreSQL's btrim(s, ' \t\n\r'). */
const trimmed = (s: string) => s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");
const textOf = (min: number, max: number, what: string) =>
  z.string().refine((s) => chars(s) >= min && chars(s) <= max, `must be ${what}`);
const notBlank = (max: number) =>
  z.string().refine(
    (s) => chars(trimmed(s)) >= 1 && chars(s) <= max,
    `must be a string of 1 to ${max} characters, not blank`,
  );

/** What a rewrite puts in place of each match (default "[redacted]"). */
const replacement = textOf(0, 200, "a string of at most 200 characters").optional();

/** The JavaScript reading of a PostgreSQL ARE flag string: "i" case-insensitive, "n" newline-sensitive. */
const jsFlags = (flags: string | undefined) => (flags ?? "").replace("n", "m");

/**
 * Does the pattern compile? The database compiles it as a PostgreSQL ARE, which is what runs it;
 * here JavaScript's RegExp stands in, with the ARE's refusal of named groups. The two engines
 * differ at the edges (the database is the authority: create_guardrail_rule refuses with 22023).
 */
function compiles(pattern: string, flags: string | undefined): boolean {
  if (/\(\?<[A-Za-z]/.test(pattern)) return false;
  try {
    new RegExp(pattern, jsFlags(flags));
    return true;
  } catch {
    return false;
  }
}

export const BlockedTermsConfig = z.strictObject({
  terms: z.array(notBlank(200)).min(1, "must be an array of 1 to 500 strings").max(
    500,
    "must be an array of 1 to 500 strings",
  ),
  caseSensitive: z.boolean().optional(),
  wholeWord: z.boolean().optional(),
  replacement,
});

export const RegexConfig = z.strictObject({
  pattern: textOf(1, 1000, "a string of 1 to 1000 characters"),
  flags: z.enum(["", "i", "n", "in", "ni"]).optional(),
  replacement,
}).superRefine((c, ctx) => {
  if (!compiles(c.pattern, c.flags)) {
    ctx.addIssue({ code: "custom", path: ["pattern"], message: "does not compile" });
  } else if (new RegExp(c.pattern, jsFlags(c.flags)).test("")) {
    ctx.addIssue({ code: "custom", path: ["pattern"], message: "must not match the empty string" });
  }
});

export const MaxLengthConfig = z.strictObject({
  maxChars: z.number().int().min(1).max(1_000_000),
});

export const PiiConfig = z.strictObject({
  kinds: z.array(GuardrailPiiKind).min(1).refine(
    (k) => new Set(k).size === k.length,
    "must not repeat a kind",
  ),
  replacement,
});

/** Same shape as the database's check: 8-4-4-4-12 hex digits, any version. */
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ModelJudgeConfig = z.strictObject({
  instruction: notBlank(4000),
  modelId: z.string().regex(uuidShape, "must be a uuid (an ai.models id)").optional(),
  replacement,
});

export const GuardrailConfigs = {
  blocked_terms: BlockedTermsConfig,
  regex: RegexConfig,
  max_length: MaxLengthConfig,
  pii: PiiConfig,
  model_judge: ModelJudgeConfig,
} as const satisfies Record<GuardrailKind, z.ZodType>;

export type BlockedTermsConfig = z.infer<typeof BlockedTermsConfig>;
export type RegexConfig = z.infer<typeof RegexConfig>;
export type MaxLengthConfig = z.infer<typeof MaxLengthConfig>;
export type PiiConfig = z.infer<typeof PiiConfig>;
export type ModelJudgeConfig = z.infer<typeof ModelJudgeConfig>;

/**
 * The first problem of a rule's config for its kind, as the database names it: `field` is "" for the
 * config itself, else ".terms", ".terms[2]", ".pattern", ... (the RPC's refusal says
 * "p_config<field>: ..."); null when the config is valid.
 */
export function guardrailConfigError(
  kind: GuardrailKind,
  config: unknown,
): { field: string; message: string } | null {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    return { field: "", message: "must be a JSON object" };
  }
  const result = GuardrailConfigs[kind].safeParse(config);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const key = [...issue.keys].sort()[0];
    return { field: `.${key}`, message: `is not a field of a ${kind} rule` };
  }
  const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  return { field, message: issue.message };
}

/** A hit of a verdict: a rule that matched (or a model judge that did not allow the text). */
export const GuardrailHit = z.strictObject({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  tier: GuardrailTier,
  kind: GuardrailKind,
  action: GuardrailAction,
  severity: GuardrailSeverity,
  matches: z.array(z.record(z.string(), z.unknown())),
  /** A model judge's reason; "judge_unavailable" when the judge failed (the hit then blocks). */
  reason: z.string().optional(),
});
export type GuardrailHit = z.infer<typeof GuardrailHit>;

/** The model a pending model_judge rule asks (agents.fn_guardrail_judge_model). */
export const JudgeModel = z.strictObject({
  id: z.string(),
  modelKey: z.string(),
  providerKey: z.string(),
  adapter: z.enum(Constants.ai.Enums.provider_adapter),
  baseUrl: z.string().nullable(),
  apiKeyEnv: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
});
export type JudgeModel = z.infer<typeof JudgeModel>;

/** A model_judge rule the worker must still ask its model about. */
export const PendingJudge = z.strictObject({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  tier: GuardrailTier,
  action: GuardrailAction,
  severity: GuardrailSeverity,
  instruction: z.string(),
  replacement: z.string(),
  /** Null when the catalog has no model to ask (judging then fails closed). */
  model: JudgeModel.nullable(),
});
export type PendingJudge = z.infer<typeof PendingJudge>;

/** What agents.fn_check_guardrails answers (and public.record_guardrail_judgement, merged). */
export const GuardrailVerdict = z.strictObject({
  verdict: z.enum(["pass", "block", "rewrite", "log"]),
  /** The text that may go on; null when the verdict is block. */
  text: z.string().nullable(),
  original: z.string(),
  direction: GuardrailDirection.exclude(["both"]),
  aiLenserId: z.string(),
  teamId: z.string().nullable(),
  bindingId: z.string().nullable(),
  hits: z.array(GuardrailHit),
  pending: z.array(PendingJudge),
});
export type GuardrailVerdict = z.infer<typeof GuardrailVerdict>;

/** A model judge's answer: strict JSON, nothing else. */
export const JudgeAnswer = z.strictObject({
  allow: z.boolean(),
  reason: z.string().max(4000),
  rewrite: z.string().optional(),
});
export type JudgeAnswer = z.infer<typeof JudgeAnswer>;

/** What the worker records for a pending rule: the judge's answer, or why there is none. */
export type Judgement = JudgeAnswer | { error: string };
