// Lens contracts: the one small typed shape of lenses.versions.input_contract and output_contract.
// The same rules are enforced in SQL (lenses.fn_contract_errors); tests/db and tests/functions
// check that the two agree on the same cases.
import { z } from "zod";

/** What a contract's value is: free text (`{ "text": "..." }`) or a JSON object with named fields. */
export const ContractKind = z.enum(["text", "json"]);

/** What an output is, for routing and rendering; outputs must declare it. */
export const ArtifactKind = z.enum([
  "text",
  "markdown",
  "json",
  "summary",
  "plan",
  "report",
  "code",
  "classification",
  "extraction",
  "message",
]);

export const ContractFieldType = z.enum(["string", "number", "integer", "boolean", "object", "array"]);

export const ContractField = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "a field name is an identifier (letters, digits, _)"),
  type: ContractFieldType,
  required: z.boolean(),
  description: z.string().max(500).optional(),
}).strict();

const uniqueNames = (fields: { name: string }[]) => new Set(fields.map((f) => f.name)).size === fields.length;
const textHasNoFields = (c: { kind: string; fields: unknown[] }) => c.kind === "json" || c.fields.length === 0;
const textHasNoFieldsMessage = { message: "a text contract has no fields (its value is { text })", path: ["fields"] };

export const InputContract = z.object({
  kind: ContractKind,
  fields: z.array(ContractField).max(100).refine(uniqueNames, "field names must be unique"),
}).strict().refine(textHasNoFields, textHasNoFieldsMessage);

export const OutputContract = z.object({
  kind: ContractKind,
  artifactKind: ArtifactKind,
  fields: z.array(ContractField).max(100).refine(uniqueNames, "field names must be unique"),
}).strict().refine(textHasNoFields, textHasNoFieldsMessage);

export type ContractKind = z.infer<typeof ContractKind>;
export type ArtifactKind = z.infer<typeof ArtifactKind>;
export type ContractFieldType = z.infer<typeof ContractFieldType>;
export type ContractField = z.infer<typeof ContractField>;
export type InputContract = z.infer<typeof InputContract>;
export type OutputContract = z.infer<typeof OutputContract>;
