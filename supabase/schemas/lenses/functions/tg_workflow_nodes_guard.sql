-- The workflow must be a draft; model_id must name a model; a referenced version must be readable
-- by whoever adds it (a foreign key alone would let anyone point at a private version).
create or replace function lenses.tg_workflow_nodes_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow_id uuid := case when tg_op = 'DELETE' then old.workflow_id else new.workflow_id end;
  v_status lenses.workflow_status;
begin
  if tg_op = 'UPDATE' and (new.workflow_id <> old.workflow_id or new.kind <> old.kind) then
    raise exception 'workflow_nodes: a node''s workflow and kind never change' using errcode = '23514';
  end if;
  select w.status into v_status from lenses.workflows w where w.id = v_workflow_id;
  if found and v_status <> 'draft' then
    raise exception 'workflow_nodes: workflow % is %; its nodes cannot change', v_workflow_id, v_status using errcode = 'PT409';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if new.config ? 'model_id' and not exists (select 1 from ai.models m where m.id = (new.config ->> 'model_id')::uuid) then
    raise exception 'workflow_nodes: config.model_id % is not a model in ai.models', new.config ->> 'model_id' using errcode = '23514';
  end if;
  if new.lens_version_id is not null and (tg_op = 'INSERT' or new.lens_version_id is distinct from old.lens_version_id)
     and not exists (select 1 from lenses.versions v where v.id = new.lens_version_id) then
    raise exception 'workflow_nodes: lens version % is not one you can read', new.lens_version_id using errcode = '42501';
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflow_nodes_guard() from public;
