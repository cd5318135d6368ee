// Agent turns end to end, as a frontend and the engine use them: an owner sets an agent up through
// supabase-js (personality, memory, tool and model profiles), the agent owns a workflow, a real
// worker loop runs it on the local provider (whose "@tool" prompt lines ask for tool calls). Every
// tool call, policy decision, ledger row, journal entry and event is checked, in order; memories are
// retrieved under the agent's scope only; refusals end the way the README says.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import {
  cancelOpenRuns,
  llmCalls,
  results,
  runEvents,
  startWorkers,
  waitForRun,
} from "../_support/engine.ts";
import {
  agentWorkflow,
  decisions,
  invocations,
  journal,
  must,
  profiledAgent,
  startToolServer,
} from "../_support/agents.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  ...opts,
  name:
    "an agent turn retrieves its memories, calls calculator, http_get, memory_write and memory_search, remembers, and answers",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    const server = startToolServer();
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const agent = await profiledAgent(sql, owner);
      const stranger = await profiledAgent(sql, other);
      // What each agent remembers (the local embedder: similar words, similar vectors).
      const memories = [
        {
          who: owner,
          profile: agent.memoryProfileId,
          content: "The customer's favourite animal is the otter.",
        },
        {
          who: owner,
          profile: agent.memoryProfileId,
          content: "Invoices go out on the first Monday of the month.",
        },
        {
          who: other,
          profile: stranger.memoryProfileId,
          content: "The customer's favourite animal is the crimson fox.",
        },
      ];
      for (const m of memories) {
        must(
          "fn_write_memory_entry",
          await m.who.client.rpc("fn_write_memory_entry", {
            p_memory_profile_id: m.profile,
            p_content: m.content,
          }),
        );
      }
      const before = new Date();
      const workflow = await agentWorkflow(owner.client, agent, [{
        key: "answer",
        template: [
          "Which animal is the customer's favourite?",
          '@tool calculator {"expression":"6*7"}',
          `@tool http_get {"url":"${server.url}/fact"}`,
          '@tool memory_write {"content":"The answer to the sum was 42."}',
          '@tool memory_search {"query":"which animal does the customer like","limit":2}',
        ].join("\n"),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const ended = await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).answer;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");

      // The answer read every tool result (local echo appends them).
      const text = String(node.output_data?.text);
      assertMatch(text, /\[tool calculator\] \{"result":42,"expression":"6\*7"\}/);
      assertMatch(text, /\[tool http_get\] .*otters hold hands while sleeping/);
      assertMatch(text, /\[tool memory_write\] \{"stored":true,"memory_id":"[0-9a-f-]{36}"\}/);
      // memory_search reads the agent's own entries (the otter first), never the other agent's fox.
      assertMatch(
        text,
        /\[tool memory_search\] \{"results":\[\{"scope":"agent","content":"The customer's favourite animal is the otter\."/,
      );
      assert(!text.includes("crimson fox"), "memory_search never returns another agent's memory");

      // One invocation per call, in order, each succeeded with a latency; one allow decision each.
      const calls = await invocations(sql, node.id);
      assertEquals(calls.map((c) => [c.tool, c.status, c.call_index]), [
        ["calculator", "succeeded", 1],
        ["http_get", "succeeded", 2],
        ["memory_write", "succeeded", 3],
        ["memory_search", "succeeded", 4],
      ]);
      assert(calls.every((c) => c.latency_ms !== null && c.latency_ms >= 0), "every call has a latency");
      assertEquals((calls[0].output as { result: number }).result, 42);
      assertEquals(
        (await decisions(sql, node.id)).map((d) => [d.subject, d.rule, d.decision]),
        [
          ["calculator", "tool_profile_allows", "allow"],
          ["http_get", "tool_profile_allows", "allow"],
          ["memory_write", "tool_profile_allows", "allow"],
          ["memory_search", "tool_profile_allows", "allow"],
        ],
      );
      assertEquals(server.requests.map((r) => [r.method, r.path]), [["GET", "/fact"]]);

      // The journal: four rounds of (assistant asks, tool answers); the ledger: five model calls.
      assertEquals(
        (await journal(sql, node.id)).map((j) => [j.role, j.tool_name]),
        [
          ["assistant", null],
          ["tool", "calculator"],
          ["assistant", null],
          ["tool", "http_get"],
          ["assistant", null],
          ["tool", "memory_write"],
          ["assistant", null],
          ["tool", "memory_search"],
        ],
      );
      const ledger = await llmCalls(sql, run.id);
      assertEquals(ledger.length, 5, "four tool rounds and the answer");
      assert(ledger.every((c) => c.status === "succeeded"));

      // Events in order: the node starts, each call is invoked then completed, the node completes.
      const events = (await runEvents(sql, run.id)).map((e) =>
        e.event_type.startsWith("tool_") ? `${e.event_type}:${e.payload.tool}` : e.event_type
      ).filter((t) => t !== "node_delta" && t !== "node_streaming");
      const from = events.indexOf("node_started");
      assertEquals(events.slice(from, from + 10), [
        "node_started",
        "tool_invoked:calculator",
        "tool_completed:calculator",
        "tool_invoked:http_get",
        "tool_completed:http_get",
        "tool_invoked:memory_write",
        "tool_completed:memory_write",
        "tool_invoked:memory_search",
        "tool_completed:memory_search",
        "node_completed",
      ]);

      // Memories: the turn read its own otter memory first, never the other agent's fox.
      const [turn] = await sql<{ contents: string[]; agent: string }[]>`
        select array_agg(m.content order by u.ord) as contents, t.ai_lenser_id as agent
        from agents.agent_turns t, unnest(t.memory_ids) with ordinality u(id, ord) join agents.memories m on m.id = u.id
        where t.node_result_id = ${node.id} group by t.ai_lenser_id`;
      assertEquals(turn.agent, agent.agentId);
      assertEquals(turn.contents[0], "The customer's favourite animal is the otter.");
      assert(!turn.contents.some((c) => c.includes("fox")), "another agent's memory never enters the prompt");

      // After the turn: the tool's memory and the rolling summary, scoped to this workflow and run.
      const written = await sql<{ source: string; content: string; run: string; model: string }[]>`
        select m.source::text, m.content, m.metadata ->> 'run_id' as run, mo.model_key as model
        from agents.memories m join ai.models mo on mo.id = m.embedding_model_id
        where m.memory_profile_id = ${agent.memoryProfileId} and m.created_at >= ${before}
        order by m.created_at`;
      assertEquals(written.map((w) => [w.source, w.run, w.model]), [
        ["tool", run.id, "local-embed"],
        ["workflow", run.id, "local-embed"],
      ]);
      assertEquals(written[0].content, "The answer to the sum was 42.");
      assertMatch(written[1].content, /^answer: Which animal is the customer's favourite\?/);
    } finally {
      await workers.stop();
      await server.close();
      await cancelOpenRuns(sql, owner);
      await cancelOpenRuns(sql, other);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name: "refused calls: a denied tool, an unknown tool, bad arguments and a round past max_tool_iterations",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const agent = await profiledAgent(sql, owner, {
        allowTools: ["calculator"],
        denyTools: ["http_get"],
        maxToolIterations: 3,
        summaryStrategy: "none",
      });
      const workflow = await agentWorkflow(owner.client, agent, [{
        key: "refusals",
        template: [
          "Try everything.",
          '@tool http_get {"url":"https://example.com/"}',
          '@tool teleport {"to":"mars"}',
          '@tool calculator {"expression": 7',
          '@tool calculator {"expression":"1+1"}',
        ].join("\n"),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const ended = await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).refusals;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");

      // Only calls that passed the policy and their schema became invocations: none here.
      assertEquals(await invocations(sql, node.id), []);
      const decided = await decisions(sql, node.id);
      assertEquals(decided.map((d) => [d.subject, d.rule, d.decision]), [
        ["http_get", "tool_profile_denies", "deny"],
        ["teleport", "unknown_tool", "deny"],
        ["calculator", "invalid_arguments", "deny"],
        ["calculator", "iteration_limit", "deny"],
      ]);
      const text = String(node.output_data?.text);
      assertMatch(text, /\[tool http_get\] refused: tool "http_get" is denied by tool profile "Default"/);
      assertMatch(text, /\[tool teleport\] refused: there is no tool "teleport" available to you/);
      assertMatch(
        text,
        /\[tool calculator\] refused: the arguments for "calculator" do not fit its schema: /,
      );
      assertMatch(text, /\[tool calculator\] refused: the agent may make 3 rounds of tool calls per turn/);
      assertEquals((await llmCalls(sql, run.id)).length, 5, "four rounds and the answer");
    } finally {
      await workers.stop();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "the SSRF guard: http_get to loopback, private and metadata addresses is refused unless the profile allows it",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const server = startToolServer();
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const agent = await profiledAgent(sql, owner, { allowPrivateNetwork: false, summaryStrategy: "none" });
      const targets = [`${server.url}/fact`, "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/"];
      const workflow = await agentWorkflow(owner.client, agent, [{
        key: "ssrf",
        template: ["Fetch these.", ...targets.map((url) => `@tool http_get {"url":"${url}"}`)].join("\n"),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).ssrf;
      const calls = await invocations(sql, node.id);
      assertEquals(calls.map((c) => [c.tool, c.status]), [
        ["http_get", "failed"],
        ["http_get", "failed"],
        ["http_get", "failed"],
      ]);
      for (const c of calls) {
        assertMatch(String(c.error), /not a public address|private|loopback|link-local|refused/i);
      }
      assertEquals(server.requests.length, 0, "nothing reached the local server");
    } finally {
      await workers.stop();
      await server.close();
      await cancelOpenRuns(sql, owner);
      await sql.end();
    }
  },
});

Deno.test({
  ...opts,
  name:
    "a user's own HTTP tool: registered with a secret's name, signed on every call, usable by their agents only",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    const server = startToolServer();
    const secret = `s3cret-${crypto.randomUUID()}`;
    const workers = await startWorkers(1, { concurrency: 2 }, {
      get: (name) => (name === "CL_TEST_CRM_SECRET" ? secret : undefined),
    });
    const key = `crm_${crypto.randomUUID().slice(0, 8)}`;
    const tool = {
      p_key: key,
      p_name: "CRM lookup",
      p_description: "Looks a customer up.",
      p_input_schema: {
        type: "object",
        properties: { customer: { type: "string" } },
        required: ["customer"],
      },
      p_url: `${server.url}/hook`,
      p_secret_env: "CL_TEST_CRM_SECRET",
    };
    try {
      const bad = await owner.client.rpc("register_http_tool", {
        ...tool,
        p_secret_env: "not a variable name",
      });
      assertEquals([bad.status, bad.error?.code], [400, "22023"]);
      assertMatch(String(bad.error?.message), /p_secret_env must name an environment variable/);
      must("register_http_tool", await owner.client.rpc("register_http_tool", tool));
      const again = await owner.client.rpc("register_http_tool", tool);
      assertEquals([again.status, again.error?.code], [409, "23505"]);

      // Another user's agent cannot allow it (it would sign with the owner's secret), nor see it.
      const strangerAgent = await profiledAgent(sql, other, { summaryStrategy: "none" });
      const stolen = await other.client.rpc("update_tool_profile", {
        p_profile_id: strangerAgent.toolProfileId,
        p_allow_tools: ["calculator", key],
      });
      assertEquals(stolen.status, 400);
      assertMatch(String(stolen.error?.message), new RegExp(`names unknown tools: ${key}`));
      const seen = await other.client.rpc("list_tools", {});
      assert(!seen.data!.some((t) => t.key === key), "nobody else sees it in the catalog");

      const agent = await profiledAgent(sql, owner, {
        allowTools: ["calculator", key],
        summaryStrategy: "none",
      });
      const workflow = await agentWorkflow(owner.client, agent, [{
        key: "crm",
        template: ["Look Ada up.", `@tool ${key} {"customer":"ada"}`].join("\n"),
      }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const ended = await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).crm;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");
      assertMatch(String(node.output_data?.text), new RegExp(`\\[tool ${key}\\] .*"tier":"gold"`));

      // The request: the call's arguments and idempotency key, signed over "<timestamp>.<body>".
      const [hook] = server.requests.filter((r) => r.path === "/hook");
      assertEquals(JSON.parse(hook.body), {
        tool: key,
        arguments: { customer: "ada" },
        idempotency_key: `${node.id}:1`,
      });
      const timestamp = hook.headers.get("x-cl-timestamp")!;
      assert(Math.abs(Date.now() / 1000 - Number(timestamp)) < 60, "a fresh timestamp");
      const hmacKey = await crypto.subtle.importKey(
        "raw",
        new TextEncoder().encode(secret),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const mac = new Uint8Array(
        await crypto.subtle.sign("HMAC", hmacKey, new TextEncoder().encode(`${timestamp}.${hook.body}`)),
      );
      const hex = Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
      assertEquals(hook.headers.get("x-cl-signature"), `v1=${hex}`);
    } finally {
      await workers.stop();
      await server.close();
      await cancelOpenRuns(sql, owner);
      await sql`delete from agents.tools_registry where key = ${key}`.catch(() => {});
      await sql.end();
    }
  },
});
