// Channels through the gateway with supabase-js, as a frontend and the webhook functions call them:
// bindings and their refusals (400/401/403/404/409), the webhook RPCs for the service role only,
// 100 concurrent deliveries of one message storing exactly one row, statuses forward only, contacts
// merged and unmerged, the keyset-paginated lists and the web chat reader.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { anonClient, type Client, createUser, db, deleteUsers, serviceClient, type TestUser } from "../_support/stack.ts";
import { must } from "../_support/agents.ts";
import { ReceiveChannelEventsOutput } from "../../types/channels.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
// deno-lint-ignore no-explicit-any
const rpc = (client: Client, name: string, args: Record<string, unknown>) => (client.rpc as any)(name, args);
/** Erases agents through the retention purge before their owners (as agents_control_room_test does). */
async function deleteAgents(sql: ReturnType<typeof db>, ...ids: (string | undefined)[]) {
  const known = ids.filter((id): id is string => id !== undefined);
  if (!known.length) return;
  const profiles = await sql<{ profile_id: string }[]>`
    select a.profile_id from agents.ai_lensers a where a.id in ${sql(known)}`;
  for (const { profile_id } of profiles) await sql`select lenses.fn_purge_runs(p_lenser_id => ${profile_id})`;
}

const phoneNumberId = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

async function refusal(client: Client, name: string, args: Record<string, unknown>) {
  const res = await rpc(client, name, args);
  assert(res.error, `${name} should have been refused: ${JSON.stringify(res.data)}`);
  return { status: res.status as number, code: res.error.code as string, message: res.error.message as string };
}

