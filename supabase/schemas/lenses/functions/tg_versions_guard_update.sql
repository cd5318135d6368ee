-- Update: the lifecycle and immutability rules.
create or replace function lenses.tg_versions_guard_update()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_errors text[];
begin
  if (new.lens_id, new.version_number, new.created_at) is distinct from (old.lens_id, old.version_number, old.created_at)
     or (new.created_by is distinct from old.created_by and new.created_by is not null) then
    raise exception 'versions: lens_id, version_number, created_by and created_at never change' using errcode = '23514';
  end if;
  -- Only created_by cleared (its profile was deleted): history keeps everything else.
  if (new.template_body, new.input_contract, new.output_contract, new.instruction_category, new.status, new.published_at, new.archived_at)
     is not distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category, old.status, old.published_at, old.archived_at)
     and old.status <> 'draft' then
    return new;
  end if;
  if old.status = 'archived' then
    raise exception 'versions: version % is archived and cannot change', old.id using errcode = 'PT409';
  end if;
  if old.status = 'published' then
    if new.status <> 'archived'
       or (new.template_body, new.input_contract, new.output_contract, new.instruction_category, new.published_at)
          is distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category, old.published_at) then
      raise exception 'versions: version % is published and cannot change (it may only be archived)', old.id
        using errcode = 'PT409';
    end if;
    new.archived_at := now();
    return new;
  end if;
  -- old.status = 'draft'
  if exists (select 1 from lenses.lenses l where l.id = old.lens_id and l.status = 'archived') then
    if new.status <> 'archived'
       or (new.template_body, new.input_contract, new.output_contract, new.instruction_category)
          is distinct from (old.template_body, old.input_contract, old.output_contract, old.instruction_category) then
      raise exception 'versions: lens % is archived; its draft version % can only be archived', old.lens_id, old.id
        using errcode = 'PT409';
    end if;
  end if;
  if new.status = 'published' then
    v_errors := lenses.fn_version_publish_errors(new.id, new.template_body, new.input_contract, new.output_contract);
    if cardinality(v_errors) > 0 then
      raise exception 'versions: version % cannot be published: %', old.id, array_to_string(v_errors, '; ')
        using errcode = '23514';
    end if;
    new.published_at := now();
  elsif new.status = 'archived' then
    new.archived_at := now();
  end if;
  return new;
end
$function$;

revoke all on function lenses.tg_versions_guard_update() from public;
