create or replace function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb default '{}'::jsonb)
 returns text
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_template text;
  v_state text;
  v_message text;
begin
  if p_version_id is null then
    raise exception 'fn_render_version_body: p_version_id is required' using errcode = '22023';
  end if;
  select v.template_body into v_template from lenses.versions v where v.id = p_version_id;
  if not found then
    raise exception 'fn_render_version_body: no version % that you can read', p_version_id using errcode = 'PT404';
  end if;
  begin
    return lenses.fn_render_template(v_template, lenses.fn_version_parameter_defs(p_version_id), p_params);
  exception when sqlstate '22023' or sqlstate 'P0001' then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text;
    raise exception 'fn_render_version_body: %', v_message using errcode = v_state;
  end;
end
$function$;

comment on function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb) is 'The version''s template with every [[label]] filled by its type-checked, normalised value (22023 names a bad or missing one).';

revoke all on function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb) from public;
grant execute on function lenses.fn_render_version_body(p_version_id uuid, p_params jsonb) to anon, authenticated, service_role;
