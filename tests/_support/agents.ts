// What the agent-turn tests share: a user's agent with its four default profiles made through the
// RPCs (as a frontend would), a workflow the agent owns (its nodes are agent turns), a local HTTP
// server that counts what reaches it, and reads of a turn's records as `postgres`.
import type postgres from "postgres";
import type { Client, TestUser } from "./stack.ts";
import { buildWorkflow, type BuiltWorkflow, type NodeSpec } from "./workflows.ts";

const suffix = () => crypto.randomUUID().slice(0, 8);

export function must<T>(
  what: string,
  res: { data: T | null; error: { message: string; code?: string } | null },
): T {
  if (res.error) throw new Error(`${what}: ${res.error.message} (${res.error.code})`);
  return res.data as T;
}

export interface AgentSetup {
  /** agents.ai_lensers.id */
  agentId: string;
  /** Its lensers.profiles.id (the workflows it owns name it). */
  profileId: string;
  memoryProfileId: string;
  toolProfileId: string;
}

export interface AgentOptions {
  allowTools?: string[];
  denyTools?: string[];
  summaryStrategy?: "none" | "rolling" | "periodic" | "on_threshold";
  maxToolIterations?: number;
  personalityPatch?: string;
  personalityNote?: string;
  /** Tests reach their own servers on 127.0.0.1: the SSRF guard is off unless this is false. */
  allowPrivateNetwork?: boolean;
  /** The default model profile's model (local-echo when not given). */
  modelId?: string;
}

/** A new agent of the user with default personality, memory, tool and model (local-echo) profiles. */
export async function profiledAgent(
  sql: postgres.Sql,
  owner: TestUser,
  options: AgentOptions = {},
): Promise<AgentSetup> {
  const c = owner.client;
  const agent = must(
    "create_ai_lenser",
    await c.rpc("create_ai_lenser", { p_handle: `turn-agent-${suffix()}`, p_display_name: "Turn agent" }),
  );
  must(
    "update_ai_lenser",
    await c.rpc("update_ai_lenser", {
      p_ai_lenser_id: agent.id,
      p_personality_note: options.personalityNote ?? "Keeps answers short.",
      p_max_tool_iterations: options.maxToolIterations ?? 4,
    }),
  );
  must(
    "create_personality_profile",
    await c.rpc("create_personality_profile", {
      p_ai_lenser_id: agent.id,
      p_name: "Default",
      p_tone: "friendly",
      p_system_prompt_patch: options.personalityPatch ?? "Always cite the tool you used.",
      p_is_default: true,
    }),
  );
  const memory = must(
    "create_memory_profile",
    await c.rpc("create_memory_profile", {
      p_ai_lenser_id: agent.id,
      p_name: "Default",
      p_summary_strategy: options.summaryStrategy ?? "rolling",
      p_is_default: true,
    }),
  );
  const tools = must(
    "create_tool_profile",
    await c.rpc("create_tool_profile", {
      p_ai_lenser_id: agent.id,
      p_name: "Default",
      p_allow_tools: options.allowTools ??
        ["calculator", "current_time", "http_get", "http_post", "memory_search", "memory_write"],
      p_deny_tools: options.denyTools ?? [],
      p_http_allow_private_network: options.allowPrivateNetwork ?? true,
      p_is_default: true,
    }),
  );
  const [local] = await sql<{ id: string }[]>`select id from ai.models where model_key = 'local-echo'`;
  must(
    "create_model_profile",
    await c.rpc("create_model_profile", {
      p_ai_lenser_id: agent.id,
      p_name: "Default",
      p_model_id: options.modelId ?? local.id,
      p_is_default: true,
    }),
  );
  return {
    agentId: agent.id,
    profileId: agent.profile_id,
    memoryProfileId: memory.id,
    toolProfileId: tools.id,
  };
}

/** A published one-or-more-node workflow owned by the agent: its nodes run as the agent's turns. */
export function agentWorkflow(client: Client, agent: AgentSetup, nodes: NodeSpec[]): Promise<BuiltWorkflow> {
  return buildWorkflow(client, { title: "agent turn workflow", lenserId: agent.profileId, nodes });
}

export interface ToolServer {
  url: string;
  /** Every request, in arrival order: method, path, headers, body text. */
  requests: { method: string; path: string; headers: Headers; body: string }[];
  /** Holds the answers to a path until release(path) (a worker can then be killed mid-call). */
  hold(path: string): void;
  release(path: string): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server for the HTTP tools: GET /fact, /slow and /delay (400 ms) answer JSON, POST /effects records
 * an effect (a real service would apply it once per Idempotency-Key), POST /hook is a custom tool.
 */
export function startToolServer(): ToolServer {
  const requests: ToolServer["requests"] = [];
  const holds = new Map<string, PromiseWithResolvers<void>>();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    requests.push({ method: req.method, path: url.pathname, headers: req.headers, body: await req.text() });
    await holds.get(url.pathname)?.promise;
    if (url.pathname === "/delay") await new Promise((r) => setTimeout(r, 400));
    if (req.method === "GET" && ["/fact", "/slow", "/delay"].includes(url.pathname)) {
      return Response.json({ fact: "otters hold hands while sleeping" });
    }
    if (req.method === "POST" && url.pathname === "/effects") {
      return Response.json({ accepted: true }, { status: 201 });
    }
    if (req.method === "POST" && url.pathname === "/hook") return Response.json({ tier: "gold" });
    return new Response("not found", { status: 404 });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests,
    hold: (path) => void holds.set(path, Promise.withResolvers<void>()),
    release: (path) => {
      holds.get(path)?.resolve();
      holds.delete(path);
    },
    close: async () => {
      for (const h of holds.values()) h.resolve();
      await server.shutdown();
    },
  };
}

export interface InvocationRow {
  id: string;
  tool: string;
  status: string;
  call_index: number;
  tool_call_id: string | null;
  input: Record<string, unknown>;
  output: unknown;
  error: string | null;
  latency_ms: number | null;
  requires_approval: boolean;
  approval_hash: string | null;
}

export async function invocations(sql: postgres.Sql, resultId: string): Promise<InvocationRow[]> {
  return Array.from(
    await sql<InvocationRow[]>`
      select i.id, r.key as tool, i.status::text, i.call_index, i.tool_call_id, i.input, i.output, i.error,
             i.latency_ms, i.requires_approval, i.approval_hash
      from agents.tool_invocations i join agents.tools_registry r on r.id = i.tool_id
      where i.workflow_node_result_id = ${resultId} order by i.call_index`,
  );
}

export async function decisions(sql: postgres.Sql, resultId: string) {
  return Array.from(
    await sql<{ subject: string; rule: string; decision: string; reason: string }[]>`
      select subject, rule::text, decision::text, reason from agents.policy_decisions
      where node_result_id = ${resultId} order by seq`,
  );
}

export async function journal(sql: postgres.Sql, resultId: string) {
  return Array.from(
    await sql<
      {
        seq: number;
        turn_no: number;
        role: string;
        content: string;
        tool_name: string | null;
        is_error: boolean;
      }[]
    >`
      select seq, turn_no, role, content, tool_name, is_error from agents.agent_turn_messages
      where node_result_id = ${resultId} order by seq`,
  );
}
