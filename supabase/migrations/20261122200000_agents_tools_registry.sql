-- agents.tools_registry: the catalog of tools an agent may call, and the egress classes that say
-- how far a tool reaches. Tool profiles (allow/deny lists, groups) name these keys; invocations
-- (a later migration) reference these rows. Readable by signed-in users; written by migrations and
-- the service role only.
--
-- egress_class, from least to most reach:
--   none            pure computation, no I/O at all (a calculator, the clock)
--   internal        reads or writes this project's own data (memory, workflows), nothing leaves it
--   external_read   fetches from outside (the web, an API) without side effects there
--   external_write  causes side effects outside (sends a message, posts to a URL)

create type agents.tool_egress_class as enum ('none', 'internal', 'external_read', 'external_write');

create table agents.tools_registry (
  id uuid primary key default gen_random_uuid(),
  key text not null unique,
  name text not null,
  description text not null,
  input_schema jsonb not null default '{"type":"object","properties":{}}',
  egress_class agents.tool_egress_class not null,
  requires_approval boolean not null default false,
  tool_group text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tools_registry_key_slug check (key ~ '^[a-z][a-z0-9_]{1,62}$'),
  constraint tools_registry_group_slug check (tool_group ~ '^[a-z][a-z0-9_]{1,62}$'),
  constraint tools_registry_name_length check (char_length(btrim(name)) between 1 and 120),
  constraint tools_registry_description_length check (char_length(btrim(description)) between 1 and 2000),
  -- A JSON Schema for the tool's input: always an object schema; `required` (when present) names
  -- properties, and fn_invoke_tool refuses an input that lacks one of them.
  constraint tools_registry_input_schema_object check (
    jsonb_typeof(input_schema) = 'object'
    and input_schema ->> 'type' = 'object'
    and (not input_schema ? 'properties' or jsonb_typeof(input_schema -> 'properties') = 'object')
    and (not input_schema ? 'required' or jsonb_typeof(input_schema -> 'required') = 'array')
  ),
  -- Whatever writes outside the project is never run without a human's approval.
  constraint tools_registry_external_write_needs_approval check (egress_class <> 'external_write' or requires_approval)
);
comment on table agents.tools_registry is 'Tools agents may call. Tool profiles allow or deny them by key or tool_group.';
comment on column agents.tools_registry.egress_class is
  'How far the tool reaches: none (pure computation), internal (this project''s data), external_read, external_write.';
comment on column agents.tools_registry.requires_approval is
  'When true every invocation waits for an owner''s approval, whatever the tool profile says.';

create index tools_registry_group_idx on agents.tools_registry (tool_group);

create trigger tools_registry_set_updated_at before update on agents.tools_registry
  for each row execute function lensers.tg_set_updated_at();

alter table agents.tools_registry enable row level security;
create policy tools_registry_read on agents.tools_registry for select to authenticated using (true);
grant select on agents.tools_registry to authenticated;
grant all on agents.tools_registry to service_role;

-- The catalog the product ships with.
insert into agents.tools_registry (key, name, description, egress_class, requires_approval, tool_group, input_schema) values
  ('calculator', 'Calculator', 'Evaluates an arithmetic expression and returns the number.', 'none', false, 'utility',
   '{"type":"object","properties":{"expression":{"type":"string","maxLength":500}},"required":["expression"],"additionalProperties":false}'),
  ('current_time', 'Current time', 'Returns the current date and time in a given IANA time zone.', 'none', false, 'utility',
   '{"type":"object","properties":{"timezone":{"type":"string","default":"UTC"}},"additionalProperties":false}'),
  ('memory_search', 'Search memory', 'Finds the agent''s memory entries most similar to a query.', 'internal', false, 'memory',
   '{"type":"object","properties":{"query":{"type":"string","minLength":1},"limit":{"type":"integer","minimum":1,"maximum":50}},"required":["query"],"additionalProperties":false}'),
  ('memory_write', 'Write memory', 'Stores a fact in the agent''s memory.', 'internal', false, 'memory',
   '{"type":"object","properties":{"content":{"type":"string","minLength":1},"confidence":{"type":"number","minimum":0,"maximum":1}},"required":["content"],"additionalProperties":false}'),
  ('run_workflow', 'Run a workflow', 'Starts a run of a workflow the agent may use, with an input.', 'internal', true, 'workflows',
   '{"type":"object","properties":{"workflow_id":{"type":"string","format":"uuid"},"input":{"type":"object"}},"required":["workflow_id"],"additionalProperties":false}'),
  ('web_search', 'Web search', 'Searches the web and returns titles, URLs and snippets.', 'external_read', false, 'web',
   '{"type":"object","properties":{"query":{"type":"string","minLength":1},"max_results":{"type":"integer","minimum":1,"maximum":20}},"required":["query"],"additionalProperties":false}'),
  ('http_get', 'Fetch a URL', 'Fetches a web page or API resource with GET and returns its text.', 'external_read', false, 'web',
   '{"type":"object","properties":{"url":{"type":"string","format":"uri"}},"required":["url"],"additionalProperties":false}'),
  ('http_post', 'POST to a URL', 'Sends a JSON body to a URL with POST.', 'external_write', true, 'web',
   '{"type":"object","properties":{"url":{"type":"string","format":"uri"},"body":{"type":"object"}},"required":["url","body"],"additionalProperties":false}'),
  ('send_message', 'Send a message', 'Sends a message to a contact on a channel the agent is bound to.', 'external_write', true, 'messaging',
   '{"type":"object","properties":{"channel":{"type":"string","enum":["whatsapp","slack","web"]},"to":{"type":"string"},"text":{"type":"string","minLength":1,"maxLength":4096}},"required":["channel","to","text"],"additionalProperties":false}');