Deno.test({
  ...opts,
  name: "channel bindings: created by owners, read by operators, refused with the right status",
  async fn() {
    const sql = db();
    const users: TestUser[] = [];
    const agents: string[] = [];
    try {
      const owner = await createUser(sql);
      const operator = await createUser(sql);
      const stranger = await createUser(sql);
      users.push(owner, operator, stranger);
      const agent = must("create_ai_lenser", await rpc(owner.client, "create_ai_lenser", {
        p_handle: `chan-${crypto.randomUUID().slice(0, 8)}`,
        p_display_name: "Channel agent",
      })) as { id: string };
      agents.push(agent.id);
      await sql`insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role)
        select ${agent.id}, p.id, 'operator' from lensers.profiles p where p.user_id = ${operator.id}`;
      const key = phoneNumberId();
      const wa = must("create_channel_binding", await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "whatsapp",
        p_name: "Line",
        p_routing_key: key,
        p_app_secret_env: "WA_APP_SECRET",
        p_verify_token_env: "WA_VERIFY_TOKEN",
        p_access_token_env: "WA_ACCESS_TOKEN",
      })) as { id: string; version: number };
      assertEquals(wa.version, 1);
      const web = must("create_channel_binding", await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "web",
        p_name: "Site",
        p_allowed_origins: ["https://shop.example"],
      })) as { routing_key: string };
      assertMatch(web.routing_key, /^pk_[0-9a-f]{32}$/);

      const bad = await refusal(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "whatsapp",
        p_name: "Leaky",
        p_routing_key: phoneNumberId(),
        p_app_secret_env: "a-real-secret",
        p_verify_token_env: "V",
        p_access_token_env: "A",
      });
      assertEquals([bad.status, bad.code], [400, "22023"]);
      assertMatch(bad.message, /p_app_secret_env must be an environment variable name/);
      const dup = await refusal(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "whatsapp",
        p_name: "Again",
        p_routing_key: key,
        p_app_secret_env: "S",
        p_verify_token_env: "V",
        p_access_token_env: "A",
      });
      assertEquals([dup.status, dup.code], [409, "23505"]);

      const seen = must("get_channel_binding", await rpc(operator.client, "get_channel_binding", { p_binding_id: wa.id })) as {
        name: string;
      };
      assertEquals(seen.name, "Line");
      assertEquals(
        (await refusal(operator.client, "update_channel_binding", { p_binding_id: wa.id, p_name: "Mine" })).status,
        403,
        "an operator may not change a binding",
      );
      assertEquals(
        (await refusal(stranger.client, "get_channel_binding", { p_binding_id: wa.id })).status,
        404,
        "a stranger does not see it",
      );
      assertEquals((await refusal(stranger.client, "list_channel_bindings", { p_ai_lenser_id: agent.id })).status, 403);
      assertEquals((await refusal(anonClient(), "get_channel_binding", { p_binding_id: wa.id })).status, 401);
      assertEquals(
        (await refusal(owner.client, "get_channel_binding_route", { p_channel: "whatsapp", p_routing_key: key })).status,
        403,
        "the webhook RPCs are not a user's",
      );
      assertEquals(
        (await refusal(owner.client, "receive_channel_events", { p_binding_id: wa.id, p_events: [] })).status,
        403,
      );

      const updated = must("update_channel_binding", await rpc(owner.client, "update_channel_binding", {
        p_binding_id: wa.id,
        p_debounce_ms: 250,
      })) as { version: number; debounce_ms: number };
      assertEquals([updated.version, updated.debounce_ms], [2, 250]);
      const service = serviceClient();
      const route = must("get_channel_binding_route", await rpc(service, "get_channel_binding_route", {
        p_channel: "whatsapp",
        p_routing_key: key,
      })) as { binding_id: string; app_secret_env: string; status: string }[];
      assertEquals(route.map((r) => [r.binding_id, r.app_secret_env, r.status]), [[wa.id, "WA_APP_SECRET", "active"]]);
      assertEquals(
        (await refusal(service, "get_channel_binding_route", { p_channel: "whatsapp", p_routing_key: "1" })).status,
        404,
      );

      must("archive_channel_binding", await rpc(owner.client, "archive_channel_binding", { p_binding_id: wa.id }));
      assertEquals((await refusal(owner.client, "archive_channel_binding", { p_binding_id: wa.id })).status, 409);
      assertEquals(
        (await refusal(owner.client, "update_channel_binding", { p_binding_id: wa.id, p_name: "x" })).status,
        409,
        "an archived binding is read-only",
      );
      const archived = await refusal(service, "receive_channel_events", {
        p_binding_id: wa.id,
        p_events: [{
          kind: "message",
          providerMessageId: "wamid.late",
          sender: { externalId: "4915550001" },
          body: "hi",
          sentAt: new Date().toISOString(),
        }],
      });
      assertEquals([archived.status, archived.code], [409, "PT409"]);
      assertEquals((await sql`select count(*)::int as n from agents.messages where binding_id = ${wa.id}`)[0].n, 0);
    } finally {
      await deleteAgents(sql, ...agents);
      await deleteUsers(sql, ...users);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "100 concurrent deliveries of one message store exactly one row; statuses only move forward",
  async fn() {
    const sql = db();
    const users: TestUser[] = [];
    const agents: string[] = [];
    try {
      const owner = await createUser(sql);
      users.push(owner);
      const agent = must("create_ai_lenser", await rpc(owner.client, "create_ai_lenser", {
        p_handle: `chan-${crypto.randomUUID().slice(0, 8)}`,
        p_display_name: "Busy agent",
      })) as { id: string };
      agents.push(agent.id);
      const binding = must("create_channel_binding", await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "whatsapp",
        p_name: "Busy line",
        p_routing_key: phoneNumberId(),
        p_app_secret_env: "WA_APP_SECRET",
        p_verify_token_env: "WA_VERIFY_TOKEN",
        p_access_token_env: "WA_ACCESS_TOKEN",
      })) as { id: string };
      const event = {
        kind: "message",
        providerMessageId: `wamid.${crypto.randomUUID()}`,
        sender: { externalId: "4915550123", name: "Rita" },
        body: "are you there?",
        sentAt: new Date().toISOString(),
      };
      const service = serviceClient();
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => rpc(service, "receive_channel_events", { p_binding_id: binding.id, p_events: [event] })),
      );
      for (const a of answers) assert(!a.error, JSON.stringify(a.error));
      const parsed = answers.map((a) => ReceiveChannelEventsOutput.parse(a.data));
      assertEquals(parsed.reduce((n, a) => n + a.stored, 0), 1, "one delivery stored it");
      assertEquals(parsed.reduce((n, a) => n + a.duplicates, 0), 99, "99 were duplicates");
      const [counts] = await sql`
        select (select count(*)::int from agents.messages where binding_id = ${binding.id}) as messages,
               (select count(*)::int from agents.contacts where ai_lenser_id = ${agent.id}) as contacts,
               (select count(*)::int from agents.contact_identities where ai_lenser_id = ${agent.id}) as identities,
               (select count(*)::int from agents.conversations where binding_id = ${binding.id}) as conversations,
               (select last_message_seq::int from agents.conversations where binding_id = ${binding.id}) as seq`;
      assertEquals(counts, { messages: 1, contacts: 1, identities: 1, conversations: 1, seq: 1 });

      // An outbound message (the outbox writes it later), then statuses, concurrently and out of order.
      const outId = `wamid.out.${crypto.randomUUID()}`;
      const [conv] = await sql<{ id: string; contact_id: string }[]>`
        select id, contact_id from agents.conversations where binding_id = ${binding.id}`;
      await sql.begin(async (tx) => {
        await tx`update agents.conversations set last_message_seq = 2 where id = ${conv.id}`;
        await tx`insert into agents.messages (conversation_id, seq, binding_id, ai_lenser_id, channel, direction, contact_id, body,
            provider_message_id, delivery_status)
          values (${conv.id}, 2, ${binding.id}, ${agent.id}, 'whatsapp', 'outbound', ${conv.contact_id}, 'yes!', ${outId}, 'queued')`;
      });
      const at = new Date().toISOString();
      const statuses = ["read", "delivered", "sent", "delivered", "read", "sent"].map((status) => ({
        kind: "status",
        providerMessageId: outId,
        status,
        at,
      }));
      const applied = await Promise.all(
        statuses.map((s) => rpc(service, "receive_channel_events", { p_binding_id: binding.id, p_events: [s] })),
      );
      for (const a of applied) assert(!a.error, JSON.stringify(a.error));
      const [out] = await sql`select delivery_status, read_at is not null as read from agents.messages where provider_message_id = ${outId}`;
      assertEquals(out, { delivery_status: "read", read: true }, "whatever the order, it ends read");

      const badEvent = await refusal(service, "receive_channel_events", {
        p_binding_id: binding.id,
        p_events: [{ ...event, providerMessageId: "wamid.bad", sender: { externalId: "not digits" } }],
      });
      assertEquals([badEvent.status, badEvent.code], [400, "22023"]);
      assertMatch(badEvent.message, /p_events\[0\]\.sender\.externalId/);
      assertEquals(
        (await refusal(service, "receive_channel_events", { p_binding_id: crypto.randomUUID(), p_events: [] })).status,
        404,
      );
    } finally {
      await deleteAgents(sql, ...agents);
      await deleteUsers(sql, ...users);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "seq stays gap-free and in commit order under concurrent deliveries in any grouping; each commit notifies",
  async fn() {
    const sql = db();
    const listener = db();
    const users: TestUser[] = [];
    const agents: string[] = [];
    try {
      const owner = await createUser(sql);
      users.push(owner);
      const agent = must("create_ai_lenser", await rpc(owner.client, "create_ai_lenser", {
        p_handle: `chan-${crypto.randomUUID().slice(0, 8)}`,
        p_display_name: "Group agent",
      })) as { id: string };
      agents.push(agent.id);
      const binding = must("create_channel_binding", await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "whatsapp",
        p_name: "Group line",
        p_routing_key: phoneNumberId(),
        p_app_secret_env: "WA_APP_SECRET",
        p_verify_token_env: "WA_VERIFY_TOKEN",
        p_access_token_env: "WA_ACCESS_TOKEN",
      })) as { id: string };
      const notified = new Set<string>();
      await listener.listen("channel_messages", (payload) => notified.add(payload));
      const group = `1203630${Math.floor(Math.random() * 1e9)}`;
      const sentAt = new Date().toISOString();
      // 40 messages from 8 senders in one group and 8 1:1 chats, delivered as overlapping batches in
      // shuffled orders, each batch twice: every message stored once, no deadlock, no gap.
      const events = Array.from({ length: 40 }, (_, i) => ({
        kind: "message",
        providerMessageId: `wamid.${crypto.randomUUID()}`,
        sender: { externalId: `49155${i % 8}`, name: `Sender ${i % 8}` },
        ...(i % 2 === 0 ? { groupId: group } : {}),
        body: `message ${i}`,
        sentAt,
      }));
      const shuffled = <T>(xs: T[]) => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      const batches: typeof events[] = [];
      for (let round = 0; round < 2; round++) {
        const order = shuffled(events);
        for (let i = 0; i < order.length; i += 5) batches.push(order.slice(i, i + 10));
      }
      const service = serviceClient();
      const answers = await Promise.all(
        batches.map((b) => rpc(service, "receive_channel_events", { p_binding_id: binding.id, p_events: b })),
      );
      for (const a of answers) assert(!a.error, JSON.stringify(a.error));
      assertEquals(answers.reduce((n, a) => n + ReceiveChannelEventsOutput.parse(a.data).stored, 0), 40);
      const conversations = await sql<{ id: string; last_message_seq: number; n: number; seqs: number[] }[]>`
        select c.id, c.last_message_seq::int, count(m.id)::int as n, array_agg(m.seq::int order by m.seq) as seqs
        from agents.conversations c join agents.messages m on m.conversation_id = c.id
        where c.binding_id = ${binding.id}
        group by c.id, c.last_message_seq`;
      assertEquals(conversations.length, 5, "the group and four 1:1 chats (odd senders write 1:1)");
      for (const c of conversations) {
        assertEquals(c.seqs, Array.from({ length: c.n }, (_, i) => i + 1), "seq 1..n with no gap");
        assertEquals(c.last_message_seq, c.n);
      }
      const [{ contacts }] = await sql`select count(*)::int as contacts from agents.contacts where ai_lenser_id = ${agent.id}`;
      assertEquals(contacts, 8, "one contact per sender");
      for (let i = 0; i < 50 && notified.size < 5; i++) await new Promise((r) => setTimeout(r, 20));
      assertEquals([...notified].sort(), conversations.map((c) => c.id).sort(), "each conversation was notified");
    } finally {
      await listener.end();
      await deleteAgents(sql, ...agents);
      await deleteUsers(sql, ...users);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "contacts: the same person on WhatsApp and the web chat merged, then unmerged; lists and the web reader",
  async fn() {
    const sql = db();
    const users: TestUser[] = [];
    const agents: string[] = [];
    try {
      const owner = await createUser(sql);
      const visitorUser = await createUser(sql);
      const stranger = await createUser(sql);
      users.push(owner, visitorUser, stranger);
      const agent = must("create_ai_lenser", await rpc(owner.client, "create_ai_lenser", {
        p_handle: `chan-${crypto.randomUUID().slice(0, 8)}`,
        p_display_name: "Two-channel agent",
      })) as { id: string };
      agents.push(agent.id);
      const wa = must("create_channel_binding", await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "whatsapp",
        p_name: "Line",
        p_routing_key: phoneNumberId(),
        p_app_secret_env: "WA_APP_SECRET",
        p_verify_token_env: "WA_VERIFY_TOKEN",
        p_access_token_env: "WA_ACCESS_TOKEN",
      })) as { id: string };
      const web = must("create_channel_binding", await rpc(owner.client, "create_channel_binding", {
        p_ai_lenser_id: agent.id,
        p_channel: "web",
        p_name: "Site",
        p_allowed_origins: ["https://shop.example"],
      })) as { id: string };
      const [{ id: profileId }] = await sql<{ id: string }[]>`select id from lensers.profiles where user_id = ${visitorUser.id}`;
      const service = serviceClient();
      const now = () => new Date().toISOString();
      for (let i = 0; i < 3; i++) {
        must("receive_channel_events", await rpc(service, "receive_channel_events", {
          p_binding_id: wa.id,
          p_events: [{ kind: "message", providerMessageId: `wamid.${crypto.randomUUID()}`, sender: { externalId: "4915550777", name: "Vic" }, body: `wa ${i}`, sentAt: now() }],
        }));
      }
      must("receive_channel_events", await rpc(service, "receive_channel_events", {
        p_binding_id: web.id,
        p_events: [{
          kind: "message",
          providerMessageId: `web.${crypto.randomUUID()}`,
          sender: { externalId: `user:${profileId}`, profileId, name: "Vic" },
          body: "from the site",
          sentAt: now(),
        }],
      }));
      const webMessages = must("get_web_chat_messages", await rpc(service, "get_web_chat_messages", {
        p_binding_id: web.id,
        p_external_id: `user:${profileId}`,
        p_after_seq: 0,
        p_limit: 10,
      })) as { seq: number; body: string; direction: string }[];
      assertEquals(webMessages.map((m) => [m.seq, m.body, m.direction]), [[1, "from the site", "inbound"]]);
      assertEquals(
        (await refusal(owner.client, "get_web_chat_messages", { p_binding_id: web.id, p_external_id: `user:${profileId}`, p_after_seq: 0, p_limit: 10 })).status,
        403,
      );

      const contacts = must("list_contacts", await rpc(owner.client, "list_contacts", { p_ai_lenser_id: agent.id })) as {
        id: string;
        profile_id: string | null;
      }[];
      assertEquals(contacts.length, 2, "one contact per channel identity until merged");
      const webContact = contacts.find((c) => c.profile_id === profileId)!;
      const waContact = contacts.find((c) => c.profile_id === null)!;
      assertEquals(
        (await refusal(stranger.client, "merge_contacts", { p_survivor_id: waContact.id, p_merged_id: webContact.id })).status,
        404,
      );
      const merge = must("merge_contacts", await rpc(owner.client, "merge_contacts", {
        p_survivor_id: waContact.id,
        p_merged_id: webContact.id,
      })) as { id: string; moved_identity_ids: string[] };
      assertEquals(merge.moved_identity_ids.length, 1);
      const afterMerge = must("list_contacts", await rpc(owner.client, "list_contacts", { p_ai_lenser_id: agent.id })) as {
        id: string;
        profile_id: string | null;
      }[];
      assertEquals(afterMerge.map((c) => [c.id, c.profile_id]), [[waContact.id, profileId]], "one person, linked to the account");
      const convs = must("list_conversations", await rpc(owner.client, "list_conversations", {
        p_ai_lenser_id: agent.id,
        p_contact_id: waContact.id,
      })) as unknown[];
      assertEquals(convs.length, 2, "both channels' conversations are the survivor's");
      assertEquals(
        (await refusal(owner.client, "merge_contacts", { p_survivor_id: waContact.id, p_merged_id: webContact.id })).status,
        409,
      );
      must("unmerge_contacts", await rpc(owner.client, "unmerge_contacts", { p_merge_id: merge.id }));
      assertEquals((await refusal(owner.client, "unmerge_contacts", { p_merge_id: merge.id })).status, 409);
      const restored = must("list_contacts", await rpc(owner.client, "list_contacts", { p_ai_lenser_id: agent.id })) as {
        id: string;
        profile_id: string | null;
      }[];
      assertEquals(
        restored.map((c) => [c.id, c.profile_id]).sort(),
        [[waContact.id, null], [webContact.id, profileId]].sort(),
        "unmerge restores both contacts as they were",
      );

      // Lists: keyset pages, newest first, bounded.
      const [waConv] = must("list_conversations", await rpc(owner.client, "list_conversations", {
        p_ai_lenser_id: agent.id,
        p_binding_id: wa.id,
      })) as { id: string }[];
      const page1 = must("list_messages", await rpc(owner.client, "list_messages", { p_conversation_id: waConv.id, p_limit: 2 })) as {
        seq: number;
      }[];
      const page2 = must("list_messages", await rpc(owner.client, "list_messages", {
        p_conversation_id: waConv.id,
        p_limit: 2,
        p_before_seq: page1[page1.length - 1].seq,
      })) as { seq: number }[];
      assertEquals([page1.map((m) => m.seq), page2.map((m) => m.seq)], [[3, 2], [1]]);
      assertEquals((await refusal(owner.client, "list_messages", { p_conversation_id: waConv.id, p_limit: 0 })).status, 400);
      assertEquals((await refusal(stranger.client, "list_messages", { p_conversation_id: waConv.id })).status, 404);
      const [first] = must("list_contacts", await rpc(owner.client, "list_contacts", { p_ai_lenser_id: agent.id, p_limit: 1 })) as {
        id: string;
        created_at: string;
      }[];
      const rest = must("list_contacts", await rpc(owner.client, "list_contacts", {
        p_ai_lenser_id: agent.id,
        p_before_created_at: first.created_at,
        p_before_id: first.id,
      })) as { id: string }[];
      assertEquals(rest.length, 1, "the next page holds the other contact");
      assert(rest[0].id !== first.id);
    } finally {
      await deleteAgents(sql, ...agents);
      await deleteUsers(sql, ...users);
      await sql.end();
    }
  },
});
