#!/usr/bin/env bash
# TrackerAPI benchmarks (not tests): decode throughput from 1000-record pages, and end-to-end
# paging against the in-process sandbox with 50 ms latency per request compared with
# `curl --parallel` fetching the same pages. Builds in release first (about 10 minutes cold).
#
#   scripts/benchmark-trackerapi.sh            # both
#   scripts/benchmark-trackerapi.sh Decode     # only the decode benchmark
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-DecodeBenchmark|PagingBenchmark}"
swift build -c release --build-tests -Xswiftc -enable-testing
TRACKERAPI_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --skip-build --filter "$filter" 2>&1 |
    grep -E 'BENCHMARK|✘|error' || true
