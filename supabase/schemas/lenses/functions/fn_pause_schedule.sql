-- Pauses a schedule with a note (and who paused it; null: the dispatcher).
create or replace function lenses.fn_pause_schedule(p_schedule_id uuid, p_note text, p_paused_by uuid)
 returns lenses.workflow_schedules
 language plpgsql
 set search_path to ''
as $function$
declare
  v_schedule lenses.workflow_schedules;
begin
  update lenses.workflow_schedules s set paused_at = now(), paused_by = p_paused_by,
    pause_note = left(coalesce(p_note, 'paused'), 2000)
  where s.id = p_schedule_id
  returning * into v_schedule;
  return v_schedule;
end
$function$;

comment on function lenses.fn_pause_schedule(p_schedule_id uuid, p_note text, p_paused_by uuid) is 'Pauses a schedule with a note and who paused it (null: the dispatcher).';

revoke all on function lenses.fn_pause_schedule(p_schedule_id uuid, p_note text, p_paused_by uuid) from public;
