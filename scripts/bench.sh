#!/usr/bin/env bash
# npm run bench: the benchmarks in bench/ on the local stack, each printing its figures and ratio, and
# the report under bench/results/ (README.md and an SVG chart per mode; bench/report.ts writes it).
# Brings the stack up like npm test (without its worker: the benchmarks run their own worker loops)
# and stops again whatever it started.
#
# CL_BENCH_MODE selects what runs (each mode also records its figures in bench/results/data/<mode>.json
# and rewrites the report from every mode recorded so far):
#   all (the default)  every mode below, in this order, on one freshly reset database
#   engine      bench/engine.ts: workflow node completions per second against `pgbench -N` (4 clients,
#               15 s) on the same cluster, measured before and after the engine (the ratio takes the
#               mean of the two); bench/schedules.ts: runs started per second by the schedule
#               dispatcher (10,000 schedules due at once; one dispatcher, then two racing), against the
#               same pgbench figures; bench/agents.ts: agent turns with one calculator call per node
#               against plain nodes (its own ratio)
#   budgets     what budgets cost the engine: bench/engine.ts with CL_BENCH_BUDGETS=off and on,
#               alternated CL_BENCH_BUDGET_PAIRS times (3) on the same database; the ratio of the means,
#               budgets_on / budgets_off (target: budgets cost less than 15%, >= 0.85)
#   concurrency bench/engine.ts at CL_BENCH_CONCURRENCY_LOOPS worker loops (1 2 4 8): node completions
#               per second against the number of loops (CL_BENCH_CONCURRENCY_RUNS runs each, 200)
#   appends     bench/appends.ts: run event appends per second (lenses.fn_append_workflow_run_events,
#               one event per call) against pgbench -N before and after
#   webhooks    bench/webhooks.ts: signed WhatsApp webhook posts per second through the gateway (each
#               stored once, its turn queued) against pgbench -N, with the p50 / p95 time to answer
#   rls         bench/rls.ts: the runs list as a user under RLS against the same list as service_role,
#               at 1M runs (made once and reused; target <= 1.3)
#   hnsw        bench/hnsw.ts: HNSW recall@10 and speed against an exact scan on 100k memories (made
#               once and reused; targets recall >= 0.95 at >= 20x the scan's speed)
#   report      only rewrites bench/results/ from the recorded figures
# engine, budgets, concurrency and appends reset the database first when run alone; rls and hnsw keep
# it (their data takes minutes to make and is reused when there). pgbench gets its own database
# (cl_pgbench), initialised as the superuser over the socket and dropped at the end: `postgres` is not
# touched. CL_BENCH_PROFILE=1 adds the server time per node of each engine function (track_functions).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
export NO_COLOR=1 CL_WORKER=off

command -v jq >/dev/null || die "npm run bench needs jq (it builds the report's JSON records)"
MODE="${CL_BENCH_MODE:-all}"
case "$MODE" in
  all | engine | budgets | concurrency | appends | webhooks | rls | hnsw | report) ;;
  *) die "CL_BENCH_MODE must be one of all, engine, budgets, concurrency, appends, webhooks, rls, hnsw, report (got $MODE)" ;;
esac
RESULTS="$ROOT/bench/results"
# The command a recorded figure came from: this invocation's CL_BENCH_* / CL_PGBENCH_* settings.
BENCH_ENV=$(env | grep -E '^CL_(BENCH|PGBENCH)_' | grep -vE '^CL_BENCH_(MODE|LOG_DIR|RESULT)=' | sort | tr '\n' ' ')
if [ "$MODE" = all ]; then BENCH_COMMAND="${BENCH_ENV}npm run bench"; else BENCH_COMMAND="${BENCH_ENV}CL_BENCH_MODE=$MODE npm run bench"; fi
PGBENCH_DB=cl_pgbench
PGBENCH_SECONDS="${CL_PGBENCH_SECONDS:-15}"

report() { "$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/bench/report.ts" "$@"; }

if [ "$MODE" = report ]; then
  report write "$RESULTS" || exit 1
  exit 0
fi

started_file=$(mktemp)
body_file=$(mktemp)
cleanup() {
  psql_super -d postgres -c "drop database if exists $PGBENCH_DB with (force)" >/dev/null 2>&1 || true
  if [ -s "$started_file" ]; then
    # shellcheck disable=SC2046
    bash "$ROOT/scripts/stack.sh" stop $(cat "$started_file") >/dev/null 2>&1 || true
  fi
  rm -f "$started_file" "$body_file"
}
trap cleanup EXIT

