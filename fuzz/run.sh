#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own tree and runs each one,
# one after the other, for SECONDS seconds.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      (default: 60 seconds, every target)
#
# Environment: BUILD_DIR (default <repo>/build-fuzz), CXX (default clang++-14),
# FUZZ_TIMEOUT (seconds for one input before it counts as a hang, default 10),
# FUZZ_JOBS (libFuzzer -jobs and -workers, default 1: the machine is shared).
# The committed seeds in fuzz/corpus/<target> are read, never written: new
# inputs go to $BUILD_DIR/corpus/<target>, findings (crash-*, timeout-*,
# oom-*) to $BUILD_DIR/findings/<target>, the log to $BUILD_DIR/<target>.log.
# Exit status: non-zero when a target found something (or did not build).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-60}"
shift || true
build="${BUILD_DIR:-$here/../build-fuzz}"
cxx="${CXX:-clang++-14}"
timeout_per_input="${FUZZ_TIMEOUT:-10}"
jobs="${FUZZ_JOBS:-1}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_lexer fuzz_lenient_json fuzz_sekoia fuzz_ecs fuzz_nlohmann)
fi

generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target "${targets[@]}" -j "${FUZZ_BUILD_JOBS:-1}"
build="$(cd "$build" && pwd)"

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  work="$build/work/$target"  # libFuzzer's -jobs mode writes fuzz-N.log into the working directory
  mkdir -p "$corpus" "$findings" "$work"
  rm -f "$work"/fuzz-*.log
  echo "== $target: ${seconds}s" >&2
  found=0
  findings_before="$(ls "$findings" | wc -l)"
  if ! (cd "$work" && "$build/$target" "$corpus" "$here/corpus/$target" \
      -dict="$here/cef.dict" -max_len=65536 -timeout="$timeout_per_input" -rss_limit_mb=4096 \
      -max_total_time="$seconds" -jobs="$jobs" -workers="$jobs" -print_final_stats=1 \
      -artifact_prefix="$findings/") > "$build/$target.log" 2>&1; then
    found=1
  fi
  cat "$work"/fuzz-*.log >> "$build/$target.log" 2>/dev/null || true
  if [ "$(ls "$findings" | wc -l)" -ne "$findings_before" ]; then found=1; fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$build/$target.log" |
    awk '!seen[$0]++' >&2 ||
    tail -n 5 "$build/$target.log" >&2
  if [ "$found" -ne 0 ]; then
    status=1
    echo "== $target: FOUND SOMETHING: $build/$target.log, $findings/" >&2
  fi
done
exit "$status"
