#!/usr/bin/env bash
# The whole test suite: a release build, then the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer, each run by ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh

jobs="${JOBS:-2}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DIMPERVA_CEF_SANITIZE=ON
cmake --build build-sanitize -j "$jobs"
ctest --test-dir build-sanitize --output-on-failure -j "$jobs" -LE consumer
