-- Data the product needs: the built-in tools an agent's tool profile can allow. Not schema: it
-- stays in hand-written migrations.

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
