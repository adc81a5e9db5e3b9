#!/usr/bin/env bash
# crash_loop.sh — kill -9 the indexer at random moments of `build` and `update` while a server
# keeps serving the same index directory, and check after every kill that:
#   * xapian-check finds no error in the published generation (the one the XAPIANDB stub names),
#   * the server (running throughout) answers /api/health and /api/quotes?q=... with 200,
#   * the article count, in the published generation and as the server reports it, is exactly
#     the one before the killed run (old) or the one it would have written (new).
# Every run changes the corpus first (builds: one new file; updates: ~5% of the files get a
# paragraph and one new file), so old and new counts differ. After the loop, one build and one
# update run to completion and must give the corpus's count.
#
# Usage: bench/crash_loop.sh [BUILD_DIR]        (default: build/load; its indexer and server)
# Environment: BUILD_KILLS=30 UPDATE_KILLS=30 ARTICLES=1000 SEED=7 KEEP=1 (keep the work dir)
#              SPREAD_FROM=0 SPREAD_TO=100: the kill comes after a random delay between these
#              percentages of the run's typical duration (measured once before the loop);
#              e.g. 60 and 140 aim at the end of the run, where it publishes or commits
#              GEN_CORPUS=../shared/bench/gen_corpus.py PYTHON=/usr/bin/python3
# Never run as a test: it takes minutes and the kill moments depend on the machine's speed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/load}
IDX=$BUILD/indexer/broadsheet-indexer
SRV=$BUILD/server/broadsheet-server
BUILD_KILLS=${BUILD_KILLS:-30}
UPDATE_KILLS=${UPDATE_KILLS:-30}
ARTICLES=${ARTICLES:-1000}
GEN_CORPUS=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
PYTHON=${PYTHON:-/usr/bin/python3}
RANDOM=${SEED:-7}
SPREAD_FROM=${SPREAD_FROM:-0}
SPREAD_TO=${SPREAD_TO:-100}

for tool in "$IDX" "$SRV"; do
  [[ -x $tool ]] || { echo "missing $tool (build broadsheet-indexer and broadsheet-server)" >&2; exit 1; }
done
command -v xapian-check >/dev/null && command -v xapian-delve >/dev/null ||
  { echo "xapian-check / xapian-delve missing (apt-get install xapian-tools)" >&2; exit 1; }

