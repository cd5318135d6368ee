-- Entries are written once, embedded with their model; the only later change is a redaction, once, done
-- completely.
create or replace function agents.tg_memories_guard()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
declare
  v_model_id uuid;
begin
  if tg_op = 'INSERT' then
    if new.redacted_at is not null or new.redacted_by is not null then
      raise exception 'memories: an entry is written unredacted' using errcode = '23514';
    end if;
    new.created_by := coalesce((select lensers.current_profile_id()), new.created_by);
    -- An embedding without a named model is the profile's model's; an entry of a profile that embeds
    -- locally is embedded here when it comes without one.
    if new.embedding_model_id is null then
      v_model_id := coalesce((select p.embedding_model_id from agents.memory_profiles p where p.id = new.memory_profile_id),
        ai.fn_local_embedding_model_id());
      if new.embedding is null and v_model_id = ai.fn_local_embedding_model_id() then
        new.embedding := ai.fn_local_embedding(new.content);
      end if;
      new.embedding_model_id := case when new.embedding is not null then v_model_id end;
    end if;
    return new;
  end if;
  if old.redacted_at is not null then
    raise exception 'memories: entry % was redacted at % and never changes again', old.id, old.redacted_at using errcode = 'PT409';
  end if;
  if new.redacted_at is null then
    raise exception 'memories: an entry never changes except by redaction' using errcode = '23514';
  end if;
  if (new.memory_profile_id, new.ai_lenser_id, new.scope, new.source, new.confidence, new.expires_at, new.created_by, new.created_at)
     is distinct from (old.memory_profile_id, old.ai_lenser_id, old.scope, old.source, old.confidence, old.expires_at, old.created_by, old.created_at) then
    raise exception 'memories: a redaction only replaces the content, embedding and metadata' using errcode = '23514';
  end if;
  new.content := '[redacted]';
  new.embedding := null;
  new.metadata := '{}';
  new.redacted_by := coalesce((select lensers.current_profile_id()), new.redacted_by);
  return new;
end
$function$;

revoke all on function agents.tg_memories_guard() from public;
