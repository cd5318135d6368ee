-- The module that produced a bus event (seed 001: "producing module"). One value per module of the
-- platform; a module emits only its own events (agents.fn_emit_event).
create type agents.event_module as enum (
  'lenses',
  'agents',
  'channels',
  'contacts',
  'guardrails',
  'budgets'
);
