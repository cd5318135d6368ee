// The event bus (agents.events, README "Events"): its vocabularies (zod mirrors of the database enums,
// built from the generated Constants; tests/functions/enums_test.ts checks them), the bus envelope,
// a delivery row, what the worker claims, and the body an output_destination webhook receives.
import { z } from "zod";
import { Constants } from "./database.ts";
import { OutputDestination } from "./policies.ts";
import { RunEventType } from "./runs.ts";

/** The module that produced an event (agents.event_module). */
export const EventModule = z.enum(Constants.agents.Enums.event_module);
/** What an event is about (agents.event_subject_kind). */
export const EventSubjectKind = z.enum(Constants.agents.Enums.event_subject_kind);
/** How a consumer runs: sql (in the database) or worker (leased) (agents.event_handler_kind). */
export const EventHandlerKind = z.enum(Constants.agents.Enums.event_handler_kind);
/** A delivery's state for its consumer (agents.delivery_state). */
export const DeliveryState = z.enum(Constants.agents.Enums.delivery_state);

/** One bus event: the envelope of every event log, plus module, subject and contact. */
export const BusEvent = z.object({
  /** The workspace scope: the profile the event belongs to. */
  scope_id: z.uuid(),
  /** 1, 2, 3... per scope with no gap. */
  event_id: z.number().int().positive(),
  event_type: RunEventType,
  module: EventModule,
  subject_kind: EventSubjectKind.nullable(),
  subject_id: z.uuid().nullable(),
  contact_id: z.uuid().nullable(),
  actor_id: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  occurred_at: z.string(),
}).strict();

/** One row of public.claim_event_deliveries: a leased delivery with its event and context. */
export const ClaimedDelivery = z.object({
  delivery_id: z.uuid(),
  lease_token: z.uuid(),
  /** Attempts so far, this one included. */
  attempts: z.number().int().positive(),
  consumer: z.string(),
  scope_id: z.uuid(),
  event_id: z.number().int().positive(),
  event_type: RunEventType,
  module: EventModule,
  subject_kind: EventSubjectKind.nullable(),
  subject_id: z.uuid().nullable(),
  contact_id: z.uuid().nullable(),
  actor_id: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  occurred_at: z.union([z.string(), z.date()]),
  /** What the consumer needs beyond the event (agents.fn_event_delivery_context). */
  context: z.record(z.string(), z.unknown()),
}).strict();

/** output_webhook's context: the destination the team run recorded, the team run, its output. */
export const OutputWebhookContext = z.object({
  destination: OutputDestination,
  team_run: z.object({
    id: z.uuid(),
    status: z.string(),
    assignment_id: z.uuid(),
    workflow_id: z.uuid(),
    workflow_run_id: z.uuid().nullable(),
    finished_at: z.string().nullable(),
  }).strict(),
  output: z.unknown(),
}).strict();

/**
 * The JSON body POSTed to an output_destination webhook. Headers: Content-Type application/json,
 * Idempotency-Key (the delivery id: the same on every retry), X-CL-Event (scope_id:event_id) and,
 * when the destination names secretEnv, X-CL-Timestamp and X-CL-Signature (v1=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>" with that secret), as custom HTTP tools sign.
 */
export const OutputWebhookBody = z.object({
  type: z.literal("run_output"),
  delivery_id: z.uuid(),
  event: z.object({
    scope_id: z.uuid(),
    event_id: z.number().int().positive(),
    event_type: RunEventType,
    occurred_at: z.string(),
  }).strict(),
  team_run_id: z.uuid(),
  workflow_run_id: z.uuid().nullable(),
  assignment_id: z.uuid(),
  workflow_id: z.uuid(),
  status: z.string(),
  finished_at: z.string().nullable(),
  output: z.unknown(),
}).strict();

export type EventModule = z.infer<typeof EventModule>;
export type EventSubjectKind = z.infer<typeof EventSubjectKind>;
export type EventHandlerKind = z.infer<typeof EventHandlerKind>;
export type DeliveryState = z.infer<typeof DeliveryState>;
export type BusEvent = z.infer<typeof BusEvent>;
export type ClaimedDelivery = z.infer<typeof ClaimedDelivery>;
export type OutputWebhookContext = z.infer<typeof OutputWebhookContext>;
export type OutputWebhookBody = z.infer<typeof OutputWebhookBody>;
