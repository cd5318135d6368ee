// What the team run tests share: a user's agent with a published workflow assigned to it (through
// supabase-js, as a frontend would), roles granted in the database (as the platform would after an
// invitation), reads of team runs, steps and events as `postgres`, a query run with a user's JWT
// claims (for views PostgREST does not expose), and cleanup that leaves no queue moving.
import type postgres from "postgres";
import type { Json } from "../../types/database.ts";
import type { ApprovalPolicy, QueuePolicy } from "../../types/policies.ts";
import type { Client, TestUser } from "./stack.ts";
import { buildWorkflow, type BuiltWorkflow, type NodeSpec } from "./workflows.ts";
import { waitFor } from "./engine.ts";

const suffix = () => crypto.randomUUID().slice(0, 8);

function must<T>(what: string, res: { data: T | null; error: { message: string; code?: string } | null }): T {
  if (res.error) throw new Error(`${what}: ${res.error.message} (${res.error.code})`);
  return res.data as T;
}

/** Four nodes on the local provider: plan, then two angles, then a join. */
export const DIAMOND: NodeSpec[] = [
  { key: "plan" },
  { key: "left" },
  { key: "right" },
  { key: "join" },
];

export interface AssignedAgent {
  /** agents.ai_lensers.id */
  agentId: string;
  workflow: BuiltWorkflow;
  assignmentId: string;
}

/**
 * The owner's new agent, a published workflow of theirs (DIAMOND by default, no model: the local
 * provider) and an assignment of it to the agent with the given approval and queue policies.
 */
export async function assignedAgent(
  owner: TestUser,
  policies: { approval: ApprovalPolicy; queue: QueuePolicy },
  nodes: NodeSpec[] = DIAMOND,
): Promise<AssignedAgent> {
  const agent = must(
    "create_ai_lenser",
    await owner.client.rpc("create_ai_lenser", {
      p_handle: `tr-agent-${suffix()}`,
      p_display_name: "Team run agent",
    }),
  );
  const workflow = await buildWorkflow(owner.client, {
    title: "team run workflow",
    nodes,
    edges: nodes === DIAMOND
      ? [
        { from: "plan", to: "left" },
        { from: "plan", to: "right" },
        { from: "left", to: "join", merge: "array", sourcePath: "text", targetPath: "parts" },
        { from: "right", to: "join", merge: "array", sourcePath: "text", targetPath: "parts" },
      ]
      : [],
  });
  const assignment = must(
    "create_workflow_assignment",
    await owner.client.rpc("create_workflow_assignment", {
      p_workflow_id: workflow.id,
      p_assignee_kind: "agent",
      p_assignee_ai_lenser_id: agent.id,
      p_approval_policy: policies.approval,
      p_queue_policy: policies.queue,
    }),
  );
  return { agentId: agent.id, workflow, assignmentId: assignment.id };
}

/** Grants a user a role on an agent directly in the database (tests/db's tests.grant_agent_role). */
export async function grantAgentRole(
  sql: postgres.Sql,
  agentId: string,
  user: TestUser,
  role: "owner" | "co_owner" | "operator",
) {
  await sql`
    insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role)
    values (${agentId}, (select p.id from lensers.profiles p where p.user_id = ${user.id}), ${role})`;
}

/** The user's profile id (lensers.profiles.id). */
export async function profileId(sql: postgres.Sql, user: TestUser): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from lensers.profiles where user_id = ${user.id}`;
  return row.id;
}

/** Starts a team run of the assignment as the client's user; throws on an error. */
export async function runAssignment(
  client: Client,
  assignmentId: string,
  input: { [key: string]: Json } = {},
) {
  return must(
    "run_workflow_assignment",
    await client.rpc("run_workflow_assignment", { p_assignment_id: assignmentId, p_input: input }),
  );
}

export interface TeamRunRow {
  id: string;
  status: string;
  approval_status: string;
  queue_state: string;
  queue_position: number;
  status_reason: string | null;
  workflow_run_id: string | null;
  /** The workflow run's creation (its start), when it has one. */
  workflow_run_created_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  watched_until: Date | null;
}

/** An assignment's team runs (or the given ones), in start order (queue_position). */
export async function teamRuns(
  sql: postgres.Sql,
  where: { assignmentId: string } | { ids: string[] },
): Promise<TeamRunRow[]> {
  const filter = "ids" in where
    ? sql`t.id = any (${where.ids}::uuid[])`
    : sql`t.assignment_id = ${where.assignmentId}`;
  return Array.from(
    await sql<TeamRunRow[]>`
      select t.id, t.status::text, t.approval_status::text, t.queue_state::text, t.queue_position::integer,
             t.status_reason, t.workflow_run_id, r.created_at as workflow_run_created_at, t.created_at,
             t.started_at, t.finished_at, t.watched_until
      from agents.team_runs t left join lenses.workflow_runs r on r.id = t.workflow_run_id
      where ${filter}
      order by t.queue_position`,
  );
}

export const TEAM_RUN_ENDED = ["completed", "failed", "cancelled"];

/** Waits until each of the team runs has ended (or is in one of `statuses`); returns them in start order. */
export async function waitForTeamRuns(
  sql: postgres.Sql,
  ids: string[],
  statuses = TEAM_RUN_ENDED,
  timeoutMs = 60_000,
): Promise<TeamRunRow[]> {
  return await waitFor(
    `team runs ${ids.length === 1 ? ids[0] : `(${ids.length})`} to be ${statuses.join(" or ")}`,
    async () => {
      const rows = await teamRuns(sql, { ids });
      return rows.length === ids.length && rows.every((r) => statuses.includes(r.status)) ? rows : null;
    },
    timeoutMs,
  );
}

export interface TeamRunEventRow {
  event_id: number;
  event_type: string;
  step_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
}

export async function teamRunEvents(sql: postgres.Sql, teamRunId: string): Promise<TeamRunEventRow[]> {
  return Array.from(
    await sql<TeamRunEventRow[]>`
      select event_id::integer, event_type::text, step_id, actor_id, payload
      from agents.agent_run_events where team_run_id = ${teamRunId} order by event_id`,
  );
}

/**
 * Runs `fn` in a transaction as the user would reach the database through PostgREST: role
 * authenticated with their JWT claims (tests/db's tests.authenticate_as), for what PostgREST does not
 * expose (views of schema agents).
 */
export async function asUser<T>(
  sql: postgres.Sql,
  user: TestUser,
  fn: (tx: postgres.TransactionSql) => Promise<T>,
) {
  return await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: user.id, role: "authenticated" })
    }, true),
                    set_config('role', 'authenticated', true)`;
    return await fn(tx);
  });
}

/**
 * Ends the assignments' team runs that have not ended, waiting ones first (so that none is admitted
 * by another's end), then running ones with their workflow runs: no later test's worker finds their
 * tasks. As the given client, who must be able to act on them.
 */
export async function cancelOpenTeamRuns(sql: postgres.Sql, client: Client, ...assignmentIds: string[]) {
  const open = await sql<{ id: string }[]>`
    select id from agents.team_runs
    where assignment_id = any (${assignmentIds}::uuid[]) and status not in ('completed', 'failed', 'cancelled')
    order by queue_state = 'admitted', queue_position`;
  for (const run of open) {
    const res = await client.rpc("cancel_team_run", { p_team_run_id: run.id, p_reason: "test cleanup" });
    if (res.error && res.error.code !== "23505") throw new Error(`cancel_team_run: ${res.error.message}`);
  }
}
