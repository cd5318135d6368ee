-- The team row a caller may change, or a clear error.
create or replace function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid)
 returns agents.teams
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_team agents.teams;
begin
  if p_team_id is null then
    raise exception '%: p_team_id is required', p_rpc using errcode = '22023';
  end if;
  select t.* into v_team from agents.teams t where t.id = p_team_id;
  if not found then
    raise exception '%: no team % that you can see', p_rpc, p_team_id using errcode = 'PT404';
  end if;
  if not exists (select 1 from agents.editable_team_ids() e where e = p_team_id) then
    raise exception '%: you may not change team % (read-only for you)', p_rpc, p_team_id using errcode = '42501';
  end if;
  if v_team.status = 'archived' then
    raise exception '%: team % is archived and read-only', p_rpc, p_team_id using errcode = 'PT409';
  end if;
  return v_team;
end
$function$;

revoke all on function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid) from public;
grant execute on function agents.fn_rpc_editable_team(p_rpc text, p_team_id uuid) to authenticated, service_role;
