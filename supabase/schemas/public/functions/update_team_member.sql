create or replace function public.update_team_member(p_member_id uuid, p_role agents.team_member_role default NULL::agents.team_member_role, p_responsibility text default NULL::text, p_clear_responsibility boolean default false, p_lane integer default NULL::integer, p_capabilities lenses.instruction_category[] default NULL::lenses.instruction_category[])
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  c_rpc constant text := 'update_team_member';
  v_member agents.team_members := agents.fn_rpc_editable_member('update_team_member', p_member_id);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_team_member', 'p_responsibility', p_responsibility, 4000);
  perform agents.fn_rpc_not_null(c_rpc, 'p_clear_responsibility', p_clear_responsibility);
  if p_responsibility is not null then
    if p_clear_responsibility then
      raise exception '%: give p_responsibility or p_clear_responsibility, not both', c_rpc using errcode = '22023';
    end if;
    perform agents.fn_rpc_text(c_rpc, 'p_responsibility', p_responsibility, 2000);
  end if;
  if p_lane < 0 then
    raise exception '%: p_lane must be 0 or more, got %', c_rpc, p_lane using errcode = '22023';
  end if;
  if p_capabilities is not null then
    perform agents.fn_rpc_capabilities(c_rpc, p_capabilities);
  end if;
  update agents.team_members m set
    role = coalesce(p_role, m.role),
    responsibility = case when p_clear_responsibility then null else coalesce(btrim(p_responsibility), m.responsibility) end,
    lane = coalesce(p_lane, m.lane),
    capabilities = coalesce(p_capabilities, m.capabilities)
  where m.id = v_member.id
  returning * into v_member;
  return v_member;
end
$function$;

comment on function public.update_team_member(p_member_id uuid, p_role agents.team_member_role, p_responsibility text, p_clear_responsibility boolean, p_lane integer, p_capabilities lenses.instruction_category[]) is 'Changes a member''s role, responsibility, lane or capabilities; null arguments keep their value.';

revoke all on function public.update_team_member(p_member_id uuid, p_role agents.team_member_role, p_responsibility text, p_clear_responsibility boolean, p_lane integer, p_capabilities lenses.instruction_category[]) from public;
grant execute on function public.update_team_member(p_member_id uuid, p_role agents.team_member_role, p_responsibility text, p_clear_responsibility boolean, p_lane integer, p_capabilities lenses.instruction_category[]) to authenticated;
