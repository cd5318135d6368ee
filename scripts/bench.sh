#!/usr/bin/env bash
# npm run bench: the benchmarks in bench/ on the local stack, each printing its figures and ratio.
# Brings the stack up like npm test (without its worker: the benchmark runs its own worker loops),
# resets the database, and stops again whatever it started.
#
# bench/engine.ts: workflow node completions per second against `pgbench -N` (4 clients, 15 s) on
# the same cluster, measured in this invocation, before and after the engine (the ratio takes the
# mean of the two). bench/schedules.ts: runs started per second by the schedule dispatcher (10,000
# schedules due at once; one dispatcher, then two racing), against the same pgbench figures.
# bench/agents.ts: agent turns with one calculator call per node against plain nodes (its own ratio).
# pgbench gets its own database (cl_pgbench), initialised as the superuser over
# the socket and dropped at the end: `postgres` is not touched.
# CL_BENCH_PROFILE=1 adds the server time per node of each engine function (track_functions).
# CL_BENCH_MODE=budgets measures instead what budgets cost the engine: bench/engine.ts with
# CL_BENCH_BUDGETS=off and on, alternated CL_BENCH_BUDGET_PAIRS times (3) on the same database, and
# prints the ratio of the means, budgets_on / budgets_off (target: budgets cost less than 15%, >= 0.85).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1 CL_WORKER=off

PGBENCH_DB=cl_pgbench
PGBENCH_SECONDS="${CL_PGBENCH_SECONDS:-15}"

started_file=$(mktemp)
cleanup() {
  psql_super -d postgres -c "drop database if exists $PGBENCH_DB with (force)" >/dev/null 2>&1 || true
  if [ -s "$started_file" ]; then
    # shellcheck disable=SC2046
    bash "$ROOT/scripts/stack.sh" stop $(cat "$started_file") >/dev/null 2>&1 || true
  fi
  rm -f "$started_file"
}
trap cleanup EXIT

say "== Local stack"
CL_STARTED_FILE="$started_file" bash "$ROOT/scripts/stack.sh" start || exit 1
bash "$ROOT/scripts/stack.sh" reset || exit 1

export SUPABASE_URL="$API_URL" SUPABASE_ANON_KEY="$ANON_KEY" SUPABASE_SERVICE_ROLE_KEY="$SERVICE_ROLE_KEY"
export SUPABASE_DB_URL="$DB_URL" CL_JWT_SECRET="$JWT_SECRET" CL_ROOT="$ROOT"

if [ "${CL_BENCH_MODE:-}" = budgets ]; then
  pairs="${CL_BENCH_BUDGET_PAIRS:-3}"
  off_sum=0 on_sum=0
  if [ "${CL_BENCH_PROFILE:-}" = 1 ]; then
    psql_super -d postgres -c "alter database postgres set track_functions = 'all'" >/dev/null
  fi
  for i in $(seq 1 "$pairs"); do
    for mode in off on; do
      say ""
      say "== Engine with budgets $mode (pair $i of $pairs)"
      out="$LOG_DIR/bench-budgets-$mode.out"
      CL_BENCH_BUDGETS=$mode "$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/bench/engine.ts" | tee "$out"
      [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
      v=$(sed -nE 's/^node completions\/s: ([0-9.]+).*/\1/p' "$out" | head -1)
      [ -n "$v" ] || die "could not read the engine's node completions per second"
      if [ "$mode" = off ]; then off_sum=$(awk -v a="$off_sum" -v b="$v" 'BEGIN { print a + b }')
      else on_sum=$(awk -v a="$on_sum" -v b="$v" 'BEGIN { print a + b }'); fi
    done
  done
  if [ "${CL_BENCH_PROFILE:-}" = 1 ]; then
    psql_super -d postgres -c "alter database postgres reset track_functions" >/dev/null
  fi
  say ""
  say "== Ratio"
  awk -v on="$on_sum" -v off="$off_sum" -v n="$pairs" 'BEGIN {
    r = on / off
    printf "node completions/s: budgets off %.1f, budgets on %.1f (mean of %d runs each, alternated)\n", off / n, on / n, n
    printf "ratio (budgets_on / budgets_off): %.3f (budgets cost %.1f%%; target < 15%%: %s)\n", r, 100 * (1 - r), (r > 0.85 ? "met" : "NOT met")
  }'
  exit 0
