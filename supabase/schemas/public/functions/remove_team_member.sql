create or replace function public.remove_team_member(p_member_id uuid)
 returns agents.team_members
 language plpgsql
 set search_path to ''
as $function$
declare
  v_member agents.team_members := agents.fn_rpc_editable_member('remove_team_member', p_member_id);
begin
  delete from agents.team_members m where m.id = v_member.id;
  return v_member;
end
$function$;

comment on function public.remove_team_member(p_member_id uuid) is 'Removes a member from its team, with the edges that touch it; returns the removed row.';

revoke all on function public.remove_team_member(p_member_id uuid) from public;
grant execute on function public.remove_team_member(p_member_id uuid) to authenticated;
