#!/usr/bin/env bash
# imperva2ecs (1 and 2 threads, both profiles) against liblognorm's CEF parser
# (lognormalizer, rule `rule=:%x:cef%`, JSON output) on the same generated
# file, in the same run. Prints MB/s for each and the ratios.
#
#   benchmarks/compare_cli.sh
#
# Environment:
#   BUILD_DIR   build tree (default <repo>/build-bench); JOBS (default 1)
#   SIZE_MB     size of the generated file (default 100)
#   RUNS        timed rounds, after one warm-up round (default 5)
#   OUT_DIR     where the file -> file runs write (default: the build tree;
#               /dev/shm keeps a disk out of the figures)
#   IMPERVA2ECS an imperva2ecs binary to use instead of building it here
#   LOGNORMALIZER lognormalizer binary (default: from PATH)
#   PIN_CPU     the CPU every one-thread command runs on (default 0; `none`
#               leaves placement to the scheduler). A VM's CPUs can differ
#               widely in speed (on this project's machine one ran lognormalizer
#               45 % slower than the other), so an unpinned ratio measures where
#               each tool happened to run; pinned, both run on the same core.
# Timing (interleaved_timing.py): every round runs each command once, so a
# ratio compares two runs seconds apart, and the report gives the median and
# range of each ratio over the rounds. The comparison with liblognorm writes to
# /dev/null for every tool (conversion only); imperva2ecs also runs file ->
# file, as SPEC section 8 states its target. Each tool's output is checked
# once beforehand, untimed. Before each command, untimed, earlier output is
# flushed and deleted and the corpus read through: every command starts from
# a cached input and a quiet disk. Before and after the rounds one conversion
# is timed on each CPU, so a run bent by a CPU in a slow phase shows.
# MB = 10^6 bytes of input.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
jobs=${JOBS:-1}
size_mb=${SIZE_MB:-100}
runs=${RUNS:-5}
lognormalizer=${LOGNORMALIZER:-$(command -v lognormalizer || true)}
pin_cpu=${PIN_CPU:-0}
single=""  # prefix of one-thread commands
if [ "$pin_cpu" != none ]; then
  if command -v taskset >/dev/null 2>&1; then
    single="taskset -c $pin_cpu "
  else
    echo "note: taskset not found (Debian: util-linux); one-thread commands are not pinned" >&2
  fi
fi
work="$build/benchmarks/compare"
mkdir -p "$work"
out_dir=${OUT_DIR:-$work}

# --- build -------------------------------------------------------------------
cli=${IMPERVA2ECS:-}
if [ -z "$cli" ]; then
  if cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
       -DIMPERVA_CEF_BUILD_BENCHMARKS=ON -DIMPERVA_CEF_BUILD_TESTS=OFF \
       -DIMPERVA_CEF_BUILD_EXAMPLES=ON -DIMPERVA_CEF_INSTALL=OFF >"$work/configure.log" 2>&1 &&
     cmake --build "$build" -j"$jobs" --target imperva2ecs >"$work/build-cli.log" 2>&1; then
    cli=$(find "$build" -type f -name imperva2ecs -perm -u+x | head -n 1)
  else
    echo "note: could not configure/build imperva2ecs (see $work/configure.log, $work/build-cli.log);" \
         "timing lognormalizer only" >&2
    # The benchmarks alone still configure without the examples.
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
      -DIMPERVA_CEF_BUILD_BENCHMARKS=ON -DIMPERVA_CEF_BUILD_TESTS=OFF \
      -DIMPERVA_CEF_BUILD_EXAMPLES=OFF -DIMPERVA_CEF_INSTALL=OFF >/dev/null
  fi
fi
cmake --build "$build" -j"$jobs" --target generate_corpus >/dev/null

# --- corpus ------------------------------------------------------------------
corpus="$work/corpus-${size_mb}MB.log"
if [ ! -s "$corpus" ]; then
  "$build/benchmarks/generate_corpus" "$corpus.tmp" "$size_mb"
  mv "$corpus.tmp" "$corpus"
