create type agents.send_mode as enum (
  'text',
  'template',
  'stream'
);

comment on type agents.send_mode is 'How an outbox message went out: free-form text, the binding''s WhatsApp template (outside the 24-hour window), or the web chat''s stream.';
