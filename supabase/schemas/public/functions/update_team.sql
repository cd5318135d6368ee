create or replace function public.update_team(p_team_id uuid, p_name text default NULL::text, p_description text default NULL::text, p_clear_description boolean default false, p_status agents.team_status default NULL::agents.team_status, p_scratchpad jsonb default NULL::jsonb)
 returns agents.teams
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_team';
  v_team agents.teams := agents.fn_rpc_editable_team('update_team', p_team_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_team', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('update_team', 'p_description', p_description, 10000);
  perform lensers.fn_limit_json('update_team', 'p_scratchpad', p_scratchpad, 262144, 32);
  if p_name is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 120);
    if exists (select 1 from agents.teams t where t.owner_lenser_id = v_team.owner_lenser_id and lower(t.name) = lower(btrim(p_name))
               and t.status <> 'archived' and t.id <> p_team_id) then
      raise exception '%: p_name "%" is taken by another team of this owner', c_rpc, btrim(p_name) using errcode = '23505';
    end if;
  end if;
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_description', p_clear_description);
  if p_description is not null then
    if p_clear_description then
      raise exception '%: give p_description or p_clear_description, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 4000);
  end if;
  if p_status = 'archived' then
    raise exception '%: p_status must be active or paused (archive with archive_team)', c_rpc using errcode = '22023';
  end if;
  if p_scratchpad is not null then
    perform agents.fn_rpc_scratchpad(c_rpc, p_scratchpad);
  end if;
  update agents.teams t set
    name = coalesce(btrim(p_name), t.name),
    description = case when p_clear_description then null else coalesce(btrim(p_description), t.description) end,
    status = coalesce(p_status, t.status),
    scratchpad = coalesce(p_scratchpad, t.scratchpad)
  where t.id = p_team_id
  returning * into v_team;
  return v_team;
end
$function$;

comment on function public.update_team(p_team_id uuid, p_name text, p_description text, p_clear_description boolean, p_status agents.team_status, p_scratchpad jsonb) is 'Changes a team (name, description, active/paused, scratchpad); null arguments keep their value.';

revoke all on function public.update_team(p_team_id uuid, p_name text, p_description text, p_clear_description boolean, p_status agents.team_status, p_scratchpad jsonb) from public;
grant execute on function public.update_team(p_team_id uuid, p_name text, p_description text, p_clear_description boolean, p_status agents.team_status, p_scratchpad jsonb) to authenticated;
