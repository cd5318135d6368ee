// lenses.lenses.params: UI metadata of a lens form (rendering never reads it), and the lens
// vocabularies. The same shape is enforced in SQL (lenses.fn_lens_params_errors) and
// tests/functions/contracts_test.ts checks that the two agree; the enums are lenses.visibility,
// lenses.lens_status and lenses.instruction_category, built from the generated Constants of
// types/database.ts.
import { z } from "zod";
import { Constants } from "./database.ts";
import { Identifier } from "./contracts.ts";

export const Visibility = z.enum(Constants.lenses.Enums.visibility);
export const LensStatus = z.enum(Constants.lenses.Enums.lens_status);
export const InstructionCategory = z.enum(Constants.lenses.Enums.instruction_category);

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
