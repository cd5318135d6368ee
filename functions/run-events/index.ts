// The run-events edge function: Server-Sent Events of one run (see handler.ts).
import postgres from "postgres";
import { createRunEventsHandler } from "./handler.ts";
import { RunEventsListener } from "./listener.ts";

// Used only to LISTEN for wake-ups (postgres.js gives LISTEN a connection of its own), to mark runs
// watched and to wait out appends under way when a stream starts (a few connections, so one
// stream's wait holds up no other stream's mark); every read goes through PostgREST with the
// caller's JWT.
const listenSql = postgres(Deno.env.get("SUPABASE_DB_URL")!, {
  max: 3,
  onnotice: () => {},
  connection: { application_name: "connectedlenses-run-events" },
});
const listener = new RunEventsListener(listenSql, (err) => console.error(`run-events: ${String(err)}`));

Deno.serve(createRunEventsHandler({
  supabaseUrl: Deno.env.get("SUPABASE_URL")!,
  anonKey: Deno.env.get("SUPABASE_ANON_KEY")!,
  listener,
}));
