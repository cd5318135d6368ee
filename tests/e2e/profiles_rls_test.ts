// The whole chain as a frontend sees it: a user in auth.users, a JWT signed like Supabase Auth's,
// supabase-js through the gateway, PostgREST calling RPCs that answer according to RLS.
import { assert, assertEquals, assertExists } from "../_support/assert.ts";
import { anonClient, createUser, db, deleteUsers } from "../_support/stack.ts";

Deno.test("a signed-in user sees their private profile; others and anon do not", async () => {
  const sql = db();
  const owner = await createUser(sql, {
    handle: `priv-${crypto.randomUUID().slice(0, 6)}`,
    display_name: "Private Person",
  });
  const other = await createUser(sql);
  try {
    const { data: made, error: madeError } = await owner.client.rpc("update_my_profile", {
      p_visibility: "private",
    });
    assertEquals(madeError, null);
    assertEquals(made?.visibility, "private");
    const handle = made!.handle;

    const mine = await owner.client.rpc("get_my_profile");
    assertEquals(mine.error, null);
    assertEquals(mine.data?.handle, handle);
    assertEquals(
      (await owner.client.rpc("get_profile", { p_handle: handle.toUpperCase() })).data?.handle,
      handle,
    );

    const byOther = await other.client.rpc("get_profile", { p_handle: handle });
    assertExists(byOther.error);
    assertEquals(byOther.error.code, "PT404");

    const anon = anonClient();
    const byAnon = await anon.rpc("get_profile", { p_handle: handle });
    assertEquals(byAnon.error?.code, "PT404");
    const anonMine = await anon.rpc("get_my_profile");
    assertEquals(anonMine.error?.code, "42501", "anon has no profile of its own");

    const listedByAnon = await anon.rpc("list_public_profiles", { p_limit: 200 });
    assertEquals(listedByAnon.error, null);
    assert(!listedByAnon.data!.some((p) => p.handle === handle), "a private profile is not listed");

    // Going public makes it visible to everyone, anon included.
    await owner.client.rpc("update_my_profile", { p_visibility: "public" });
    assertEquals((await anon.rpc("get_profile", { p_handle: handle })).data?.handle, handle);
  } finally {
    await deleteUsers(sql, owner, other);
    await sql.end();
  }
});

Deno.test("bad input through PostgREST gets a clear error and changes nothing", async () => {
  const sql = db();
  const user = await createUser(sql, { display_name: "Before" });
  try {
    const bad = await user.client.rpc("update_my_profile", {
      p_display_name: "After",
      p_avatar_url: "ftp://x",
    });
    assertEquals(bad.error?.code, "22023");
    assertEquals(bad.error?.message, "update_my_profile: p_avatar_url must be an http(s) URL");
    assertEquals((await user.client.rpc("get_my_profile")).data?.display_name, "Before");

    const page = await anonClient().rpc("list_public_profiles", { p_limit: 0 });
    assertEquals(page.error?.message, "list_public_profiles: p_limit must be between 1 and 200, got 0");
  } finally {
    await deleteUsers(sql, user);
    await sql.end();
  }
});

Deno.test("a JWT signed with another secret is refused", async () => {
  const sql = db();
  const user = await createUser(sql);
  try {
    const { createClient } = await import("@supabase/supabase-js");
    const { stack, userJwt } = await import("../_support/stack.ts");
    const forged = await userJwt(user.id, user.email, "not-the-secret-not-the-secret-not-the-secret");
    const client = createClient(stack.url, stack.anonKey, {
      auth: { persistSession: false },
      global: { headers: { Authorization: `Bearer ${forged}` } },
    });
    const res = await client.rpc("get_my_profile");
    assertEquals(res.error?.code, "PGRST301");
  } finally {
    await deleteUsers(sql, user);
    await sql.end();
  }
});
