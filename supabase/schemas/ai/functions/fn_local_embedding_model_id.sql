-- The catalog's local embedder (local/local-embed): what a memory profile with no embedding model uses.
create or replace function ai.fn_local_embedding_model_id()
 returns uuid
 language sql
 stable
 set search_path to ''
as $function$
  select m.id from ai.models m join ai.providers p on p.id = m.provider_id
  where p.key = 'local' and m.model_key = 'local-embed'
$function$;

revoke all on function ai.fn_local_embedding_model_id() from public;
grant execute on function ai.fn_local_embedding_model_id() to authenticated, service_role;
