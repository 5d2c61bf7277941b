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
#   RUNS        timed runs per command, after one warm-up (default 3); the median is used
#   IMPERVA2ECS an imperva2ecs binary to use instead of building it here
#   LOGNORMALIZER lognormalizer binary (default: from PATH)
# Timing: hyperfine when installed (wall time, median of RUNS), else
# `date +%s.%N` around each run. Ratios use wall time; the CPU-time column
# (hyperfine only) shows how much a busy machine inflated the wall times. Output goes to /dev/null for every tool; each
# tool's output is checked once beforehand, untimed. MB = 10^6 bytes of input.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
jobs=${JOBS:-1}
size_mb=${SIZE_MB:-100}
runs=${RUNS:-3}
lognormalizer=${LOGNORMALIZER:-$(command -v lognormalizer || true)}
work="$build/benchmarks/compare"
mkdir -p "$work"

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
  commands+=("'$lognormalizer' -r '$rules' -e json < '$corpus' > /dev/null")
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
      names+=("imperva2ecs $profile t$threads")
      commands+=("'$cli' --profile $profile --threads $threads '$corpus' -o /dev/null")
    done
  done
else
  echo "note: no imperva2ecs binary: set IMPERVA2ECS or add examples/imperva2ecs to the build" >&2
fi

[ "${#commands[@]}" -gt 0 ] || { echo "nothing to time" >&2; exit 1; }

# --- time ----------------------------------------------------------------------
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
medians="$work/medians.txt"
: >"$medians"
if command -v hyperfine >/dev/null; then
  args=()
  for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine.json" "${args[@]}"
  python3 - "$work/hyperfine.json" >"$medians" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["median"]}\t{r["user"] + r["system"]}\t{r["command"]}')
EOF
else
  for i in "${!commands[@]}"; do
    sh -c "${commands[$i]}"  # warm-up
    times=()
    for _ in $(seq "$runs"); do
      t0=$(date +%s.%N)
      sh -c "${commands[$i]}"
      t1=$(date +%s.%N)
      times+=("$(echo "$t1 - $t0" | bc -l)")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
    printf '%s\t-\t%s\n' "$median" "${names[$i]}" >>"$medians"
  done
fi

# --- report --------------------------------------------------------------------
python3 - "$medians" "$bytes" <<'EOF'
import sys
bytes_ = int(sys.argv[2])
secs, cpu = {}, {}
for line in open(sys.argv[1]):
    t, c, name = line.rstrip("\n").split("\t", 2)
    secs[name] = float(t)
    cpu[name] = None if c == "-" else float(c)
mbs = {n: bytes_ / 1e6 / t for n, t in secs.items()}
print()
print("| command | median wall s | MB/s (wall) | mean CPU s (user+sys) | MB per CPU-second |")
print("| --- | ---: | ---: | ---: | ---: |")
for n in secs:
    c = cpu[n]
    cpu_text = f"{c:.3f} | {bytes_ / 1e6 / c:,.1f}" if c else "– | –"
    print(f"| {n} | {secs[n]:.3f} | {mbs[n]:,.1f} | {cpu_text} |")
ln = mbs.get("lognormalizer")
print()
print("| ratio | value | target |")
print("| --- | ---: | --- |")
for profile, goal in (("sekoia", 15), ("ecs", 10)):
    one, two = mbs.get(f"imperva2ecs {profile} t1"), mbs.get(f"imperva2ecs {profile} t2")
    if one and ln:
        print(f"| {profile} 1 thread / lognormalizer | {one / ln:.1f}x | ≥ {goal}x (issue 5) |")
    if two and ln:
        print(f"| {profile} 2 threads / lognormalizer | {two / ln:.1f}x | |")
    if one and two:
        print(f"| {profile} 2 threads / 1 thread | {two / one:.2f}x | ≥ 1.8x (SPEC), ≥ 1.6x (issue 5) |")
    if one:
        print(f"| {profile} 1 thread | {one:,.0f} MB/s | ≥ 500 MB/s (SPEC) |")
EOF
