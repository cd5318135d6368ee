#!/usr/bin/env bash
# npm run token -- <email>: an access token for a local user (found, or created), signed as Supabase
# Auth signs them (see scripts/token.ts). Needs the stack's database running (npm run stack:start).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export SUPABASE_DB_URL="$DB_URL" SUPABASE_URL="$API_URL" CL_JWT_SECRET="$JWT_SECRET"
exec "$DENO" run --allow-all --quiet --config "$ROOT/deno.json" "$ROOT/scripts/token.ts" "$@"
