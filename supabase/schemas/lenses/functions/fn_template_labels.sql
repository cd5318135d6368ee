-- The distinct [[label]] placeholders of a template, in order of first appearance. A label is an
-- identifier (letters, digits, _; not starting with a digit; at most 63); anything else between
-- double brackets is plain text.
create or replace function lenses.fn_template_labels(p_template text)
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(array_agg(label order by first_pos), '{}')
  from (
    select m[1] as label, min(pos) as first_pos
    from regexp_matches(coalesce(p_template, ''), '\[\[([A-Za-z_][A-Za-z0-9_]{0,62})\]\]', 'g') with ordinality as r(m, pos)
    group by m[1]
  ) s
$function$;

comment on function lenses.fn_template_labels(p_template text) is 'The distinct [[label]] placeholders of a template, in order of first appearance.';

revoke all on function lenses.fn_template_labels(p_template text) from public;
grant execute on function lenses.fn_template_labels(p_template text) to anon, authenticated, service_role;
