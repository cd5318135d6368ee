-- The reply text in a run's output ({node key: node output}): the "reply" node's text, else the
-- first sink's (by key) text, else its output as JSON text when it has no "text". Null when empty.
create or replace function agents.fn_run_reply_text(p_output jsonb)
 returns text
 language sql
 immutable
 set search_path to ''
as $function$
  select nullif(btrim(coalesce(
    p_output -> 'reply' ->> 'text',
    (select coalesce(e.value ->> 'text', case when jsonb_typeof(e.value) = 'string' then e.value #>> '{}' else e.value::text end)
     from jsonb_each(case when jsonb_typeof(p_output) = 'object' then p_output else '{}'::jsonb end) e
     order by e.key limit 1))), '')
$function$;

comment on function agents.fn_run_reply_text(p_output jsonb) is 'The reply text of a reply run''s output: the reply node''s text, else the first sink''s.';

revoke all on function agents.fn_run_reply_text(p_output jsonb) from public;
grant execute on function agents.fn_run_reply_text(p_output jsonb) to service_role;
