#!/usr/bin/env bash
# The declarative schema (supabase/schemas/) and the migrations generated from it, without Docker.
# Scratch databases live on the local cluster beside `postgres`, each with the Supabase
# compatibility bootstrap, so both sides see what a hosted project has.
#
#   schema.sh diff NAME   build one scratch database from supabase/migrations and one from
#                         supabase/schemas, write their difference as supabase/migrations/<ts>_NAME.sql
#                         (for review), record it in supabase/migrations.lock, and prove the new
#                         history builds the same database as the schema files
#   schema.sh drift       the database built from migrations (the stack's, freshly reset by npm test)
#                         against one built from supabase/schemas: fails naming what differs
#   schema.sh history     fails when a recorded migration was edited or deleted, or a new one is
#                         dated before the newest recorded one (supabase/migrations.lock)
#   schema.sh lint        supabase db lint (plpgsql_check) on the five schemas: fails on any finding
#                         not allowed with a reason in supabase/lint-allowlist.json
#   schema.sh build-schemas DB | build-migrations DB    one scratch database, for inspection
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DOMAIN_SCHEMAS="lensers,agents,lenses,ai,public"
FROM_MIGRATIONS_DB="cl_from_migrations"
FROM_SCHEMAS_DB="cl_from_schemas"
LOCK_FILE="$ROOT/supabase/migrations.lock"
MIGRATIONS_DIR="$ROOT/supabase/migrations"

db_url() { printf 'postgresql://postgres:postgres@127.0.0.1:%s/%s' "$DB_PORT" "$1"; }
cli_url() { printf '%s?sslmode=disable' "$(db_url "$1")"; }

require_db() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" ||
    die "PostgreSQL is not running on 127.0.0.1:$DB_PORT: start the stack first (npm run stack:start)"
}

# An empty database with what the Supabase image provides.
scratch_db() {
  PGOPTIONS="-c client_min_messages=warning" psql_super -d template1 -c "drop database if exists $1 with (force)" -c "create database $1 owner postgres" >/dev/null
  psql_super -d "$1" -f "$ROOT/scripts/sql/supabase-compat-database.sql" >/dev/null
}

schema_files() { "$DENO" run --allow-read --config "$ROOT/deno.json" "$ROOT/scripts/schema-files.ts" "$@"; }

# Loads every schema file in the order config.toml lists, in one transaction, as `postgres`.
build_from_schemas() {
  local files args=()
  files=$(schema_files --check) || die "supabase/config.toml schema_paths does not list supabase/schemas/ exactly (see above)"
  while IFS= read -r f; do args+=(-f "$f"); done <<<"$files"
  scratch_db "$1"
  PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 --single-transaction "$(db_url "$1")" "${args[@]}" >/dev/null
}

build_from_migrations() {
  scratch_db "$1"
  (cd "$ROOT" && "$SUPABASE" db push --remote="$(cli_url "$1")" --yes --include-all) >/dev/null 2>&1 || {
    (cd "$ROOT" && "$SUPABASE" db push --remote="$(cli_url "$1")" --yes --include-all 2>&1 | tail -20) >&2
    return 1
  }
}

# Prints the SQL that turns database $1 into database $2 (empty when they agree).
schema_diff() {
  (cd "$ROOT" && "$SUPABASE" db diff --from "$(cli_url "$1")" --to "$(cli_url "$2")" --schema "$DOMAIN_SCHEMAS" 2>/dev/null)
}

# The objects a diff touches, one "schema.name" a line.
diff_objects() {
  grep -iE '^\s*(create|alter|drop|comment on|grant|revoke)\b' |
    sed -nE 's/^[^"]*?"?(lensers|agents|lenses|ai|public)"?\."?([a-z_][a-z0-9_]*)"?.*/\1.\2/ip' | sort -u
}

drop_scratch() {
  psql_super -d template1 -c "drop database if exists $FROM_MIGRATIONS_DB with (force)" \
    -c "drop database if exists $FROM_SCHEMAS_DB with (force)" >/dev/null 2>&1 || true
}

# Statements that are data, not schema: they belong in hand-written migrations.
data_statements_in_schemas() {
  grep -rniE '^\s*(insert\s+into|update\s+[a-z_.]+\s+set|delete\s+from|copy\s|select\s+cron\.|perform\s+cron\.)' \
    "$ROOT/supabase/schemas" --include='*.sql' |
    grep -vE '^[^:]+/functions/' || true
}

