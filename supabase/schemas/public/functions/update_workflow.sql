create or replace function public.update_workflow(p_workflow_id uuid, p_title text default NULL::text, p_description text default NULL::text, p_visibility lenses.visibility default NULL::lenses.visibility, p_tags text[] default NULL::text[])
 returns lenses.workflows
 language plpgsql
 set search_path to ''
as $function$
declare
  v_workflow lenses.workflows := lenses.fn_editable_workflow('update_workflow', p_workflow_id);
  v_tags text[] := lenses.fn_normalize_tags(p_tags);
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_workflow', 'p_title', p_title, 200);
  perform lensers.fn_limit_text('update_workflow', 'p_description', p_description, 10000);
  perform lensers.fn_limit_texts('update_workflow', 'p_tags', p_tags, 20, 40);
  if v_workflow.status = 'archived' then
    raise exception 'update_workflow: workflow % is archived and cannot change', p_workflow_id using errcode = 'PT409';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_workflow: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'update_workflow: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if p_tags is not null and not lenses.fn_tags_valid(v_tags) then
    raise exception 'update_workflow: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  update lenses.workflows w set
    title = coalesce(btrim(p_title), w.title),
    description = case when p_description is null then w.description else nullif(p_description, '') end,
    visibility = coalesce(p_visibility, w.visibility),
    tags = case when p_tags is null then w.tags else v_tags end
  where w.id = p_workflow_id
  returning * into v_workflow;
  return v_workflow;
end
$function$;

comment on function public.update_workflow(p_workflow_id uuid, p_title text, p_description text, p_visibility lenses.visibility, p_tags text[]) is 'Changes a workflow''s title, description, visibility or tags (also once published; not once archived).';

revoke all on function public.update_workflow(p_workflow_id uuid, p_title text, p_description text, p_visibility lenses.visibility, p_tags text[]) from public;
grant execute on function public.update_workflow(p_workflow_id uuid, p_title text, p_description text, p_visibility lenses.visibility, p_tags text[]) to authenticated;
