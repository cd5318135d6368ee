create or replace function public.render_lens_version(p_version_id uuid, p_params jsonb default '{}'::jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_state text;
  v_message text;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_json('render_lens_version', 'p_params', p_params, 65536, 32);
  if p_version_id is null then
    raise exception 'render_lens_version: p_version_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from lenses.versions v where v.id = p_version_id) then
    raise exception 'render_lens_version: no version % that you can read', p_version_id using errcode = 'PT404';
  end if;
  begin
    return lenses.fn_render_version_body(p_version_id, p_params);
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    -- A bad value is p_params' (named so); a placeholder without a parameter is the version's.
    raise exception 'render_lens_version: %', case when v_state = '22023' then 'p_params: ' else '' end
      || regexp_replace(v_message, '^fn_render_version_body: ', '') using errcode = v_state;
  end;
end
$function$;

comment on function public.render_lens_version(p_version_id uuid, p_params jsonb) is 'Preview: the version''s template rendered with p_params (typed and normalised; defaults applied). The caller must be able to read the version.';

revoke all on function public.render_lens_version(p_version_id uuid, p_params jsonb) from public;
grant execute on function public.render_lens_version(p_version_id uuid, p_params jsonb) to anon, authenticated, service_role;
