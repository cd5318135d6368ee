-- Wakes the hosted `worker` edge function now, so that a channel message is answered in seconds
-- rather than at the next pg_cron minute (README "Deploying to hosted Supabase"). Only where pg_net
-- and Vault exist (hosted Supabase; neither does locally, where the worker is a long-lived process
-- woken by LISTEN) and the Vault holds the secrets `cl_worker_url` (the function's URL) and
-- `cl_worker_service_key` (the service role key it checks). At most one wake per kind every 20
-- seconds, by construction: the agents.worker_wakes row moves only when its window has passed (a
-- concurrent caller waits on its lock, then finds it moved). pg_net sends the request after the
-- caller's transaction commits (its queue is a table), never when it rolls back. Returns what it did:
-- woken | throttled | not_configured | no_vault | no_pg_net.
-- [security definer: the Vault's decrypted secrets and the throttle row are the owner's, not the caller's]
create or replace function agents.fn_wake_worker(p_kind text)
 returns text
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  c_window constant interval := interval '20 seconds';
  c_budget_ms constant integer := 30000;
  v_url text;
  v_key text;
  v_woken boolean;
begin
  if to_regprocedure('net.http_post(text,jsonb,jsonb,jsonb,integer)') is null then
    return 'no_pg_net';
  end if;
  if to_regclass('vault.decrypted_secrets') is null then
    return 'no_vault';
  end if;
  -- Dynamic: neither schema exists where this is built.
  execute 'select max(s.decrypted_secret) filter (where s.name = ''cl_worker_url''),
                  max(s.decrypted_secret) filter (where s.name = ''cl_worker_service_key'')
           from vault.decrypted_secrets s where s.name in (''cl_worker_url'', ''cl_worker_service_key'')'
    into v_url, v_key;
  if v_url is null or v_key is null then
    return 'not_configured';
  end if;
  insert into agents.worker_wakes as w (kind, woken_at) values (p_kind, now())
  on conflict (kind) do update set woken_at = excluded.woken_at where w.woken_at < now() - c_window
  returning true into v_woken;
  if v_woken is null then
    return 'throttled';
  end if;
  execute 'select net.http_post(url => $1, body => $2, headers => $3, timeout_milliseconds => 5000)'
    using v_url, jsonb_build_object('budget_ms', c_budget_ms),
          jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || v_key);
  return 'woken';
end
$function$;

comment on function agents.fn_wake_worker(p_kind text) is 'Hosted only: POSTs to the worker edge function through pg_net (URL and key from the Vault), at most once per kind every 20 seconds; answers woken, throttled, not_configured, no_vault or no_pg_net.';

revoke all on function agents.fn_wake_worker(p_kind text) from public;
grant execute on function agents.fn_wake_worker(p_kind text) to service_role;