# The webhook bench signs with a test binding's secrets, which the functions read from their env file.
if ! cmp -s "$ROOT/tests/_support/functions.test.env" "$FUNCTIONS_TEST_ENV_FILE"; then
  mkdir -p "$STATE_DIR" && cp "$ROOT/tests/_support/functions.test.env" "$FUNCTIONS_TEST_ENV_FILE"
fi
say "== Local stack"
CL_STARTED_FILE="$started_file" bash "$ROOT/scripts/stack.sh" start || exit 1
case "$MODE" in
  all | engine | budgets | concurrency | appends | webhooks) bash "$ROOT/scripts/stack.sh" reset || exit 1 ;;
esac

export SUPABASE_URL="$API_URL" SUPABASE_ANON_KEY="$ANON_KEY" SUPABASE_SERVICE_ROLE_KEY="$SERVICE_ROLE_KEY"
export SUPABASE_DB_URL="$DB_URL" CL_JWT_SECRET="$JWT_SECRET" CL_ROOT="$ROOT" CL_BENCH_LOG_DIR="$LOG_DIR"

bench_ts() { "$DENO" run --allow-all --config "$ROOT/deno.json" "$ROOT/bench/$1"; }

# record <mode> <title> <loadavg before>: stores $body_file ({ ratios, lines, series? }) for the report,
# with the command that produced it (in `all`, plain `npm run bench`).
record() {
  report record "$RESULTS" "$1" "$BENCH_COMMAND" "$3" "$body_file" "$2" \
    || die "could not record the $1 figures"
}

pgbench_init() {
  psql_super -d postgres -c "set client_min_messages = warning" -c "drop database if exists $PGBENCH_DB with (force)" \
    -c "create database $PGBENCH_DB" >/dev/null \
    || die "could not create the $PGBENCH_DB database"
  as_pg "$PG_BIN/pgbench" -i -q -h "$SOCKET_DIR" -p "$DB_PORT" -U "$SUPERUSER" "$PGBENCH_DB" >"$LOG_DIR/pgbench-init.log" 2>&1 \
    || die "pgbench -i failed (see $LOG_DIR/pgbench-init.log)"
}

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

# Lines of a benchmark's output that carry its figures, as a JSON array of strings.
json_lines() { grep -E "$2" "$1" | jq -R . | jq -s .; }

