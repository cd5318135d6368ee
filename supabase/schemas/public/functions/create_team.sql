create or replace function public.create_team(p_name text, p_owner_lenser_id uuid default NULL::uuid, p_description text default NULL::text, p_scratchpad jsonb default '{}'::jsonb, p_status agents.team_status default 'active'::agents.team_status)
 returns agents.teams
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'create_team';
  v_owner uuid := coalesce(p_owner_lenser_id, (select lensers.current_profile_id()));
  v_team agents.teams;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_team', 'p_name', p_name, 200);
  perform lensers.fn_limit_text('create_team', 'p_description', p_description, 10000);
  perform lensers.fn_limit_json('create_team', 'p_scratchpad', p_scratchpad, 262144, 32);
  if v_owner is null then
    raise exception '%: sign in first (no human profile for this JWT)', c_rpc using errcode = '42501';
  end if;
  if not exists (select 1 from lensers.editable_profile_ids() e where e = v_owner) then
    raise exception '%: you may not create teams for lenser %', c_rpc, v_owner using errcode = '42501';
  end if;
  perform agents.fn_rpc_text(c_rpc, 'p_name', p_name, 120);
  if p_description is not null then
    perform agents.fn_rpc_text(c_rpc, 'p_description', p_description, 4000);
  end if;
  perform agents.fn_rpc_scratchpad(c_rpc, p_scratchpad);
  perform agents.fn_rpc_not_null(c_rpc, 'p_status', p_status);
  if p_status = 'archived' then
    raise exception '%: p_status must be active or paused for a new team', c_rpc using errcode = '22023';
  end if;
  if exists (select 1 from agents.teams t where t.owner_lenser_id = v_owner and lower(t.name) = lower(btrim(p_name))
             and t.status <> 'archived') then
    raise exception '%: p_name "%" is taken by another team of this owner', c_rpc, btrim(p_name) using errcode = '23505';
  end if;
  insert into agents.teams (owner_lenser_id, name, description, scratchpad, status)
  values (v_owner, btrim(p_name), btrim(p_description), p_scratchpad, p_status)
  returning * into v_team;
  return v_team;
end
$function$;

comment on function public.create_team(p_name text, p_owner_lenser_id uuid, p_description text, p_scratchpad jsonb, p_status agents.team_status) is 'Creates a team owned by the caller, or by an AI lenser the caller owns or co-owns (p_owner_lenser_id).';

revoke all on function public.create_team(p_name text, p_owner_lenser_id uuid, p_description text, p_scratchpad jsonb, p_status agents.team_status) from public;
grant execute on function public.create_team(p_name text, p_owner_lenser_id uuid, p_description text, p_scratchpad jsonb, p_status agents.team_status) to authenticated;
