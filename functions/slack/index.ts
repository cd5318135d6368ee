// The slack edge function: the Slack Events API request URL (see handler.ts). verify_jwt = false:
// Slack signs its requests (X-Slack-Signature) instead of sending a JWT.
import { supabaseChannelDb } from "../_shared/channels/db.ts";
import { createSlackHandler } from "./handler.ts";

Deno.serve(createSlackHandler({
  db: supabaseChannelDb(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!),
}));
