-- Tags as callers type them: trimmed, lower-cased, deduplicated (first occurrence kept), empty ones dropped.
create or replace function lenses.fn_normalize_tags(p_tags text[])
 returns text[]
 language sql
 immutable
 set search_path to ''
as $function$
  select coalesce(array_agg(t order by first_pos), '{}')
  from (
    select lower(btrim(t)) as t, min(pos) as first_pos
    from unnest(p_tags) with ordinality as u(t, pos)
    where t is not null and btrim(t) <> ''
    group by lower(btrim(t))
  ) s
$function$;

revoke all on function lenses.fn_normalize_tags(p_tags text[]) from public;
grant execute on function lenses.fn_normalize_tags(p_tags text[]) to anon, authenticated, service_role;
