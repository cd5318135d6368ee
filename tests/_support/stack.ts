// What the Deno tests need to reach the local stack as a client would: the URL and keys from the
// environment scripts/test.sh exports (the Supabase CLI's local defaults otherwise), supabase-js
// clients, and users created in auth.users with real JWTs signed by the stack's secret.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { SignJWT } from "jose";
import type { Database } from "../../types/database.ts";

export const stack = {
  url: Deno.env.get("SUPABASE_URL") ?? "http://127.0.0.1:54321",
  anonKey: Deno.env.get("SUPABASE_ANON_KEY") ??
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0",
  serviceRoleKey: Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ??
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU",
  dbUrl: Deno.env.get("SUPABASE_DB_URL") ?? "postgresql://postgres:postgres@127.0.0.1:54322/postgres",
  jwtSecret: Deno.env.get("CL_JWT_SECRET") ?? "super-secret-jwt-token-with-at-least-32-characters-long",
  root: Deno.env.get("CL_ROOT") ?? new URL("../..", import.meta.url).pathname.replace(/\/$/, ""),
};

export type Client = SupabaseClient<Database>;

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false } } as const;

/** A database connection as `postgres` (the role migrations run as); close it with `end()`. */
export function db() {
  return postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
}

export function anonClient(): Client {
  return createClient<Database>(stack.url, stack.anonKey, clientOptions);
}

export function serviceClient(): Client {
  return createClient<Database>(stack.url, stack.serviceRoleKey, clientOptions);
}

/** An access token as Supabase Auth would issue it for this user. */
export async function userJwt(userId: string, email: string, secret = stack.jwtSecret): Promise<string> {
  return await new SignJWT({ role: "authenticated", email, aud: "authenticated", aal: "aal1" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret));
}

export interface TestUser {
  id: string;
  email: string;
  jwt: string;
  client: Client;
}

/** Signs a user up (a row in auth.users; the trigger makes the profile) and returns a client for them. */
export async function createUser(sql: postgres.Sql, meta: Record<string, unknown> = {}): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `user-${id.slice(0, 8)}@example.test`;
  await sql`
    insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
    values (${id}, 'authenticated', 'authenticated', ${email}, now(), ${sql.json({ provider: "email" })}, ${
    sql.json(meta as postgres.JSONValue)
  })`;
  const jwt = await userJwt(id, email);
  const client = createClient<Database>(stack.url, stack.anonKey, {
    ...clientOptions,
    global: { headers: { Authorization: `Bearer ${jwt}` } },
  });
  return { id, email, jwt, client };
}

/**
 * Removes test users with everything of theirs. A user who has runs is erased through the retention
 * purge (`lenses.fn_purge_runs(p_lenser_id => ...)`, README "Retention"): runs and their logs leave
 * no other way, so a plain `delete from auth.users` is refused for them. Agents they own go first
 * (as with a plain delete).
 */
export async function deleteUsers(sql: postgres.Sql, ...users: TestUser[]) {
  if (!users.length) return;
  const profiles = await sql<{ id: string }[]>`
    select p.id from lensers.profiles p where p.user_id in ${sql(users.map((u) => u.id))}`;
  for (const { id } of profiles) await sql`select lenses.fn_purge_runs(p_lenser_id => ${id})`;
  await sql`delete from auth.users where id in ${sql(users.map((u) => u.id))}`;
}
