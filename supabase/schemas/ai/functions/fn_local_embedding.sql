-- The local embedder: deterministic 1536-dimension embeddings with no key and no network. Feature
-- hashing of the lower-cased words (weight 1) and their character trigrams (weight 0.5) into signed
-- buckets, L2-normalised: texts sharing words or word pieces get a high cosine similarity, unrelated
-- texts one near 0. md5 (not hashtext) so that the vectors are the same on every PostgreSQL.
-- Null for a text with no letters or digits.
create or replace function ai.fn_local_embedding(p_text text)
 returns extensions.vector
 language sql
 immutable parallel safe
 set search_path to ''
as $function$
  with words as (
    select w from regexp_split_to_table(lower(left(p_text, 20000)), '[^[:alnum:]]+') w where w <> ''
  ), features as (
    select w as f, 1.0::float8 as weight from words
    union all
    select substr(' ' || w || ' ', i, 3), 0.5 from words, generate_series(1, char_length(w)) i
  ), hashed as (
    select ('x' || substr(md5(f), 1, 8))::bit(32)::int as h, weight from features
  ), buckets as (
    select (abs(h::bigint) % 1536)::int as d, sum(case when (h >> 20) & 1 = 0 then weight else -weight end) as v
    from hashed group by 1
  ), norm as (
    select sqrt(sum(v * v)) as n from buckets
  )
  select case when norm.n > 0 then
    (select array_agg(coalesce(b.v / norm.n, 0)::float4 order by g.d)::extensions.vector
     from generate_series(0, 1535) g(d) left join buckets b on b.d = g.d)
  end
  from norm
$function$;

comment on function ai.fn_local_embedding(p_text text) is 'Deterministic local embeddings (feature hashing of words and trigrams, 1536 dimensions, normalised); the local/local-embed model.';

revoke all on function ai.fn_local_embedding(p_text text) from public;
grant execute on function ai.fn_local_embedding(p_text text) to authenticated, service_role;
