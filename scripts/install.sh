#!/usr/bin/env bash
# Installs what the local stack needs and is missing: Debian packages (PostgreSQL 15 and its
# extensions), pgvector built from Debian's source package, and the npm toolchain. Idempotent:
# a second run finds everything present and changes nothing. `install.sh browser` installs only the
# headless browser the web chat's browser test drives (Debian's chromium; npm test asks for it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

APT_PACKAGES=(
  postgresql-15 postgresql-client-15 postgresql-contrib
  postgresql-15-cron postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
  postgresql-15-plpgsql-check postgresql-server-dev-15
  build-essential curl ca-certificates iproute2 util-linux
)
BROWSER_PACKAGES=(chromium)
TRIXIE_SRC=/etc/apt/sources.list.d/connectedlenses-trixie-src.sources

SUDO=()
need_root() {
  [ "$(id -u)" = 0 ] && return 0
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); return 0; fi
  die "installing $1 needs root: run as root, or give this user passwordless sudo, or install it yourself (sudo apt-get install ${*:2})"
}

apt_updated=0
apt_update() {
  [ "$apt_updated" = 1 ] && return 0
  if ! "${SUDO[@]}" apt-get update >>"$LOG_DIR/steps.log" 2>&1; then
    die "apt-get update failed: the Debian archive is unreachable or a sources file is broken (see $LOG_DIR/steps.log)"
  fi
  # apt-get update exits 0 when an archive could not be fetched; say so instead of failing later.
  if grep -qE '^(W|E): Failed to fetch .*debian' "$LOG_DIR/steps.log"; then
    warn "warning: apt could not fetch part of the Debian archive; installs may fail (see $LOG_DIR/steps.log)"
  fi
  apt_updated=1
}

missing_packages() { # missing_packages [package...]: of those (default APT_PACKAGES), the ones not installed
  local p
  [ "$#" -gt 0 ] || set -- "${APT_PACKAGES[@]}"
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

install_apt() {
  local missing; missing=$(missing_packages)
  if [ -z "$missing" ]; then say "  Debian packages                                      present"; return 0; fi
  need_root "Debian packages" $missing
  step "apt-get update" apt_update
  # shellcheck disable=SC2086
  step "apt-get install $(wc -w <<<"$missing") packages" env DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends $missing \
    || die "apt-get install failed for: $missing (see $LOG_DIR/steps.log)"
}

install_browser() {
  local missing; missing=$(missing_packages "${BROWSER_PACKAGES[@]}")
  if [ -z "$missing" ]; then say "  chromium (headless browser for tests)                present"; return 0; fi
  need_root "the headless browser" $missing
  step "apt-get update" apt_update
  # shellcheck disable=SC2086
  step "apt-get install $missing" env DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends $missing \
    || die "apt-get install failed for: $missing (see $LOG_DIR/steps.log)"
}

pgvector_installed() { [ -f "/usr/share/postgresql/15/extension/vector.control" ] && [ -f /usr/lib/postgresql/15/lib/vector.so ]; }

build_pgvector() {
  rm -rf "$BUILD_DIR/pgvector"; mkdir -p "$BUILD_DIR/pgvector"; cd "$BUILD_DIR/pgvector"
  if [ ! -f "$TRIXIE_SRC" ]; then
    local uri; uri=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -1 || true)
    uri=${uri:-http://deb.debian.org/debian}
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | "${SUDO[@]}" tee "$TRIXIE_SRC" >/dev/null
    apt_updated=0
  fi
  # The sources file may come from an earlier or concurrent run whose apt-get update this run did not see.
  apt-cache showsrc pgvector 2>/dev/null | grep -q '^Package:' || apt_updated=0
  apt_update
  chmod 777 . # apt's _apt user downloads into it
  apt-get source --download-only pgvector
  tar xzf pgvector_*.orig.tar.gz
  cd pgvector-*/
  make PG_CONFIG="$PG_BIN/pg_config"
  "${SUDO[@]}" make PG_CONFIG="$PG_BIN/pg_config" install
}

install_pgvector() {
  if pgvector_installed; then say "  pgvector                                             present"; return 0; fi
  need_root "pgvector" postgresql-server-dev-15
  step "build pgvector from Debian's trixie source package" build_pgvector \
    || die "could not build pgvector (see $LOG_DIR/steps.log); it needs deb-src access to Debian trixie"
}

npm_current() {
  [ -x "$DENO" ] && [ -x "$SUPABASE" ] && [ -x "$POSTGREST" ] && [ -f "$ROOT/node_modules/.package-lock.json" ] \
    && [ ! "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]
}

install_npm() {
  if npm_current; then say "  npm toolchain                                        present"; return 0; fi
  command -v npm >/dev/null || die "npm is missing: install Node.js 20 and npm"
  # Not `npm ci`: the registry here serves only this platform's builds, so the lockfile cannot list
  # the other platforms' optional binaries and `npm ci` refuses it as out of sync. `install
  # --no-save` installs the lockfile's exact versions and leaves both files untouched.
  step "npm install (Supabase CLI, Deno, PostgREST, libraries)" npm install --no-save --no-audit --no-fund --prefix "$ROOT" \
    || die "npm install failed: is the npm registry reachable? (see $LOG_DIR/steps.log)"
}

main() {
  mkdir -p "$LOG_DIR"
  if [ "${1:-}" = browser ]; then install_browser; return; fi
  say "Checking what the stack needs"
  # Two checkouts starting at once share one apt and one /usr: the second waits, then finds it done.
  exec 9>"${TMPDIR:-/tmp}/connectedlenses-install.lock"
  flock 9
  install_apt
  install_pgvector
  flock -u 9
  install_npm
}

main "$@"
