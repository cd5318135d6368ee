// npm run token -- <email>: a user's access token for the local stack, which has no Auth (GoTrue)
// server. Finds the auth user with that email, or creates one (the sign-up trigger then makes its
// profile), and prints on stdout an access token signed as Supabase Auth signs them: HS256 with the
// stack's JWT secret, and Auth's claims (iss, sub, aud, exp, iat, email, phone, app_metadata,
// user_metadata, role, aal, amr, session_id, is_anonymous). Details go to stderr, so
// `TOKEN=$(npm run -s token -- ada@example.com)` captures the token alone.
//
// Environment (scripts/token.sh sets it from scripts/lib.sh): SUPABASE_DB_URL, SUPABASE_URL,
// CL_JWT_SECRET; the lifetime is [auth] jwt_expiry of supabase/config.toml (3600 s), as Auth's is.
// Exit status: 0 a token, 2 a bad argument (no email, or not an email address), 1 anything else.
import postgres from "postgres";
import { SignJWT } from "jose";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** An email address as Auth accepts it: trimmed and lower-cased (Auth stores emails lower-cased). */
export const Email = z.string().trim().max(255, "an email address has at most 255 characters").pipe(
  z.email("not an email address"),
).transform((e) => e.toLowerCase());

export interface AccessTokenClaims {
  userId: string;
  email: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  isAnonymous: boolean;
}

/** An access token as Supabase Auth issues it after a password sign-in, signed with `secret`. */
export async function signAccessToken(
  user: AccessTokenClaims,
  options: { secret: string; issuer: string; expiresIn: number; now?: number },
): Promise<{ token: string; sessionId: string; expiresAt: number }> {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const sessionId = crypto.randomUUID();
  const expiresAt = iat + options.expiresIn;
  const token = await new SignJWT({
    email: user.email,
    phone: "",
    app_metadata: user.appMetadata,
    user_metadata: user.userMetadata,
    role: "authenticated",
    aal: "aal1",
    amr: [{ method: "password", timestamp: iat }],
    session_id: sessionId,
    is_anonymous: user.isAnonymous,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(options.issuer)
    .setSubject(user.userId)
    .setAudience("authenticated")
    .setIssuedAt(iat)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(options.secret));
  return { token, sessionId, expiresAt };
}

/** [auth] jwt_expiry and jwt_issuer of supabase/config.toml (Auth's defaults: 3600 s, <url>/auth/v1). */
function authSettings(apiUrl: string): { expiresIn: number; issuer: string } {
  const config = parseToml(Deno.readTextFileSync(`${ROOT}/supabase/config.toml`)) as {
    auth?: { jwt_expiry?: number; jwt_issuer?: string };
  };
  return {
    expiresIn: config.auth?.jwt_expiry ?? 3600,
    issuer: config.auth?.jwt_issuer ?? `${apiUrl}/auth/v1`,
  };
}

interface UserRow {
  id: string;
  email: string;
  created: boolean;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  is_anonymous: boolean;
}

/** The auth user with this email, created (confirmed, provider email) when there is none. */
async function findOrCreateUser(sql: postgres.Sql, email: string): Promise<UserRow> {
  const appMeta = { provider: "email", providers: ["email"] };
  // Two attempts: when another sign-up of this email commits while this one runs, the insert does
  // nothing and the statement's snapshot does not see that row yet; the second attempt does.
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await findOrCreateOnce(sql, email, appMeta);
    if (row) {
      await sql`update auth.users set last_sign_in_at = now() where id = ${row.id}`;
      return row;
    }
  }
  throw new Error(`could not find or create the user ${email}`);
}

async function findOrCreateOnce(sql: postgres.Sql, email: string, appMeta: postgres.JSONValue) {
  const [row] = await sql<UserRow[]>`
    with made as (
      insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
      values (gen_random_uuid(), 'authenticated', 'authenticated', ${email}, now(), ${
    sql.json(appMeta)
  }, '{}')
      on conflict (email) where is_sso_user = false do nothing
      returning id, email, raw_app_meta_data, raw_user_meta_data, is_anonymous)
    select id, email::text, true as created, raw_app_meta_data, raw_user_meta_data, is_anonymous from made
    union all
    select id, email::text, false, raw_app_meta_data, raw_user_meta_data, is_anonymous
    from auth.users where email = ${email} and is_sso_user = false and not exists (select 1 from made)`;
  return row as UserRow | undefined;
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === "-h" || args[0] === "--help") {
    console.error("usage: npm run token -- <email>   (prints an access token for that local user)");
    return 2;
  }
  const email = Email.safeParse(args[0]);
  if (!email.success) {
    console.error(
      `token: ${JSON.stringify(args[0].slice(0, 100))} is refused: ${email.error.issues[0].message}`,
    );
    return 2;
  }
  const dbUrl = Deno.env.get("SUPABASE_DB_URL");
  const apiUrl = Deno.env.get("SUPABASE_URL");
  const secret = Deno.env.get("CL_JWT_SECRET");
  if (!dbUrl || !apiUrl || !secret) {
    console.error(
      "token: SUPABASE_DB_URL, SUPABASE_URL and CL_JWT_SECRET must be set (npm run token sets them)",
    );
    return 1;
  }
  const sql = postgres(dbUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "connectedlenses-token" },
  });
  try {
    const user = await findOrCreateUser(sql, email.data);
    const settings = authSettings(apiUrl);
    const { token, expiresAt } = await signAccessToken({
      userId: user.id,
      email: user.email,
      appMetadata: user.raw_app_meta_data ?? {},
      userMetadata: user.raw_user_meta_data ?? {},
      isAnonymous: user.is_anonymous,
    }, { secret, ...settings });
    console.error(
      `${user.created ? "created" : "found"} user ${user.email} (${user.id}); token valid until ${
        new Date(expiresAt * 1000).toISOString()
      }`,
    );
    console.log(token);
    return 0;
  } catch (err) {
    console.error(`token: ${(err as Error).message} (is the stack running? npm run stack:start)`);
    return 1;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
