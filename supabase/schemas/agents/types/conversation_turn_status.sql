create type agents.conversation_turn_status as enum (
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'paused'
);

comment on type agents.conversation_turn_status is 'A conversation turn: queued (debouncing until due_at), running (its reply run started), done (the reply is in the outbox, or the run answered nothing), failed (the run did not complete), cancelled (the binding was archived or has no reply workflow), paused (the loop guard stopped the conversation).';
