-- A memory profile's retrieval arguments: an embedding model (when given) that makes embeddings, and
-- a top-k between 0 and 50.
create or replace function agents.fn_check_memory_retrieval_args(p_rpc text, p_embedding_model_id uuid, p_retrieval_top_k integer)
 returns void
 language plpgsql
 stable
 set search_path to ''
as $function$
begin
  if p_retrieval_top_k is null or p_retrieval_top_k not between 0 and 50 then
    raise exception '%: p_retrieval_top_k must be between 0 and 50, got %', p_rpc, coalesce(p_retrieval_top_k::text, 'null')
      using errcode = '22023';
  end if;
  if p_embedding_model_id is not null and not exists (
    select 1 from ai.models m where m.id = p_embedding_model_id and 'embedding' = any (m.capability_tags)
  ) then
    raise exception '%: p_embedding_model_id % is not a model with the embedding capability', p_rpc, p_embedding_model_id
      using errcode = '22023';
  end if;
end
$function$;

revoke all on function agents.fn_check_memory_retrieval_args(p_rpc text, p_embedding_model_id uuid, p_retrieval_top_k integer) from public;
grant execute on function agents.fn_check_memory_retrieval_args(p_rpc text, p_embedding_model_id uuid, p_retrieval_top_k integer) to authenticated, service_role;
