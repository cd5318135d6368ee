-- Before update of a message: only its delivery (status, error, status times), its sender link
-- (contact_id, moved by a contact merge), once, an outbound message's provider_message_id (the id
-- the provider answers when the outbox sends it: null to a value, never changed after) and, while an
-- outbound message is queued and held for a model judge, its body (the judge's rewrite) change. The delivery status moves forward only
-- (agents.fn_message_status_moves): a backward move, or any move after read or failed, is refused
-- with PT409 (receive_channel_events skips stale statuses before they get here); the same status
-- again changes nothing. A status's time is set when it is reached; failed keeps its error.
create or replace function agents.tg_messages_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_free text[] := array['delivery_status', 'error', 'sent_at', 'delivered_at', 'read_at', 'failed_at', 'contact_id', 'provider_message_id'];
begin
  -- An outbound message still queued and held for a model judge: the judge's rewrite becomes its body.
  if new.body is distinct from old.body and old.direction = 'outbound' and old.delivery_status = 'queued'
     and exists (select 1 from agents.message_sends s where s.message_id = old.id and s.held_for_judgement) then
    v_free := v_free || array['body'];
  end if;
  if (to_jsonb(new) - v_free) is distinct from (to_jsonb(old) - v_free)
     or (new.provider_message_id is distinct from old.provider_message_id
         and (old.provider_message_id is not null or old.direction <> 'outbound')) then
    raise exception 'messages: message % is history: only its delivery, its sender link and (once) an outbound provider id change', old.id
      using errcode = '23514';
  end if;
  if new.delivery_status is distinct from old.delivery_status then
    if old.delivery_status is null or new.delivery_status is null
       or not agents.fn_message_status_moves(old.delivery_status, new.delivery_status) then
      raise exception 'messages: message % cannot go from % to %: delivery status only moves forward',
        old.id, coalesce(old.delivery_status::text, 'none'), coalesce(new.delivery_status::text, 'none')
        using errcode = 'PT409';
    end if;
    case new.delivery_status
      when 'sent' then new.sent_at := coalesce(new.sent_at, now());
      when 'delivered' then new.delivered_at := coalesce(new.delivered_at, now());
      when 'read' then new.read_at := coalesce(new.read_at, now());
      when 'failed' then new.failed_at := coalesce(new.failed_at, now());
      else null;
    end case;
  elsif old.delivery_status in ('read', 'failed')
        and (new.error, new.sent_at, new.delivered_at, new.read_at, new.failed_at)
            is distinct from (old.error, old.sent_at, old.delivered_at, old.read_at, old.failed_at) then
    raise exception 'messages: message % is % and its delivery record is final', old.id, old.delivery_status
      using errcode = 'PT409';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_messages_guard() from public;
