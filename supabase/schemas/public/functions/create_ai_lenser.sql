-- Creating an agent writes three rows at once (the AI profile, its ai_lensers row and the caller's
-- owner grant). No RLS policy could allow the first two before the third exists, so this one RPC
-- is SECURITY DEFINER and checks its caller itself.
-- [security definer: writes the AI profile, its agent row and the first owner grant together; checks the caller itself]
create or replace function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref default 'cloud'::agents.runtime_pref, p_visibility lensers.profile_visibility default 'private'::lensers.profile_visibility, p_personality_note text default NULL::text, p_avatar_url text default NULL::text)
 returns agents.ai_lensers
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  v_owner uuid := lensers.current_profile_id();
  v_profile_id uuid;
  v_agent agents.ai_lensers;
begin
  -- Argument sizes (README "Limits").
  perform lensers.fn_limit_text('create_ai_lenser', 'p_handle', p_handle, 64);
  perform lensers.fn_limit_text('create_ai_lenser', 'p_display_name', p_display_name, 120);
  perform lensers.fn_limit_text('create_ai_lenser', 'p_personality_note', p_personality_note, 4000);
  perform lensers.fn_limit_text('create_ai_lenser', 'p_avatar_url', p_avatar_url, 2048);
  if v_owner is null then
    raise exception 'create_ai_lenser: sign in first (no human profile for this JWT)' using errcode = '42501';
  end if;
  if (select p.status from lensers.profiles p where p.id = v_owner) <> 'active' then
    raise exception 'create_ai_lenser: your profile is not active' using errcode = '42501';
  end if;
  if p_handle is null or p_handle !~ '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$' then
    raise exception 'create_ai_lenser: p_handle "%" is not a slug (1 to 40 letters, digits or inner hyphens)',
      coalesce(p_handle, 'null') using errcode = '22023';
  end if;
  if exists (select 1 from lensers.profiles p where lower(p.handle) = lower(p_handle)) then
    raise exception 'create_ai_lenser: p_handle "%" is taken', p_handle using errcode = '23505';
  end if;
  if p_display_name is null or char_length(btrim(p_display_name)) not between 1 and 120 then
    raise exception 'create_ai_lenser: p_display_name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_runtime_pref is null then
    raise exception 'create_ai_lenser: p_runtime_pref must be cloud, local or hybrid' using errcode = '22023';
  end if;
  if p_visibility is null then
    raise exception 'create_ai_lenser: p_visibility must be public, private or unlisted' using errcode = '22023';
  end if;
  if char_length(p_personality_note) > 4000 then
    raise exception 'create_ai_lenser: p_personality_note must be at most 4000 characters' using errcode = '22023';
  end if;
  if p_avatar_url is not null and p_avatar_url !~ '^https?://' then
    raise exception 'create_ai_lenser: p_avatar_url must be an http(s) URL' using errcode = '22023';
  end if;

  insert into lensers.profiles (handle, display_name, type, visibility, avatar_url)
  values (p_handle, btrim(p_display_name), 'ai', p_visibility, p_avatar_url)
  returning id into v_profile_id;
  insert into agents.ai_lensers (profile_id, runtime_pref, personality_note)
  values (v_profile_id, p_runtime_pref, p_personality_note)
  returning * into v_agent;
  insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role, permission_scope, granted_by)
  values (v_agent.id, v_owner, 'owner', enum_range(null::agents.ownership_permission), v_owner);
  return v_agent;
end
$function$;

comment on function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref, p_visibility lensers.profile_visibility, p_personality_note text, p_avatar_url text) is 'Creates an AI lenser owned by the caller.';

revoke all on function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref, p_visibility lensers.profile_visibility, p_personality_note text, p_avatar_url text) from public;
grant execute on function public.create_ai_lenser(p_handle text, p_display_name text, p_runtime_pref agents.runtime_pref, p_visibility lensers.profile_visibility, p_personality_note text, p_avatar_url text) to authenticated;
