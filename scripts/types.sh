#!/usr/bin/env bash
# types/database.ts from the live local schema with `supabase gen types`, formatted by deno fmt.
#   types.sh write   regenerate the file
#   types.sh check   fail (and show the diff) when the committed file differs from a fresh generation
set -euo pipefail
source "$(dirname "$0")/lib.sh"

generate() {
  "$SUPABASE" gen types --lang typescript --remote="$CLI_DB_URL" --schema "$TYPE_SCHEMAS" 2>/dev/null \
    | "$DENO" fmt --config "$ROOT/deno.json" --ext ts -
}

target="$ROOT/types/database.ts"
case "${1:-}" in
  write)
    fresh=$(generate) || die "supabase gen types failed: is the stack running? (npm run stack:start)"
    printf '%s\n' "$fresh" >"$target"
    say "wrote types/database.ts"
    ;;
  check)
    fresh=$(generate) || die "supabase gen types failed: is the stack running?"
    if ! diff -u "$target" <(printf '%s\n' "$fresh") >"$LOG_DIR/types.diff" 2>&1; then
      warn "types/database.ts differs from a fresh generation (run 'npm run types'):"
      head -40 "$LOG_DIR/types.diff" >&2
      exit 1
    fi
    say "types/database.ts matches the schema"
    ;;
  *) die "usage: scripts/types.sh write|check" ;;
esac
