create or replace function public.revoke_ai_lenser_ownership(p_ownership_id uuid)
 returns agents.ownerships
 language plpgsql
 set search_path to ''
as $function$
declare
  v_row agents.ownerships;
begin
  if p_ownership_id is null then
    raise exception 'revoke_ai_lenser_ownership: p_ownership_id is required' using errcode = '22023';
  end if;
  select o.* into v_row from agents.ownerships o where o.id = p_ownership_id;
  if not found then
    raise exception 'revoke_ai_lenser_ownership: no ownership % that you can see', p_ownership_id using errcode = 'PT404';
  end if;
  if v_row.revoked_at is not null then
    raise exception 'revoke_ai_lenser_ownership: ownership % was already revoked at %', p_ownership_id, v_row.revoked_at
      using errcode = 'PT409';
  end if;
  if not (select agents.can_manage_ai_lenser(v_row.ai_lenser_id)) then
    raise exception 'revoke_ai_lenser_ownership: you do not own or co-own agent %', v_row.ai_lenser_id using errcode = '42501';
  end if;
  if v_row.role = 'owner' and not exists (
    select 1 from agents.ownerships o
    where o.ai_lenser_id = v_row.ai_lenser_id and o.owner_lenser_id = (select lensers.current_profile_id())
      and o.role = 'owner' and o.revoked_at is null
  ) then
    raise exception 'revoke_ai_lenser_ownership: only an owner can revoke an owner' using errcode = '42501';
  end if;
  update agents.ownerships o set revoked_at = now() where o.id = p_ownership_id returning * into v_row;
  return v_row;
end
$function$;

comment on function public.revoke_ai_lenser_ownership(p_ownership_id uuid) is 'Revokes a grant (kept as history). The last owner cannot be revoked.';

revoke all on function public.revoke_ai_lenser_ownership(p_ownership_id uuid) from public;
grant execute on function public.revoke_ai_lenser_ownership(p_ownership_id uuid) to authenticated;
