-- The output contract of a reviewer's task: a verdict, and why.
create or replace function agents.fn_review_contract()
 returns jsonb
 language sql
 immutable
 set search_path to ''
as $function$
  select '{"kind":"json","artifactKind":"classification","fields":[{"name":"approved","type":"boolean","required":true},{"name":"feedback","type":"string","required":false}]}'::jsonb
$function$;

comment on function agents.fn_review_contract() is 'The output contract of a review task: {"approved": boolean, "feedback": string}.';

revoke all on function agents.fn_review_contract() from public;
grant execute on function agents.fn_review_contract() to service_role;
