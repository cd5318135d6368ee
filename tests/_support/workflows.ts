// Building workflows as a user would, through the workflow RPCs with supabase-js: create a draft,
// add nodes (inline lenses or human inputs) and edges, publish.
import type { Client } from "./stack.ts";

export interface NodeSpec {
  key: string;
  kind?: "lens" | "human_input";
  /** An inline lens: its template and contracts (parameters are optional). */
  template?: string;
  inputContract?: Record<string, unknown> | null;
  outputContract?: Record<string, unknown> | null;
  parameters?: Record<string, unknown>[];
  /** The node config (model_id, timeout_ms, retry, params, prompt...). */
  config?: Record<string, unknown>;
}

export interface EdgeSpec {
  from: string;
  to: string;
  merge?: "last_write_wins" | "concat" | "array" | "json_object";
  condition?: string;
  sourcePath?: string;
  targetPath?: string;
}

export interface WorkflowSpec {
  title?: string;
  /** The lenser the workflow belongs to (an AI the user owns); the user by default. */
  lenserId?: string;
  visibility?: "public" | "private" | "unlisted";
  nodes: NodeSpec[];
  edges?: EdgeSpec[];
}

export interface BuiltWorkflow {
  id: string;
  /** Node ids by key. */
  nodes: Record<string, string>;
  /** Edge ids, in the order of the spec. */
  edges: { id: string; spec: EdgeSpec }[];
}

export const TEXT_OUT = { kind: "text", artifactKind: "text", fields: [] } as const;

function must<T>(
  what: string,
  res: { data: T | null; error: { message: string; details?: string } | null },
): T {
  if (res.error) {
    throw new Error(`${what}: ${res.error.message}${res.error.details ? ` (${res.error.details})` : ""}`);
  }
  return res.data as T;
}

/** Creates and publishes a workflow owned by the client's user. */
export async function buildWorkflow(client: Client, spec: WorkflowSpec): Promise<BuiltWorkflow> {
  // deno-lint-ignore no-explicit-any
  const rpc = (name: string, args: Record<string, unknown>) => (client.rpc as any)(name, args);
  const workflow = must<{ id: string }>(
    "create_workflow",
    await rpc("create_workflow", {
      p_title: spec.title ?? "test workflow",
      p_visibility: spec.visibility ?? "private",
      p_lenser_id: spec.lenserId ?? null,
    }),
  );
  const nodes: Record<string, string> = {};
  for (const node of spec.nodes) {
    const kind = node.kind ?? "lens";
    const inline = kind === "lens"
      ? {
        template_body: node.template ?? `Node ${node.key}.`,
        input_contract: node.inputContract ?? null,
        output_contract: node.outputContract === undefined ? TEXT_OUT : node.outputContract,
        ...(node.parameters ? { parameters: node.parameters } : {}),
      }
      : null;
    const made = must<{ id: string }>(
      `add_workflow_node ${node.key}`,
      await rpc("add_workflow_node", {
        p_workflow_id: workflow.id,
        p_key: node.key,
        p_kind: kind,
        p_inline_override: inline,
        p_config: node.config ?? (kind === "human_input" ? { prompt: `Answer for ${node.key}` } : {}),
      }),
    );
    nodes[node.key] = made.id;
  }
  const edges: BuiltWorkflow["edges"] = [];
  for (const edge of spec.edges ?? []) {
    const made = must<{ id: string }>(
      `add_workflow_edge ${edge.from}->${edge.to}`,
      await rpc("add_workflow_edge", {
        p_source_node_id: nodes[edge.from],
        p_target_node_id: nodes[edge.to],
        p_merge_strategy: edge.merge ?? "last_write_wins",
        p_condition: edge.condition ?? null,
        p_source_output_path: edge.sourcePath ?? null,
        p_target_input_path: edge.targetPath ?? null,
      }),
    );
    edges.push({ id: made.id, spec: edge });
  }
  must("publish_workflow", await rpc("publish_workflow", { p_workflow_id: workflow.id }));
  return { id: workflow.id, nodes, edges };
}
