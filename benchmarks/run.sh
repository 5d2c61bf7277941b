#!/usr/bin/env bash
# Builds the benchmarks in a Release tree and prints a Markdown table of the
# medians against SPEC section 8.
#
#   benchmarks/run.sh [extra Google Benchmark flags, e.g. --benchmark_filter=lex]
#
# Environment: BUILD_DIR (default <repo>/build-bench), JOBS (default 1),
# REPETITIONS (default 5), IMPERVA_CEF_BENCH_LINES (corpus lines, default 8192).
# Rates are computed from CPU time (Google Benchmark's default), which is
# steadier than wall time on a shared machine. MB = 10^6 bytes.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
jobs=${JOBS:-1}
repetitions=${REPETITIONS:-5}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DIMPERVA_CEF_BUILD_BENCHMARKS=ON -DIMPERVA_CEF_BUILD_TESTS=OFF \
  -DIMPERVA_CEF_BUILD_EXAMPLES=OFF -DIMPERVA_CEF_INSTALL=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target bench_imperva_cef

results="$build/benchmarks/results.json"
echo
echo "## Google Benchmark"
echo
"$build/benchmarks/bench_imperva_cef" \
  --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true \
  --benchmark_out="$results" --benchmark_out_format=json "$@"

echo
table_status=0
python3 - "$results" <<'EOF' || table_status=$?
import json, sys

with open(sys.argv[1]) as f:
    data = json.load(f)

paths = [  # benchmark name, label, SPEC target in MB/s (None: report only)
    ("lex", "lexing only (header + all key/value views)", 3000),
    ("sekoia_string", "line -> sekoia NDJSON string", 1000),
    ("ecs_string", "line -> ecs NDJSON string", 700),
    ("nlohmann_json", "line -> nlohmann::json (sekoia)", None),
]
medians, errors = {}, {}
for b in data["benchmarks"]:
    name = b.get("run_name", b["name"]).split("/")[0]
    if b.get("error_occurred"):
        errors[name] = b.get("error_message", "error")
    elif b.get("aggregate_name") == "median":
        medians[name] = b

ctx = data.get("context", {})
print(f"Host {ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs at "
      f"{ctx.get('mhz_per_cpu', '?')} MHz, load average {ctx.get('load_avg', '?')}, {ctx.get('date', '?')}")
print()
print("| path | MB/s | lines/s | allocs/line | SPEC target | pass/fail |")
print("| --- | ---: | ---: | ---: | ---: | --- |")
failed = False
for name, label, target in paths:
    target_text = f"≥ {target} MB/s" if target else "report"
    if name in errors:
        print(f"| {label} | – | – | – | {target_text} | ERROR: {errors[name]} |")
        failed = True
        continue
    b = medians.get(name)
    if b is None:
        print(f"| {label} | – | – | – | {target_text} | not run |")
        continue
    mbs = b["bytes_per_second"] / 1e6
    lines = b["items_per_second"]
    allocs = b.get("allocs_per_line", float("nan"))
    if target is None:
        verdict = "—"
    elif mbs >= target:
        verdict = "pass"
    else:
        verdict = f"FAIL ({mbs / target:.0%} of target)"
        failed = True
    print(f"| {label} | {mbs:,.0f} | {lines:,.0f} | {allocs:g} | {target_text} | {verdict} |")
print()
print("Medians of the repetitions; MB = 10^6 bytes of input; rates from CPU time.")
sys.exit(1 if failed else 0)
EOF
exit "$table_status"
