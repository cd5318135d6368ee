create or replace function public.update_lens(p_lens_id uuid, p_title text default NULL::text, p_description text default NULL::text, p_content text default NULL::text, p_visibility lenses.visibility default NULL::lenses.visibility, p_tags text[] default NULL::text[], p_params jsonb default NULL::jsonb)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('update_lens', p_lens_id);
  v_tags text[] := lenses.fn_normalize_tags(p_tags);
  v_errors text[];
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('update_lens', 'p_title', p_title, 200);
  perform lensers.fn_limit_text('update_lens', 'p_description', p_description, 10000);
  perform lensers.fn_limit_text('update_lens', 'p_content', p_content, 100000);
  perform lensers.fn_limit_texts('update_lens', 'p_tags', p_tags, 20, 40);
  perform lensers.fn_limit_json('update_lens', 'p_params', p_params, 65536, 32);
  if v_lens.status = 'archived' then
    raise exception 'update_lens: lens % is archived and cannot change', p_lens_id using errcode = 'PT409';
  end if;
  if p_title is not null and char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'update_lens: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'update_lens: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if char_length(p_content) > 100000 then
    raise exception 'update_lens: p_content must be at most 100000 characters' using errcode = '22023';
  end if;
  if p_tags is not null and not lenses.fn_tags_valid(v_tags) then
    raise exception 'update_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  if p_params is not null then
    v_errors := lenses.fn_lens_params_errors(p_params);
    if cardinality(v_errors) > 0 then
      raise exception 'update_lens: p_params is not valid: %', array_to_string(v_errors, '; ') using errcode = '22023';
    end if;
  end if;
  update lenses.lenses l set
    title = coalesce(btrim(p_title), l.title),
    description = case when p_description is null then l.description else nullif(p_description, '') end,
    content = case when p_content is null then l.content else nullif(p_content, '') end,
    visibility = coalesce(p_visibility, l.visibility),
    tags = case when p_tags is null then l.tags else v_tags end,
    params = coalesce(p_params, l.params)
  where l.id = p_lens_id
  returning * into v_lens;
  return v_lens;
end
$function$;

comment on function public.update_lens(p_lens_id uuid, p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb) is 'Changes a lens the caller may edit; null keeps a value, an empty p_description or p_content clears it.';

revoke all on function public.update_lens(p_lens_id uuid, p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb) from public;
grant execute on function public.update_lens(p_lens_id uuid, p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb) to authenticated;
