// The web-chat edge function (see handler.ts): the chat page, visitors' messages, and the SSE stream
// of replies. Reads and writes go through the channels RPCs with the service key; a user's JWT is
// checked by PostgREST (get_my_profile with that JWT); LISTEN channel_messages only wakes streams.
import { createClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { supabaseChannelDb } from "../_shared/channels/db.ts";
import { createWebChatHandler } from "./handler.ts";
import { ChannelMessagesListener } from "./listener.ts";

const url = Deno.env.get("SUPABASE_URL")!;
const anonKey = Deno.env.get("SUPABASE_ANON_KEY")!;
const listenSql = postgres(Deno.env.get("SUPABASE_DB_URL")!, {
  max: 1,
  onnotice: () => {},
  connection: { application_name: "connectedlenses-web-chat" },
});

Deno.serve(createWebChatHandler({
  db: supabaseChannelDb(url, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!),
  listener: new ChannelMessagesListener(listenSql, (err) => console.error(`web-chat: ${String(err)}`)),
  async verifyUser(token) {
    const client = createClient(url, anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: { headers: { Authorization: `Bearer ${token}` } },
    });
    const { data, error } = await client.rpc("get_my_profile");
    const id = (data as { id?: unknown } | null)?.id;
    return error || typeof id !== "string" ? null : id;
  },
}));
