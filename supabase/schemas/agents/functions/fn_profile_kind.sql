-- The kind of an agent profile table from its row type: personality, memory, tool or model. The
-- profile helpers build their dynamic SQL from this fixed list only (agents.<kind>_profiles).
create or replace function agents.fn_profile_kind(p_type regtype)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_kind text;
begin
  v_kind := case p_type
    when 'agents.personality_profiles'::regtype then 'personality'
    when 'agents.memory_profiles'::regtype then 'memory'
    when 'agents.tool_profiles'::regtype then 'tool'
    when 'agents.model_profiles'::regtype then 'model'
  end;
  if v_kind is null then
    raise exception 'agents.fn_profile_kind: % is not an agent profile row type', p_type using errcode = '22023';
  end if;
  return v_kind;
end
$function$;

comment on function agents.fn_profile_kind(p_type regtype) is 'personality, memory, tool or model for the row type of agents.<kind>_profiles; raises for any other type (the whitelist of the profile helpers).';

revoke all on function agents.fn_profile_kind(p_type regtype) from public;
grant execute on function agents.fn_profile_kind(p_type regtype) to authenticated;
