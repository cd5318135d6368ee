-- Tags: at most 20 distinct lower-case slugs. Shared by lenses and workflows.
create or replace function lenses.fn_tags_valid(p_tags text[])
 returns boolean
 language sql
 immutable
 set search_path to ''
as $function$
  select p_tags is not null
    and coalesce(array_length(p_tags, 1), 0) <= 20
    and not exists (select 1 from unnest(p_tags) t where t is null or t !~ '^[a-z0-9][a-z0-9_-]{0,39}$')
    and (select count(distinct t) from unnest(p_tags) t) = coalesce(array_length(p_tags, 1), 0)
$function$;

comment on function lenses.fn_tags_valid(p_tags text[]) is 'True for at most 20 distinct tags, each a lower-case slug of 1 to 40 letters, digits, _ or -.';

revoke all on function lenses.fn_tags_valid(p_tags text[]) from public;
grant execute on function lenses.fn_tags_valid(p_tags text[]) to anon, authenticated, service_role;