fi

psql_super -d postgres -c "set client_min_messages = warning" -c "drop database if exists $PGBENCH_DB with (force)" \
  -c "create database $PGBENCH_DB" >/dev/null \
  || die "could not create the $PGBENCH_DB database"
as_pg "$PG_BIN/pgbench" -i -q -h "$SOCKET_DIR" -p "$DB_PORT" -U "$SUPERUSER" "$PGBENCH_DB" >"$LOG_DIR/pgbench-init.log" 2>&1 \
  || die "pgbench -i failed (see $LOG_DIR/pgbench-init.log)"

# pgbench -N over TCP, as the worker loops connect, so both pay the same per-statement network cost.
# Prints its figures; leaves its tps in $tps.
pgbench_tps() {
  say ""
  say "== pgbench -N (simple update), 4 clients, ${PGBENCH_SECONDS} s, database $PGBENCH_DB ($1)"
  local out
  out=$(as_pg env PGPASSWORD=postgres "$PG_BIN/pgbench" -N -n -c 4 -j 2 -T "$PGBENCH_SECONDS" \
    -h 127.0.0.1 -p "$DB_PORT" -U "$SUPERUSER" "$PGBENCH_DB" 2>&1) || { printf '%s\n' "$out"; die "pgbench failed"; }
  printf '%s\n' "$out" | grep -E '^(number of transactions actually processed|latency average|tps)'
  tps=$(printf '%s\n' "$out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
  [ -n "$tps" ] || die "could not read pgbench's tps"
}

# pgbench runs before and after the engine and the ratio takes their mean: this machine is shared,
# and a reference measured at one moment only would carry that moment's noise into the ratio.
pgbench_tps "before the engine"
tps_before=$tps

say ""
say "== Engine: node completions per second (bench/engine.ts)"
if [ "${CL_BENCH_PROFILE:-}" = 1 ]; then
  # Per-function server times for the profile (new sessions pick the setting up); off again after.
  psql_super -d postgres -c "alter database postgres set track_functions = 'all'" >/dev/null
fi
engine_out="$LOG_DIR/bench-engine.out"
"$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/bench/engine.ts" | tee "$engine_out"
rc=${PIPESTATUS[0]}
if [ "${CL_BENCH_PROFILE:-}" = 1 ]; then
  psql_super -d postgres -c "alter database postgres reset track_functions" >/dev/null
fi
[ "$rc" -eq 0 ] || exit "$rc"
per_second=$(sed -nE 's/^node completions\/s: ([0-9.]+).*/\1/p' "$engine_out" | head -1)
[ -n "$per_second" ] || die "could not read the engine's node completions per second"

say ""
say "== Schedules: runs started per second by the dispatcher (bench/schedules.ts)"
sched_out="$LOG_DIR/bench-schedules.out"
"$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/bench/schedules.ts" | tee "$sched_out"
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
sched_one=$(sed -nE 's/^schedule runs started\/s \(one dispatcher\): ([0-9.]+).*/\1/p' "$sched_out" | head -1)
sched_two=$(sed -nE 's/^schedule runs started\/s \(two racing\): ([0-9.]+).*/\1/p' "$sched_out" | head -1)

say ""
say "== Agent turns: node completions per second with a tool call per node (bench/agents.ts)"
agents_out="$LOG_DIR/bench-agents.out"
"$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/bench/agents.ts" | tee "$agents_out"
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1

pgbench_tps "after the engine"
tps_after=$tps

say ""
say "== Ratio"
awk -v e="$per_second" -v a="$tps_before" -v b="$tps_after" 'BEGIN {
  m = (a + b) / 2; r = e / m
  printf "node completions/s: %.1f\npgbench -N tps: %.1f (before %.1f, after %.1f)\n", e, m, a, b
  printf "ratio (node completions/s / pgbench tps): %.3f (target >= 0.5: %s)\n", r, (r >= 0.5 ? "met" : "NOT met")
}'
awk -v o="$sched_one" -v t="$sched_two" -v a="$tps_before" -v b="$tps_after" 'BEGIN {
  m = (a + b) / 2
  printf "schedule runs started/s: %.1f one dispatcher, %.1f two racing; ratio to pgbench tps: %.3f, %.3f\n", o, t, o / m, t / m
}'
