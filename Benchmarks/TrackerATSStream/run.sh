#!/usr/bin/env bash
# Peak memory of TrackerATSClient streaming 10k and 100k applications (and candidates) from a
# sandbox running in its own process. Usage: Benchmarks/TrackerATSStream/run.sh [sizes...]
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration="${CONFIGURATION:-debug}"
swift build -c "$configuration" --product ats >/dev/null
swift build -c "$configuration" --product TrackerATSStreamBenchmark >/dev/null
bin=".build/$configuration"
sizes=("${@:-10000 100000}")
for size in ${sizes[@]}; do
    log="$(mktemp)"
    "$bin/ats" sandbox --port 0 --applications "$size" --jobs 200 >"$log" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
    for _ in $(seq 1 100); do grep -q "Base URL" "$log" && break; sleep 0.1; done
    url="$(grep "Base URL" "$log" | awk '{print $3}')"
    for stream in applications candidates; do
        echo "== $size applications, stream $stream ($configuration)"
        "$bin/TrackerATSStreamBenchmark" --base-url "$url" --stream "$stream"
    done
    kill "$server"
    wait "$server" 2>/dev/null || true
    rm -f "$log"
    trap - EXIT
done
