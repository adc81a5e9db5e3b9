#!/usr/bin/env bash
# test.sh — installs what is missing (test tools too), builds, and runs every test through ctest:
# first a warnings-as-errors build (unit, integration, browser and deploy tests), then a
# ThreadSanitizer build (concurrency and integration tests), then an ASan+UBSan build (unit and
# integration tests), after a clang-format check. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
jobs="$(nproc)"

# Formatting is part of the contract: every C++ file matches .clang-format.
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror

# Line tables only (-g1): sanitizer and crash reports keep file:line, and the builds that CI
# throws away compile and link faster than with full debug information.
ci_flags="-O2 -g1 -DNDEBUG"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSHEET_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$ci_flags" >/dev/null
cmake --build build/test -j"$jobs"
ctest --test-dir build/test --output-on-failure -j"$jobs"

# ThreadSanitizer: the concurrency test (every endpoint from many threads, in-process) and the
# integration tests, which start the TSan-built server and indexer. Any report fails the run.
cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSHEET_SANITIZE=thread \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$ci_flags" >/dev/null
cmake --build build/tsan -j"$jobs" --target server_concurrency_test server_integration_test
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$PWD/tests/tsan.supp"
build/tsan/tests/server/server_concurrency_test --gtest_brief=1
build/tsan/tests/server/server_integration_test --gtest_brief=1
unset TSAN_OPTIONS

# The benchmark programs are built (and warning-checked) above; they run no test here.
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DBROADSHEET_SANITIZE=address,undefined \
  -DCMAKE_CXX_FLAGS_DEBUG="-g1" -DBROADSHEET_BUILD_BENCH=OFF >/dev/null
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs" -LE "browser|deploy|package"
