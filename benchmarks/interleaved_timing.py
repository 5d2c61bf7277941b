#!/usr/bin/env python3
"""Times shell commands in interleaved rounds and prints MB/s and ratios.

    interleaved_timing.py COMMANDS_TSV INPUT_BYTES RUNS [INPUT [OUTPUT]]

COMMANDS_TSV has one `name<TAB>shell command` per line. Every round runs each
command once, in order, after one untimed warm-up round. Before each command,
untimed: what earlier commands wrote is flushed to disk and OUTPUT deleted, so
no command pays for another's writeback or for truncating its output, and
INPUT is read through, so every command finds it wholly in the page cache
(this VM's page cache loses pages of an idle file within minutes).

A noisy machine slows whole stretches of time, so a ratio is taken between
two commands of the same round (a few seconds apart) and the median of the
rounds is reported with their range; the MB/s columns are medians of each
command on its own.

Names the report knows: `lognormalizer`, `imperva2ecs PROFILE tN` (output to
/dev/null) and `imperva2ecs PROFILE tN file` (output to a file).
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    """Wall and CPU (user + system) seconds of one run; fails on a bad exit."""
    start = time.perf_counter()
    process = subprocess.Popen(command, shell=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {command}")
    return wall, usage.ru_utime + usage.ru_stime


def settle(input_path, output_path):
    """Leaves no dirty pages and no old output, and the input in the page cache."""
    os.sync()
    if output_path and os.path.exists(output_path):
        os.remove(output_path)
    if input_path:
        with open(input_path, "rb", buffering=0) as f:
            while f.read(1 << 20):
                pass


def main():
    tsv, input_bytes, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    input_path = sys.argv[4] if len(sys.argv) > 4 else None
    output_path = sys.argv[5] if len(sys.argv) > 5 else None
    commands = [line.rstrip("\n").split("\t", 1) for line in open(tsv) if line.strip()]
    wall = {name: [] for name, _ in commands}
    cpu = {name: [] for name, _ in commands}
    for round_number in range(runs + 1):
        for name, command in commands:
            settle(input_path, output_path)
            seconds, cpu_seconds = run_once(command)
            if round_number > 0:  # round 0 warms the page cache and the binaries
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
        if round_number > 0:
            print(f"round {round_number}/{runs} done", file=sys.stderr)

    mb = input_bytes / 1e6
    print()
    print("| command | MB/s (median wall) | slowest–fastest round | CPU s (median) | MB per CPU-second |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, _ in commands:
        median_wall, median_cpu = statistics.median(wall[name]), statistics.median(cpu[name])
        print(f"| {name} | {mb / median_wall:,.1f} | {mb / max(wall[name]):,.0f}–{mb / min(wall[name]):,.0f}"
              f" | {median_cpu:.3f} | {mb / median_cpu:,.1f} |")

    def ratio(slower, faster):
        """Median and range over rounds of wall(slower) / wall(faster)."""
        if slower not in wall or faster not in wall:
            return None
        per_round = [s / f for s, f in zip(wall[slower], wall[faster])]
        return statistics.median(per_round), min(per_round), max(per_round), per_round

    rows = []
    for profile, goal in (("sekoia", 15), ("ecs", 10)):
        one, two = f"imperva2ecs {profile} t1", f"imperva2ecs {profile} t2"
        rows.append((f"{profile} 1 thread / lognormalizer", ratio("lognormalizer", one), goal, "issue 5"))
        rows.append((f"{profile} 2 threads / lognormalizer", ratio("lognormalizer", two), None, ""))
        rows.append((f"{profile} 2 threads / 1 thread", ratio(one, two), 1.6, "issue 5; SPEC 1.8x"))
        rows.append((f"{profile} 2 threads / 1 thread, file → file",
                     ratio(one + " file", two + " file"), 1.8, "SPEC"))
    print()
    print(f"| ratio (same round) | median of {runs} | range | rounds at or above the target | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for label, value, goal, source in rows:
        if value is None:
            continue
        median, low, high, per_round = value
        met = f"{sum(r >= goal for r in per_round)} of {len(per_round)}" if goal else "–"
        target = f"≥ {goal}x ({source})" if goal else ""
        print(f"| {label} | {median:.2f}x | {low:.2f}–{high:.2f}x | {met} | {target} |")


if __name__ == "__main__":
    main()
