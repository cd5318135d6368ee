// Agreement between a zod schema and its SQL twin: the same JSON cases through both.
import type { z } from "zod";
import type { db } from "./stack.ts";

export interface ShapeCases {
  schema: z.ZodType;
  /** A function taking one jsonb and returning text[] of problems (empty when valid). */
  sqlFunction: string;
  valid: unknown[];
  invalid: unknown[];
}

/** Runs every case through zod and the SQL function; returns each case where either differs from the expected verdict. */
export async function disagreements(sql: ReturnType<typeof db>, cases: ShapeCases): Promise<string[]> {
  const out: string[] = [];
  const all = [
    ...cases.valid.map((v) => [v, true] as const),
    ...cases.invalid.map((v) => [v, false] as const),
  ];
  for (const [value, expected] of all) {
    const json = JSON.stringify(value);
    const zodOk = cases.schema.safeParse(value).success;
    const [{ errors }] = await sql.unsafe(`select ${cases.sqlFunction}($1::text::jsonb) as errors`, [json]);
    const sqlOk = Array.isArray(errors) && errors.length === 0;
    if (zodOk !== expected || sqlOk !== expected) {
      out.push(
        `${json}: expected ${expected ? "valid" : "invalid"}, zod says ${zodOk}, SQL says ${sqlOk} ${
          JSON.stringify(errors)
        }`,
      );
    }
  }
  return out;
}
