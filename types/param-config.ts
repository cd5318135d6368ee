// Lens parameter types and their config: lenses.param_type, lenses.tool_category, and the config
// of lenses.version_parameters / lenses.tools.default_config / inline override parameters. The
// same rules are enforced in SQL (lenses.fn_param_config_errors); tests/functions/contracts_test.ts
// checks that the two agree case by case. The enums are built from the generated Constants of
// types/database.ts.
import { z } from "zod";
import { Constants } from "./database.ts";

export const ParamType = z.enum(Constants.lenses.Enums.param_type);
export type ParamType = z.infer<typeof ParamType>;

export const ToolCategory = z.enum(Constants.lenses.Enums.tool_category);
export type ToolCategory = z.infer<typeof ToolCategory>;

const common = {
  placeholder: z.string().max(200).optional(),
  help: z.string().max(1000).optional(),
};

const minNotAboveMax = <T extends Record<string, unknown>>(lo: keyof T, hi: keyof T) => (c: T) =>
  typeof c[lo] !== "number" || typeof c[hi] !== "number" || (c[lo] as number) <= (c[hi] as number);

const TextConfig = z.object({
  ...common,
  min_length: z.number().int().min(0).max(1_000_000).optional(),
  max_length: z.number().int().min(1).max(1_000_000).optional(),
}).strict().refine(minNotAboveMax("min_length", "max_length"), "min_length must not exceed max_length");

const NumberConfig = z.object({ ...common, min: z.number().optional(), max: z.number().optional() })
  .strict().refine(minNotAboveMax("min", "max"), "min must not exceed max");

const IntegerConfig = z.object({
  ...common,
  min: z.number().int().optional(),
  max: z.number().int().optional(),
})
  .strict().refine(minNotAboveMax("min", "max"), "min must not exceed max");

const Options = z.array(z.string().min(1).max(200)).min(1).max(200)
  .refine((o) => new Set(o).size === o.length, "options must be distinct");

const PlainConfig = z.object(common).strict();

/**
 * The config schema of a parameter type. `complete` is true for a parameter's own config (a select
 * needs its options) and false for a tool's default config.
 */
export function paramConfigSchema(type: ParamType, complete = true) {
  switch (type) {
    case "text":
    case "textarea":
      return TextConfig;
    case "number":
    case "float":
    case "decimal":
      return NumberConfig;
    case "integer":
      return IntegerConfig;
    case "select":
      return z.object({ ...common, options: complete ? Options : Options.optional() }).strict();
    default:
      return PlainConfig;
  }
}
