create or replace function agents.tg_workflow_assignments_fixed()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if tg_op = 'INSERT' then
    -- The creator is whoever is signed in (the service role may name one).
    new.created_by := coalesce((select lensers.current_profile_id()), new.created_by);
    return new;
  end if;
  if (new.workflow_id, new.assignee_kind, new.assignee_ai_lenser_id, new.assignee_team_id)
     is distinct from (old.workflow_id, old.assignee_kind, old.assignee_ai_lenser_id, old.assignee_team_id) then
    raise exception 'workflow_assignments: an assignment''s workflow and assignee never change; disable it and create another'
      using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_workflow_assignments_fixed() from public;
