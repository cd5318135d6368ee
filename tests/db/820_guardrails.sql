-- Guardrails (README "Guardrails"): rules on an agent, a team and a binding; config validation
-- (22023 naming p_config and the field); every deterministic kind x action on input and output, and
-- model_judge through record_guardrail_judgement; block > rewrite > log and the rewrite order; PII
-- with true and false positives; recording verdicts (one row per hit, once per message, refused while
-- judges are pending); violations append-only; RLS of both tables (owner, operator, stranger, anon).
begin;
select plan(106);

select tests.create_user('gina@example.com', '{"handle":"gina"}') as gina \gset
select tests.create_user('otto@example.com', '{"handle":"otto"}') as otto \gset
select tests.create_user('sam@example.com', '{"handle":"sam"}') as sam \gset
select tests.new_agent(:'gina', 'warden') as warden \gset
select tests.new_agent(:'gina', 'plain') as plain \gset
select tests.grant_agent_role(:'warden', :'otto', 'operator');
select gen_random_uuid() as binding \gset

-- The verdict on a text, as the reply pipeline (service_role) asks it.
-- (security definer: the test asks it as any role; the checks themselves are service_role's.)
create function tests.check_text(p_agent uuid, p_team uuid, p_binding uuid, p_direction text, p_text text)
returns jsonb language sql security definer set search_path = '' as $$
  select agents.fn_check_guardrails(p_agent, p_team, p_binding, p_direction::agents.guardrail_direction, p_text)
$$;
create function tests.guard_rows_touched(p_sql text) returns integer language plpgsql set search_path = '' as $$
declare n integer;
begin
  execute p_sql;
  get diagnostics n = row_count;
  return n;
end $$;
grant execute on function tests.check_text(uuid, uuid, uuid, text, text), tests.guard_rows_touched(text) to anon, authenticated, service_role;

select tests.authenticate_as(:'gina');
select (public.create_team(p_name => 'Guard crew')).id as crew \gset

-- ---------------------------------------------------------------- config validation
create temp table bad_configs (kind text, config jsonb, message text) on commit drop;
insert into bad_configs values
  ('blocked_terms', '[]', 'create_guardrail_rule: p_config: must be a JSON object'),
  ('blocked_terms', '{}', 'create_guardrail_rule: p_config.terms: must be an array of 1 to 500 strings'),
  ('blocked_terms', '{"terms":[]}', 'create_guardrail_rule: p_config.terms: must be an array of 1 to 500 strings'),
  ('blocked_terms', '{"terms":["ok","  "]}', 'create_guardrail_rule: p_config.terms[1]: must be a string of 1 to 200 characters, not blank'),
  ('blocked_terms', '{"terms":["ok"],"wholeWord":"yes"}', 'create_guardrail_rule: p_config.wholeWord: must be true or false'),
  ('blocked_terms', '{"terms":["ok"],"colour":"red"}', 'create_guardrail_rule: p_config.colour: is not a field of a blocked_terms rule (its fields: terms, caseSensitive, wholeWord, replacement)'),
  ('regex', '{"pattern":"(a"}', 'create_guardrail_rule: p_config.pattern: does not compile: invalid regular expression: parentheses () not balanced'),
  ('regex', '{"pattern":"a*"}', 'create_guardrail_rule: p_config.pattern: must not match the empty string (it would match between every character)'),
  ('regex', '{"pattern":"a","flags":"g"}', 'create_guardrail_rule: p_config.flags: must be "", "i" (case-insensitive), "n" (newline-sensitive) or "in"'),
  ('max_length', '{"maxChars":0}', 'create_guardrail_rule: p_config.maxChars: must be an integer from 1 to 1000000'),
  ('max_length', '{"maxChars":1.5}', 'create_guardrail_rule: p_config.maxChars: must be an integer from 1 to 1000000'),
  ('max_length', '{"maxChars":10,"replacement":"x"}', 'create_guardrail_rule: p_config.replacement: is not a field of a max_length rule (its fields: maxChars)'),
  ('pii', '{"kinds":["email","ssn"]}', 'create_guardrail_rule: p_config.kinds[1]: must be one of email, phone, credit_card, iban'),
  ('pii', '{"kinds":["email","email"]}', 'create_guardrail_rule: p_config.kinds: must not repeat a kind'),
  ('pii', ('{"kinds":["email"],"replacement":"' || repeat('x', 201) || '"}')::jsonb, 'create_guardrail_rule: p_config.replacement: must be a string of at most 200 characters'),
  ('model_judge', '{"instruction":" "}', 'create_guardrail_rule: p_config.instruction: must be a string of 1 to 4000 characters, not blank'),
  ('model_judge', '{"instruction":"be kind","modelId":"gpt"}', 'create_guardrail_rule: p_config.modelId: must be a uuid (an ai.models id)'),
  ('model_judge', '{"instruction":"be kind","modelId":"00000000-0000-0000-0000-000000000000"}', 'create_guardrail_rule: p_config.modelId: no model 00000000-0000-0000-0000-000000000000 in the catalog');
grant select on bad_configs to authenticated;
select throws_ok(format($$select public.create_guardrail_rule('agent', 'bad', %L, 'block', %L, p_ai_lenser_id => %L)$$, kind, config, :'warden'),
  '22023', message, format('config refused: %s', message))
from bad_configs order by kind, message;

select throws_ok(format($$select public.create_guardrail_rule('agent', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L, p_team_id => %L)$$, :'warden', :'crew'),
  '22023', 'create_guardrail_rule: p_team_id must be null for an agent rule', 'an agent rule names no team');
select throws_ok(format($$select public.create_guardrail_rule('team', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L, p_team_id => %L)$$, :'warden', :'crew'),
  '22023', 'create_guardrail_rule: p_ai_lenser_id must be null for a team rule', 'a team rule names no agent');
select throws_ok(format($$select public.create_guardrail_rule('binding', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L)$$, :'warden'),
  '22023', 'create_guardrail_rule: p_binding_id is required for a binding rule', 'a binding rule names its binding');
select throws_ok($$select public.create_guardrail_rule('agent', 'x', 'max_length', 'block', '{"maxChars":5}')$$,
  '22023', 'create_guardrail_rule: p_ai_lenser_id is required', 'an agent rule names its agent');
select throws_ok(format($$select public.create_guardrail_rule('agent', ' ', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L)$$, :'warden'),
  '22023', 'create_guardrail_rule: p_name must be 1 to 200 characters', 'a rule has a name');
select throws_ok(format($$select public.create_guardrail_rule('agent', 'x', 'max_length', null, '{"maxChars":5}', p_ai_lenser_id => %L)$$, :'warden'),
  '22023', 'create_guardrail_rule: p_action is required (one of block, rewrite, log)', 'and an action');
select is((select count(*)::integer from agents.guardrail_rules), 0, 'no refused call made a rule');

-- ---------------------------------------------------------------- authority
select tests.authenticate_as(:'otto');
select throws_ok(format($$select public.create_guardrail_rule('agent', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L)$$, :'warden'),
  '42501', format('create_guardrail_rule: you do not own or co-own agent %s', :'warden'), 'an operator may not add rules');
select tests.authenticate_as(:'sam');
select throws_ok(format($$select public.create_guardrail_rule('binding', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L, p_binding_id => %L)$$, :'warden', :'binding'),
  '42501', format('create_guardrail_rule: you do not own or co-own agent %s', :'warden'), 'nor a stranger, on a binding');
select throws_ok(format($$select public.create_guardrail_rule('team', 'x', 'max_length', 'block', '{"maxChars":5}', p_team_id => %L)$$, :'crew'),
  'PT404', format('create_guardrail_rule: no team %s that you can see', :'crew'), 'nor on another''s team');
select throws_ok(format($$insert into agents.guardrail_rules (tier, ai_lenser_id, name, kind, action, config) values ('agent', %L, 'x', 'max_length', 'block', '{"maxChars":5}')$$, :'warden'),
  '42501', null, 'a stranger''s direct insert is refused by RLS');
select tests.authenticate_as_anon();
select throws_ok(format($$select public.create_guardrail_rule('agent', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L)$$, :'warden'),
  '42501', null, 'anon may not call it');

-- ---------------------------------------------------------------- every kind x action, input and output
-- One fresh agent per case, with one rule checking both directions; the verdict and the text that
-- may go on must be the same for input and output.
select tests.clear_authentication();
create temp table kind_cases (kind text, action text, config jsonb, body text, verdict text, final_text text, hit boolean) on commit drop;
insert into kind_cases values
  ('blocked_terms', 'block',   '{"terms":["darn","heck"]}', 'Well, DARN it.', 'block', null, true),
  ('blocked_terms', 'rewrite', '{"terms":["darn","heck"]}', 'Well, DARN it, heck.', 'rewrite', 'Well, [redacted] it, [redacted].', true),
  ('blocked_terms', 'log',     '{"terms":["darn"]}', 'Well, darn it.', 'log', 'Well, darn it.', true),
  ('blocked_terms', 'block',   '{"terms":["darn"]}', 'Darning socks, darned.', 'pass', 'Darning socks, darned.', false),
  ('blocked_terms', 'block',   '{"terms":["darn"],"wholeWord":false}', 'Darning socks.', 'block', null, true),
  ('blocked_terms', 'rewrite', '{"terms":["darn"],"caseSensitive":true,"replacement":"d***"}', 'Darn, darn.', 'rewrite', 'Darn, d***.', true),
  ('blocked_terms', 'rewrite', '{"terms":["a.b","c++"],"replacement":"\\1&"}', 'a.b axb c++', 'rewrite', '\1& axb \1&', true),
  ('regex', 'block',   '{"pattern":"order #[0-9]+"}', 'about order #123', 'block', null, true),
  ('regex', 'rewrite', '{"pattern":"(secret)-([0-9]+)","replacement":"<hidden>"}', 'code secret-42 and secret-7', 'rewrite', 'code <hidden> and <hidden>', true),
  ('regex', 'log',     '{"pattern":"refund","flags":"i"}', 'A REFUND please', 'log', 'A REFUND please', true),
  ('regex', 'block',   '{"pattern":"refund"}', 'A REFUND please', 'pass', 'A REFUND please', false),
  ('max_length', 'block',   '{"maxChars":10}', 'twelve chars', 'block', null, true),
  ('max_length', 'rewrite', '{"maxChars":6}', 'twelve chars', 'rewrite', 'twelve', true),
  ('max_length', 'log',     '{"maxChars":10}', 'twelve chars', 'log', 'twelve chars', true),
  ('max_length', 'block',   '{"maxChars":12}', 'twelve chars', 'pass', 'twelve chars', false),
  ('pii', 'block',   '{"kinds":["email"]}', 'write to ann@example.com', 'block', null, true),
  ('pii', 'rewrite', '{"kinds":["email","phone"],"replacement":"<pii>"}', 'ann@example.com or +1 415 555 2671', 'rewrite', '<pii> or <pii>', true),
  ('pii', 'log',     '{"kinds":["credit_card"]}', 'card 4111 1111 1111 1111', 'log', 'card 4111 1111 1111 1111', true),
  ('pii', 'block',   '{"kinds":["iban","credit_card"]}', 'no numbers here', 'pass', 'no numbers here', false);
create temp table kind_results (n integer, problem text) on commit drop;
do $$
declare
  c record;
  v_agent uuid;
  v_dir text;
  v_verdict jsonb;
  v_n integer := 0;
begin
  for c in select * from kind_cases loop
    v_n := v_n + 1;
    v_agent := tests.new_agent((select user_id from lensers.profiles where handle = 'gina'), 'kind-case-' || v_n);
    insert into agents.guardrail_rules (tier, ai_lenser_id, name, kind, action, config)
    values ('agent', v_agent, 'case ' || v_n, c.kind::agents.guardrail_kind, c.action::agents.guardrail_action, c.config);
    foreach v_dir in array array['input', 'output'] loop
      v_verdict := agents.fn_check_guardrails(v_agent, null, null, v_dir::agents.guardrail_direction, c.body);
      if v_verdict ->> 'verdict' is distinct from c.verdict or v_verdict ->> 'text' is distinct from c.final_text
         or (jsonb_array_length(v_verdict -> 'hits') = 1) <> c.hit or v_verdict ->> 'original' <> c.body
         or v_verdict ->> 'direction' <> v_dir then
        insert into kind_results values (v_n, format('%s %s on %s %L: got %s', c.kind, c.action, v_dir, c.body, v_verdict));
      end if;
    end loop;
  end loop;
end $$;
select is_empty($$select problem from kind_results order by n$$,
  'every deterministic kind x action gives its verdict and text, on input and on output (and misses what it should miss)');
select is((select count(*)::integer from kind_cases), 19, 'over 19 cases');

select tests.authenticate_as(:'gina');
-- A hit names its rule, version, tier, kind, action, severity and matches.
select (public.create_guardrail_rule('agent', 'no cards', 'pii', 'block', '{"kinds":["credit_card"]}',
  p_ai_lenser_id => :'warden', p_severity => 'critical', p_direction => 'output')).id as r_cards \gset
select is(tests.check_text(:'warden', null, null, 'output', 'pay with 5500-0000-0000-0004 now') -> 'hits',
  jsonb_build_array(jsonb_build_object('ruleId', :'r_cards', 'ruleVersion', 1, 'tier', 'agent', 'kind', 'pii', 'action', 'block',
    'severity', 'critical', 'matches', '[{"kind":"credit_card","text":"5500-0000-0000-0004"}]'::jsonb)),
  'a hit lists the rule, its version, tier, kind, action, severity and the matches');
select is(tests.check_text(:'warden', null, null, 'input', 'pay with 5500-0000-0000-0004 now') ->> 'verdict', 'pass',
  'an output rule does not check input');

-- ---------------------------------------------------------------- block > rewrite > log, rewrite order
select (public.create_guardrail_rule('agent', 'cats to dogs', 'regex', 'rewrite', '{"pattern":"cat","replacement":"dog"}', p_ai_lenser_id => :'plain')).id as r_cat \gset
select (public.create_guardrail_rule('team', 'dogs to birds', 'regex', 'rewrite', '{"pattern":"dog","replacement":"bird"}', p_team_id => :'crew')).id as r_dog \gset
-- A binding rule needs a binding of that very agent (a random id, or another agent's binding, is not found).
select throws_ok(format($$select public.create_guardrail_rule('binding', 'x', 'max_length', 'block', '{"maxChars":5}', p_ai_lenser_id => %L, p_binding_id => %L)$$, :'plain', :'binding'),
  'PT404', format('create_guardrail_rule: p_binding_id %s: no channel binding of agent %s that you can see', :'binding', :'plain'),
  'a binding rule names a binding of its agent');
select (public.create_channel_binding(:'plain', 'web', 'Guarded site', p_allowed_origins => array['https://guarded.example'])).id as binding \gset
-- Two inbound messages on it, whose verdicts are recorded below.
select tests.authenticate_as_service_role();
select m ->> 0 as message, m ->> 1 as message2
from (select public.receive_channel_events(:'binding', format('[{"kind":"message","providerMessageId":"g1.%1$s","sender":{"externalId":"visitor:%1$s"},"body":"one","sentAt":"2026-12-02T10:00:00Z"},{"kind":"message","providerMessageId":"g2.%1$s","sender":{"externalId":"visitor:%1$s"},"body":"two","sentAt":"2026-12-02T10:00:01Z"}]', gen_random_uuid())::jsonb) -> 'messageIds' as m) x \gset
select tests.authenticate_as(:'gina');
select (public.create_guardrail_rule('binding', 'birds to fish', 'regex', 'rewrite', '{"pattern":"bird","replacement":"fish"}', p_ai_lenser_id => :'plain', p_binding_id => :'binding')).id as r_bird \gset
select is(tests.check_text(:'plain', :'crew', :'binding', 'output', 'a cat') ->> 'text', 'a fish',
  'rewrites apply in tier order, each on the text the previous left: agent, then team, then binding');
select is(tests.check_text(:'plain', :'crew', null, 'output', 'a cat') ->> 'text', 'a bird', 'only the tiers asked for');
select is(tests.check_text(:'plain', null, null, 'output', 'a cat') ->> 'text', 'a dog', 'the agent tier alone');
select (public.create_guardrail_rule('agent', 'log cats', 'blocked_terms', 'log', '{"terms":["cat"]}', p_ai_lenser_id => :'plain')).id as r_logcat \gset
select results_eq(format($$select v ->> 'verdict', v ->> 'text', jsonb_array_length(v -> 'hits') from tests.check_text(%L, null, null, 'output', 'a cat') v$$, :'plain'),
  $$values ('rewrite', 'a dog', 2)$$, 'rewrite wins over log; both are hits');
select (public.create_guardrail_rule('agent', 'no cats at all', 'blocked_terms', 'block', '{"terms":["cat"]}', p_ai_lenser_id => :'plain')).id as r_nocat \gset
select results_eq(format($$select v ->> 'verdict', v ->> 'text', jsonb_array_length(v -> 'hits') from tests.check_text(%L, null, null, 'output', 'a cat') v$$, :'plain'),
  $$values ('block', null::text, 3)$$, 'block wins over rewrite and log, and lets no text go');
select (public.create_guardrail_rule('agent', 'log dogs', 'blocked_terms', 'log', '{"terms":["dog"]}', p_ai_lenser_id => :'plain')).id as r_logdog \gset
select is(jsonb_path_query_array(tests.check_text(:'plain', null, null, 'output', 'a cat'), '$.hits[*].ruleId'),
  jsonb_build_array(:'r_cat', :'r_logcat', :'r_nocat'),
  'block and log rules look at the original text: the dog the rewrite made is not logged');
select is(jsonb_path_query_array(tests.check_text(:'plain', :'crew', :'binding', 'output', 'a dog'), '$.hits[*].ruleId'),
  jsonb_build_array(:'r_logdog', :'r_dog', :'r_bird'), 'a rule of each tier that matched, in checking order');
select is(tests.check_text(:'plain', null, null, 'input', 'a cow') ->> 'verdict', 'pass', 'a text no rule matches passes');

-- ---------------------------------------------------------------- versions, disabling
select is((public.update_guardrail_rule(:'r_nocat', p_severity => 'high')).version, 2, 'a change bumps the version');
select is((public.update_guardrail_rule(:'r_nocat', p_severity => 'high')).version, 2, 'a change to the same values does not');
select is((public.disable_guardrail_rule(:'r_nocat')).version, 3, 'disabling is a new version');
select is(tests.check_text(:'plain', null, null, 'output', 'a cat') ->> 'verdict', 'rewrite', 'a disabled rule checks nothing');
select throws_ok(format($$select public.disable_guardrail_rule(%L)$$, :'r_nocat'), 'PT409',
  format('disable_guardrail_rule: guardrail rule %s is already disabled', :'r_nocat'), 'disabling twice is a conflict');
select throws_ok(format($$select public.update_guardrail_rule(%L, p_config => '{"terms":[]}')$$, :'r_nocat'), '22023',
  'update_guardrail_rule: p_config.terms: must be an array of 1 to 500 strings', 'an update''s config is checked for the rule''s kind');
select throws_ok(format($$select public.update_guardrail_rule(%L, p_config => '{"maxChars":3}')$$, :'r_nocat'), '22023',
  'update_guardrail_rule: p_config.maxChars: is not a field of a blocked_terms rule (its fields: terms, caseSensitive, wholeWord, replacement)',
  'a config of another kind is refused');
select is((public.update_guardrail_rule(:'r_nocat', p_enabled => true)).enabled, true, 'update enables it again');
select throws_ok(format($$update agents.guardrail_rules set kind = 'regex' where id = %L$$, :'r_nocat'), '42501', null,
  'the kind cannot change (no column grant)');
select throws_ok(format($$select public.update_guardrail_rule(%L)$$, gen_random_uuid()), 'PT404', null, 'an unknown rule is not found');

-- ---------------------------------------------------------------- listing
select is((select array_agg(id order by tier, seq) from public.list_guardrail_rules(p_ai_lenser_id => :'plain')),
  array[:'r_cat', :'r_logcat', :'r_nocat', :'r_logdog', :'r_bird']::uuid[], 'an agent''s list: its rules then its bindings'', in checking order');
select is((select array_agg(id) from public.list_guardrail_rules(p_team_id => :'crew')), array[:'r_dog']::uuid[], 'a team''s list');
select throws_ok(format($$select * from public.list_guardrail_rules(p_ai_lenser_id => %L, p_team_id => %L)$$, :'plain', :'crew'),
  '22023', null, 'exactly one of agent and team');
select tests.authenticate_as(:'otto');
select is((select count(*)::integer from public.list_guardrail_rules(p_ai_lenser_id => :'warden')), 1, 'an operator lists the agent''s rules');
select throws_ok(format($$select public.update_guardrail_rule(%L, p_name => 'mine')$$, :'r_cards'), '42501',
  format('update_guardrail_rule: you do not own or co-own agent %s', :'warden'), 'but may not change them');
select tests.authenticate_as(:'sam');
select throws_ok(format($$select * from public.list_guardrail_rules(p_ai_lenser_id => %L)$$, :'warden'), '42501', null,
  'a stranger may not list them');
select throws_ok(format($$select public.update_guardrail_rule(%L, p_name => 'mine')$$, :'r_cards'), 'PT404', null,
  'nor find one to change');
select throws_ok(format($$select * from public.list_guardrail_rules(p_team_id => %L)$$, :'crew'), 'PT404', null,
  'nor list another''s team');

-- ---------------------------------------------------------------- PII: true and false positives
select tests.clear_authentication();
create temp table pii_cases (kind text, body text, found text) on commit drop;
insert into pii_cases values
  ('email', 'mail john.doe+x@example.co.uk today', 'john.doe+x@example.co.uk'),
  ('email', 'user@localhost, a@b, @handle, name at example dot com', null),
  ('phone', 'call +44 20 7946 0958', '+44 20 7946 0958'),
  ('phone', 'call +14155552671.', '+14155552671'),
  ('phone', 'call (555) 123-4567', '(555) 123-4567'),
  ('phone', 'call 555-123-4567', '555-123-4567'),
  ('phone', 'call 020 7946 0958', '020 7946 0958'),
  ('phone', 'call 0612345678', '0612345678'),
  ('phone', 'on 2024-01-15 at 10:30, v1.2.3.4, pi 3.14159265, order 12345678, ratio 0.123456789, +12 3', null),
  ('credit_card', 'card 4111 1111 1111 1111', '4111 1111 1111 1111'),
  ('credit_card', 'amex 378282246310005', '378282246310005'),
  ('credit_card', 'card 4111 1111 1111 1112, id 1234567890123', null),
  ('iban', 'IBAN DE89 3704 0044 0532 0130 00 AND more', 'DE89 3704 0044 0532 0130 00'),
  ('iban', 'to GB82WEST12345698765432.', 'GB82WEST12345698765432'),
  ('iban', 'GB82 WEST 1234 5698 7654 33 and DE00 1234 5678 9012 3456 78', null);
select is_empty($$
  select format('%s in %L: found %s, expected %s', c.kind, c.body, agents.fn_guardrail_pii_matches(array[c.kind], c.body), c.found)
  from pii_cases c
  where agents.fn_guardrail_pii_matches(array[c.kind], c.body)
    is distinct from case when c.found is null then '[]'::jsonb
                          else jsonb_build_array(jsonb_build_object('kind', c.kind, 'text', c.found)) end
$$, 'PII: each kind finds its true positives (exactly) and none of its false positives');
select ok(agents.fn_guardrail_luhn_valid('4111111111111111') and not agents.fn_guardrail_luhn_valid('4111111111111112'), 'Luhn');
select ok(agents.fn_guardrail_iban_valid('GB82 WEST 1234 5698 7654 32') and not agents.fn_guardrail_iban_valid('GB82 WEST 1234 5698 7654 33'), 'mod-97');
select is(agents.fn_guardrail_pii_matches('{email,phone,credit_card,iban}', 'DE89 3704 0044 0532 0130 00 / ann0612345678@example.com'),
  '[{"kind":"email","text":"ann0612345678@example.com"},{"kind":"iban","text":"DE89 3704 0044 0532 0130 00"}]'::jsonb,
  'an IBAN''s digits are not a card or a phone, an email''s digits not a phone');

-- ---------------------------------------------------------------- model_judge and record_guardrail_judgement
select tests.new_agent(:'gina', 'judged') as judged \gset
select tests.authenticate_as(:'gina');
select (public.create_guardrail_rule('agent', 'polite', 'model_judge', 'rewrite', '{"instruction":"The reply must be polite."}', p_ai_lenser_id => :'judged')).id as r_polite \gset
select (public.create_guardrail_rule('agent', 'on topic', 'model_judge', 'block', '{"instruction":"Stay on topic.","replacement":"-"}', p_ai_lenser_id => :'judged')).id as r_topic \gset
select tests.authenticate_as_service_role();
select tests.check_text(:'judged', null, null, 'output', 'go away') as v0 \gset
select results_eq(format($$select v ->> 'verdict', v ->> 'text', jsonb_path_query_array(v, '$.pending[*].ruleId') from (select %L::jsonb v) x$$, :'v0'),
  format($$values ('pass', 'go away', jsonb_build_array(%L, %L))$$, :'r_polite', :'r_topic'),
  'model_judge rules are pending, in checking order; nothing decided yet');
select is((:'v0'::jsonb) -> 'pending' -> 0 -> 'model' ->> 'modelKey', (select model_key from ai.models where is_default),
  'a pending rule names the model to ask (the catalog default here)');
select throws_ok(format($$select agents.fn_record_guardrail_verdict(%L)$$, :'v0'), 'PT409', null,
  'a verdict with pending judges cannot be recorded: nothing leaves unjudged');
select public.record_guardrail_judgement(:'v0', :'r_polite', '{"allow":false,"reason":"rude","rewrite":"Please leave."}') as v1 \gset
select results_eq(format($$select v ->> 'verdict', v ->> 'text', jsonb_array_length(v -> 'pending'), v -> 'hits' -> 0 ->> 'reason' from (select %L::jsonb v) x$$, :'v1'),
  $$values ('rewrite', 'Please leave.', 1, 'rude')$$, 'a rewrite judge that does not allow: its rewrite is the text, one judge left');
select public.record_guardrail_judgement(:'v1', :'r_topic', '{"allow":true,"reason":"fine"}') as v2 \gset
select results_eq(format($$select v ->> 'verdict', v ->> 'text', jsonb_array_length(v -> 'pending'), jsonb_array_length(v -> 'hits') from (select %L::jsonb v) x$$, :'v2'),
  $$values ('rewrite', 'Please leave.', 0, 1)$$, 'an allowing judge adds no hit; nothing is pending');
select is((public.record_guardrail_judgement(:'v1', :'r_topic', '{"allow":false,"reason":"off topic"}')) ->> 'verdict', 'block', 'a block judge that does not allow blocks');
select results_eq(format($$select v ->> 'verdict', v ->> 'text', v -> 'hits' -> 0 ->> 'action', v -> 'hits' -> 0 ->> 'reason', jsonb_array_length(v -> 'pending')
    from public.record_guardrail_judgement(%L, %L, '{"error":"timeout"}') v$$, :'v0', :'r_polite'),
  $$values ('block', null::text, 'block', 'judge_unavailable', 0)$$,
  'a judge failure fails closed: block, judge_unavailable, whatever the rule''s action; nothing left to judge');
select is((public.record_guardrail_judgement(:'v0', :'r_polite', '{"allow":false,"reason":"rude"}')) ->> 'text', '[redacted]',
  'a rewrite judge without a rewrite: the rule''s replacement');
select throws_ok(format($$select public.record_guardrail_judgement(%L, %L, '{"allow":"no","reason":"x"}')$$, :'v0', :'r_polite'), '22023',
  'record_guardrail_judgement: p_judgement must be {allow: boolean, reason: string, rewrite?: string} or {error: string}', 'a malformed judgement is refused');
select throws_ok(format($$select public.record_guardrail_judgement(%L, %L, '{"allow":true,"reason":"x"}')$$, :'v2', :'r_polite'), '22023',
  format('record_guardrail_judgement: p_rule_id %s is not pending in p_verdict', :'r_polite'), 'a rule judged already (or never pending) is refused');
-- model_judge x action, and log
select tests.authenticate_as(:'gina');
select (public.create_guardrail_rule('agent', 'audit', 'model_judge', 'log', '{"instruction":"Flag complaints."}', p_ai_lenser_id => :'plain', p_direction => 'input')).id as r_audit \gset
select tests.authenticate_as_service_role();
select is((public.record_guardrail_judgement(tests.check_text(:'plain', null, null, 'input', 'I complain'), :'r_audit',
  '{"allow":false,"reason":"a complaint"}')) ->> 'verdict', 'log', 'a log judge that does not allow logs (input)');
select is(jsonb_array_length(tests.check_text(:'plain', null, null, 'output', 'I complain') -> 'pending'), 0, 'an input judge is not asked about output');
select is(jsonb_array_length(tests.check_text(:'judged', null, null, 'output', repeat('x', 10)) -> 'pending'), 2, 'both output judges are pending');

-- ---------------------------------------------------------------- recording violations
select agents.fn_check_guardrails(:'warden', null, :'binding', 'output', 'card 5500 0000 0000 0004') as vb \gset
select is(agents.fn_record_guardrail_verdict(:'vb', p_message_id => :'message', p_context => '{"channel":"web"}'), 1, 'a block verdict writes one row per hit');
select results_eq(format($$select rule_id, rule_version, tier::text, kind::text, action::text, severity::text, direction::text, ai_lenser_id, binding_id,
    message_id, outbound_blocked, original_text, rewritten_text, matches, context from agents.guardrail_violations where message_id = %L$$, :'message'),
  format($$values (%L::uuid, 1, 'agent', 'pii', 'block', 'critical', 'output', %L::uuid, %L::uuid, %L::uuid, true, 'card 5500 0000 0000 0004', null::text,
    '[{"kind":"credit_card","text":"5500 0000 0000 0004"}]'::jsonb, '{"channel":"web"}'::jsonb)$$, :'r_cards', :'warden', :'binding', :'message'),
  'the row keeps the rule, its version, tier, kind, action, severity, direction, agent, binding, message, blocked, the text, matches, context');
select results_eq(format($$select event_type::text, module::text, subject_id, payload ->> 'verdict', (payload ->> 'violations')::int from agents.events
    where event_type = 'guardrail_violated' and subject_id = %L$$, :'message'),
  format($$values ('guardrail_violated', 'guardrails', %L::uuid, 'block', 1)$$, :'message'),
  'recording it is one guardrail_violated event on the bus');
select is(agents.fn_record_guardrail_verdict(:'vb', p_message_id => :'message'), 0, 'recording the same message''s verdict again writes nothing');
select is(agents.fn_record_guardrail_verdict(tests.check_text(:'warden', null, null, 'output', 'hello')), 0, 'a pass writes nothing');
select is(agents.fn_record_guardrail_verdict(:'v2', p_message_id => :'message2'), 1, 'a judged verdict records its judge''s hit');
select results_eq($$select original_text, rewritten_text, outbound_blocked, kind::text, context ->> 'reason' from agents.guardrail_violations where kind = 'model_judge'$$,
  $$values ('go away', 'Please leave.', false, 'model_judge', 'rude')$$, 'a rewrite keeps the original and rewritten text side by side, with the judge''s reason');
select tests.authenticate_as(:'gina');
select public.disable_guardrail_rule(:'r_nocat');
select tests.authenticate_as_service_role();
select is(agents.fn_record_guardrail_verdict(tests.check_text(:'plain', :'crew', :'binding', 'output', 'a cat')), 4,
  'a rewrite verdict: a row per hit of each tier');
select results_eq($$select tier::text, action::text, rewritten_text, outbound_blocked from agents.guardrail_violations where original_text = 'a cat' order by seq$$,
  $$values ('agent', 'rewrite', 'a fish', false), ('agent', 'log', null, false), ('team', 'rewrite', 'a fish', false), ('binding', 'rewrite', 'a fish', false)$$,
  'the rows of the hits, the final rewritten text on the rewrite rows only, nothing blocked');
select throws_ok($$select agents.fn_record_guardrail_verdict('{"verdict":"maybe"}')$$, '22023', null, 'a malformed verdict is refused');

-- ---------------------------------------------------------------- append-only
select tests.clear_authentication();
select throws_ok($$update agents.guardrail_violations set severity = 'low'$$, '42501', null, 'violations refuse update (even to the owner)');
select throws_ok($$delete from agents.guardrail_violations$$, '42501', null, 'and delete');
select throws_ok($$truncate agents.guardrail_violations$$, '42501', null, 'and truncate');

-- ---------------------------------------------------------------- RLS on both tables
select tests.authenticate_as(:'gina');
select is((select count(*)::integer from agents.guardrail_violations where ai_lenser_id = :'warden'), 1, 'the owner reads the agent''s violations');
select is((select count(*)::integer from agents.guardrail_rules where id in (:'r_cards', :'r_dog', :'r_bird')), 3, 'and its rules of every tier');
select is((select array_agg(message_id) from public.list_guardrail_violations(:'warden')), array[:'message']::uuid[], 'list_guardrail_violations: the agent''s, newest first');
select tests.authenticate_as(:'otto');
select is((select count(*)::integer from agents.guardrail_violations), 1, 'an operator reads the violations of the agent they operate, only');
select is((select count(*)::integer from public.list_guardrail_violations(:'warden')), 1, 'and lists them');
select is((select count(*)::integer from agents.guardrail_rules), 1, 'and its rules only');
select is(tests.guard_rows_touched($$update agents.guardrail_rules set name = 'mine'$$), 0, 'an operator updates no rule directly');
select tests.authenticate_as(:'sam');
select is((select count(*)::integer from agents.guardrail_violations), 0, 'a stranger reads no violation');
select is((select count(*)::integer from agents.guardrail_rules), 0, 'nor any rule');
select throws_ok(format($$select * from public.list_guardrail_violations(%L)$$, :'warden'), '42501', null, 'nor may list them');
select tests.authenticate_as_anon();
select throws_ok($$select count(*) from agents.guardrail_rules$$, '42501', null, 'anon cannot read the rules');
select throws_ok($$select count(*) from agents.guardrail_violations$$, '42501', null, 'nor the violations');
select tests.authenticate_as(:'gina');
select throws_ok($$insert into agents.guardrail_violations (rule_version, tier, kind, action, severity, direction, ai_lenser_id, outbound_blocked, original_text)
  values (1, 'agent', 'regex', 'log', 'low', 'input', (select id from agents.ai_lensers limit 1), false, 'x')$$, '42501', null,
  'a user cannot write violations (only the pipeline, service_role)');
select throws_ok(format($$select public.record_guardrail_judgement(%L, %L, '{"allow":true,"reason":"x"}')$$, :'v0', :'r_polite'), '42501', null,
  'nor record judgements');
select throws_ok($$select agents.fn_check_guardrails(null, null, null, 'input', 'x')$$, '42501', null, 'nor run the checks');

select * from finish();
rollback;
