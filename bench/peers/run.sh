#!/usr/bin/env bash
# run.sh — the peer benchmark in one command: generates (or reuses) a corpus of N articles,
# indexes it with Broadsheet, a bare Xapian + cpp-httplib program, SQLite FTS5 and Sphinx,
# measures one-connection latency over queries.tsv and throughput at 16 and 64 connections (wrk
# for the HTTP servers, load.py's client processes for SQLite and Sphinx), and prints the table
# (report.py). Needs `scripts/install-deps.sh --bench` and a build of
# broadsheet-indexer, broadsheet-server and xapian_peer.
#
#   bench/peers/run.sh --n 10000 [--build build/test] [--work /tmp/broadsheet-bench]
#                      [--results bench/results] [--runs 5] [--seconds 20]
#                      [--engines "broadsheet broadsheet-nocache xapian sqlite sphinx"]
#                      [--threads 2] [--reuse-index] [--run-id ID]
#
# --build: the CMake build holding the three programs; --work: corpus-<size>, index-<size> and
# the logs of each run (a corpus of the same N is reused); --results: the JSON lines appended;
# --runs: timed runs per query; --seconds: length of each load test; --threads: Broadsheet's
# search workers; --reuse-index: keep an engine's index when it exists under --work (indexing
# time is then not measured), and --run-id names the run so that engines measured by separate
# invocations (each short enough to hold a benchmark lock) print as one table; so a run at 100k can time the searches alone. broadsheet-nocache
# is Broadsheet's server on the same index with its response cache off (--cache-mb 0): the
# default row answers the repeated runs of each query and wrk's cycles over the queries from
# the cache, this one computes every response. Every server listens on a free loopback port and is stopped by its PID.
set -euo pipefail
peers="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$peers/../.." && pwd)"

n="" build="$root/build/test" work=/tmp/broadsheet-bench results="$root/bench/results"
runs=5 seconds=20 engines="broadsheet broadsheet-nocache xapian sqlite sphinx" threads=2
reuse=0 run_id=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse-index) reuse=1; shift; continue ;;
    --n) n="$2" ;;
    --build) build="$(realpath "$2")" ;;
    --work) work="$2" ;;
    --results) results="$2" ;;
    --runs) runs="$2" ;;
    --seconds) seconds="$2" ;;
    --engines) engines="$2" ;;
    --run-id) run_id="$2" ;;
    --threads) threads="$2" ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[ -n "$n" ] || { echo "usage: run.sh --n ARTICLES [options] (see the file's header)" >&2; exit 2; }

python=/usr/bin/python3  # Debian's, which sees python3-pymysql
if [ "$n" -ge 1000 ] && [ $((n % 1000)) -eq 0 ]; then size="$((n / 1000))k"; else size="$n"; fi
corpus="$work/corpus-$size" index="$work/index-$size"
[ -n "$run_id" ] || run_id="$(date -u +%Y%m%dT%H%M%SZ)-$size"
mkdir -p "$work" "$results" "$index"
log="$work/logs-$run_id"
mkdir -p "$log"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_port() {  # port, seconds
  for _ in $(seq $(($2 * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "run.sh: nothing listens on port $1 after $2 s" >&2
  return 1
}

# ---- corpus: reused when its manifest says it has N articles
if ! grep -q "\"articles\": $n," "$corpus/manifest.json" 2>/dev/null; then
  echo "== generating $n articles into $corpus"
  rm -rf "$corpus"
  "$python" "$peers/gen_corpus.py" --n "$n" --out "$corpus"
fi
echo "== corpus $corpus: $(du -shL "$corpus" | cut -f1)"

# ---- indexing: wall time and size on disk, one row per engine
index_with() {  # engine, index path, command...
  local engine="$1" path="$2"
  shift 2
  if [ "$reuse" = 1 ] && [ -e "$path" ]; then
    echo "== $engine: reusing $path"
    return 0
  fi
  rm -rf "$path"
  local start end
  start=$(date +%s.%N)
  "$@" >"$log/index-$engine.log" 2>&1 || { echo "run.sh: $engine indexing failed, see $log" >&2; exit 1; }
  end=$(date +%s.%N)
  local bytes elapsed
  bytes=$(du -sb "$path" | cut -f1)
  elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  echo "== $engine indexed $size in $elapsed s, $bytes bytes"
  printf '{"run": "%s", "engine": "%s", "size": "%s", "seconds": %s, "bytes": %s}\n' \
    "$run_id" "$engine" "$size" "$elapsed" "$bytes" >>"$results/index.jsonl"
}

for engine in $engines; do
  case "$engine" in
    broadsheet) index_with broadsheet "$index/broadsheet" \
      "$build/indexer/broadsheet-indexer" build "$corpus/docs" --index "$index/broadsheet" \
      --registry "$corpus" ;;
    broadsheet-nocache) ;;  # serves broadsheet's index
    xapian) index_with xapian "$index/xapian" "$build/bench/xapian_peer" index "$corpus" "$index/xapian" ;;
    sqlite) index_with sqlite "$index/sqlite.db" "$python" "$peers/sqlite_peer.py" "$corpus" "$index/sqlite.db" ;;
    sphinx) mkdir -p "$index/sphinx-conf"
      sphinx_port=$(free_port)
      sed -e "s|@PEERS@|$peers|; s|@CORPUS@|$corpus|; s|@IDX@|$index/sphinx|g; s|@PORT@|$sphinx_port|" \
        "$peers/sphinx.conf.in" >"$index/sphinx-conf/sphinx.conf"
      index_with sphinx "$index/sphinx" sh -c \
        "mkdir -p '$index/sphinx' && indexer --config '$index/sphinx-conf/sphinx.conf' --all" ;;
    *) echo "run.sh: unknown engine $engine" >&2; exit 2 ;;
  esac
