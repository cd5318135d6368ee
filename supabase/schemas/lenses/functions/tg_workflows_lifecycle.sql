-- The workflow lifecycle: created as draft; draft -> published only when valid; draft|published ->
-- archived; archived is final; the lenser never changes. published_at and archived_at are set here.
create or replace function lenses.tg_workflows_lifecycle()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_validation jsonb;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'workflows: a workflow is created as a draft (asked %); publish it afterwards', new.status using errcode = '23514';
    end if;
    new.published_at := null;
    new.archived_at := null;
    return new;
  end if;
  if new.lenser_id is distinct from old.lenser_id then
    raise exception 'workflows.lenser_id cannot change (a workflow stays with its lenser)' using errcode = '23514';
  end if;
  -- Only created_by cleared (its profile was deleted): allowed in every state.
  if (new.title, new.description, new.visibility, new.status, new.tags, new.published_at, new.archived_at)
     is not distinct from (old.title, old.description, old.visibility, old.status, old.tags, old.published_at, old.archived_at)
     and (new.created_by is not distinct from old.created_by or new.created_by is null) then
    return new;
  end if;
  if old.status = 'archived' then
    raise exception 'workflows: workflow % is archived and cannot change', old.id using errcode = 'PT409';
  end if;
  if new.status is distinct from old.status then
    if old.status = 'published' and new.status = 'draft' then
      raise exception 'workflows: workflow % is published and cannot return to draft', old.id using errcode = 'PT409';
    end if;
    if new.status = 'published' then
      v_validation := lenses.fn_validate_workflow(new.id);
      if not (v_validation ->> 'valid')::boolean then
        raise exception 'workflows: workflow % is not valid: %', old.id,
          (select string_agg(e ->> 'message', '; ') from jsonb_array_elements(v_validation -> 'errors') e)
          using errcode = '23514', detail = (v_validation -> 'errors')::text;
      end if;
      new.published_at := now();
    elsif new.status = 'archived' then
      new.archived_at := now();
    end if;
  else
    new.published_at := old.published_at;
    new.archived_at := old.archived_at;
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_workflows_lifecycle() from public;
