// What the channel e2e tests share: whether the channels core (helper A's tables and RPCs) is in the
// database, the test secrets the functions get (tests/_support/functions.test.env, installed by
// scripts/test.sh), an agent with bindings made by its owner through create_channel_binding, and
// reads of what was stored.
import type postgres from "postgres";
// Agents and users are left in place (as the agent tests leave theirs): every key is unique per
// test, and npm test resets the database first.
import { createUser, db, type TestUser } from "./stack.ts";

const ROOT = new URL("../..", import.meta.url);

/** The test secrets, by env var name (the same file the functions get). */
export const TEST_SECRETS: Record<string, string> = Object.fromEntries(
  Deno.readTextFileSync(new URL("tests/_support/functions.test.env", ROOT)).split("\n")
    .map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(/=(.*)/s, 2) as [string, string]),
);
export const secret = (name: string) => {
  const v = TEST_SECRETS[name];
  if (!v) throw new Error(`${name} is not in tests/_support/functions.test.env`);
  return v;
};

export const e2eOpts = { sanitizeOps: false, sanitizeResources: false };

export interface ChannelAgent {
  owner: TestUser;
  agentId: string;
  profileId: string;
}

export async function channelAgent(sql: postgres.Sql): Promise<ChannelAgent> {
  const owner = await createUser(sql);
  const { data, error } = await owner.client.rpc("create_ai_lenser", {
    p_handle: `chan-${crypto.randomUUID().slice(0, 8)}`,
    p_display_name: "Channel agent",
  });
  if (error) throw new Error(`create_ai_lenser: ${error.message}`);
  const agent = data as { id: string; profile_id: string };
  return { owner, agentId: agent.id, profileId: agent.profile_id };
}

export interface Binding {
  id: string;
  routingKey: string;
}

/** A digits-only phone number id, a Slack team/app pair, or a web public key, unique per test. */
export const newPhoneNumberId = () =>
  String(100_000_000_000_000 + Math.floor(Math.random() * 899_999_999_999_999));
export const newSlackKey = () => {
  const r = () => crypto.randomUUID().replaceAll("-", "").slice(0, 9).toUpperCase();
  return { teamId: `T${r()}`, appId: `A${r()}` };
};

/**
 * A binding of the agent, made by its owner through create_channel_binding (README "Channels").
 * Secrets are env var NAMES: the CL_TEST_* of functions.test.env. A web binding's key is the one the
 * database generates.
 */
export async function insertBinding(
  _sql: postgres.Sql,
  agent: ChannelAgent,
  channel: "whatsapp" | "slack" | "web",
  options: { routingKey?: string; allowedOrigins?: string[]; status?: "active" | "archived" } = {},
): Promise<Binding> {
  const routingKey = options.routingKey ??
    (channel === "whatsapp"
      ? newPhoneNumberId()
      : channel === "slack"
      ? (({ teamId, appId }) => `${teamId}:${appId}`)(newSlackKey())
      : undefined);
  const wa = channel === "whatsapp";
  const sl = channel === "slack";
  const args = {
    p_ai_lenser_id: agent.agentId,
    p_channel: channel,
    p_name: `test ${channel}`,
    ...(routingKey === undefined ? {} : { p_routing_key: routingKey }),
    ...(wa
      ? {
        p_app_secret_env: "CL_TEST_WA_APP_SECRET",
        p_verify_token_env: "CL_TEST_WA_VERIFY_TOKEN",
        p_access_token_env: "CL_TEST_WA_ACCESS_TOKEN",
      }
      : {}),
    ...(sl
      ? { p_signing_secret_env: "CL_TEST_SLACK_SIGNING_SECRET", p_bot_token_env: "CL_TEST_SLACK_BOT_TOKEN" }
      : {}),
    ...(channel === "web" ? { p_allowed_origins: options.allowedOrigins ?? ["https://chat.example"] } : {}),
  };
  // deno-lint-ignore no-explicit-any
  const { data, error } = await (agent.owner.client.rpc as any)("create_channel_binding", args);
  if (error) throw new Error(`create_channel_binding: ${error.message}`);
  const row = data as { id: string; routing_key: string };
  if (options.status === "archived") {
    const archived = await agent.owner.client.rpc("archive_channel_binding", { p_binding_id: row.id });
    if (archived.error) throw new Error(`archive_channel_binding: ${archived.error.message}`);
  }
  return { id: row.id, routingKey: row.routing_key };
}

export interface StoredMessage {
  id: string;
  conversation_id: string;
  direction: string;
  body: string;
  contact_id: string | null;
  provider_message_id: string | null;
  provider_event_id: string | null;
  thread_id: string | null;
  delivery_status: string | null;
  error: unknown;
}

export async function messagesOf(sql: postgres.Sql, bindingId: string): Promise<StoredMessage[]> {
  return await sql<StoredMessage[]>`
    select id, conversation_id, direction::text, body, contact_id, provider_message_id, provider_event_id,
           thread_id, delivery_status::text, error
    from agents.messages where binding_id = ${bindingId} order by created_at, id`;
}

/** Row counts of the channel tables of a binding's agent: a refusal must change none. */
export async function channelCounts(sql: postgres.Sql, agentId: string) {
  const [row] = await sql<{ messages: number; conversations: number; contacts: number }[]>`
    select (select count(*)::int from agents.messages m join agents.channel_bindings b on b.id = m.binding_id
             where b.ai_lenser_id = ${agentId}) as messages,
           (select count(*)::int from agents.conversations c join agents.channel_bindings b on b.id = c.binding_id
             where b.ai_lenser_id = ${agentId}) as conversations,
           (select count(*)::int from agents.contacts where ai_lenser_id = ${agentId}) as contacts`;
  return row;
}

/**
 * An outbound message in a conversation, as the outbox writes it (queued, or sent with the provider's
 * id): its seq allocated under the conversation row's lock, as every message's is.
 */
export async function insertOutbound(
  sql: postgres.Sql,
  conversationId: string,
  body: string,
  options: { providerMessageId?: string; status?: "queued" | "sent" } = {},
): Promise<string> {
  const status = options.status ?? "sent";
  return await sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      with c as (
        update agents.conversations set last_message_seq = last_message_seq + 1
        where id = ${conversationId}
        returning id, last_message_seq, binding_id, channel, contact_id
      )
      insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body,
                                   provider_message_id, delivery_status, sent_at)
      select c.id, c.last_message_seq, c.binding_id, b.ai_lenser_id, c.channel, 'outbound', c.contact_id, ${body},
             ${options.providerMessageId ?? null}, ${status}::agents.message_status,
             case when ${status} = 'sent' then now() end
      from c join agents.channel_bindings b on b.id = c.binding_id
      returning id`;
    return row.id;
  }) as string;
}

export async function waitFor<T>(
  what: string,
  read: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await read();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const functionUrl = (name: string, path = "") =>
  `${Deno.env.get("SUPABASE_URL") ?? "http://127.0.0.1:54321"}/functions/v1/${name}${path}`;
