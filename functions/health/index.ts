// Liveness and readiness of the backend: answers 200 when the database answers, 503 when not.
import postgres from "postgres";

const sql = postgres(Deno.env.get("SUPABASE_DB_URL")!, { max: 1, idle_timeout: 20, connect_timeout: 5 });

Deno.serve(async (req) => {
  if (req.method !== "GET") {
    return Response.json({ error: "method not allowed: use GET" }, {
      status: 405,
      headers: { allow: "GET" },
    });
  }
  try {
    const [row] = await sql`select current_setting('server_version') as version, now() as time`;
    return Response.json({ status: "ok", database: { version: row.version, time: row.time } });
  } catch (error) {
    return Response.json({ status: "unavailable", error: (error as Error).message }, { status: 503 });
  }
});
