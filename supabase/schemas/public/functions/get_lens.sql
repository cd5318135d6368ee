create or replace function public.get_lens(p_lens_id uuid)
 returns jsonb
 language plpgsql
 stable
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses;
begin
  if p_lens_id is null then
    raise exception 'get_lens: p_lens_id is required' using errcode = '22023';
  end if;
  select l.* into v_lens from lenses.lenses l where l.id = p_lens_id;
  if not found then
    raise exception 'get_lens: no lens % that you can see', p_lens_id using errcode = 'PT404';
  end if;
  return to_jsonb(v_lens) || jsonb_build_object('versions', coalesce((
    select jsonb_agg(lenses.fn_version_json(v.id) order by v.version_number desc)
    from lenses.versions v where v.lens_id = p_lens_id), '[]'::jsonb));
end
$function$;

comment on function public.get_lens(p_lens_id uuid) is 'A lens with the versions the caller may see (newest first), each with its parameters.';

revoke all on function public.get_lens(p_lens_id uuid) from public;
grant execute on function public.get_lens(p_lens_id uuid) to anon, authenticated, service_role;
