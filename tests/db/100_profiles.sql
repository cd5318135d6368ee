-- lensers.profiles: the sign-up trigger, handles, the status lifecycle, RLS and the profile RPCs.
begin;
select plan(27);

select tests.create_user('alice@example.com', '{"handle":"Alice","display_name":"Alice A."}') as alice \gset
select tests.create_user('bob@example.com') as bob \gset
select tests.create_user('alice@example.org', '{"handle":"alice"}') as alice2 \gset

-- Sign-up
select is((select handle from lensers.profiles where user_id = :'alice'), 'Alice', 'sign-up takes the wished handle');
select is((select display_name from lensers.profiles where user_id = :'alice'), 'Alice A.', 'and the display name');
select is((select type::text from lensers.profiles where user_id = :'alice'), 'human', 'a signed-up profile is human');
select is((select handle from lensers.profiles where user_id = :'bob'), 'bob', 'without a wish the handle comes from the email');
select matches((select handle from lensers.profiles where user_id = :'alice2'), '^alice-[0-9a-f]{6}$',
  'a handle taken without regard to case gets a suffix');

-- Constraints
select throws_ok($$update lensers.profiles set handle = 'ALICE' where handle = 'bob'$$, '23505', null,
  'handles are unique without regard to case');
select throws_ok($$update lensers.profiles set handle = '-bad-' where handle = 'bob'$$, '23514', null,
  'a handle must be a slug');
select throws_ok($$insert into lensers.profiles (handle, display_name, type) values ('nouser', 'No user', 'human')$$,
  '23514', null, 'a human profile needs a user');
select throws_ok($$update lensers.profiles set type = 'ai' where handle = 'bob'$$, '23514',
  'profiles.type cannot change (was human, asked ai)', 'type never changes');

-- Status lifecycle
select lives_ok($$update lensers.profiles set status = 'suspended' where handle = 'bob'$$, 'active -> suspended');
select lives_ok($$update lensers.profiles set status = 'active' where handle = 'bob'$$, 'suspended -> active');
select lives_ok($$update lensers.profiles set status = 'pending_deletion' where handle = 'bob'$$, 'active -> pending_deletion');
select lives_ok($$update lensers.profiles set status = 'deleted' where handle = 'bob'$$, 'pending_deletion -> deleted');
select throws_ok($$update lensers.profiles set status = 'active' where handle = 'bob'$$, 'PT409',
  'profiles.status cannot go from deleted to active', 'deleted is final');

-- RLS: others see active public profiles; a private one only its owner.
update lensers.profiles set visibility = 'private' where user_id = :'alice';
select tests.authenticate_as(:'alice2');
select is((select count(*)::int from lensers.profiles where user_id = :'alice'), 0, 'another user cannot see a private profile');
select is((select count(*)::int from lensers.profiles where user_id = :'bob'), 0, 'nor a deleted one');
select is((select count(*)::int from public.list_public_profiles() where user_id = :'alice'), 0, 'nor list it');
select throws_ok($$select public.get_profile('Alice')$$, 'PT404', null, 'nor get it by handle');
update lensers.profiles set display_name = 'hacked' where user_id = :'alice';
select tests.clear_authentication();
select is((select display_name from lensers.profiles where user_id = :'alice'), 'Alice A.', 'another user cannot change it');

select tests.authenticate_as(:'alice');
select is((public.get_my_profile()).handle, 'Alice', 'the owner gets their own profile');
select is((public.get_profile('alice')).user_id, :'alice'::uuid, 'get_profile ignores case');
select is((public.update_my_profile(p_display_name => 'Alice B.')).display_name, 'Alice B.', 'update_my_profile changes the name');

-- Bad input is refused with a clear error and changes nothing.
select throws_ok($$select public.update_my_profile(p_handle => 'no spaces')$$, '22023',
  'update_my_profile: p_handle "no spaces" is not a slug (1 to 40 letters, digits or inner hyphens)', 'a bad handle');
select throws_ok($$select public.update_my_profile(p_display_name => 'x', p_handle => (select handle from lensers.profiles where user_id = '$$ || :'alice2' || $$'))$$,
  '23505', null, 'a taken handle');
select is((public.get_my_profile()).display_name, 'Alice B.', 'and nothing changed');
select throws_ok($$select * from public.list_public_profiles(p_limit => 500)$$, '22023',
  'list_public_profiles: p_limit must be between 1 and 200, got 500', 'a page too large');

select tests.authenticate_as_anon();
select throws_ok($$select public.get_my_profile()$$, '42501', null, 'anon has no profile of its own');

select * from finish();
rollback;
