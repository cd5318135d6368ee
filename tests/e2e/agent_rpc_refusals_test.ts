// The agent-turn RPCs' refusals as a client meets them through the gateway: bad arguments answer
// 400 naming the argument, the worker's RPCs are not a signed-in user's (403), a custom tool is its
// registrant's alone; and none of these refusals changes anything.
import { assertEquals, assertMatch } from "../_support/assert.ts";
import { anonClient, createUser, db } from "../_support/stack.ts";
import { must, profiledAgent } from "../_support/agents.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name: "agent-turn RPCs refuse bad input with 400, other users with 403/404, and change nothing",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    const key = `tool_${crypto.randomUUID().slice(0, 8)}`;
    try {
      const agent = await profiledAgent(sql, owner, { summaryStrategy: "none" });
      const snapshot = async () =>
        await sql`
          select (select max_tool_iterations from agents.ai_lensers where id = ${agent.agentId}) as iterations,
                 (select http_allow_hosts from agents.tool_profiles where id = ${agent.toolProfileId}) as hosts,
                 (select retrieval_top_k from agents.memory_profiles where id = ${agent.memoryProfileId}) as top_k,
                 (select count(*)::int from agents.tools_registry where key = ${key}) as tools`;
      const before = await snapshot();

      const cases: [string, Record<string, unknown>, RegExp][] = [
        [
          "update_ai_lenser",
          { p_ai_lenser_id: agent.agentId, p_max_tool_iterations: 33 },
          /p_max_tool_iterations must be between 0 and 32, got 33/,
        ],
        [
          "update_tool_profile",
          { p_profile_id: agent.toolProfileId, p_http_allow_hosts: ["https://example.com/"] },
          /p_http_allow_hosts entry "https:\/\/example.com\/" is not a lower-case host name/,
        ],
        [
          "update_memory_profile",
          { p_profile_id: agent.memoryProfileId, p_retrieval_top_k: 51 },
          /p_retrieval_top_k must be between 0 and 50, got 51/,
        ],
        [
          "register_http_tool",
          {
            p_key: key,
            p_name: "T",
            p_description: "d",
            p_input_schema: { type: "array" },
            p_url: "https://example.com/",
            p_secret_env: "X_SECRET",
          },
          /p_input_schema must be a JSON Schema object/,
        ],
        [
          "register_http_tool",
          {
            p_key: key,
            p_name: "T",
            p_description: "d",
            p_input_schema: { type: "object" },
            p_url: "ftp://example.com/",
            p_secret_env: "X_SECRET",
          },
          /p_url must be an http\(s\) URL/,
        ],
        [
          "register_http_tool",
          {
            p_key: "Bad Key",
            p_name: "T",
            p_description: "d",
            p_input_schema: { type: "object" },
            p_url: "https://example.com/",
            p_secret_env: "X_SECRET",
          },
          /p_key must be 3 to 63 characters/,
        ],
        [
          "register_http_tool",
          {
            p_key: key,
            p_name: "T",
            p_description: "d",
            p_input_schema: { type: "object" },
            p_url: "https://example.com/",
            p_secret_env: "X_SECRET",
            p_egress_class: "none",
          },
          /p_egress_class must be external_read or external_write/,
        ],
      ];
      for (const [rpc, args, message] of cases) {
        // deno-lint-ignore no-explicit-any
        const res = await (owner.client.rpc as any)(rpc, args);
        assertEquals(
          [res.status, res.error?.code],
          [400, "22023"],
          `${rpc} ${JSON.stringify(args).slice(0, 80)}`,
        );
        assertMatch(String(res.error?.message), message);
      }

      // Too many entries is a size limit (README "Limits"): 413, naming the argument and its limit.
      const tooMany = await owner.client.rpc("update_tool_profile", {
        p_profile_id: agent.toolProfileId,
        p_http_allow_hosts: Array.from({ length: 101 }, (_, i) => `h${i}.example.com`),
      });
      assertEquals([tooMany.status, tooMany.error?.code], [413, "PT413"]);
      assertMatch(String(tooMany.error?.message), /^update_tool_profile: p_http_allow_hosts .*101.*100/);

      // Another user may not change the agent's profiles (they cannot see them: 403 or 404 class).
      const foreign = await other.client.rpc("update_ai_lenser", {
        p_ai_lenser_id: agent.agentId,
        p_max_tool_iterations: 2,
      });
      assertEquals([foreign.status, foreign.error?.code], [403, "42501"]);

      // The worker's RPCs belong to the service role: a signed-in user and anon are refused.
      const fakeId = crypto.randomUUID();
      for (const client of [owner.client, anonClient()]) {
        for (
          const [rpc, args] of [
            ["record_agent_model_turn", {
              p_result_id: fakeId,
              p_lease_token: fakeId,
              p_message: {},
              p_llm_call: {},
            }],
            ["park_agent_task", { p_result_id: fakeId, p_lease_token: fakeId }],
            ["start_agent_sub_run", { p_result_id: fakeId, p_lease_token: fakeId, p_invocation_id: fakeId }],
          ] as const
        ) {
          // deno-lint-ignore no-explicit-any
          const res = await (client.rpc as any)(rpc, args);
          assertEquals([res.status >= 401 && res.status <= 404, res.error?.code], [true, "42501"], rpc);
        }
      }

      // A custom tool is its registrant's: another user cannot disable it.
      must(
        "register_http_tool",
        await owner.client.rpc("register_http_tool", {
          p_key: key,
          p_name: "T",
          p_description: "d",
          p_input_schema: { type: "object" },
          p_url: "https://example.com/",
          p_secret_env: "X_SECRET",
        }),
      );
      const stolen = await other.client.rpc("disable_http_tool", { p_key: key });
      assertEquals(stolen.error?.code, "PT404", "another user is not told the tool exists");
      const [tool] = await sql<
        { enabled: boolean }[]
      >`select enabled from agents.tools_registry where key = ${key}`;
      assertEquals(tool.enabled, true, "and it stays enabled");

      const after = await snapshot();
      assertEquals(
        { ...after[0], tools: 0 },
        { ...before[0], tools: 0 },
        "no refusal changed the agent, its profiles",
      );
      const disabled = await owner.client.rpc("disable_http_tool", { p_key: key });
      assertEquals([disabled.error, disabled.data?.enabled], [null, false]);
    } finally {
      await sql`delete from agents.tools_registry where key = ${key}`.catch(() => {});
      await sql.end();
    }
  },
});
