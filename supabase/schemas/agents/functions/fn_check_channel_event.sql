-- One normalised inbound event of receive_channel_events (zod: ChannelInboundEvent in
-- types/channels.ts, the same rules): 22023 naming the element and the field, e.g.
-- 'receive_channel_events: p_events[2].sender.externalId: ...'. Unknown keys are refused.
create or replace function agents.fn_check_channel_event(p_rpc text, p_channel agents.channel, p_index integer, p_event jsonb)
 returns void
 language plpgsql
 immutable
 set search_path to ''
as $function$
declare
  v_at text := format('p_events[%s]', p_index);
  v_kind text := p_event ->> 'kind';
  v_allowed text[];
  v_unknown text[];
  v_field text;
  v_media jsonb;
  v_i integer := 0;
  v_ext text;
  v_profile text;
begin
  if jsonb_typeof(p_event) is distinct from 'object' then
    raise exception '%: %: each event must be an object', p_rpc, v_at using errcode = '22023';
  end if;
  if jsonb_typeof(p_event -> 'kind') is distinct from 'string' or v_kind not in ('message', 'status') then
    raise exception '%: %.kind must be "message" or "status"', p_rpc, v_at using errcode = '22023';
  end if;
  v_allowed := case v_kind
    when 'message' then array['kind', 'providerMessageId', 'providerEventId', 'sender', 'groupId', 'threadId', 'body', 'media', 'metadata', 'sentAt']
    else array['kind', 'providerMessageId', 'status', 'error', 'at', 'callbackData'] end;
  v_unknown := agents.fn_json_unknown_keys(p_event, v_allowed);
  if cardinality(v_unknown) > 0 then
    raise exception '%: %: % (a % event has %)', p_rpc, v_at, lensers.fn_one_line(left(v_unknown[1], 300)), v_kind,
      array_to_string(v_allowed, ', ') using errcode = '22023';
  end if;
  -- Identifiers: strings of 1 to 256 characters.
  foreach v_field in array case v_kind when 'message' then array['providerMessageId', 'providerEventId', 'groupId', 'threadId']
                                       else array['providerMessageId'] end loop
    if (v_field = 'providerMessageId' or p_event ? v_field)
       and (jsonb_typeof(p_event -> v_field) is distinct from 'string'
            or char_length(p_event ->> v_field) not between 1 and 256) then
      raise exception '%: %.% must be a string of 1 to 256 characters', p_rpc, v_at, v_field using errcode = '22023';
    end if;
  end loop;
  if v_kind = 'status' then
    if jsonb_typeof(p_event -> 'status') is distinct from 'string' or (p_event ->> 'status') not in ('sent', 'delivered', 'read', 'failed') then
      raise exception '%: %.status must be one of sent, delivered, read, failed', p_rpc, v_at using errcode = '22023';
    end if;
    if p_event ? 'error' then
      if jsonb_typeof(p_event -> 'error') is distinct from 'object'
         or cardinality(agents.fn_json_unknown_keys(p_event -> 'error', array['code', 'title', 'detail'])) > 0
         or coalesce(jsonb_typeof(p_event -> 'error' -> 'code'), 'none') not in ('string', 'number')
         or char_length(p_event -> 'error' ->> 'code') not between 1 and 64
         or jsonb_typeof(p_event -> 'error' -> 'title') is distinct from 'string'
         or char_length(p_event -> 'error' ->> 'title') not between 1 and 1000
         or (p_event -> 'error' ? 'detail' and (jsonb_typeof(p_event -> 'error' -> 'detail') is distinct from 'string'
                                                or char_length(p_event -> 'error' ->> 'detail') > 4000)) then
        raise exception '%: %.error must be {code: string or number, title: string (1 to 1000), detail?: string (up to 4000)}',
          p_rpc, v_at using errcode = '22023';
      end if;
      if (p_event ->> 'status') <> 'failed' then
        raise exception '%: %.error belongs to a failed status only', p_rpc, v_at using errcode = '22023';
      end if;
    end if;
    if not agents.fn_is_iso_timestamp(p_event -> 'at') then
      raise exception '%: %.at must be an ISO 8601 timestamp with a time zone', p_rpc, v_at using errcode = '22023';
    end if;
    if p_event ? 'callbackData' and not agents.fn_json_is_guid(p_event -> 'callbackData') then
      raise exception '%: %.callbackData must be a message id (a uuid)', p_rpc, v_at using errcode = '22023';
    end if;
    return;
  end if;
  -- A message.
  if jsonb_typeof(p_event -> 'sender') is distinct from 'object'
     or cardinality(agents.fn_json_unknown_keys(p_event -> 'sender', array['externalId', 'name', 'profileId'])) > 0 then
    raise exception '%: %.sender must be {externalId, name?, profileId?}', p_rpc, v_at using errcode = '22023';
  end if;
  v_ext := p_event -> 'sender' ->> 'externalId';
  if jsonb_typeof(p_event -> 'sender' -> 'externalId') is distinct from 'string' or not (case p_channel
       when 'whatsapp' then v_ext ~ '^[0-9]{1,32}$'
       when 'slack' then v_ext ~ '^[A-Z0-9]{1,32}$'
       else v_ext ~ '^(visitor|user):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' end) then
    raise exception '%: %.sender.externalId must be %', p_rpc, v_at, case p_channel
      when 'whatsapp' then 'a WhatsApp id (digits)'
      when 'slack' then 'a Slack user id (A-Z, 0-9)'
      else 'visitor:<uuid> or user:<profile id> (lower case)' end using errcode = '22023';
  end if;
  if p_event -> 'sender' ? 'name' and (jsonb_typeof(p_event -> 'sender' -> 'name') is distinct from 'string'
                                       or char_length(p_event -> 'sender' ->> 'name') > 200) then
    raise exception '%: %.sender.name must be a string of up to 200 characters', p_rpc, v_at using errcode = '22023';
  end if;
  v_profile := p_event -> 'sender' ->> 'profileId';
  if p_event -> 'sender' ? 'profileId' then
    if p_channel <> 'web' or not agents.fn_json_is_guid(p_event -> 'sender' -> 'profileId') then
      raise exception '%: %.sender.profileId must be a profile id, on a web binding only', p_rpc, v_at using errcode = '22023';
    end if;
    if v_ext <> 'user:' || lower(v_profile) then
      raise exception '%: %.sender.externalId must be user:<profileId> for a signed-in sender', p_rpc, v_at using errcode = '22023';
    end if;
  elsif v_ext like 'user:%' then
    raise exception '%: %.sender.externalId: user:<id> needs sender.profileId (the verified user)', p_rpc, v_at using errcode = '22023';
  end if;
  if jsonb_typeof(p_event -> 'body') is distinct from 'string' or octet_length(p_event ->> 'body') > 16384 then
    raise exception '%: %.body must be a string of at most 16384 bytes', p_rpc, v_at using errcode = '22023';
  end if;
  if p_event ? 'media' then
    if jsonb_typeof(p_event -> 'media') is distinct from 'array' or jsonb_array_length(p_event -> 'media') > 10 then
      raise exception '%: %.media must be an array of at most 10 items', p_rpc, v_at using errcode = '22023';
    end if;
    for v_media in select e from jsonb_array_elements(p_event -> 'media') e loop
      if jsonb_typeof(v_media) is distinct from 'object'
         or cardinality(agents.fn_json_unknown_keys(v_media, array['type', 'id', 'url', 'mimeType'])) > 0
         or jsonb_typeof(v_media -> 'type') is distinct from 'string'
         or (v_media ->> 'type') not in ('image', 'audio', 'video', 'document', 'sticker', 'file')
         or ((v_media ? 'id') = (v_media ? 'url'))
         or (v_media ? 'id' and (jsonb_typeof(v_media -> 'id') is distinct from 'string' or char_length(v_media ->> 'id') not between 1 and 256))
         or (v_media ? 'url' and (jsonb_typeof(v_media -> 'url') is distinct from 'string' or (v_media ->> 'url') !~ '^https?://\S+$' or char_length(v_media ->> 'url') > 2048))
         or (v_media ? 'mimeType' and (jsonb_typeof(v_media -> 'mimeType') is distinct from 'string'
                                       or (v_media ->> 'mimeType') !~ '^[a-z0-9.+-]{1,64}/[A-Za-z0-9.+-]{1,128}$')) then
        raise exception '%: %.media[%] must be {type: image|audio|video|document|sticker|file, id or url, mimeType?}',
          p_rpc, v_at, v_i using errcode = '22023';
      end if;
      v_i := v_i + 1;
    end loop;
  end if;
  if p_event ? 'metadata' and (jsonb_typeof(p_event -> 'metadata') is distinct from 'object'
                               or octet_length((p_event -> 'metadata')::text) > 16384) then
    raise exception '%: %.metadata must be an object of at most 16384 bytes', p_rpc, v_at using errcode = '22023';
  end if;
  if not agents.fn_is_iso_timestamp(p_event -> 'sentAt') then
    raise exception '%: %.sentAt must be an ISO 8601 timestamp with a time zone', p_rpc, v_at using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_check_channel_event(p_rpc text, p_channel agents.channel, p_index integer, p_event jsonb) from public;
grant execute on function agents.fn_check_channel_event(p_rpc text, p_channel agents.channel, p_index integer, p_event jsonb) to service_role;
