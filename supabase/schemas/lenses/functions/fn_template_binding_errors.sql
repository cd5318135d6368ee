-- What is wrong with how a template binds its parameters (empty when nothing): placeholders
-- without a parameter, parameters the template does not use, defaults that do not render.
-- p_parameters as fn_render_template takes them. Shared by versions and inline node overrides.
create or replace function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb)
 returns text[]
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_errors text[] := '{}'::text[];
  v_labels text[] := lenses.fn_template_labels(p_template);
  v_param jsonb;
  v_error text;
begin
  select v_errors || coalesce(array_agg(format('template placeholder [[%s]] has no parameter', l) order by l), '{}')
  into v_errors
  from unnest(v_labels) l
  where not exists (select 1 from jsonb_array_elements(coalesce(p_parameters, '[]')) p where p ->> 'label' = l);

  for v_param in select p from jsonb_array_elements(coalesce(p_parameters, '[]')) p order by p ->> 'label' loop
    if not (v_param ->> 'label') = any (v_labels) then
      v_errors := v_errors || format('parameter "%s" does not appear in the template', v_param ->> 'label');
    end if;
    if nullif(v_param -> 'default_value', 'null'::jsonb) is not null then
      v_error := lenses.fn_param_value_error(v_param ->> 'label', (v_param ->> 'type')::lenses.param_type,
        coalesce(v_param -> 'config', '{}'::jsonb), v_param -> 'default_value');
      if v_error is not null then
        v_errors := v_errors || format('default_value of %s', v_error);
      end if;
    end if;
  end loop;
  return v_errors;
end
$function$;

comment on function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) is 'Unbound [[label]] placeholders, unused parameters and bad defaults of a template and its parameters (empty when none).';

revoke all on function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) from public;
grant execute on function lenses.fn_template_binding_errors(p_template text, p_parameters jsonb) to anon, authenticated, service_role;
