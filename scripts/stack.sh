#!/usr/bin/env bash
# The local stack without Docker: PostgreSQL 15 (pg_cron, pgvector, pgTAP), PostgREST 12, the
# edge functions behind one gateway with Supabase's paths, and the workflow worker (skipped when
# CL_WORKER=off, as npm test does: its tests start their own workers).
#
#   stack.sh start    bring up what is not running (installing what is missing), then return
#   stack.sh run      start, print the URLs and keys, stay in the foreground; Ctrl-C stops what it started
#   stack.sh stop     stop what the stack started (and nothing else)
#   stack.sh status   show each component
#   stack.sh reset    re-create the database: bootstrap, migrations, seed
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/db.sh"

STARTED=()
# Records a component this command started (and, for npm test, in CL_STARTED_FILE).
mark_started() {
  STARTED+=("$1")
  if [ -n "${CL_STARTED_FILE:-}" ]; then printf '%s\n' "$1" >>"$CL_STARTED_FILE"; fi
}

REST_ENV=(
  PGRST_DB_URI="postgresql://authenticator:postgres@127.0.0.1:$DB_PORT/postgres"
  PGRST_DB_SCHEMAS="$EXPOSED_SCHEMAS"
  PGRST_DB_EXTRA_SEARCH_PATH="public,extensions"
  PGRST_DB_ANON_ROLE="anon"
  PGRST_DB_MAX_ROWS="1000"
  PGRST_DB_POOL="10"
  PGRST_DB_CHANNEL_ENABLED="true"
  PGRST_DB_USE_LEGACY_GUCS="false"
  PGRST_JWT_SECRET="$JWT_SECRET"
  PGRST_SERVER_HOST="127.0.0.1"
  PGRST_SERVER_PORT="$REST_PORT"
  PGRST_ADMIN_SERVER_PORT="$REST_ADMIN_PORT"
  # The OpenAPI document at /rest/v1/ names the URL clients use (the gateway), not this port.
  PGRST_OPENAPI_SERVER_PROXY_URI="$API_URL/rest/v1/"
  PGRST_LOG_LEVEL="error"
)

GATEWAY_ENV=(
  CL_API_PORT="$API_PORT" CL_REST_PORT="$REST_PORT" CL_REST_ADMIN_PORT="$REST_ADMIN_PORT"
  CL_FUNCTIONS_PORT_BASE="$FUNCTIONS_PORT_BASE" CL_JWT_SECRET="$JWT_SECRET"
  SUPABASE_URL="$API_URL" SUPABASE_ANON_KEY="$ANON_KEY" SUPABASE_SERVICE_ROLE_KEY="$SERVICE_ROLE_KEY"
  SUPABASE_DB_URL="$DB_URL"
  CL_FUNCTIONS_ENV_FILES="$FUNCTIONS_ENV_FILE:$FUNCTIONS_TEST_ENV_FILE"
)

WORKER_ENV=(SUPABASE_DB_URL="$DB_URL")

# Each background component: name, the string that identifies its process, port, start command.
rest_match() { printf '%s' "$POSTGREST"; }
gateway_match() { printf '%s' "$ROOT/scripts/gateway.ts"; }
worker_match() { printf '%s' "$ROOT/scripts/worker.ts"; }
worker_wanted() { [ "${CL_WORKER:-on}" != off ]; }

rest_ready() { curl -fsS "http://127.0.0.1:$REST_ADMIN_PORT/ready" >/dev/null 2>&1; }
gateway_ready() { curl -fsS "$API_URL/_stack/health" >/dev/null 2>&1; }
worker_ready() { grep -q "listening on workflow_tasks" "$LOG_DIR/worker.log" 2>/dev/null; }

launch() { # launch name command...: detached, in its own process group, output to its log
  local name="$1"; shift
  : >"$LOG_DIR/$name.log"
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  printf '%s' "$!" >"$(pidfile "$name")"
}

