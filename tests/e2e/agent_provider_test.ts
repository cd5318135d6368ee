// An agent turn on a remote provider's protocol, end to end with the worker: an OpenAI-compatible
// fake server serves the agent's chat model and its memory profile's embedding model. The worker
// embeds the prompt with that model (1536 dimensions), retrieves the agent's memories of that model
// only, offers the allowed tools in OpenAI's function-calling shape, runs the call the model streams
// in pieces, and sends the result back as a tool message; the answer completes the node.
import { assert, assertEquals, assertMatch } from "../_support/assert.ts";
import { createUser, db } from "../_support/stack.ts";
import {
  cancelOpenRuns,
  fakeProvider,
  llmCalls,
  results,
  startWorkers,
  waitForRun,
} from "../_support/engine.ts";
import { agentWorkflow, must, profiledAgent } from "../_support/agents.ts";
import { fakeEmbedding } from "../functions/fakes/openai.ts";
import { DEFAULT_ANSWER, toolCallAnswer } from "../functions/fakes/server.ts";

const opts = { sanitizeOps: false, sanitizeResources: false };
const PROMPT = "Add two and three, please.";

Deno.test({
  ...opts,
  name:
    "an agent turn on an OpenAI-compatible provider: remote embeddings, function calling, the tool result sent back",
  async fn() {
    const sql = db();
    const owner = await createUser(sql);
    const other = await createUser(sql);
    const provider = await fakeProvider(sql, ["agent-chat"]);
    const [embed] = await sql<{ id: string }[]>`
      insert into ai.models (provider_id, model_key, display_name, capability_tags, input_modalities, output_modalities,
                             context_window, support_level, summary)
      select provider_id, 'agent-embed', 'agent-embed', '{embedding}', '{text}', '{embedding}', 8000, 'runnable',
             'An embedding model served by a fake server.'
      from ai.models where id = ${provider.models["agent-chat"]}
      returning id`;
    provider.answer((req) => {
      const messages = (req.body?.messages ?? []) as { role: string }[];
      return messages.some((m) => m.role === "tool")
        ? { kind: "ok", answer: { ...DEFAULT_ANSWER, chunks: ["Five", "."] } }
        : {
          kind: "ok",
          answer: toolCallAnswer([{ name: "calculator", argumentPieces: ['{"expr', 'ession":', '"2+3"}'] }]),
        };
    });
    const workers = await startWorkers(1, { concurrency: 2 });
    try {
      const agent = await profiledAgent(sql, owner, {
        allowTools: ["calculator", "current_time"],
        summaryStrategy: "none",
      });
      const rival = await profiledAgent(sql, other, { summaryStrategy: "none" });
      must(
        "update_memory_profile",
        await owner.client.rpc("update_memory_profile", {
          p_profile_id: agent.memoryProfileId,
          p_embedding_model_id: embed.id,
        }),
      );
      must(
        "update_memory_profile",
        await other.client.rpc("update_memory_profile", {
          p_profile_id: rival.memoryProfileId,
          p_embedding_model_id: embed.id,
        }),
      );
      must(
        "update_model_profile",
        await owner.client.rpc("create_model_profile", {
          p_ai_lenser_id: agent.agentId,
          p_name: "Remote",
          p_model_id: provider.models["agent-chat"],
          p_is_default: true,
        }),
      );
      // Each agent remembers something embedded with the fake's model (the prompt's own vector: the nearest).
      const vector = `[${fakeEmbedding(PROMPT, 1536).join(",")}]`;
      for (
        const [client, profile, content] of [
          [owner.client, agent.memoryProfileId, "The user counts in base ten."],
          [other.client, rival.memoryProfileId, "The rival's secret: count in base two."],
        ] as const
      ) {
        must(
          "fn_write_memory_entry",
          await client.rpc("fn_write_memory_entry", {
            p_memory_profile_id: profile,
            p_content: content,
            p_embedding: vector,
            p_embedding_model_id: embed.id,
          }),
        );
      }

      const workflow = await agentWorkflow(owner.client, agent, [{ key: "sum", template: PROMPT }]);
      const run = must(
        "start_workflow_run",
        await owner.client.rpc("start_workflow_run", { p_workflow_id: workflow.id, p_input: {} }),
      );
      const ended = await waitForRun(sql, run.id);
      const node = (await results(sql, run.id)).sum;
      assertEquals([ended.status, node.status], ["completed", "completed"], node.error_message ?? "");
      assertEquals(node.output_data?.text, "Five.");

      const embeddings = provider.fake.requests.filter((r) => r.path === "/v1/embeddings");
      assertEquals(embeddings.map((r) => [r.body?.model, r.body?.dimensions, r.body?.input]), [
        ["agent-embed", 1536, [PROMPT]],
      ]);
      const chats = provider.fake.requests.filter((r) => r.path === "/v1/chat/completions");
      assertEquals(chats.length, 2);
      const first = chats[0].body as {
        tools: { type: string; function: { name: string; parameters: unknown } }[];
        messages: { role: string; content: string }[];
      };
      assertEquals(first.tools.map((t) => [t.type, t.function.name]), [["function", "calculator"], [
        "function",
        "current_time",
      ]]);
      assertEquals(first.messages.map((m) => m.role), ["system", "user"]);
      assertMatch(
        first.messages[0].content,
        /^You are Turn agent \(@turn-agent-[0-9a-f]{8}\), an AI agent\.\nTone: friendly\./,
      );
      assertMatch(
        first.messages[0].content,
        /What you remember that may be relevant:\n- The user counts in base ten\.$/,
      );
      assert(!first.messages[0].content.includes("rival"), "another agent's memory never enters the prompt");
      assertEquals(first.messages[1].content, PROMPT);

      const second = chats[1].body as {
        messages: {
          role: string;
          content: string | null;
          tool_calls?: { id: string; function: { arguments: string } }[];
          tool_call_id?: string;
        }[];
      };
      const [assistant, tool] = second.messages.slice(2);
      assertEquals(assistant.role, "assistant");
      assertEquals(
        assistant.tool_calls?.[0].function.arguments,
        '{"expression":"2+3"}',
        "the streamed pieces, reassembled",
      );
      assertEquals([tool.role, tool.tool_call_id], ["tool", assistant.tool_calls?.[0].id]);
      assertEquals(JSON.parse(tool.content!), { result: 5, expression: "2+3" });
      assertEquals((await llmCalls(sql, run.id)).length, 2, "both model calls are in the ledger");
    } finally {
      await workers.stop();
      await provider.close();
      await cancelOpenRuns(sql, owner);
      await cancelOpenRuns(sql, other);
      await sql.end();
    }
  },
});