# ---- engine: engine, schedules and agent turns against pgbench -N
mode_engine() {
  local load engine_out sched_out agents_out per_second sched_one sched_two agents_ratio rc ratios
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  pgbench_init
  # pgbench runs before and after the engine and the ratio takes their mean: this machine is shared,
  # and a reference measured at one moment only would carry that moment's noise into the ratio.
  pgbench_tps "before the engine"
  local tps_before=$tps

  say ""
  say "== Engine: node completions per second (bench/engine.ts)"
  if [ "${CL_BENCH_PROFILE:-}" = 1 ]; then
    # Per-function server times for the profile (new sessions pick the setting up); off again after.
    psql_super -d postgres -c "alter database postgres set track_functions = 'all'" >/dev/null
  fi
  engine_out="$LOG_DIR/bench-engine.out"
  bench_ts engine.ts | tee "$engine_out"
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
  bench_ts schedules.ts | tee "$sched_out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
  sched_one=$(sed -nE 's/^schedule runs started\/s \(one dispatcher\): ([0-9.]+).*/\1/p' "$sched_out" | head -1)
  sched_two=$(sed -nE 's/^schedule runs started\/s \(two racing\): ([0-9.]+).*/\1/p' "$sched_out" | head -1)
  [ -n "$sched_one" ] && [ -n "$sched_two" ] || die "could not read the schedule figures"

  say ""
  say "== Agent turns: node completions per second with a tool call per node (bench/agents.ts)"
  agents_out="$LOG_DIR/bench-agents.out"
  bench_ts agents.ts | tee "$agents_out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
  agents_ratio=$(sed -nE 's/^ratio \(agent turn with a tool call \/ plain node\): ([0-9.]+).*/\1/p' "$agents_out" | head -1)
  [ -n "$agents_ratio" ] || die "could not read the agent turn ratio"

  pgbench_tps "after the engine"
  local tps_after=$tps

  say ""
  say "== Ratio"
  local summary="$LOG_DIR/bench-engine-ratio.out"
  {
    awk -v e="$per_second" -v a="$tps_before" -v b="$tps_after" 'BEGIN {
      m = (a + b) / 2; r = e / m
      printf "node completions/s: %.1f\npgbench -N tps: %.1f (before %.1f, after %.1f)\n", e, m, a, b
      printf "ratio (node completions/s / pgbench tps): %.3f (target >= 0.5: %s)\n", r, (r >= 0.5 ? "met" : "NOT met")
    }'
    awk -v o="$sched_one" -v t="$sched_two" -v a="$tps_before" -v b="$tps_after" 'BEGIN {
      m = (a + b) / 2
      printf "schedule runs started/s: %.1f one dispatcher, %.1f two racing; ratio to pgbench tps: %.3f, %.3f\n", o, t, o / m, t / m
    }'
  } | tee "$summary"
  ratios=$(awk -v e="$per_second" -v o="$sched_one" -v t="$sched_two" -v g="$agents_ratio" -v a="$tps_before" -v b="$tps_after" 'BEGIN {
    m = (a + b) / 2
    printf "[{\"label\":\"engine node completions/s / pgbench -N tps\",\"value\":%.4f,\"target\":0.5,\"better\":\"higher\"},", e / m
    printf "{\"label\":\"schedule runs started/s / pgbench tps (one)\",\"value\":%.4f},", o / m
    printf "{\"label\":\"schedule runs started/s / pgbench tps (two)\",\"value\":%.4f},", t / m
    printf "{\"label\":\"agent turn with a tool call / plain node\",\"value\":%.4f}]", g
  }')
  jq -n --argjson ratios "$ratios" \
    --argjson a "$(cat "$engine_out" "$sched_out" "$agents_out" "$summary" | grep -E '^(engine: [0-9]|engine: per node|engine: machine|node completions|pgbench|ratio|schedule runs|agent turn|plain node)' | jq -R . | jq -s .)" \
    '{ratios: $ratios, lines: $a}' >"$body_file"
  record engine "Engine, schedules and agent turns against pgbench -N" "$load"
}

# ---- budgets: engine with budgets off and on, alternated
mode_budgets() {
  local load pairs off_sum=0 on_sum=0 out v
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  pairs="${CL_BENCH_BUDGET_PAIRS:-3}"
  if [ "${CL_BENCH_PROFILE:-}" = 1 ]; then
    psql_super -d postgres -c "alter database postgres set track_functions = 'all'" >/dev/null
  fi
  for i in $(seq 1 "$pairs"); do
    for mode in off on; do
      say ""
      say "== Engine with budgets $mode (pair $i of $pairs)"
      out="$LOG_DIR/bench-budgets-$mode.out"
      CL_BENCH_BUDGETS=$mode bench_ts engine.ts | tee "$out"
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
  local summary="$LOG_DIR/bench-budgets-ratio.out"
  awk -v on="$on_sum" -v off="$off_sum" -v n="$pairs" 'BEGIN {
    r = on / off
    printf "node completions/s: budgets off %.1f, budgets on %.1f (mean of %d runs each, alternated)\n", off / n, on / n, n
    printf "ratio (budgets_on / budgets_off): %.3f (budgets cost %.1f%%; target < 15%%: %s)\n", r, 100 * (1 - r), (r > 0.85 ? "met" : "NOT met")
  }' | tee "$summary"
  jq -n --argjson r "$(awk -v on="$on_sum" -v off="$off_sum" 'BEGIN { printf "%.4f", on / off }')" \
    --argjson lines "$(json_lines "$summary" .)" \
    '{ratios: [{label: "engine with budgets on / off", value: $r, target: 0.85, better: "higher"}], lines: $lines}' >"$body_file"
  record budgets "Budgets on against budgets off (engine)" "$load"
}