start_rest() { launch rest env "${REST_ENV[@]}" "$POSTGREST" && wait_for 30 rest_ready; }
start_gateway() {
  # Ready once PostgREST answers and every edge function listens; each function is its own Deno
  # process, slow to start on a busy 2-core machine, hence minutes, not seconds (CL_GATEWAY_START_SECONDS).
  launch gateway env "${GATEWAY_ENV[@]}" "$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/scripts/gateway.ts" && wait_for "${CL_GATEWAY_START_SECONDS:-180}" gateway_ready
}
start_worker() {
  launch worker env "${WORKER_ENV[@]}" "$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/scripts/worker.ts" && wait_for 60 worker_ready
}

# ensure_component name port match-string: start it unless it runs; fail clearly on a foreign port.
# A component without a port (the worker) gives "".
ensure_component() {
  local name="$1" port="$2" match="$3" pid owner
  # The gateway reads supabase/config.toml and the functions' env files when it starts (and passes
  # the env files to every function): a newer one means a restart.
  if [ "$name" = gateway ] && component_pid "$name" "$match" >/dev/null; then
    local f
    for f in "$ROOT/supabase/config.toml" "$FUNCTIONS_ENV_FILE" "$FUNCTIONS_TEST_ENV_FILE"; do
      if [ -f "$f" ] && [ "$f" -nt "$(pidfile "$name")" ]; then
        say "  ${f#"$ROOT/"} changed since the gateway started: restarting it"
        stop_component "$name" "$match" >/dev/null
        break
      fi
    done
  fi
  if pid=$(component_pid "$name" "$match"); then
    say "  $name is already running (pid $pid${port:+, port $port})"
    return 0
  fi
  if [ -n "$port" ] && port_in_use "$port"; then
    owner=$(port_owner "$port")
    die "port $port (for $name) is taken by ${owner:-another process}: stop it, or choose other ports (CL_API_PORT, CL_REST_PORT, ...)"
  fi
  if step "start $name${port:+ on 127.0.0.1:$port}" "start_$name"; then
    mark_started "$name"
  else
    stop_component "$name" "$match"
    # What it said, and (for the gateway) what its health check saw: a start that fails says why.
    warn "---- last lines of $LOG_DIR/$name.log ----"
    tail -n 20 "$LOG_DIR/$name.log" >&2 2>/dev/null || true
    if [ "$name" = gateway ]; then
      warn "rest ready: $(curl -fsS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$REST_ADMIN_PORT/ready" 2>/dev/null || echo no)"
    fi
    die "$name did not start; its log is $LOG_DIR/$name.log"
  fi
}

stop_component() { # stop_component name match: only the process group we started
  local name="$1" match="$2" pid
  if pid=$(component_pid "$name" "$match"); then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    [ -d "/proc/$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
    say "  stopped $name"
  fi
  rm -f "$(pidfile "$name")"
}

ensure_db() {
  if db_running; then
    say "  PostgreSQL is already running (port $DB_PORT)"
  else
    db_start || die "PostgreSQL did not start; see $LOG_DIR/postgres.log"
    mark_started db
  fi
}

cmd_start() {
  bash "$ROOT/scripts/install.sh"
  say "Starting the local stack"
  ensure_db
  if [[ " ${STARTED[*]} " == *" db "* ]] || [ ! -f "$READY_MARK" ]; then
    db_prepare || die "the database could not be prepared (see $LOG_DIR/steps.log); run 'npm run db:reset' after fixing it"
  fi
  ensure_component rest "$REST_PORT" "$(rest_match)"
  ensure_component gateway "$API_PORT" "$(gateway_match)"
  if worker_wanted; then
    ensure_component worker "" "$(worker_match)"
  else
    say "  worker not started (CL_WORKER=off)"
  fi
}

# stop [component...]: the named components (db, rest, gateway, worker), or all of them.
cmd_stop() {
  local wanted=" ${*:-db rest gateway worker} "
  say "Stopping the local stack"
  [[ "$wanted" == *" worker "* ]] && stop_component worker "$(worker_match)"
  [[ "$wanted" == *" gateway "* ]] && stop_component gateway "$(gateway_match)"
  [[ "$wanted" == *" rest "* ]] && stop_component rest "$(rest_match)"
  if [[ "$wanted" == *" db "* ]] && db_running; then db_stop; fi
  return 0
}

stop_started() {
  local i
  [ "${#STARTED[@]}" -gt 0 ] || return 0
  say ""
  say "Stopping what this command started"
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    case "${STARTED[$i]}" in
      db) db_stop ;;
      rest) stop_component rest "$(rest_match)" ;;
      gateway) stop_component gateway "$(gateway_match)" ;;
      worker) stop_component worker "$(worker_match)" ;;
    esac
  done
  STARTED=()
}

