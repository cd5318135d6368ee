create or replace function public.list_lens_tools(p_category lenses.tool_category default NULL::lenses.tool_category)
 returns setof lenses.tools
 language sql
 stable
 set search_path to ''
as $function$
  select t.* from lenses.tools t
  where p_category is null or t.category = p_category
  order by t.category, t.key
$function$;

comment on function public.list_lens_tools(p_category lenses.tool_category) is 'The parameter type registry, optionally one category.';

revoke all on function public.list_lens_tools(p_category lenses.tool_category) from public;
grant execute on function public.list_lens_tools(p_category lenses.tool_category) to anon, authenticated, service_role;
