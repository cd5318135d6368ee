// The lens and workflow flow as a frontend drives it, through the gateway with supabase-js and real
// JWTs: a user writes a lens with a two-parameter version, publishes and renders it, builds a
// three-node workflow with a conditional edge, validates and publishes it. A second user sees none
// of it while it is private, reads it once public, and cannot change it either way.
import { assert, assertEquals, assertExists } from "../_support/assert.ts";
import { anonClient, createUser, db, deleteUsers, type TestUser } from "../_support/stack.ts";

type Version = { id: string; version_number: number; status: string; parameters: { label: string }[] };
type WorkflowDetail = {
  id: string;
  status: string;
  nodes: { key: string }[];
  edges: { source_key: string; target_key: string; condition: string | null }[];
};

async function expectError(
  call: PromiseLike<{ error: { code?: string; message: string } | null }>,
  code: string,
  message?: RegExp,
) {
  const { error } = await call;
  assertExists(error, `expected an error ${code}`);
  assertEquals(error.code, code, error.message);
  if (message) assert(message.test(error.message), `"${error.message}" should match ${message}`);
}

Deno.test("a lens and a workflow from draft to public, guarded from another user", async () => {
  const sql = db();
  const users: TestUser[] = [];
  try {
    const owner = await createUser(sql, { display_name: "Owner" });
    const other = await createUser(sql, { display_name: "Other" });
    users.push(owner, other);
    const me = owner.client;

    // A lens with a version of two typed parameters, published and rendered.
    const lens = await me.rpc("create_lens", { p_title: "Brief writer", p_tags: ["Writing"] });
    assertEquals(lens.error, null);
    const lensId = lens.data!.id;
    const created = await me.rpc("create_lens_version", {
      p_lens_id: lensId,
      p_template_body: "Write [[count]] bullet points about [[topic]].",
      p_input_contract: { kind: "json", fields: [{ name: "topic", type: "string", required: true }] },
      p_output_contract: {
        kind: "json",
        artifactKind: "summary",
        fields: [{ name: "summary", type: "string", required: true }, {
          name: "score",
          type: "number",
          required: true,
        }],
      },
      p_instruction_category: "generation",
      p_parameters: [
        { label: "topic", tool_key: "text", required: true, display_name: "Topic" },
        { label: "count", tool_key: "integer", default_value: 3, config: { min: 1, max: 10 } },
      ],
    });
    assertEquals(created.error, null);
    const version = created.data as unknown as Version;
    assertEquals(version.version_number, 1);
    assertEquals(version.parameters.map((p) => p.label).sort(), ["count", "topic"]);

    const published = await me.rpc("publish_lens_version", { p_version_id: version.id });
    assertEquals(published.error, null);
    assertEquals((published.data as unknown as Version).status, "published");

    const rendered = await me.rpc("render_lens_version", {
      p_version_id: version.id,
      p_params: { topic: "tea", count: "5" },
    });
    assertEquals(rendered.error, null);
    assertEquals(rendered.data, "Write 5 bullet points about tea.");
    const withDefault = await me.rpc("render_lens_version", {
      p_version_id: version.id,
      p_params: { topic: "tea" },
    });
    assertEquals(withDefault.data, "Write 3 bullet points about tea.");
    await expectError(
      me.rpc("render_lens_version", { p_version_id: version.id, p_params: { topic: "tea", count: 1.5 } }),
      "22023",
      /^render_lens_version: p_params: parameter "count" \(integer\) must be a whole number, got 1.5$/,
    );
    await expectError(
      me.rpc("render_lens_version", { p_version_id: version.id, p_params: { count: 2 } }),
      "22023",
      /"topic" is required/,
    );

    // A three-node workflow with a conditional edge.
    const wf = await me.rpc("create_workflow", { p_title: "Brief and review" });
    assertEquals(wf.error, null);
    const wfId = wf.data!.id;
    const model = await me.rpc("list_ai_models", { p_provider_key: "local" });
    const modelId = model.data!.find((m) => m.model_key === "local-echo")!.model_id;
    const write = await me.rpc("add_workflow_node", {
      p_workflow_id: wfId,
      p_key: "write",
      p_lens_version_id: version.id,
      p_config: {
        model_id: modelId,
        timeout_ms: 60000,
        retry: { max_retries: 2 },
        params: { count: 4 },
        position: { x: 0, y: 0 },
      },
    });
    assertEquals(write.error, null);
    const review = await me.rpc("add_workflow_node", {
      p_workflow_id: wfId,
      p_key: "review",
      p_inline_override: {
        template_body: "Review this summary: [[summary]]",
        input_contract: { kind: "json", fields: [{ name: "summary", type: "string", required: true }] },
        output_contract: { kind: "text", artifactKind: "markdown" },
        parameters: [{ label: "summary", type: "textarea", required: true }],
      },
      p_config: { position: { x: 200, y: 0 } },
    });
    assertEquals(review.error, null);
    const approve = await me.rpc("add_workflow_node", {
      p_workflow_id: wfId,
      p_key: "approve",
      p_kind: "human_input",
      p_config: { prompt: "Send it?", position: { x: 400, y: 0 } },
    });
    assertEquals(approve.error, null);
    const conditional = await me.rpc("add_workflow_edge", {
      p_source_node_id: write.data!.id,
      p_target_node_id: review.data!.id,
      p_condition: "$.score >= 0.5",
      p_source_output_path: "summary",
      p_target_input_path: "summary",
    });
    assertEquals(conditional.error, null);
    assertEquals(
      (await me.rpc("add_workflow_edge", {
        p_source_node_id: review.data!.id,
        p_target_node_id: approve.data!.id,
      })).error,
      null,
    );

    // An edge of the wrong type is caught by validation, then removed.
    const wrong = await me.rpc("add_workflow_edge", {
      p_source_node_id: write.data!.id,
      p_target_node_id: review.data!.id,
      p_source_output_path: "score",
      p_target_input_path: "notes",
    });
    assertEquals(wrong.error, null);
    const invalid = await me.rpc("validate_workflow", { p_workflow_id: wfId });
    assertEquals((invalid.data as { valid: boolean }).valid, false);
    await expectError(
      me.rpc("publish_workflow", { p_workflow_id: wfId }),
      "23514",
      /target_input_path "notes" names no field/,
    );
    assertEquals((await me.rpc("remove_workflow_edge", { p_edge_id: wrong.data!.id })).error, null);

    const valid = await me.rpc("validate_workflow", { p_workflow_id: wfId });
    assertEquals(valid.data, { valid: true, errors: [] });
    const live = await me.rpc("publish_workflow", { p_workflow_id: wfId });
    assertEquals(live.error, null);
    assertEquals(live.data!.status, "published");
    const detail = (await me.rpc("get_workflow", { p_workflow_id: wfId })).data as unknown as WorkflowDetail;
    assertEquals(detail.nodes.map((n) => n.key), ["approve", "review", "write"]);
    assertEquals(detail.edges.find((e) => e.source_key === "write")?.condition, '($."score" >= 0.5)');

    // The other user, while everything is private: nothing to see, nothing to change.
    const them = other.client;
    await expectError(them.rpc("get_lens", { p_lens_id: lensId }), "PT404");
    await expectError(
      them.rpc("render_lens_version", { p_version_id: version.id, p_params: { topic: "x" } }),
      "PT404",
    );
    await expectError(them.rpc("get_workflow", { p_workflow_id: wfId }), "PT404");
    const listed = await them.rpc("list_lenses", { p_scope: "public", p_limit: 200 });
    assert(!listed.data!.some((l) => l.id === lensId), "a private lens is not listed");
    await expectError(them.rpc("update_lens", { p_lens_id: lensId, p_title: "taken" }), "PT404");
    await expectError(
      them.rpc("create_lens_version", { p_lens_id: lensId, p_template_body: "mine" }),
      "PT404",
    );
    await expectError(them.rpc("archive_workflow", { p_workflow_id: wfId }), "PT404");
    await expectError(anonClient().rpc("get_workflow", { p_workflow_id: wfId }), "PT404");

    // Made public, it can be read, rendered and listed by others...
    assertEquals((await me.rpc("update_lens", { p_lens_id: lensId, p_visibility: "public" })).error, null);
    assertEquals(
      (await me.rpc("update_workflow", { p_workflow_id: wfId, p_visibility: "public" })).error,
      null,
    );
    const seen = await them.rpc("get_lens", { p_lens_id: lensId });
    assertEquals(seen.error, null);
    assertEquals((seen.data as { versions: Version[] }).versions.map((v) => v.status), ["published"]);
    assertEquals(
      (await them.rpc("render_lens_version", { p_version_id: version.id, p_params: { topic: "coffee" } }))
        .data,
      "Write 3 bullet points about coffee.",
    );
    const theirView = (await them.rpc("get_workflow", { p_workflow_id: wfId }))
      .data as unknown as WorkflowDetail;
    assertEquals(theirView.nodes.length, 3);
    assertEquals(theirView.edges.length, 2);
    assert(
      (await them.rpc("list_workflows", { p_scope: "public", p_limit: 200 })).data!.some((w) =>
        w.id === wfId
      ),
    );
    assertEquals(
      (await anonClient().rpc("get_lens", { p_lens_id: lensId })).error,
      null,
      "anon reads a public lens",
    );

    // ...but still not changed by them.
    await expectError(them.rpc("update_lens", { p_lens_id: lensId, p_title: "taken" }), "42501");
    await expectError(them.rpc("archive_lens", { p_lens_id: lensId }), "42501");
    await expectError(
      them.rpc("create_lens_version", { p_lens_id: lensId, p_template_body: "mine" }),
      "42501",
    );
    await expectError(them.rpc("archive_lens_version", { p_version_id: version.id }), "42501");
    await expectError(them.rpc("update_workflow", { p_workflow_id: wfId, p_title: "taken" }), "42501");
    await expectError(them.rpc("archive_workflow", { p_workflow_id: wfId }), "42501");
    await expectError(
      them.rpc("add_workflow_node", {
        p_workflow_id: wfId,
        p_key: "intruder",
        p_kind: "human_input",
        p_config: { prompt: "?" },
      }),
      "42501",
    );
    const after = (await me.rpc("get_lens", { p_lens_id: lensId })).data as { title: string; status: string };
    assertEquals([after.title, after.status], ["Brief writer", "published"]);
    const mine = (await me.rpc("get_workflow", { p_workflow_id: wfId })).data as unknown as WorkflowDetail & {
      title: string;
    };
    assertEquals([mine.title, mine.status, mine.nodes.length, mine.edges.length], [
      "Brief and review",
      "published",
      3,
      2,
    ]);
  } finally {
    await deleteUsers(sql, ...users);
    await sql.end();
  }
});
