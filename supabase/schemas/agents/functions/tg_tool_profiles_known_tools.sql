-- Tool profiles name known tools and groups only (a custom tool only when one of the agent's owners
-- registered it); lists are kept sorted and without duplicates.
create or replace function agents.tg_tool_profiles_known_tools()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_unknown text;
begin
  new.allow_tools := array(select distinct t from unnest(new.allow_tools) t order by t);
  new.deny_tools := array(select distinct t from unnest(new.deny_tools) t order by t);
  new.tool_groups := array(select distinct t from unnest(new.tool_groups) t order by t);
  select string_agg(t, ', ' order by t) into v_unknown
  from unnest(new.allow_tools || new.deny_tools || array(select jsonb_object_keys(new.provider_overrides))) t
  where not exists (select 1 from agents.tools_registry r where r.key = t and agents.fn_tool_usable(r.owner_id, new.ai_lenser_id));
  if v_unknown is not null then
    raise exception 'tool_profiles: unknown tool key(s): %', v_unknown using errcode = '23514';
  end if;
  select string_agg(g, ', ' order by g) into v_unknown
  from unnest(new.tool_groups) g
  where not exists (select 1 from agents.tools_registry r where r.tool_group = g);
  if v_unknown is not null then
    raise exception 'tool_profiles: unknown tool group(s): %', v_unknown using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_tool_profiles_known_tools() from public;
