create or replace function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer default 50, p_offset integer default 0)
 returns setof agents.personality_profiles
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  perform agents.fn_rpc_require_operate('list_personality_profiles', p_ai_lenser_id);
  perform lensers.fn_rpc_page('list_personality_profiles', p_limit, p_offset);
  return query
    select p.* from agents.personality_profiles p
    where p.ai_lenser_id = p_ai_lenser_id
    order by p.is_default desc, lower(p.name), p.id
    limit p_limit offset p_offset;
end
$function$;

comment on function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) is 'An agent''s personality profiles, the default first, then by name.';

revoke all on function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) from public;
grant execute on function public.list_personality_profiles(p_ai_lenser_id uuid, p_limit integer, p_offset integer) to authenticated;
