-- A memory profile embeds with a model that makes embeddings.
create or replace function agents.tg_memory_profiles_embedding_model()
 returns trigger
 language plpgsql
 set search_path to ''
as $function$
begin
  if new.embedding_model_id is not null and not exists (
    select 1 from ai.models m where m.id = new.embedding_model_id and 'embedding' = any (m.capability_tags)
  ) then
    raise exception 'memory_profiles: embedding_model_id % is not a model with the embedding capability', new.embedding_model_id
      using errcode = '23514';
  end if;
  return new;
end
$function$;

revoke all on function agents.tg_memory_profiles_embedding_model() from public;
