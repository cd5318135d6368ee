// The whatsapp edge function: the WhatsApp Cloud API webhook (see handler.ts). verify_jwt = false:
// Meta signs its requests (X-Hub-Signature-256) instead of sending a JWT.
import { supabaseChannelDb } from "../_shared/channels/db.ts";
import { createWhatsAppHandler } from "./handler.ts";

Deno.serve(createWhatsAppHandler({
  db: supabaseChannelDb(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!),
}));
