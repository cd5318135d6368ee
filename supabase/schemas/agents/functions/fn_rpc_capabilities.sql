-- An RPC's p_capabilities: a list of instruction categories with no null and no repeat.
create or replace function agents.fn_rpc_capabilities(p_rpc text, p_capabilities lenses.instruction_category[])
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
begin
  if p_capabilities is null or array_position(p_capabilities, null) is not null then
    raise exception '%: p_capabilities must be a list of instruction categories without nulls', p_rpc using errcode = '22023';
  end if;
  if cardinality(p_capabilities) <> (select count(distinct c) from unnest(p_capabilities) c) then
    raise exception '%: p_capabilities must not repeat a category', p_rpc using errcode = '22023';
  end if;
end
$function$;

comment on function agents.fn_rpc_capabilities(p_rpc text, p_capabilities lenses.instruction_category[]) is 'Refuses a p_capabilities list that is null, holds a null or repeats a category (22023).';

revoke all on function agents.fn_rpc_capabilities(p_rpc text, p_capabilities lenses.instruction_category[]) from public;
grant execute on function agents.fn_rpc_capabilities(p_rpc text, p_capabilities lenses.instruction_category[]) to authenticated, service_role;
