#!/usr/bin/env bash
# npm test: bring the stack up if needed, reset the database, then run every check and test:
# the type drift check, the schema drift check (supabase/schemas/ against the migrations), the
# migration history check, plpgsql_check and the database advisors (on the freshly migrated schema),
# pgTAP through pg_prove, and the Deno tests (unit and end to end). Ends with one line `N passed, N failed`.
# Whatever this run started, it stops again at the end.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1
# The worker tests start their own workers; a stack worker would race them for tasks.
export CL_WORKER=off

passed=0
failed=0
failures=()
record() { # record name exit-code [passed failed]
  local name="$1" rc="$2" p="${3:-}" f="${4:-}"
  if [ -z "$p" ]; then if [ "$rc" = 0 ]; then p=1 f=0; else p=0 f=1; fi; fi
  # A non-zero exit with no failure counted (a crash, a bad plan) is still a failure.
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" != 0 ]; then failures+=("$name"); fi
  printf '%s: %s passed, %s failed\n' "$name" "$p" "$f"
}

started_file=$(mktemp)
cleanup() {
  if [ -s "$started_file" ]; then
    # shellcheck disable=SC2046
    bash "$ROOT/scripts/stack.sh" stop $(cat "$started_file") >/dev/null 2>&1 || true
  fi
  rm -f "$started_file"
}
trap cleanup EXIT

say "== Local stack"
# The web chat's browser test drives Debian's chromium (playwright-core, no browser download).
bash "$ROOT/scripts/install.sh" browser || { say "0 passed, 1 failed"; exit 1; }
# The functions' test secrets (the env vars the channel tests' bindings name): installed where the
# gateway reads them; a changed file restarts the gateway (stack.sh start), an unchanged one does not.
mkdir -p "$STATE_DIR"
if ! cmp -s "$ROOT/tests/_support/functions.test.env" "$FUNCTIONS_TEST_ENV_FILE"; then
  cp "$ROOT/tests/_support/functions.test.env" "$FUNCTIONS_TEST_ENV_FILE"
fi
CL_STARTED_FILE="$started_file" bash "$ROOT/scripts/stack.sh" start || { say "0 passed, 1 failed"; exit 1; }
bash "$ROOT/scripts/stack.sh" reset || { say "0 passed, 1 failed"; exit 1; }
if [ -f "$RUN_DIR/worker.pid" ] && [ -d "/proc/$(cat "$RUN_DIR/worker.pid")" ]; then
  warn "warning: a stack worker (npm start) is running and will race the tests' own workers; stop it first (npm run stack:stop)"
fi

export SUPABASE_URL="$API_URL" SUPABASE_ANON_KEY="$ANON_KEY" SUPABASE_SERVICE_ROLE_KEY="$SERVICE_ROLE_KEY"
export SUPABASE_DB_URL="$DB_URL" CL_JWT_SECRET="$JWT_SECRET" CL_ROOT="$ROOT"

say ""
say "== Generated types"
bash "$ROOT/scripts/types.sh" check
record "type drift" $?

say ""
say "== Schema source (supabase/schemas/ against supabase/migrations)"
bash "$ROOT/scripts/schema.sh" drift
record "schema drift" $?
bash "$ROOT/scripts/schema.sh" history
record "migration history" $?

say ""
say "== plpgsql_check (supabase db lint)"
bash "$ROOT/scripts/schema.sh" lint
record "db lint" $?

say ""
say "== Database advisors"
"$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/scripts/check-advisors.ts"
record "advisors" $?

say ""
say "== pgTAP (pg_prove)"
for helpers in "$ROOT"/tests/db/helpers/*.sql; do
  psql_app -f "$helpers" >/dev/null || record "pgTAP helpers $(basename "$helpers")" 1
done
out=$(mktemp)
PGPASSWORD=postgres PGOPTIONS="-c search_path=public,extensions" \
  pg_prove --verbose --failures -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres "$ROOT"/tests/db/*.sql >"$out" 2>&1
rc=$?
grep -vE '^\s*ok [0-9]+' "$out"
ok=$(grep -cE '^\s*ok [0-9]+' "$out")
notok=$(grep -cE '^\s*not ok [0-9]+' "$out")
record "pgTAP" "$rc" "$ok" "$notok"
rm -f "$out"

say ""
say "== Deno tests (tests/functions, tests/e2e)"
out=$(mktemp)
"$DENO" test --allow-all --config "$ROOT/deno.json" "$ROOT/tests/functions" "$ROOT/tests/e2e" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
summary=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^(ok|FAILED) \| [0-9]+ passed' | tail -1)
dp=$(sed -E 's/.*\| ([0-9]+) passed.*/\1/' <<<"$summary"); dp=${dp:-0}
df=$(sed -E 's/.*\| ([0-9]+) failed.*/\1/' <<<"$summary"); df=${df:-0}
record "Deno" "$rc" "$dp" "$df"
rm -f "$out"

say ""
if [ "${#failures[@]}" -gt 0 ]; then say "failing: ${failures[*]}"; fi
say "$passed passed, $failed failed"
[ "$failed" = 0 ]
