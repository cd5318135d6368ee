// Argument limits through the gateway: a run input over 256 KB answers 413 (PT413), one nested
// 4,000 levels deep 400, a title over 200 characters 413, a lens render past the prompt ceiling
// 413; each names the RPC, the argument and the limit, and nothing is written.
import { assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db, deleteUsers, stack } from "../_support/stack.ts";
import { buildWorkflow } from "../_support/workflows.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "oversized and over-deep arguments answer 413 and 400 through the gateway, naming the argument and its limit",
  async fn() {
    const sql = db();
    const user = await createUser(sql);
    try {
      const wf = await buildWorkflow(user.client, { title: "limits", nodes: [{ key: "only" }] });
      const count = async () =>
        (await sql<{ n: number }[]>`select count(*)::int as n from lenses.workflow_runs where workflow_id = ${wf.id}`)[0].n;

      const big = await user.client.rpc("start_workflow_run", { p_workflow_id: wf.id, p_input: { text: "x".repeat(300_000) } });
      assertEquals([big.status, big.error?.code], [413, "PT413"]);
      assertMatch(big.error!.message, /^start_workflow_run: p_input is \d+ bytes, over the limit of 262144 bytes$/);

      // Sent as text, as a client would: supabase-js walks a body's values and cannot take this depth.
      const body = `{"p_workflow_id":"${wf.id}","p_input":{"deep":${"[".repeat(4000)}1${"]".repeat(4000)}}}`;
      const res = await fetch(`${stack.url}/rest/v1/rpc/start_workflow_run`, {
        method: "POST",
        headers: { apikey: stack.anonKey, Authorization: `Bearer ${user.jwt}`, "Content-Type": "application/json" },
        body,
      });
      const nested = { status: res.status, error: await res.json() as { code: string; message: string } };
      assertEquals([nested.status, nested.error?.code], [400, "22023"]);
      assertEquals(nested.error!.message, "start_workflow_run: p_input is nested more than 32 levels deep");
      assertEquals(await count(), 0, "no run was created");

      const title = await user.client.rpc("create_lens", { p_title: "t".repeat(201) });
      assertEquals([title.status, title.error?.code], [413, "PT413"]);
      assertEquals(title.error!.message, "create_lens: p_title is 201 characters long, over the limit of 200 characters");

      const lens = await user.client.rpc("create_lens", { p_title: "ceiling" });
      assertEquals(lens.error, null);
      const version = await user.client.rpc("create_lens_version", {
        p_lens_id: lens.data!.id,
        p_template_body: "[[topic]] ".repeat(5000),
        p_parameters: [{ label: "topic", tool_key: "text", required: true }],
      });
      assertEquals(version.error, null);
      // deno-lint-ignore no-explicit-any
      const versionId = (version.data as any).id as string;
      const render = await user.client.rpc("render_lens_version", {
        p_version_id: versionId,
        p_params: { topic: "y".repeat(300) },
      });
      assertEquals([render.status, render.error?.code], [413, "PT413"]);
      assertMatch(render.error!.message, /the rendered prompt is over the limit of 1000000 characters/);
    } finally {
      await deleteUsers(sql, user);
      await sql.end();
    }
  },
});
