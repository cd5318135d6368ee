-- Records a fire as skipped with its reason and detail.
create or replace function lenses.fn_schedule_fire_skipped(p_fire lenses.workflow_schedule_fires, p_reason lenses.schedule_skip_reason, p_detail text)
 returns lenses.workflow_schedule_fires
 language plpgsql
 set search_path to ''
as $function$
declare
  v_fire lenses.workflow_schedule_fires;
begin
  update lenses.workflow_schedule_fires f set outcome = 'skipped', skip_reason = p_reason, detail = left(p_detail, 2000)
  where f.schedule_id = p_fire.schedule_id and f.fire_at = p_fire.fire_at
  returning * into v_fire;
  return v_fire;
end
$function$;

comment on function lenses.fn_schedule_fire_skipped(p_fire lenses.workflow_schedule_fires, p_reason lenses.schedule_skip_reason, p_detail text) is 'Marks a fire skipped with its reason and detail.';

revoke all on function lenses.fn_schedule_fire_skipped(p_fire lenses.workflow_schedule_fires, p_reason lenses.schedule_skip_reason, p_detail text) from public;
