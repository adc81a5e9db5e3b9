#!/usr/bin/env bash
# serve.sh — the main job: install what is missing, build (Release), index corpus/ and serve it.
# Environment: PORT (default 8080), HOST (default 127.0.0.1), INDEX (default var/index).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target broadsheet-indexer broadsheet-server

index="${INDEX:-var/index}"
mkdir -p "$(dirname "$index")"
build/release/indexer/broadsheet-indexer build corpus --index "$index"

host="${HOST:-127.0.0.1}"
port="${PORT:-8080}"
echo "Broadsheet: serving corpus/ at http://$host:$port/"
exec build/release/server/broadsheet-server --index "$index" --web web --host "$host" --port "$port"