cmd_status() {
  local all=0 pid
  if db_running; then say "  database  running   $DB_URL"; else say "  database  stopped"; all=1; fi
  if pid=$(component_pid rest "$(rest_match)"); then say "  rest      running   pid $pid, 127.0.0.1:$REST_PORT (behind $API_URL/rest/v1)"; else say "  rest      stopped"; all=1; fi
  if pid=$(component_pid gateway "$(gateway_match)"); then say "  gateway   running   pid $pid, $API_URL"; else say "  gateway   stopped"; all=1; fi
  if pid=$(component_pid worker "$(worker_match)"); then say "  worker    running   pid $pid, log $LOG_DIR/worker.log"
  elif worker_wanted; then say "  worker    stopped"; all=1
  else say "  worker    off (CL_WORKER=off)"; fi
  return "$all"
}

DEMO_EMAIL="demo@connectedlenses.local"

print_info() {
  # The seeded demo user, signed in as Auth would sign them in (scripts/token.ts).
  local token
  token=$(bash "$ROOT/scripts/token.sh" "$DEMO_EMAIL" 2>/dev/null) || token="(could not be made: run npm run token -- $DEMO_EMAIL)"
  cat <<INFO

ConnectedLenses local stack
  API URL          $API_URL
  REST             $API_URL/rest/v1
  Functions        $API_URL/functions/v1/<name>
  Worker           scripts/worker.ts (log: $LOG_DIR/worker.log)
  DB URL           $DB_URL
  JWT secret       $JWT_SECRET
  anon key         $ANON_KEY
  service_role key $SERVICE_ROLE_KEY

Signed in as the demo user $DEMO_EMAIL (an access token as Auth issues it, valid for an hour;
npm run token -- <email> makes a fresh one, for any user):
  access token     $token

Try it:
  curl -s '$API_URL/rest/v1/rpc/list_public_profiles' -H 'apikey: $ANON_KEY' -H 'content-type: application/json' -d '{}'
  curl -s '$API_URL/rest/v1/rpc/get_my_profile' -H 'apikey: $ANON_KEY' -H 'authorization: Bearer $token' -H 'content-type: application/json' -d '{}'
INFO
}

cmd_run() {
  cmd_start
  if [ "${#STARTED[@]}" -eq 0 ]; then
    say ""
    say "The stack was already running; this command leaves it as it is."
    cmd_status || true
    print_info
    return 0
  fi
  trap 'stop_started; exit 0' INT TERM
  trap 'stop_started' EXIT
  print_info
  say ""
  say "Running in the foreground; Ctrl-C stops what this command started. Logs: $LOG_DIR"
  while true; do
    sleep 2 &
    wait $! || true
    if [[ " ${STARTED[*]} " == *" db "* ]] && ! db_running; then warn "PostgreSQL stopped unexpectedly; see $LOG_DIR/postgres.log"; exit 1; fi
    for c in rest gateway worker; do
      if [[ " ${STARTED[*]} " == *" $c "* ]] && ! component_pid "$c" "$("${c}_match")" >/dev/null; then
        warn "$c stopped unexpectedly; see $LOG_DIR/$c.log"; exit 1
      fi
    done
  done
}

cmd_reset() {
  bash "$ROOT/scripts/install.sh" >/dev/null
  ensure_db
  say "Resetting the database"
  db_reset || die "reset failed (see $LOG_DIR/steps.log)"
  # PostgREST lost its connections with the old database: restart it for a fresh schema cache.
  if component_pid rest "$(rest_match)" >/dev/null; then
    stop_component rest "$(rest_match)" >/dev/null
    step "restart rest for the new schema" start_rest || die "rest did not restart; see $LOG_DIR/rest.log"
  fi
}

case "${1:-}" in
  start) cmd_start; say ""; say "The stack is up: $API_URL (npm run stack:stop stops it)" ;;
  run) cmd_run ;;
  stop) shift; cmd_stop "$@" ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) die "usage: scripts/stack.sh start|run|stop|status|reset" ;;
esac
