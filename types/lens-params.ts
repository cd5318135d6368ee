// lenses.lenses.params: UI metadata of a lens form (rendering never reads it), and the lens
// vocabularies. The same shape is enforced in SQL (lenses.fn_lens_params_errors); the enums mirror
// lenses.visibility, lenses.lens_status and lenses.instruction_category. Both are checked by
// tests/functions/contracts_test.ts.
import { z } from "zod";
import { Identifier } from "./contracts.ts";

export const Visibility = z.enum(["public", "private", "unlisted"]);
export const LensStatus = z.enum(["draft", "published", "archived"]);
export const InstructionCategory = z.enum([
  "instruction",
  "research",
  "planning",
  "generation",
  "validation",
  "routing",
  "memory",
  "export",
]);

const DistinctIdentifiers = z.array(Identifier).refine(
  (a) => new Set(a).size === a.length,
  "must not repeat a name",
);

export const LensParams = z.object({
  /** Prefill values for the lens form, by parameter label. */
  defaults: z.record(Identifier, z.json()).optional(),
  ui: z.object({
    icon: z.string().min(1).max(64).optional(),
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, "a #rrggbb colour").optional(),
    /** Form field order, by parameter label. */
    order: DistinctIdentifiers.optional(),
    /** Form fields hidden, by parameter label. */
    hidden: DistinctIdentifiers.optional(),
  }).strict().optional(),
}).strict();

export type Visibility = z.infer<typeof Visibility>;
export type LensStatus = z.infer<typeof LensStatus>;
export type InstructionCategory = z.infer<typeof InstructionCategory>;
export type LensParams = z.infer<typeof LensParams>;
