// What the run-events function streams: a workflow run's events (?run_id=) or a team run's
// (?team_run_id=). A kind names everything that differs between the two: the query parameter, the
// RPCs that read the events and the status with the caller's JWT, the shape of an event row, when
// the stream ends, and how appends wake it (the LISTEN channel, and the table whose watched_until
// makes them notify). The handler and the listener are the same code for both.
import type { z } from "zod";
import { ENDED_RUN_STATUSES, RunEvent, type RunEventType, TERMINAL_RUN_EVENTS } from "../../types/runs.ts";
import { ENDED_TEAM_RUN_STATUSES, TeamRunEvent, TERMINAL_TEAM_RUN_EVENTS } from "../../types/team-runs.ts";

/** What the stream needs of an event row (the whole row is sent). */
export interface StreamEvent {
  event_id: number;
  event_type: RunEventType;
}

export interface StreamKind {
  /** What is streamed, in messages: "run", "team run". */
  readonly noun: string;
  /** The query parameter naming it (its uuid). */
  readonly param: string;
  /** The RPC listing its events after an event id (p_after_event_id, p_limit). */
  readonly eventsRpc: string;
  /** The RPC reading it (a row with a status). */
  readonly getRpc: string;
  /** The id argument of both RPCs. */
  readonly idArg: string;
  readonly event: z.ZodType<StreamEvent>;
  /** The events its log ends with: the stream ends after one. */
  readonly terminalEvents: ReadonlySet<string>;
  /** The statuses it ends in: a stream of an ended one closes once it has caught up. */
  readonly endedStatuses: ReadonlySet<string>;
  /** The LISTEN channel its appends notify (payload: its id) while it is watched. */
  readonly channel: string;
  /** The table whose watched_until, kept ahead of now by the listener, makes its appends notify. */
  readonly watchTable: string;
  /**
   * The advisory lock every append to its log holds until it commits, and checks watched_until
   * under: `pg_advisory_xact_lock(hashtextextended(<id>::text, appendLockClass))` in the append
   * functions (tests/functions/run_events_kinds_test.ts reads them). Waiting for it once the mark
   * has committed waits out an append that checked the mark before it was set.
   */
  readonly appendLockClass: number;
}

export const WORKFLOW_RUN_STREAM: StreamKind = {
  noun: "run",
  param: "run_id",
  eventsRpc: "list_workflow_run_events",
  getRpc: "get_workflow_run",
  idArg: "p_run_id",
  event: RunEvent,
  terminalEvents: new Set(TERMINAL_RUN_EVENTS),
  endedStatuses: new Set(ENDED_RUN_STATUSES),
  channel: "workflow_run_events",
  watchTable: "lenses.workflow_runs",
  appendLockClass: 1307,
};

export const TEAM_RUN_STREAM: StreamKind = {
  noun: "team run",
  param: "team_run_id",
  eventsRpc: "list_team_run_events",
  getRpc: "get_team_run",
  idArg: "p_team_run_id",
  event: TeamRunEvent,
  terminalEvents: new Set(TERMINAL_TEAM_RUN_EVENTS),
  endedStatuses: new Set(ENDED_TEAM_RUN_STATUSES),
  channel: "agent_run_events",
  watchTable: "agents.team_runs",
  appendLockClass: 1409,
};

export const STREAM_KINDS: readonly StreamKind[] = [WORKFLOW_RUN_STREAM, TEAM_RUN_STREAM];
