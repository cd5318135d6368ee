-- The prompt of a reviewer's task: the member's task and their answer, and what to return.
create or replace function agents.fn_review_prompt(p_node_key text, p_task_prompt text, p_candidate jsonb)
 returns text
 language sql
 immutable
 set search_path to ''
as $function$
  select format(E'You review a team member''s work on step "%s" of a workflow.\n\nTheir task was:\n%s\n\nTheir answer:\n%s\n\n'
                 'Reply with a JSON object {"approved": true or false, "feedback": "..."}: approve an answer that does the '
                 'task well; otherwise reject it and say in the feedback what to change.',
                p_node_key, p_task_prompt,
                case when jsonb_typeof(p_candidate -> 'text') = 'string' and (select count(*) from jsonb_object_keys(p_candidate)) = 1
                     then p_candidate ->> 'text' else jsonb_pretty(p_candidate) end)
$function$;

comment on function agents.fn_review_prompt(p_node_key text, p_task_prompt text, p_candidate jsonb) is 'The review task''s prompt: the step''s task, the member''s answer, and the verdict to return.';

revoke all on function agents.fn_review_prompt(p_node_key text, p_task_prompt text, p_candidate jsonb) from public;
grant execute on function agents.fn_review_prompt(p_node_key text, p_task_prompt text, p_candidate jsonb) to service_role;