fi
bytes=$(stat -c %s "$corpus")
lines=$(wc -l <"$corpus")
echo "corpus: $corpus ($bytes bytes, $lines lines)"

# --- what to time -------------------------------------------------------------
names=()
commands=()
if [ -n "$lognormalizer" ]; then
  rules="$work/cef.rb"
  printf 'version=2\nrule=:%%x:cef%%\n' >"$rules"
  # Untimed: every line must parse, or the comparison is unfair.
  summary=$("$lognormalizer" -r "$rules" -e json -H -U <"$corpus" 2>&1 >/dev/null | tail -n 1 || true)
  summary=${summary:-$("$lognormalizer" -r "$rules" -e json -H <"$corpus" | tail -n 1)}
  echo "lognormalizer check: $summary"
  names+=("lognormalizer")
  commands+=("$single'$lognormalizer' -r '$rules' -e json < '$corpus' > /dev/null")
else
  echo "note: lognormalizer not found (Debian: liblognorm-utils)" >&2
fi

if [ -n "$cli" ]; then
  echo "imperva2ecs: $cli"
  usage=$("$cli" --help 2>&1 || true)
  for flag in --profile --threads -o; do
    if ! grep -q -- "$flag" <<<"$usage"; then
      echo "warning: '$cli --help' does not mention $flag" >&2
    fi
  done
  for profile in sekoia ecs; do
    # Untimed: one output line per input line.
    out_lines=$("$cli" --profile "$profile" --threads 2 "$corpus" | wc -l)
    errors=$("$cli" --profile "$profile" --threads 1 "$corpus" | grep -c '"cef_parse_error"' || true)
    echo "imperva2ecs --profile $profile check: $out_lines output lines for $lines input lines, $errors error documents"
    for threads in 1 2; do
      prefix=$([ "$threads" = 1 ] && echo "$single" || true)
      names+=("imperva2ecs $profile t$threads")
      commands+=("$prefix'$cli' --profile $profile --threads $threads '$corpus' -o /dev/null")
    done
    for threads in 1 2; do
      prefix=$([ "$threads" = 1 ] && echo "$single" || true)
      names+=("imperva2ecs $profile t$threads file")
      commands+=("$prefix'$cli' --profile $profile --threads $threads '$corpus' -o '$out_dir/imperva2ecs.ndjson'")
    done
  done
else
  echo "note: no imperva2ecs binary: set IMPERVA2ECS or add examples/imperva2ecs to the build" >&2
fi

[ "${#commands[@]}" -gt 0 ] || { echo "nothing to time" >&2; exit 1; }

# --- time and report -------------------------------------------------------------
# The same one-thread conversion on each CPU, before and after the rounds: a
# CPU that is much slower than another, or than before, marks a run whose
# figures (two-thread ratios above all) the machine has bent.
cpu_check() {
  [ -n "$cli" ] && command -v taskset >/dev/null 2>&1 || return 0
  local report="" cpu seconds TIMEFORMAT=%R
  for cpu in $(seq 0 $(($(nproc) - 1))); do
    seconds=$( { time taskset -c "$cpu" "$cli" --profile ecs "$corpus" -o /dev/null; } 2>&1 )
    report+=" CPU $cpu ${seconds} s;"
  done
  echo "one-thread ecs conversion $1:${report%;}"
}
cpu_check before
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); one-thread commands: ${single:-not pinned}"
list="$work/commands.tsv"
: >"$list"
for i in "${!commands[@]}"; do printf '%s\t%s\n' "${names[$i]}" "${commands[$i]}" >>"$list"; done
python3 "$root/benchmarks/interleaved_timing.py" "$list" "$bytes" "$runs" "$corpus" "$out_dir/imperva2ecs.ndjson"
cpu_check after
rm -f "$out_dir/imperva2ecs.ndjson"
