#!/usr/bin/env bash
# Peak resident memory of `ats files upload` by file size (a measurement, not a test).
#  1. `ats files upload --sandbox`: client and embedded sandbox in one process (the sandbox holds
#     the whole body to decode it, so this grows with the file whatever the client does);
#  2. `ats files upload --base-url …` against `ats sandbox` in its own process: the client alone.
# The first row is a 1 KiB file: the process's fixed cost, to subtract from the others.
#
# Usage: scripts/measure-upload-rss.sh [release]
#   ATS_RSS_SIZES_KIB (default "1 1024 3072 6144 9216") file sizes in KiB;
#   ATS_BIN runs another build of `ats` (for example one of main, to compare); ATS_RSS_PORT
#   (default 18766) is the separate sandbox's port.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=debug
if [[ "${1:-}" == "release" ]]; then configuration=release; fi
if [[ -z "${ATS_BIN:-}" ]]; then
    swift build -c "$configuration" --product ats
    ATS_BIN=".build/$configuration/ats"
fi
port="${ATS_RSS_PORT:-18766}"
work="$(mktemp -d)"
sandbox=""
cleanup() {
    if [[ -n "$sandbox" ]]; then kill "$sandbox" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A PDF header (the upload checks the first bytes) followed by random bytes.
make_pdf() {
    printf '%%PDF-1.4\n' >"$2"
    head -c "$(($1 * 1024 - 9))" /dev/urandom >>"$2"
}

# Prints the peak RSS in MiB of the command given.
peak_mib() {
    /usr/bin/time -f '%M' -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; return 1; }
    awk '{ printf "%.1f", $1 / 1024 }' "$work/time"
}

"$ATS_BIN" sandbox --port "$port" --applications 50 >"$work/sandbox.log" 2>&1 &
sandbox=$!
for _ in $(seq 1 100); do
    curl -fsS -u sandbox:sandbox "http://127.0.0.1:$port/api/v1/users" >/dev/null 2>&1 && break
    sleep 0.2
done

printf '%-10s %-26s %-26s\n' "file" "peak RSS, --sandbox (MiB)" "peak RSS, client only (MiB)"
for kib in ${ATS_RSS_SIZES_KIB:-1 1024 3072 6144 9216}; do
    file="$work/upload-$kib.pdf"
    make_pdf "$kib" "$file"
    embedded=$(peak_mib "$ATS_BIN" files upload --sandbox --application 1 "$file")
    client=$(peak_mib "$ATS_BIN" files upload --base-url "http://127.0.0.1:$port/api/v1" \
        --api-key sandbox --api-password sandbox --application 1 "$file")
    printf '%-10s %-26s %-26s\n' "$((kib))KiB" "$embedded" "$client"
done
