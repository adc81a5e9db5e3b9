#!/usr/bin/env bash
# install-deps.sh — installs what Broadsheet needs that is missing (Debian packages, including
# zlib and brotli for .gz and WARC inputs, python3-yaml for the OpenAPI JSON, help2man for the man pages and
# dpkg-dev for `cpack -G DEB`; with --test, also the test tools: GoogleTest, w3m, lynx and
# html2text for the real-page scorer, Chromium and npm's playwright-core, for the deploy test
# nginx, openssl and systemd's systemd-analyze, curl for the package test and wget to record real
# pages into a WARC file; with --bench, the peers and load tool of bench/peers/run.sh). Idempotent
# and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
want_bench=0
[ "${1:-}" = "--test" ] && want_tests=1
[ "${1:-}" = "--bench" ] && want_bench=1

packages=(g++ cmake make pkg-config
  libxapian-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libspdlog-dev
  libhowardhinnant-date-dev libxml2-dev libuchardet-dev libicu-dev libxxhash-dev zlib1g-dev
  libbrotli-dev
  python3-yaml help2man dpkg-dev)
if [ "$want_tests" = 1 ]; then
  packages+=(libgtest-dev clang-format chromium nodejs npm nginx openssl systemd curl wget)
  # The real-page scorer renders pages to text as scrapers do.
  packages+=(w3m lynx html2text)
fi
if [ "$want_bench" = 1 ]; then
  # Peers (Sphinx, SQLite FTS5 through Python's sqlite3), Sphinx's MySQL-protocol client, wrk.
  packages+=(sphinxsearch sqlite3 mariadb-client python3 python3-pymysql wrk)
fi

missing=()
for p in "${packages[@]}"; do
  # nodejs may come from another source than Debian's archive; a working node/npm is enough.
  if [ "$p" = nodejs ] && command -v node >/dev/null; then continue; fi
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$want_tests" = 1 ] && { [ ! -d tests/browser/node_modules/playwright-core ] ||
  [ ! -d tests/browser/node_modules/ajv-formats ]; }; then
  echo "install-deps: installing playwright-core, ajv and ajv-formats (npm)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