done

# ---- latency (one connection) and throughput (wrk) per engine
latency() { "$python" "$peers/latency.py" --run "$run_id" --size "$size" --runs "$runs" \
  --queries "$peers/queries.tsv" --out "$results/latency.jsonl" "$@"; }
load() {  # engine, then the base URL and path prefix (HTTP) or load.py's engine options
  local engine="$1"
  shift
  if [ "${1#http}" != "$1" ]; then
    "$python" "$peers/latency.py" --queries "$peers/queries.tsv" --print-paths "$2" >"$log/paths-$engine.txt"
  fi
  for connections in 16 64; do
    if [ "${1#http}" != "$1" ]; then
      wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$peers/wrk_paths.lua" "$1" \
        -- "$log/paths-$engine.txt" >"$log/wrk-$engine-$connections.txt" 2>&1 || true
    else
      "$python" "$peers/load.py" --connections "$connections" --seconds "$seconds" \
        --queries "$peers/queries.tsv" "$@" >"$log/wrk-$engine-$connections.txt" 2>&1 || true
    fi
    local out="$log/wrk-$engine-$connections.txt" line
    line=$(sed -n 's/^WRKJSON //p' "$out")
    [ -n "$line" ] || { echo "run.sh: no load summary, see $out" >&2; continue; }
    echo "== $engine at $connections connections: $line"
    echo "{\"run\": \"$run_id\", \"engine\": \"$engine\", \"size\": \"$size\", \"connections\": $connections, ${line#\{}" \
      >>"$results/load.jsonl"
  done
}

for engine in $engines; do
  port=$(free_port)
  case "$engine" in
    broadsheet|broadsheet-nocache)
      cache_mb=64
      [ "$engine" = broadsheet ] || cache_mb=0
      "$build/server/broadsheet-server" --index "$index/broadsheet" --port "$port" \
        --threads "$threads" --cache-mb "$cache_mb" >"$log/server-$engine.log" 2>&1 &
      pids+=($!); wait_port "$port" 60
      latency --engine http --label "$engine" --url "http://127.0.0.1:$port/api/search"
      load "$engine" "http://127.0.0.1:$port" /api/search
      # The response cache's hits and misses over the whole run (GET /api/health).
      "$python" -c 'import json, sys, urllib.request; print(json.dumps(json.load(urllib.request.urlopen(sys.argv[1]))["cache"]))' \
        "http://127.0.0.1:$port/api/health" >"$log/cache-$engine.json"
      echo "== $engine response cache: $(cat "$log/cache-$engine.json")"
      echo "{\"run\": \"$run_id\", \"engine\": \"$engine\", \"size\": \"$size\", \"cache\": $(cat "$log/cache-$engine.json")}" \
        >>"$results/cache.jsonl" ;;
    xapian)
      "$build/bench/xapian_peer" serve "$index/xapian" --port "$port" >"$log/server-xapian.log" 2>&1 &
      pids+=($!); wait_port "$port" 60
      latency --engine http --label xapian --url "http://127.0.0.1:$port/search"
      load xapian "http://127.0.0.1:$port" /search ;;
    sqlite)
      latency --engine sqlite --label sqlite --db "$index/sqlite.db"
      load sqlite --engine sqlite --db "$index/sqlite.db" ;;
    sphinx)
      searchd --config "$index/sphinx-conf/sphinx.conf" >"$log/searchd.log" 2>&1
      pids+=("$(cat "$index/sphinx/searchd.pid")"); wait_port "$sphinx_port" 60
      latency --engine sphinx --label sphinx --port "$sphinx_port" --ids "$index/sphinx/ids.json"
      load sphinx --engine sphinx --port "$sphinx_port" --ids "$index/sphinx/ids.json" ;;
  esac
  cleanup; pids=()
done

"$python" "$peers/report.py" --results "$results" --run "$run_id"
