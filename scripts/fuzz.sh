#!/usr/bin/env bash
# fuzz.sh — builds the libFuzzer targets of fuzz/ with clang (ASan+UBSan) into build/fuzz and runs
# each for a given time, one job at a time; --merge adds the new minimised inputs to fuzz/corpus.
#
#   scripts/fuzz.sh [--merge] [SECONDS_PER_TARGET] [TARGET...]
#
# TARGET is extract, query, static_path or request_head (default: all, 60 s each). The working
# corpus of each target is build/fuzz/corpus/NAME (seeded from fuzz/corpus/NAME), its log
# build/fuzz/logs/NAME/fuzz-0.log and any crashing input build/fuzz/artifacts/NAME/. Prints each
# target's CPU time and final figures; exits non-zero when a target finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."

merge=0
if [[ "${1:-}" == "--merge" ]]; then
  merge=1
  shift
fi
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then targets=(extract archive query static_path request_head); fi

root="$PWD"
build=build/fuzz
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBROADSHEET_FUZZ=ON -DBROADSHEET_BUILD_TESTS=OFF \
  -DBROADSHEET_SANITIZE=fuzzer-no-link,address,undefined "${launcher[@]}" >/dev/null
names=()
for target in "${targets[@]}"; do names+=("fuzz_$target"); done
nice -n 10 cmake --build "$build" -j"${FUZZ_BUILD_JOBS:-2}" --target "${names[@]}"

status=0
for target in "${targets[@]}"; do
  corpus="$root/$build/corpus/$target"
  seeds="$root/fuzz/corpus/$target"
  artifacts="$root/$build/artifacts/$target"
  logs="$root/$build/logs/$target"
  mkdir -p "$corpus" "$artifacts" "$logs"
  options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix="$artifacts/")
  if [[ -f "fuzz/dict/$target.dict" ]]; then options+=(-dict="$root/fuzz/dict/$target.dict"); fi
  echo "fuzz_$target: ${seconds}s, log $logs/fuzz-0.log"
  TIMEFORMAT="fuzz_$target: %U s user + %S s system CPU in %R s"
  if ! time (cd "$logs" && nice -n 10 "$root/$build/fuzz/fuzz_$target" -jobs=1 -workers=1 \
    "${options[@]}" "$corpus" "$seeds" >/dev/null 2>&1); then
    echo "fuzz_$target: FOUND A CRASH, see $logs/fuzz-0.log and $artifacts/" >&2
    status=1
  fi
  grep -E '^(#[0-9]+.*(DONE|pulse)|stat::)' "$logs/fuzz-0.log" | tail -n 8 || true
  if [[ $merge -eq 1 ]]; then
    "$build/fuzz/fuzz_$target" -merge=1 "fuzz/corpus/$target" "$corpus" >/dev/null 2>&1
    echo "fuzz_$target: fuzz/corpus/$target now holds $(ls "fuzz/corpus/$target" | wc -l) inputs"
  fi
done
exit $status
