-- Every table of the five schemas, found from the catalog so that a new table cannot slip by,
-- has row level security enabled and at least one policy.
begin;
select plan(2);

select is_empty($$
  select c.oid::regclass::text from pg_class c
  where c.relnamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
    and c.relkind in ('r', 'p') and not c.relrowsecurity
$$, 'every table has RLS enabled');

select is_empty($$
  select c.oid::regclass::text from pg_class c
  where c.relnamespace::regnamespace::text in ('public', 'lensers', 'agents', 'lenses', 'ai')
    and c.relkind in ('r', 'p')
    and not exists (select 1 from pg_policy p where p.polrelid = c.oid)
$$, 'every table has at least one policy');

select * from finish();
rollback;
