// `npm run token -- <email>`, the local stand-in for signing in with Supabase Auth: it finds or
// creates the user and prints an access token with Auth's claims, signed with the stack's secret,
// that the gateway and PostgREST accept as that user. A malformed email is refused, creating nobody.
import { createClient } from "@supabase/supabase-js";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { db, stack } from "../_support/stack.ts";
import type { Database } from "../../types/database.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

/** `npm run -s token -- ...args` against this stack (its ports from the test's environment). */
async function token(...args: string[]) {
  const out = await new Deno.Command("npm", {
    args: ["run", "-s", "token", "--", ...args],
    cwd: stack.root,
    env: { CL_API_PORT: new URL(stack.url).port, CL_DB_PORT: new URL(stack.dbUrl).port, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout).trim(),
    stderr: new TextDecoder().decode(out.stderr).trim(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

Deno.test({
  ...opts,
  name: "npm run token: a new user's token has Auth's claims and works through the gateway as that user",
  async fn() {
    const sql = db();
    const local = `token-${crypto.randomUUID().slice(0, 8)}`;
    const email = `${local}@example.test`;
    try {
      // Mixed case and spaces, as a person types it: Auth stores the address trimmed and lower-cased.
      const made = await token(`  ${local.toUpperCase()}@Example.TEST `);
      assertEquals(made.code, 0, made.stderr);
      assertMatch(made.stderr, new RegExp(`^created user ${email} \\(`));
      const [user] = await sql<{ id: string; email: string; last_sign_in_at: Date | null }[]>`
        select id, email, last_sign_in_at from auth.users where email = ${email}`;
      assert(user, "the user exists in auth.users");
      assert(user.last_sign_in_at !== null, "signed in");

      // Signed as Auth signs: HS256 with the JWT secret, and its claims.
      assertEquals(decodeProtectedHeader(made.stdout), { alg: "HS256", typ: "JWT" });
      const { payload } = await jwtVerify(made.stdout, new TextEncoder().encode(stack.jwtSecret), {
        issuer: `${stack.url}/auth/v1`,
        audience: "authenticated",
        algorithms: ["HS256"],
      });
      assertEquals(payload.sub, user.id);
      assertEquals(payload.role, "authenticated");
      assertEquals(payload.email, email);
      assertEquals(payload.aal, "aal1");
      assertEquals(payload.is_anonymous, false);
      assertEquals(payload.app_metadata, { provider: "email", providers: ["email"] });
      assertMatch(String(payload.session_id), UUID);
      assertEquals(payload.exp! - payload.iat!, 3600, "supabase/config.toml [auth] jwt_expiry");
      assert(Math.abs(payload.iat! - Date.now() / 1000) < 60);

      // Through the gateway: PostgREST takes it, and auth.uid() is this user.
      const client = createClient<Database>(stack.url, stack.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        global: { headers: { Authorization: `Bearer ${made.stdout}` } },
      });
      const me = await client.rpc("get_my_profile");
      assertEquals(me.error, null);
      assertEquals([me.data?.user_id, me.data?.handle, me.data?.type], [user.id, local, "human"]);

      // Again: the same user is found (not a second one), with a new session.
      const again = await token(email);
      assertEquals(again.code, 0, again.stderr);
      assertMatch(again.stderr, new RegExp(`^found user ${email} \\(${user.id}\\)`));
      const second = await jwtVerify(again.stdout, new TextEncoder().encode(stack.jwtSecret));
      assertEquals(second.payload.sub, user.id);
      assert(second.payload.session_id !== payload.session_id, "a new session");
      const [count] = await sql<
        { n: number }[]
      >`select count(*)::int as n from auth.users where email = ${email}`;
      assertEquals(count.n, 1);

      // A token signed with another secret is refused by the gateway's PostgREST.
      const forged = made.stdout.slice(0, made.stdout.lastIndexOf(".") + 1) + "A".repeat(43);
      const refused = await fetch(`${stack.url}/rest/v1/rpc/get_my_profile`, {
        method: "POST",
        headers: {
          apikey: stack.anonKey,
          authorization: `Bearer ${forged}`,
          "content-type": "application/json",
        },
        body: "{}",
      });
      assertEquals(refused.status, 401);
      await refused.body?.cancel();
    } finally {
      await sql`delete from auth.users where email = ${email}`;
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "npm run token: a malformed email or a missing argument is refused (exit 2), and nobody is created",
  async fn() {
    const sql = db();
    try {
      const [before] = await sql<{ n: number }[]>`select count(*)::int as n from auth.users`;
      for (const bad of ["not-an-email", "a@b", "two@@example.test", "", `${"x".repeat(250)}@example.test`]) {
        const res = await token(bad);
        assertEquals(res.code, 2, `${JSON.stringify(bad)}: ${res.stderr}`);
        assertEquals(res.stdout, "", "no token");
        assertMatch(res.stderr, /^token: ".*" is refused: /);
      }
      const none = await token();
      assertEquals(none.code, 2);
      assertMatch(none.stderr, /^usage: npm run token -- <email>/);
      const [after] = await sql<{ n: number }[]>`select count(*)::int as n from auth.users`;
      assertEquals(after.n, before.n, "no user created");
    } finally {
      await sql.end();
    }
  },
});
