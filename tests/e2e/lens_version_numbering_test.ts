// Version numbers are assigned per lens without gaps or races: several connections create versions
// of one lens at the same moment (each holding its transaction open a little after its insert),
// one of them rolls back, and the committed versions are still numbered 1..N.
import { assertEquals } from "../_support/assert.ts";
import { createUser, db, deleteUsers, stack } from "../_support/stack.ts";
import postgres from "postgres";

const WRITERS = 8;

// Both paths: the RPC (which locks the lens itself) and a plain INSERT (where only the insert
// trigger's lock stands between two writers).
const paths = {
  rpc: (tx: postgres.TransactionSql, lensId: string, body: string) =>
    tx`select (public.create_lens_version(p_lens_id => ${lensId}, p_template_body => ${body}) ->> 'version_number')::int as n`,
  insert: (tx: postgres.TransactionSql, lensId: string, body: string) =>
    tx`insert into lenses.versions (lens_id, template_body) values (${lensId}, ${body}) returning version_number as n`,
};

for (const [path, create] of Object.entries(paths)) {
  Deno.test(`concurrent version creation (${path}) numbers versions 1..N with no gap`, async () => {
    const sql = db();
    const owner = await createUser(sql);
    const connections = Array.from(
      { length: WRITERS },
      () => postgres(stack.dbUrl, { max: 1, onnotice: () => {} }),
    );
    try {
      const { data: lens, error } = await owner.client.rpc("create_lens", { p_title: "Raced" });
      assertEquals(error, null);
      const claims = JSON.stringify({ sub: owner.id, role: "authenticated" });

      // Every writer opens its transaction as the user, then all insert at once.
      let arrived = 0;
      let release!: () => void;
      const allReady = new Promise<void>((resolve) => (release = resolve));
      const rolledBack = 3;
      const results = await Promise.allSettled(connections.map((conn, i) =>
        conn.begin(async (tx) => {
          await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true)`;
          if (++arrived === WRITERS) release();
          await allReady;
          const [row] = await create(tx, lens!.id, `writer ${i}`);
          await tx`select pg_sleep(0.05)`;
          if (i === rolledBack) throw new Error("roll this one back");
          return row.n as number;
        })
      ));

      assertEquals(
        results.filter((r) => r.status === "rejected").length,
        1,
        "only the writer that chose to roll back failed",
      );
      const rows = await sql`
      select version_number, template_body from lenses.versions where lens_id = ${
        lens!.id
      } order by version_number`;
      assertEquals(rows.map((r) => r.version_number), Array.from({ length: WRITERS - 1 }, (_, i) => i + 1));
      assertEquals(
        rows.some((r) => r.template_body === `writer ${rolledBack}`),
        false,
        "the rolled-back version left no row",
      );
      const committed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      assertEquals(new Set(committed).size, committed.length, "no two writers got the same number");
    } finally {
      await Promise.all(connections.map((c) => c.end()));
      await deleteUsers(sql, owner);
      await sql.end();
    }
  });
}
