-- Loaded first. The schema files are in dependency order (supabase/config.toml lists it), except
-- that a SQL-language function may read a table whose file comes later (a policy helper reads the
-- table its policy protects): bodies are checked when they run, as pg_dump's scripts do.
set check_function_bodies = off;

-- Extensions live in schema extensions, as on hosted Supabase (the compatibility bootstrap creates
-- the schema locally). pg_cron is not schema: its migration creates it with the jobs it runs.
create extension if not exists pgcrypto with schema extensions;
create extension if not exists vector with schema extensions;
-- Load vector's library in this session: a function that sets one of its parameters
-- (hnsw.iterative_scan) can be created only once the library has defined the parameter.
select extensions.vector_dims('[1]'::extensions.vector);
