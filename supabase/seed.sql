-- Demo data for `npm start`. Loaded after the migrations by `npm run db:reset` (and by
-- `supabase db reset` with Docker). Never loaded by the migrations themselves.

-- A demo user (the sign-up trigger gives it a profile) and a second, private one.
insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values
  ('00000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'demo@connectedlenses.local', now(),
   '{"provider":"email","providers":["email"]}', '{"handle":"demo","display_name":"Demo Lenser"}'),
  ('00000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'ada@connectedlenses.local', now(),
   '{"provider":"email","providers":["email"]}', '{"handle":"ada","display_name":"Ada (private)"}')
on conflict (id) do nothing;

update lensers.profiles set visibility = 'private' where handle = 'ada';
