#!/usr/bin/env bash
# TrackerAPI benchmarks (not tests):
#  1. decode throughput: records/s from 1000-record pages through the public pipeline, no network;
#  2. end-to-end paging of 100,000 applications with 50 ms latency per request, TrackerAPI vs
#     `curl --parallel` fetching the same pages at the same concurrency, first with the sandbox in
#     the benchmark's own process, then with `ats sandbox` as a separate process.
# Builds in release first (about 10 minutes cold, under a minute warm).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${TRACKERAPI_BENCHMARK_PORT:-18765}"
swift build -c release --build-tests -Xswiftc -enable-testing
run() {
    TRACKERAPI_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --skip-build --filter "$1" 2>&1 |
        grep -E 'BENCHMARK|✘|error:' || true
}
run TrackerAPIBenchmarks

.build/release/ats sandbox --port "$port" --applications 100000 --latency-ms 50 >/tmp/trackerapi-benchmark-sandbox.log 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fsS -u sandbox:sandbox "http://127.0.0.1:$port/api/v1/users" >/dev/null 2>&1 && break
    sleep 0.2
done
TRACKERAPI_BENCHMARK_BASE_URL="http://127.0.0.1:$port/api/v1" run PagingBenchmark