# ---- concurrency: node completions per second against the number of worker loops
mode_concurrency() {
  local load loops out v points="[]" lines=()
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  for loops in ${CL_BENCH_CONCURRENCY_LOOPS:-1 2 4 8}; do
    say ""
    say "== Engine with $loops worker loops"
    out="$LOG_DIR/bench-concurrency-$loops.out"
    CL_BENCH_LOOPS=$loops CL_BENCH_POOL=$((loops < 4 ? loops : 4)) CL_BENCH_RUNS="${CL_BENCH_CONCURRENCY_RUNS:-200}" \
      bench_ts engine.ts | tee "$out"
    [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
    v=$(sed -nE 's/^node completions\/s: ([0-9.]+).*/\1/p' "$out" | head -1)
    [ -n "$v" ] || die "could not read the engine's node completions per second"
    points=$(jq -c --argjson x "$loops" --argjson y "$v" '. + [{x: $x, y: $y}]' <<<"$points")
    lines+=("$loops worker loops: $v node completions/s")
  done
  say ""
  say "== Throughput against worker loops"
  printf '%s\n' "${lines[@]}"
  jq -n --argjson points "$points" --argjson lines "$(printf '%s\n' "${lines[@]}" | jq -R . | jq -s .)" \
    '{ratios: [], lines: $lines, note: "Each point: bench/engine.ts with CL_BENCH_LOOPS worker loops (64 tasks in flight each) sharing min(loops, 4) connections. On 2 cores the database, the loops and everything else share the same CPUs, so the curve flattens once they are saturated.",
      series: {title: "Engine node completions/s against worker loops", xLabel: "worker loops", yLabel: "node completions/s", points: $points}}' >"$body_file"
  record concurrency "Engine throughput against concurrency" "$load"
}

# ---- appends: run event appends per second against pgbench -N
mode_appends() {
  local load out single batched
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  pgbench_init
  pgbench_tps "before the appends"
  local tps_before=$tps
  say ""
  say "== Run event appends per second (bench/appends.ts)"
  out="$LOG_DIR/bench-appends.out"
  bench_ts appends.ts | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
  single=$(sed -nE 's/^event appends\/s \(one per call\): ([0-9.]+).*/\1/p' "$out" | head -1)
  batched=$(sed -nE 's/^event appends\/s \([0-9]+ per call\): ([0-9.]+).*/\1/p' "$out" | head -1)
  [ -n "$single" ] && [ -n "$batched" ] || die "could not read the append figures"
  pgbench_tps "after the appends"
  local tps_after=$tps
  say ""
  say "== Ratio"
  local summary="$LOG_DIR/bench-appends-ratio.out"
  awk -v s="$single" -v bt="$batched" -v a="$tps_before" -v b="$tps_after" 'BEGIN {
    m = (a + b) / 2
    printf "pgbench -N tps: %.1f (before %.1f, after %.1f)\n", m, a, b
    printf "ratio (event appends/s, one per call / pgbench tps): %.3f\n", s / m
    printf "ratio (event appends/s, batched / pgbench tps): %.3f\n", bt / m
  }' | tee "$summary"
  jq -n --argjson r1 "$(awk -v s="$single" -v a="$tps_before" -v b="$tps_after" 'BEGIN { printf "%.4f", s / ((a + b) / 2) }')" \
    --argjson r2 "$(awk -v s="$batched" -v a="$tps_before" -v b="$tps_after" 'BEGIN { printf "%.4f", s / ((a + b) / 2) }')" \
    --argjson lines "$(cat "$out" "$summary" | grep -E '^(appends:|event appends|pgbench|ratio)' | jq -R . | jq -s .)" \
    '{ratios: [{label: "event appends/s (one per call) / pgbench tps", value: $r1},
               {label: "event appends/s (batched) / pgbench tps", value: $r2}], lines: $lines}' >"$body_file"
  record appends "Run event appends against pgbench -N" "$load"
}

