create or replace function public.create_lens(p_title text, p_description text default NULL::text, p_content text default NULL::text, p_visibility lenses.visibility default 'private'::lenses.visibility, p_tags text[] default '{}'::text[], p_params jsonb default '{}'::jsonb, p_lenser_id uuid default NULL::uuid)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lenser uuid := lenses.fn_acting_lenser('create_lens', p_lenser_id);
  v_tags text[] := lenses.fn_normalize_tags(coalesce(p_tags, '{}'));
  v_errors text[];
  v_lens lenses.lenses;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_lens', 'p_title', p_title, 200);
  perform lensers.fn_limit_text('create_lens', 'p_description', p_description, 10000);
  perform lensers.fn_limit_text('create_lens', 'p_content', p_content, 100000);
  perform lensers.fn_limit_texts('create_lens', 'p_tags', p_tags, 20, 40);
  perform lensers.fn_limit_json('create_lens', 'p_params', p_params, 65536, 32);
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'create_lens: p_title must be 1 to 200 characters' using errcode = '22023';
  end if;
  if char_length(p_description) > 10000 then
    raise exception 'create_lens: p_description must be at most 10000 characters' using errcode = '22023';
  end if;
  if char_length(p_content) > 100000 then
    raise exception 'create_lens: p_content must be at most 100000 characters' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_lens: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if not lenses.fn_tags_valid(v_tags) then
    raise exception 'create_lens: p_tags must be at most 20 distinct slugs of 1 to 40 letters, digits, _ or -, got %', p_tags
      using errcode = '22023';
  end if;
  v_errors := lenses.fn_lens_params_errors(coalesce(p_params, '{}'::jsonb));
  if cardinality(v_errors) > 0 then
    raise exception 'create_lens: p_params is not valid: %', array_to_string(v_errors, '; ') using errcode = '22023';
  end if;
  insert into lenses.lenses (lenser_id, title, description, content, visibility, tags, params, created_by)
  values (v_lenser, btrim(p_title), nullif(p_description, ''), nullif(p_content, ''), p_visibility, v_tags,
    coalesce(p_params, '{}'::jsonb), (select lensers.current_profile_id()))
  returning * into v_lens;
  return v_lens;
end
$function$;

comment on function public.create_lens(p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb, p_lenser_id uuid) is 'Creates a draft lens for the caller (or an AI they own or co-own: p_lenser_id). Tags are trimmed and lower-cased.';

revoke all on function public.create_lens(p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb, p_lenser_id uuid) from public;
grant execute on function public.create_lens(p_title text, p_description text, p_content text, p_visibility lenses.visibility, p_tags text[], p_params jsonb, p_lenser_id uuid) to authenticated;
