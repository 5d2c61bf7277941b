#!/usr/bin/env bash
# Installs the Debian packages imperva_cef builds and tests with.
set -euo pipefail

packages=(cmake make g++ git nlohmann-json3-dev libfmt-dev catch2 zlib1g-dev)
if [[ "${1:-}" == "--all" ]]; then
  # fuzzers (clang + libFuzzer), benchmarks, the liblognorm comparison
  packages+=(clang libclang-rt-14-dev libbenchmark-dev liblognorm-utils python3)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
[[ "$(id -u)" -ne 0 ]] && sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
