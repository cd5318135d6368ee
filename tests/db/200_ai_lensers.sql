-- AI lensers and ownerships: creation, the one-agent-per-AI-profile rule, the authority helpers,
-- owner / co_owner / operator rights, grants and revocations, and their refusals.
begin;
select plan(44);

select tests.create_user('owner@example.com', '{"handle":"owner"}') as owner \gset
select tests.create_user('co@example.com', '{"handle":"co"}') as co \gset
select tests.create_user('op@example.com', '{"handle":"op"}') as op \gset
select tests.create_user('stranger@example.com', '{"handle":"stranger"}') as stranger \gset

-- Creation
select tests.authenticate_as(:'owner');
select (public.create_ai_lenser('Pathfinder', 'Pathfinder Bot', 'cloud', 'private', 'Be brief.')).id as agent \gset
select is((select type::text from lensers.profiles where handle = 'Pathfinder'), 'ai', 'the agent has an AI profile');
select is((select personality_note from agents.ai_lensers where id = :'agent'), 'Be brief.', 'with its runtime row');
select is((select role::text from agents.ownerships where ai_lenser_id = :'agent'), 'owner', 'and the caller owns it');
select ok(agents.can_manage_ai_lenser(:'agent'), 'the owner can manage it');
select is((select count(*)::int from public.list_my_ai_lensers()), 1, 'list_my_ai_lensers shows it');

select throws_ok($$select public.create_ai_lenser('pathfinder', 'Again')$$, '23505',
  'create_ai_lenser: p_handle "pathfinder" is taken', 'handles stay unique without regard to case');
select throws_ok($$select public.create_ai_lenser('bad handle', 'X')$$, '22023',
  'create_ai_lenser: p_handle "bad handle" is not a slug (1 to 40 letters, digits or inner hyphens)', 'a bad handle');
select throws_ok($$select public.create_ai_lenser('okhandle', '  ')$$, '22023',
  'create_ai_lenser: p_display_name must be 1 to 120 characters', 'an empty display name');
select throws_ok($$select public.create_ai_lenser('okhandle', 'X', p_avatar_url => 'javascript:alert(1)')$$, '22023',
  'create_ai_lenser: p_avatar_url must be an http(s) URL', 'a bad avatar URL');
select is((select count(*)::int from lensers.profiles where handle = 'okhandle'), 0, 'refused calls created nothing');

-- Grants
select lives_ok(format($$select public.grant_ai_lenser_ownership(%L, 'co', 'co_owner')$$, :'agent'), 'owner grants co_owner');
select lives_ok(format($$select public.grant_ai_lenser_ownership(%L, 'op', 'operator')$$, :'agent'), 'owner grants operator');
select is((select permission_scope::text from agents.ownerships o join lensers.profiles p on p.id = o.owner_lenser_id where p.handle = 'op'),
  '{run,view_runs}', 'an operator gets run and view_runs by default');
select throws_ok(format($$select public.grant_ai_lenser_ownership(%L, 'op', 'co_owner')$$, :'agent'), '23505',
  'grant_ai_lenser_ownership: "op" already holds a live grant; revoke it first to change the role', 'one live grant per person');
select throws_ok(format($$select public.grant_ai_lenser_ownership(%L, 'nobody-here', 'operator')$$, :'agent'), '22023',
  'grant_ai_lenser_ownership: p_owner_handle "nobody-here" is not an active human lenser you can see', 'an unknown grantee');
select throws_ok(format($$select public.grant_ai_lenser_ownership(%L, 'Pathfinder', 'operator')$$, :'agent'), '22023',
  null, 'an AI cannot own an agent');
select throws_ok(format($$select public.grant_ai_lenser_ownership(%L, 'stranger', null)$$, :'agent'), '22023',
  'grant_ai_lenser_ownership: p_role must be owner, co_owner or operator', 'a missing role');

-- co_owner: may edit, may grant operator, may not grant owner
select tests.authenticate_as(:'co');
select ok(agents.can_manage_ai_lenser(:'agent'), 'co_owner can manage');
select is((public.update_ai_lenser(:'agent', p_personality_note => 'Be thorough.')).personality_note, 'Be thorough.', 'co_owner edits');
select throws_ok(format($$select public.grant_ai_lenser_ownership(%L, 'stranger', 'owner')$$, :'agent'), '42501',
  'grant_ai_lenser_ownership: only an owner can grant the owner role', 'co_owner cannot grant owner');

