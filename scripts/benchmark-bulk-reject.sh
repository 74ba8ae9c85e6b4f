#!/usr/bin/env bash
# Bulk-reject benchmark (not a test): how long rejecting 1,000 applications takes against the
# sandbox's rate limit, next to the lower bound count ÷ rate, without and with 5% injected faults.
# Results are in docs/BULK-REJECT-BENCHMARK.md.
#
# Usage: scripts/benchmark-bulk-reject.sh [release]
#   ATS_BENCH_COUNT (default 1000) applications, ATS_BENCH_RATE (default 50) requests per second.
#   With "release", builds in release first (about 10 minutes cold); the run is bound by the rate
#   limit, so a debug build measures the same within noise.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=(-c debug)
if [[ "${1:-}" == "release" ]]; then configuration=(-c release -Xswiftc -enable-testing); fi
swift build "${configuration[@]}" --build-tests
ATS_BENCH_BULK_REJECT=1 swift test "${configuration[@]}" --skip-build --filter BulkRejectBenchmark 2>&1 |
    grep -E 'BENCHMARK|✘|error:' || true
