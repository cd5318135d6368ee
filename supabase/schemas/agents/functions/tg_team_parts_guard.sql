-- Members and edges of an archived team never change; a member's team and agent are fixed.
create or replace function agents.tg_team_parts_guard()
 returns trigger
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_team_id uuid := case when tg_op = 'DELETE' then old.team_id else new.team_id end;
begin
  -- (Nested: each table's columns are only named where that table is the one being changed.)
  if tg_op = 'UPDATE' then
    if tg_table_name = 'team_members' then
      if new.team_id is distinct from old.team_id or new.agent_id is distinct from old.agent_id then
        raise exception 'team_members: a member''s team and agent cannot change; remove it and add another' using errcode = '23514';
      end if;
    elsif (new.team_id, new.source_member_id, new.target_member_id)
          is distinct from (old.team_id, old.source_member_id, old.target_member_id) then
      raise exception 'team_edges: an edge''s ends cannot change; remove it and add another' using errcode = '23514';
    end if;
  end if;
  -- Deletes cascading from a deleted team, agent or member (run from a trigger) are not edits.
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  if exists (select 1 from agents.teams t where t.id = v_team_id and t.status = 'archived') then
    raise exception '%: team % is archived and read-only', tg_table_name, v_team_id using errcode = 'PT409';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$function$;

revoke all on function agents.tg_team_parts_guard() from public;