cmd_diff() {
  local name="${1:-}"
  [[ "$name" =~ ^[a-z0-9_]+$ ]] || die "usage: npm run schema:diff -- <name> (lower case letters, digits and _; it names what the migration adds)"
  require_db
  local data; data=$(data_statements_in_schemas)
  if [ -n "$data" ]; then
    warn "supabase/schemas/ holds data or cron statements; they are not schema and belong in a hand-written migration:"
    warn "$data"
    exit 1
  fi
  trap drop_scratch EXIT
  step "build $FROM_MIGRATIONS_DB from supabase/migrations" build_from_migrations "$FROM_MIGRATIONS_DB"
  step "build $FROM_SCHEMAS_DB from supabase/schemas" build_from_schemas "$FROM_SCHEMAS_DB"
  local sql; sql=$(schema_diff "$FROM_MIGRATIONS_DB" "$FROM_SCHEMAS_DB") || die "supabase db diff failed"
  if [ -z "$sql" ]; then
    say "No schema difference: supabase/migrations already builds what supabase/schemas/ describes; no migration written."
    if [ -n "$(cd "$ROOT" && git status --porcelain -- supabase/schemas 2>/dev/null)" ]; then
      say "supabase/schemas/ has uncommitted changes that change no schema object. Data the product needs"
      say "(parameter types, providers, models, built-in tools) and cron.schedule calls are not schema:"
      say "write them in a hand-written migration (supabase migration new <name>), then npm run migrations:lock."
    fi
    return 0
  fi
  local ts file
  ts=$(date -u +%Y%m%d%H%M%S)
  file="$MIGRATIONS_DIR/${ts}_${name}.sql"
  {
    printf -- '-- %s: generated by `npm run schema:diff -- %s` from supabase/schemas/; reviewed before commit.\n' "$name" "$name"
    printf -- '-- Objects: %s\n\n' "$(diff_objects <<<"$sql" | paste -sd ' ')"
    printf '%s\n' "$sql"
  } >"$file"
  say "wrote ${file#"$ROOT/"}"
  lock_new_migrations
  step "rebuild $FROM_MIGRATIONS_DB with the new migration" build_from_migrations "$FROM_MIGRATIONS_DB"
  local rest; rest=$(schema_diff "$FROM_MIGRATIONS_DB" "$FROM_SCHEMAS_DB")
  if [ -n "$rest" ]; then
    warn "the generated migration does not reach supabase/schemas/; still different:"
    warn "$rest"
    exit 1
  fi
  say "The history with ${file#"$ROOT/"} builds the same schema as supabase/schemas/. Review it, then commit both."
}

cmd_drift() {
  require_db
  trap drop_scratch EXIT
  build_from_schemas "$FROM_SCHEMAS_DB" || die "supabase/schemas/ does not load into an empty database (the error is above)"
  local sql; sql=$(schema_diff postgres "$FROM_SCHEMAS_DB") || die "supabase db diff failed"
  if [ -n "$sql" ]; then
    warn "The database built from supabase/migrations differs from supabase/schemas/ in:"
    diff_objects <<<"$sql" | sed 's/^/  /' >&2
    warn "The SQL that would close the gap (npm run schema:diff -- <name> writes it as a migration):"
    head -60 <<<"$sql" >&2
    exit 1
  fi
  say "supabase/migrations and supabase/schemas/ build the same schema"
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# Records every migration that is not in the lock yet; never changes a recorded line.
lock_new_migrations() {
  touch "$LOCK_FILE"
  local f base
  for f in "$MIGRATIONS_DIR"/*.sql; do
    base=$(basename "$f")
    grep -q " $base\$" "$LOCK_FILE" || printf '%s %s\n' "$(sha "$f")" "$base" >>"$LOCK_FILE"
  done
  sort -k2 -o "$LOCK_FILE" "$LOCK_FILE"
}

cmd_history() {
  [ -f "$LOCK_FILE" ] || die "no supabase/migrations.lock: run npm run migrations:lock"
  local problems=() newest="" hash base
  while read -r hash base; do
    [ -n "$base" ] || continue
    newest="$base"
    if [ ! -f "$MIGRATIONS_DIR/$base" ]; then
      problems+=("$base was deleted: a landed migration is history (fix forward with a new migration)")
    elif [ "$(sha "$MIGRATIONS_DIR/$base")" != "$hash" ]; then
      problems+=("$base was edited after it was recorded: a landed migration is history (fix forward with a new migration)")
    fi
  done <"$LOCK_FILE"
  local f
  for f in "$MIGRATIONS_DIR"/*.sql; do
    base=$(basename "$f")
    grep -q " $base\$" "$LOCK_FILE" && continue
    if [[ "$base" < "$newest" ]]; then
      problems+=("$base is new but dated before $newest, the newest recorded migration: give it a later timestamp")
    else
      problems+=("$base is not recorded in supabase/migrations.lock: run npm run migrations:lock")
    fi
  done
  if [ "${#problems[@]}" -gt 0 ]; then
    printf '%s\n' "${problems[@]}" >&2
    exit 1
  fi
  say "supabase/migrations matches supabase/migrations.lock ($(grep -c . "$LOCK_FILE") migrations, none edited or deleted)"
}

cmd_lint() {
  require_db
  SUPABASE_DB_URL="${SUPABASE_DB_URL:-$DB_URL}" CL_ROOT="$ROOT" \
    "$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/scripts/check-lint.ts"
}

case "${1:-}" in
  diff) shift; cmd_diff "$@" ;;
  drift) cmd_drift ;;
  history) cmd_history ;;
  lock) lock_new_migrations; say "supabase/migrations.lock records $(grep -c . "$LOCK_FILE") migrations" ;;
  lint) cmd_lint ;;
  build-schemas) require_db; build_from_schemas "${2:?database name}" ;;
  build-migrations) require_db; build_from_migrations "${2:?database name}" ;;
  *) die "usage: scripts/schema.sh diff NAME | drift | history | lock | lint | build-schemas DB | build-migrations DB" ;;
esac
