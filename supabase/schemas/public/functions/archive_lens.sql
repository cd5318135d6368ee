create or replace function public.archive_lens(p_lens_id uuid)
 returns lenses.lenses
 language plpgsql
 set search_path to ''
as $function$
declare
  v_lens lenses.lenses := lenses.fn_editable_lens('archive_lens', p_lens_id);
begin
  if v_lens.status = 'archived' then
    raise exception 'archive_lens: lens % is already archived', p_lens_id using errcode = 'PT409';
  end if;
  update lenses.lenses l set archived_at = now() where l.id = p_lens_id returning * into v_lens;
  return v_lens;
end
$function$;

comment on function public.archive_lens(p_lens_id uuid) is 'Archives a lens: it takes no new versions and no changes; its published versions stay readable and usable.';

revoke all on function public.archive_lens(p_lens_id uuid) from public;
grant execute on function public.archive_lens(p_lens_id uuid) to authenticated;
