-- What a bus event is about (agents.events.subject_kind, with subject_id).
create type agents.event_subject_kind as enum (
  'workflow_run',
  'team_run',
  'message',
  'conversation',
  'contact',
  'guardrail_violation',
  'event_delivery'
);
