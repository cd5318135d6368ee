-- What is wrong with a cron expression, one message per problem naming the field (e.g.
-- 'minute field "61": values must be 0-59', 'expression must have 5 fields, got 6'); empty when
-- lenses.fn_next_schedule_fire accepts it. The syntax is the one lenses.fn_cron_parse reads.
create or replace function lenses.fn_cron_expression_errors(p_expression text)
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select (lenses.fn_cron_parse(p_expression)).errors
$function$;

comment on function lenses.fn_cron_expression_errors(p_expression text) is 'The problems of a five-field cron expression, each naming the field (e.g. minute field "61": values must be 0-59); empty when valid.';

revoke all on function lenses.fn_cron_expression_errors(p_expression text) from public;
grant execute on function lenses.fn_cron_expression_errors(p_expression text) to anon, authenticated, service_role;