W=$(mktemp -d "${TMPDIR:-/tmp}/crash-loop-XXXXXX")
CORPUS=$W/corpus
INDEX=$W/index
LOG=$W/indexer.log
SPID=
cleanup() {
  if [[ -n $SPID ]]; then kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# The published generation's directory, from the stub ("auto gen-NNNNNN").
published() {
  local keyword target
  read -r keyword target < "$INDEX/XAPIANDB" || return 1
  [[ $keyword == auto && $target =~ ^gen-[0-9]{6}$ ]] || return 1
  echo "$INDEX/$target"
}
# Articles in a generation: documents indexed by the XTYPE:article term.
articles_in() {
  timeout 30 xapian-delve -t XTYPE:article "$1" 2>/dev/null | sed -n 's/.*termfreq \([0-9]*\).*/\1/p' | head -1
}
corpus_files() { find "$CORPUS" -type f -name '*.txt' | wc -l; }
http_status() { timeout 15 curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$PORT$1"; }
server_documents() {
  timeout 15 curl -s --max-time 10 "http://127.0.0.1:$PORT/api/health" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p'
}

echo "work directory $W"
"$PYTHON" "$GEN_CORPUS" --n "$ARTICLES" --out "$W/gen" --jobs 2 > "$W/gen.log" 2>&1 ||
  { echo "gen_corpus failed" >&2; cat "$W/gen.log" >&2; exit 1; }
mv "$W/gen/docs" "$CORPUS"   # only the articles: labels.jsonl would be indexed as one
rm -rf "$W/gen"
mkdir -p "$CORPUS/extra"
mapfile -t FILES < <(find "$CORPUS" -type f -name '*.txt' | sort)

extra=0
add_file() {  # a new article, so the next generation has one more
  extra=$((extra + 1))
  local src=${FILES[$((RANDOM % ${#FILES[@]}))]}
  { echo "Crash loop extra article $extra"; tail -n +2 "$src"; } > "$CORPUS/extra/x$(printf %04d $extra).txt"
}
change_files() {  # ~5% of the files gain a paragraph with a quote
  local n=$(( (${#FILES[@]} * 5 + 50) / 100 )) i f
  for ((i = 0; i < n; i++)); do
    f=${FILES[$((RANDOM % ${#FILES[@]}))]}
    printf '\n\xe2\x80\x9cChange %d of the crash loop reached this story,\xe2\x80\x9d John Kerry said.\n' "$RANDOM" >> "$f"
  done
}

t0=$(now_ms); "$IDX" build "$CORPUS" --index "$INDEX" >> "$LOG" 2>&1 || { echo "first build failed" >&2; exit 1; }
BUILD_MS=$(( $(now_ms) - t0 ))
FIRST=$(articles_in "$(published)")
[[ $FIRST == "$(corpus_files)" ]] || { echo "first build: $FIRST articles for $(corpus_files) files" >&2; exit 1; }

"$SRV" --index "$INDEX" --port 0 --threads 2 > "$W/server.out" 2> "$W/server.log" &
SPID=$!
PORT=
for ((i = 0; i < 300; i++)); do
  PORT=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$W/server.out")
  [[ -n $PORT ]] && break
  sleep 0.1
done
[[ -n $PORT ]] || { echo "the server did not start" >&2; cat "$W/server.log" >&2; exit 1; }

change_files; add_file
t0=$(now_ms); "$IDX" update "$CORPUS" --index "$INDEX" >> "$LOG" 2>&1 || { echo "first update failed" >&2; exit 1; }
UPDATE_MS=$(( $(now_ms) - t0 ))
echo "corpus $(corpus_files) files; typical build ${BUILD_MS} ms, update (5% changed) ${UPDATE_MS} ms; server on port $PORT"

QUOTE_PATHS=("/api/quotes?q=copyright" "/api/quotes?q=%22crash%20loop%22" "/api/quotes?speaker=John%20Kerry&sort=newest")
runs=0 killed=0 finished=0 clean=0 answering=0 count_ok=0 saw_old=0 saw_new=0 anomalies=0
declare -A mode_runs mode_killed mode_clean mode_answer mode_count
ANOMALY_LOG=$W/anomalies.txt
: > "$ANOMALY_LOG"

one_run() {  # $1 = build | update
  local mode=$1 typical delay_ms pid rc gen old new after status_h status_q sdocs ok=1 i q
  if [[ $mode == build ]]; then typical=$BUILD_MS; add_file; else typical=$UPDATE_MS; change_files; add_file; fi
  old=$(articles_in "$(published)")
  new=$(corpus_files)
  delay_ms=$(( typical * (SPREAD_FROM * 10 + RANDOM % ((SPREAD_TO - SPREAD_FROM) * 10 + 1)) / 1000 ))
  "$IDX" "$mode" "$CORPUS" --index "$INDEX" >> "$LOG" 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  runs=$((runs + 1)); mode_runs[$mode]=$(( ${mode_runs[$mode]:-0} + 1 ))
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  if [[ $rc == 137 ]]; then  # died of SIGKILL: it was still running
    killed=$((killed + 1)); mode_killed[$mode]=$(( ${mode_killed[$mode]:-0} + 1 ))
  elif [[ $rc == 0 ]]; then
    finished=$((finished + 1))
  else
    echo "$mode run $runs: the indexer exited with status $rc before the kill" >> "$ANOMALY_LOG"; ok=0
  fi

  if ! gen=$(published); then
    echo "$mode run $runs: unreadable stub: $(cat "$INDEX/XAPIANDB")" >> "$ANOMALY_LOG"; ok=0
  elif timeout 120 xapian-check "$gen" > "$W/check.out" 2>&1 && grep -q 'No errors found' "$W/check.out"; then
    clean=$((clean + 1)); mode_clean[$mode]=$(( ${mode_clean[$mode]:-0} + 1 ))
  else
    echo "$mode run $runs (killed at ${delay_ms} ms): xapian-check $gen: $(tail -3 "$W/check.out" | tr '\n' ' ')" >> "$ANOMALY_LOG"; ok=0
  fi
  after=$(articles_in "$gen")
  # The server looks for a new generation or commit once a second: wait up to 3 s for it.
  for ((i = 0; i < 15; i++)); do
    sdocs=$(server_documents)
    [[ $sdocs == "$after" ]] && break
    sleep 0.2
  done
  status_h=$(http_status /api/health)
  q=${QUOTE_PATHS[$((runs % ${#QUOTE_PATHS[@]}))]}
  status_q=$(http_status "$q")
  if [[ $status_h == 200 && $status_q == 200 ]] && kill -0 "$SPID" 2>/dev/null; then
    answering=$((answering + 1)); mode_answer[$mode]=$(( ${mode_answer[$mode]:-0} + 1 ))
  else
    echo "$mode run $runs (killed at ${delay_ms} ms): server health $status_h, $q $status_q" >> "$ANOMALY_LOG"; ok=0
  fi
  if [[ -n $after && ( $after == "$old" || $after == "$new" ) && $sdocs == "$after" ]]; then
    count_ok=$((count_ok + 1)); mode_count[$mode]=$(( ${mode_count[$mode]:-0} + 1 ))
    if [[ $after == "$new" ]]; then saw_new=$((saw_new + 1)); else saw_old=$((saw_old + 1)); fi
  else
    echo "$mode run $runs (killed at ${delay_ms} ms): articles $after in $gen, server says $sdocs; old $old, new $new" >> "$ANOMALY_LOG"; ok=0
  fi
  [[ $ok == 1 ]] || anomalies=$((anomalies + 1))
  printf '%-6s %2d  kill at %5d ms  gen %s  old %d new %d -> %s (server %s)  %s\n' "$mode" "${mode_runs[$mode]}" \
    "$delay_ms" "${gen##*/}" "$old" "$new" "${after:-?}" "${sdocs:-?}" "$([[ $ok == 1 ]] && echo ok || echo ANOMALY)"
}

for ((r = 0; r < BUILD_KILLS; r++)); do one_run build; done
for ((r = 0; r < UPDATE_KILLS; r++)); do one_run update; done

# Recovery: a build and an update to completion must reach the corpus's count.
recovery=ok
"$IDX" build "$CORPUS" --index "$INDEX" >> "$LOG" 2>&1 || recovery="build failed"
change_files
"$IDX" update "$CORPUS" --index "$INDEX" >> "$LOG" 2>&1 || recovery="update failed"
final=$(articles_in "$(published)")
[[ $final == "$(corpus_files)" ]] || recovery="$recovery; $final articles for $(corpus_files) files"
timeout 120 xapian-check "$(published)" 2>&1 | grep -q 'No errors found' || recovery="$recovery; xapian-check failed"
leftover=$(find "$INDEX" -maxdepth 1 -name 'gen-*' -type d | wc -l)

echo
echo "crash loop: $runs runs ($killed killed mid-run, $finished finished before the kill), kill after ${SPREAD_FROM}-${SPREAD_TO}% of the typical run"
for mode in build update; do
  printf '  %-6s runs %d, killed %d, xapian-check clean %d, server answering %d, count old-or-new %d\n' "$mode" \
    "${mode_runs[$mode]:-0}" "${mode_killed[$mode]:-0}" "${mode_clean[$mode]:-0}" "${mode_answer[$mode]:-0}" "${mode_count[$mode]:-0}"
done
echo "  total: clean checks $clean/$runs, server answering $answering/$runs, counts old-or-new $count_ok/$runs ($saw_old old, $saw_new new), anomalies $anomalies"
echo "  recovery (build + update to completion): $recovery; generation directories left: $leftover"
echo "  server still running: $(kill -0 "$SPID" 2>/dev/null && echo yes || echo NO)"
[[ -s $ANOMALY_LOG ]] && { echo "anomalies:"; cat "$ANOMALY_LOG"; }
[[ $anomalies == 0 && $recovery == ok ]]