-- operator: sees, may not edit
select tests.authenticate_as(:'op');
select ok(not agents.can_manage_ai_lenser(:'agent'), 'operator cannot manage');
select ok(agents.can_operate_ai_lenser(:'agent'), 'operator can operate');
select is((select count(*)::int from agents.ai_lensers where id = :'agent'), 1, 'operator sees the agent');
select is((select count(*)::int from lensers.profiles where handle = 'Pathfinder'), 1, 'and its private profile');
select throws_ok(format($$select public.update_ai_lenser(%L, p_personality_note => 'hijack')$$, :'agent'), '42501',
  format('update_ai_lenser: you do not own or co-own agent %s', :'agent'), 'operator cannot edit');
update agents.ai_lensers set personality_note = 'direct' where id = :'agent';
select throws_ok(format($$select public.grant_ai_lenser_ownership(%L, 'stranger', 'operator')$$, :'agent'), '42501',
  null, 'operator cannot grant');

-- stranger and anon: nothing
select tests.authenticate_as(:'stranger');
select is((select count(*)::int from agents.ai_lensers), 0, 'a stranger sees no agent');
select is((select count(*)::int from agents.ownerships), 0, 'nor its ownerships');
select is((select count(*)::int from lensers.profiles where handle = 'Pathfinder'), 0, 'nor its private profile');
update agents.ai_lensers set personality_note = 'direct' where id = :'agent';
update lensers.profiles set display_name = 'pwned' where handle = 'Pathfinder';
select throws_ok(format($$insert into agents.ownerships (ai_lenser_id, owner_lenser_id, role) values (%L, %L, 'owner')$$,
  :'agent', tests.profile_id(:'stranger')), '42501', null, 'a stranger cannot make themselves owner');
select throws_ok(format($$select public.set_ai_lenser_active(%L, false, 'x')$$, :'agent'), '42501', null, 'nor suspend it');
select tests.authenticate_as_anon();
select is((select count(*)::int from lensers.profiles where handle = 'Pathfinder'), 0, 'anon does not see the private AI profile');
select throws_ok($$select count(*) from agents.ai_lensers$$, '42501', null, 'anon cannot read agents at all');
select tests.clear_authentication();
select is((select personality_note from agents.ai_lensers where id = :'agent'), 'Be thorough.', 'nobody else changed the agent');
select is((select display_name from lensers.profiles where handle = 'Pathfinder'), 'Pathfinder Bot', 'nor its profile');

-- Suspension and revocation
select tests.authenticate_as(:'owner');
select throws_ok(format($$select public.set_ai_lenser_active(%L, false)$$, :'agent'), '22023',
  'set_ai_lenser_active: p_reason is required to suspend an agent', 'suspending needs a reason');
select is((public.set_ai_lenser_active(:'agent', false, 'maintenance')).is_active, false, 'the owner suspends it');
select is((public.set_ai_lenser_active(:'agent', true)).suspended_at, null, 'and reactivates it');
select (select id from agents.ownerships where ai_lenser_id = :'agent' and role = 'owner') as owner_grant \gset
select throws_ok(format($$select public.revoke_ai_lenser_ownership(%L)$$, :'owner_grant'), 'PT409',
  'the last owner of an agent cannot be removed; grant another owner first', 'the last owner stays');
select (select o.id from agents.ownerships o join lensers.profiles p on p.id = o.owner_lenser_id where p.handle = 'op') as op_grant \gset
select isnt((public.revoke_ai_lenser_ownership(:'op_grant')).revoked_at, null, 'the owner revokes the operator');
select throws_ok(format($$select public.revoke_ai_lenser_ownership(%L)$$, :'op_grant'), 'PT409', null, 'a grant is revoked once');
select tests.authenticate_as(:'op');
select ok(not agents.can_operate_ai_lenser(:'agent'), 'a revoked operator has no access left');

-- The database keeps one ai_lensers row per AI profile.
select tests.clear_authentication();
set constraints all immediate; -- the check is deferred to commit; make "commit" now
select throws_ok($$insert into lensers.profiles (handle, display_name, type) values ('lonely-ai', 'Lonely', 'ai')$$,
  '23514', 'AI profile lonely-ai has no agents.ai_lensers row (create both in one transaction)',
  'an AI profile without its agent row is refused at commit');
set constraints all deferred;
select throws_ok(format($$insert into agents.ai_lensers (profile_id) values (%L)$$, tests.profile_id(:'owner')),
  '23514', null, 'an agent row must point at an AI profile');

select * from finish();
rollback;
