#!/usr/bin/env bash
# npm run chaos: scripts/chaos.ts on the local stack (workers SIGKILLed every 2 s while N runs of a
# six-node DAG complete; exits non-zero on any loss, duplicate, event gap or leftover lease or
# reservation). Brings the stack up without its worker if needed (the script runs its own workers,
# and refuses to run beside another), leaves the database as it is (the runs stay, under a new user),
# and stops again whatever it started. Not part of npm test.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1 CL_WORKER=off

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
CL_STARTED_FILE="$started_file" bash "$ROOT/scripts/stack.sh" start || exit 1

export SUPABASE_URL="$API_URL" SUPABASE_ANON_KEY="$ANON_KEY" SUPABASE_SERVICE_ROLE_KEY="$SERVICE_ROLE_KEY"
export SUPABASE_DB_URL="$DB_URL" CL_JWT_SECRET="$JWT_SECRET" CL_ROOT="$ROOT"

say ""
say "== Chaos (scripts/chaos.ts)"
"$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/scripts/chaos.ts"
