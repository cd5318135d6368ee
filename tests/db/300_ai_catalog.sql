-- The AI catalog: seeded, readable by all, written by nobody but the service role; the RPCs filter.
begin;
select plan(15);

select ok((select count(*) from ai.providers) >= 5, 'providers are seeded');
select is((select count(*)::int from ai.models where is_default), 1, 'exactly one default model');
select is((select p.key from ai.models m join ai.providers p on p.id = m.provider_id where m.is_default), 'local',
  'the default is the local provider''s, which needs no key and no network');
select is((select api_key_env from ai.providers where key = 'local'), null, 'local needs no key');

select tests.authenticate_as_anon();
select ok((select count(*) from public.list_ai_models()) > 10, 'anon reads the catalog');
select ok((select bool_and('reasoning' = any (capability_tags)) from public.list_ai_models(p_capability => 'reasoning')),
  'filter by capability');
select ok((select bool_and('pdf' = any (input_modalities) or 'pdf' = any (output_modalities)) from public.list_ai_models(p_modality => 'pdf')),
  'filter by modality');
select ok((select bool_and(support_level = 'byok_only') from public.list_ai_models(p_support_level => 'byok_only'))
  and exists (select 1 from public.list_ai_models(p_support_level => 'byok_only')), 'filter by support level');
select is((select count(*)::int from public.list_ai_providers('catalog_only')), 1, 'providers filter by support level');
select throws_ok($$select * from public.list_ai_models(p_provider_key => 'nope')$$, '22023',
  'list_ai_models: p_provider_key "nope" is not a known provider', 'an unknown provider');
select throws_ok($$select * from public.list_ai_models(p_limit => 0)$$, '22023',
  'list_ai_models: p_limit must be between 1 and 500, got 0', 'a bad page size');
select throws_ok($$select * from public.get_ai_model('00000000-0000-0000-0000-000000000000')$$, 'PT404', null, 'an unknown model');

select tests.clear_authentication();
select tests.authenticate_as(tests.create_user('catalog@example.com'));
select throws_ok($$update ai.models set input_price_per_mtok = 0$$, '42501', null, 'users cannot change prices');
select throws_ok($$insert into ai.providers (key, display_name, adapter, support_level) values ('evil', 'Evil', 'local', 'runnable')$$,
  '42501', null, 'nor add providers');

select tests.clear_authentication();
select throws_ok($$update ai.models set is_default = true where model_key = 'gpt-4.1'$$, '23505', null,
  'a second default model is refused');

select * from finish();
rollback;
