-- The outbox row of message p_message_id, locked, when p_lease_token is its live lease: PT404 when
-- there is no such row, PT409 when the lease is another (expired and taken again, or the row is done).
create or replace function agents.fn_leased_send(p_rpc text, p_message_id uuid, p_lease_token uuid)
 returns agents.message_sends
 language plpgsql
 set search_path to ''
as $function$
declare
  v_send agents.message_sends;
begin
  if p_message_id is null then
    raise exception '%: p_message_id must be given', p_rpc using errcode = '22023';
  end if;
  if p_lease_token is null then
    raise exception '%: p_lease_token must be given', p_rpc using errcode = '22023';
  end if;
  select s.* into v_send from agents.message_sends s where s.message_id = p_message_id for update;
  if v_send.message_id is null then
    raise exception '%: no outbox message %', p_rpc, p_message_id using errcode = 'PT404';
  end if;
  if v_send.lease_token is distinct from p_lease_token then
    raise exception '%: p_lease_token is not the live lease of message % (expired and taken again, or already done)', p_rpc, p_message_id
      using errcode = 'PT409';
  end if;
  return v_send;
end
$function$;

comment on function agents.fn_leased_send(p_rpc text, p_message_id uuid, p_lease_token uuid) is 'The locked outbox row of a message under a live lease (PT404 / PT409 otherwise).';

revoke all on function agents.fn_leased_send(p_rpc text, p_message_id uuid, p_lease_token uuid) from public;
grant execute on function agents.fn_leased_send(p_rpc text, p_message_id uuid, p_lease_token uuid) to service_role;