# ---- webhooks: signed WhatsApp webhook posts per second through the gateway against pgbench -N
mode_webhooks() {
  local load out per_second p50 p95
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  pgbench_init
  pgbench_tps "before the webhooks"
  local tps_before=$tps
  say ""
  say "== Signed WhatsApp webhook posts per second (bench/webhooks.ts)"
  out="$LOG_DIR/bench-webhooks.out"
  bench_ts webhooks.ts | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
  per_second=$(sed -nE 's/^webhook posts\/s: ([0-9.]+).*/\1/p' "$out" | head -1)
  p50=$(sed -nE 's/^webhook answer ms: p50 ([0-9.]+),.*/\1/p' "$out" | head -1)
  p95=$(sed -nE 's/^webhook answer ms: .*p95 ([0-9.]+),.*/\1/p' "$out" | head -1)
  [ -n "$per_second" ] && [ -n "$p50" ] && [ -n "$p95" ] || die "could not read the webhook figures"
  pgbench_tps "after the webhooks"
  local tps_after=$tps
  say ""
  say "== Ratio"
  local summary="$LOG_DIR/bench-webhooks-ratio.out"
  awk -v w="$per_second" -v a="$tps_before" -v b="$tps_after" -v p50="$p50" -v p95="$p95" 'BEGIN {
    m = (a + b) / 2
    printf "pgbench -N tps: %.1f (before %.1f, after %.1f)\n", m, a, b
    printf "ratio (signed webhook posts/s / pgbench tps): %.3f\n", w / m
    printf "answer time: p50 %.1f ms, p95 %.1f ms (Meta asks for a median under 250 ms: %s)\n", p50, p95, (p50 < 250 ? "met" : "NOT met")
  }' | tee "$summary"
  jq -n --argjson r "$(awk -v w="$per_second" -v a="$tps_before" -v b="$tps_after" 'BEGIN { printf "%.4f", w / ((a + b) / 2) }')" \
    --argjson lines "$(cat "$out" "$summary" | grep -E '^(webhook|pgbench|ratio|answer)' | jq -R . | jq -s .)" \
    '{ratios: [{label: "signed webhook posts/s / pgbench tps", value: $r}], lines: $lines}' >"$body_file"
  record webhooks "Signed WhatsApp webhooks against pgbench -N" "$load"
}

# ---- rls: the runs list under RLS against service_role at 1M runs
mode_rls() {
  local load out
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  say ""
  say "== The runs list under RLS against service_role (bench/rls.ts)"
  out="$LOG_DIR/bench-rls.out"
  CL_BENCH_RESULT="$LOG_DIR/bench-rls.json" bench_ts rls.ts | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
  jq --argjson lines "$(json_lines "$out" '^(rls: [0-9]+ runs in|rls: (heaviest|median|made|reusing)|ratio)')" \
    '{ratios: [.results[] | {label: "\(.user), \(.query)", value: .ratio, target: 1.3, better: "lower"}], lines: $lines,
      note: "RLS: `select * from public.list_workflow_runs(...)` as authenticated (set local role, request.jwt.claims), the path PostgREST takes. service_role: the same select on lenses.workflow_runs with the filter RLS stands for written out (lenser_id = the user'"'"'s profile); both return the same rows. Medians of alternated rounds, each in its own transaction."}' \
    "$LOG_DIR/bench-rls.json" >"$body_file" || die "could not read the rls figures"
  record rls "Runs list under RLS against service_role, 1M runs" "$load"
}

# ---- hnsw: recall@10 and speed against an exact scan on 100k memories
mode_hnsw() {
  local load out
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  say ""
  say "== HNSW recall and speed against an exact scan (bench/hnsw.ts)"
  out="$LOG_DIR/bench-hnsw.out"
  CL_BENCH_RESULT="$LOG_DIR/bench-hnsw.json" bench_ts hnsw.ts | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
  jq --argjson lines "$(json_lines "$out" '^(hnsw: (made|index built|reusing|[0-9]|ef_search|chosen)|recall|ratio)')" \
    '{ratios: [{label: "recall@10 (ef_search \(.chosen.ef))", value: .chosen.recall, target: 0.95, better: "higher"},
               {label: "exact scan time / HNSW time (ef_search \(.chosen.ef))", value: .chosen.speedup, target: 20, better: "higher"}],
      lines: $lines,
      note: ("Index as the schema defines it (hnsw, vector_cosine_ops, m 16, ef_construction 64), built " +
             (if .buildSeconds then "in \(.buildSeconds * 10 | round / 10) s" else "in an earlier run (data reused)" end) +
             " with maintenance_work_mem 1GB. ef_search sweep: " +
             ([.sweep[] | "\(.ef): recall \(.recall * 1000 | round / 1000), \(.ms * 100 | round / 100) ms"] | join("; ")) + ".")}' \
    "$LOG_DIR/bench-hnsw.json" >"$body_file" || die "could not read the hnsw figures"
  record hnsw "HNSW recall@10 and speed against an exact scan, 100k memories" "$load"
}

case "$MODE" in
  all)
    for m in engine budgets concurrency appends webhooks rls hnsw; do "mode_$m"; done ;;
  *) "mode_$MODE" ;;
esac
say ""
report write "$RESULTS" || exit 1
