# The database part of the local stack: the PostgreSQL 15 cluster under .local/db, the Supabase
# compatibility bootstrap, migrations through the Supabase CLI, and the seed. Sourced by stack.sh.
# shellcheck shell=bash

READY_MARK="$STATE_DIR/db.ready"

db_conf() {
  cat <<CONF
# Written by scripts/db.sh on every start; edit there.
listen_addresses = '127.0.0.1'
port = $DB_PORT
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
shared_buffers = 256MB
timezone = 'UTC'
log_timezone = 'UTC'
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
password_encryption = 'scram-sha-256'
CONF
}

check_pg_user_reach() {
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -w "$STATE_DIR" 2>/dev/null; then
    die "the 'postgres' OS user cannot reach $STATE_DIR (PostgreSQL refuses to run as root, so the cluster runs as that user): make every parent directory of $ROOT searchable (chmod o+x)"
  fi
}

prepare_state_dirs() {
  mkdir -p "$STATE_DIR" "$LOG_DIR" "$RUN_DIR" "$SOCKET_DIR"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' OS user: the postgresql-15 package creates it (run scripts/install.sh)"
    chown postgres: "$STATE_DIR" "$SOCKET_DIR"
    touch "$LOG_DIR/postgres.log"; chown postgres: "$LOG_DIR/postgres.log"
  fi
  check_pg_user_reach
}

# initdb into a scratch folder and move it in place only when complete, so a start killed
# half-way never leaves a cluster that the next start cannot use.
init_cluster() {
  local tmp="$PGDATA.initializing"
  # A start killed during initdb can leave its single-user backend running on the old directory
  # (it holds a shared memory segment a new cluster at the same place would collide with).
  pkill -KILL -f -- "$tmp" 2>/dev/null && sleep 0.2
  rm -rf "$tmp"
  as_pg "$PG_BIN/initdb" -D "$tmp" -U "$SUPERUSER" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  printf "\ninclude_if_exists = 'connectedlenses.conf'\n" >>"$tmp/postgresql.conf"
  cat >"$tmp/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 scram-sha-256
host  all all ::1/128      scram-sha-256
HBA
  rm -f "$READY_MARK"
  mv "$tmp" "$PGDATA"
}

cluster_exists() { [ -f "$PGDATA/PG_VERSION" ]; }

db_start() {
  prepare_state_dirs
  if ! cluster_exists; then
    [ -e "$PGDATA" ] && rm -rf "$PGDATA"
    step "create the PostgreSQL 15 cluster in .local/db" init_cluster || return 1
  fi
  db_conf >"$PGDATA/connectedlenses.conf"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA/connectedlenses.conf"; fi
  if port_in_use "$DB_PORT"; then
    die "port $DB_PORT is taken by $(port_owner "$DB_PORT" || echo 'another process'): stop it, or choose another port with CL_DB_PORT=..."
  fi
  if ! step "start PostgreSQL on 127.0.0.1:$DB_PORT" \
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOG_DIR/postgres.log" -w -t 60 start; then
    warn "---- the end of $LOG_DIR/postgres.log ----"
    tail -n 15 "$LOG_DIR/postgres.log" >&2
    return 1
  fi
  step "set the superuser's password" psql_super -d postgres -c "alter role $SUPERUSER password 'postgres'"
}

db_stop() {
  db_running || return 0
  step "stop PostgreSQL" as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop
}

db_bootstrap_roles() { psql_super -d template1 -f "$ROOT/scripts/sql/supabase-compat-roles.sql"; }
db_bootstrap() {
  db_bootstrap_roles
  psql_super -d postgres -f "$ROOT/scripts/sql/supabase-compat-database.sql"
}

db_migrate() {
  (cd "$ROOT" && "$SUPABASE" db push --remote="$CLI_DB_URL" --yes --include-all)
}

db_seed() {
  if [ -f "$ROOT/supabase/seed.sql" ]; then psql_app -f "$ROOT/supabase/seed.sql"; fi
}

db_recreate() {
  db_bootstrap_roles
  psql_super -d template1 -c "drop database if exists postgres with (force)" -c "create database postgres owner postgres"
}

# Tells PostgREST (if it runs) to reload its schema cache.
db_notify_rest() { psql_app -c "notify pgrst, 'reload schema'" >/dev/null 2>&1 || true; }

db_reset() {
  rm -f "$READY_MARK"
  step "recreate database postgres (empty)" db_recreate || return 1
  step "Supabase compatibility bootstrap" db_bootstrap || return 1
  step "apply migrations (supabase db push)" db_migrate || return 1
  step "load supabase/seed.sql" db_seed || return 1
  date -Is >"$READY_MARK"
  db_notify_rest
}

# Versions the database recorded that supabase/migrations no longer has (a squashed history).
db_unknown_migrations() {
  local v
  for v in $(psql_app -At -c "select version from supabase_migrations.schema_migrations" 2>/dev/null); do
    compgen -G "$ROOT/supabase/migrations/${v}_*.sql" >/dev/null || printf '%s\n' "$v"
  done
}

# On start: a database that never finished a reset is reset, and so is one whose recorded history
# has migrations that are gone (the history was squashed); otherwise pending migrations apply.
db_prepare() {
  local unknown=""
  [ -f "$READY_MARK" ] && unknown=$(db_unknown_migrations | head -3 | paste -sd ' ')
  if [ -n "$unknown" ]; then
    say "  the local database recorded migrations that supabase/migrations no longer has ($unknown ...):"
    say "  the history was squashed, so the local database is rebuilt from the current migrations"
  fi
  if [ ! -f "$READY_MARK" ] || [ -n "$unknown" ]; then
    db_reset
  else
    step "Supabase compatibility bootstrap" db_bootstrap || return 1
    step "apply pending migrations (supabase db push)" db_migrate || return 1
    db_notify_rest
  fi
}
