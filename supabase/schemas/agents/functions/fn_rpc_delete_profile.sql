-- delete_<kind>_profile: deletes a profile the caller manages unless a team member or a channel
-- binding uses it (PT409: 409, naming the RPC and which); returns the deleted row.
create or replace function agents.fn_rpc_delete_profile(p_rpc text, p_kind anyelement, p_profile_id uuid)
 returns anyelement
 language plpgsql
 set search_path to ''
as $function$
declare
  v_kind text := agents.fn_profile_kind(pg_catalog.pg_typeof(p_kind));
  v_row alias for $0;
  v_constraint text;
begin
  v_row := agents.fn_rpc_profile(p_rpc, p_kind, p_profile_id);
  begin
    execute format('delete from agents.%I p where p.id = $1', v_kind || '_profiles') using p_profile_id;
  exception when foreign_key_violation then
    get stacked diagnostics v_constraint = constraint_name;
    if v_constraint like 'channel_bindings_%' then
      raise exception '%: % profile % is used by channel bindings; change them first', p_rpc, v_kind, p_profile_id
        using errcode = 'PT409';
    end if;
    raise exception '%: % profile % is used by team members; change them first', p_rpc, v_kind, p_profile_id
      using errcode = 'PT409';
  end;
  return v_row;
end
$function$;

comment on function agents.fn_rpc_delete_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) is 'Deletes the profile p_profile_id of the kind of p_kind (null::agents.<kind>_profiles) for a caller who may manage it, unless a team member or a channel binding uses it; returns the deleted row.';

revoke all on function agents.fn_rpc_delete_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) from public;
grant execute on function agents.fn_rpc_delete_profile(p_rpc text, p_kind anyelement, p_profile_id uuid) to authenticated;
