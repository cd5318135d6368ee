// Lens contracts: the one small typed shape of lenses.versions.input_contract and output_contract
// (and of a workflow node's inline override). The same rules are enforced in SQL
// (lenses.fn_contract_errors); tests/functions/contracts_test.ts runs the same cases through both
// and checks that they agree. ContractKind, ArtifactKind and ContractFieldType are the enums
// lenses.contract_kind, lenses.artifact_kind and lenses.contract_field_type, built from the generated
// Constants of types/database.ts.
import { z } from "zod";
import { Constants } from "./database.ts";

/** What a contract's value is: free text (`{ "text": "..." }`) or a JSON object with named fields. */
export const ContractKind = z.enum(Constants.lenses.Enums.contract_kind);

/** What an output is, for routing and rendering; outputs must declare it. */
export const ArtifactKind = z.enum(Constants.lenses.Enums.artifact_kind);

export const ContractFieldType = z.enum(Constants.lenses.Enums.contract_field_type);

/** Field names, parameter labels and input paths: an identifier of at most 63 characters. */
export const Identifier = z.string().regex(
  /^[A-Za-z_][A-Za-z0-9_]{0,62}$/,
  "an identifier (letters, digits, _; at most 63)",
);

export const ContractField = z.object({
  name: Identifier,
  type: ContractFieldType,
  required: z.boolean(),
  description: z.string().max(500).optional(),
}).strict();

const uniqueNames = (fields: { name: string }[]) => new Set(fields.map((f) => f.name)).size === fields.length;
const textHasNoFields = (c: { kind: string; fields?: unknown[] }) =>
  c.kind === "json" || (c.fields ?? []).length === 0;
const textHasNoFieldsMessage = {
  message: "a text contract has no fields (its value is { text })",
  path: ["fields"],
};
const Fields = z.array(ContractField).max(100).refine(uniqueNames, "field names must be unique");

/** `fields` may be left out: no declared fields (for kind json: an open object). */
export const InputContract = z.object({
  kind: ContractKind,
  fields: Fields.optional(),
}).strict().refine(textHasNoFields, textHasNoFieldsMessage);

export const OutputContract = z.object({
  kind: ContractKind,
  artifactKind: ArtifactKind,
  fields: Fields.optional(),
}).strict().refine(textHasNoFields, textHasNoFieldsMessage);

export type ContractKind = z.infer<typeof ContractKind>;
export type ArtifactKind = z.infer<typeof ArtifactKind>;
export type ContractFieldType = z.infer<typeof ContractFieldType>;
export type ContractField = z.infer<typeof ContractField>;
export type InputContract = z.infer<typeof InputContract>;
export type OutputContract = z.infer<typeof OutputContract>;
