#!/usr/bin/env python3
"""The end-to-end sync benchmark behind docs/PERFORMANCE.md; run it through scripts/bench-sync.

For each size and latency it starts `ats sandbox` as its own process and measures, on the same
data, one after another and repeated:

1. the floor: every page of the endpoints a sync reads, fetched with curl and written nowhere,
   sequentially (one connection) and with ATSKit's parallelism (4 requests in flight);
2. dlt (`rest_api` source, page-number paging, bare-array bodies) into DuckDB;
3. `ats sync` into SQLite and into PostgreSQL;
4. after 1% of the applications were changed through the API: the incremental re-sync of
   ATSKit (SQLite, PostgreSQL) and of dlt, each from a copy of the mirror its first sync made.

Wall time and peak RSS come from /usr/bin/time -v. Records per second are the records the API
serves (the sum of the endpoints' Total-Count), the same number for every tool.
"""

import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench-sync"
# A copy of the release binary, so that a rebuild during a long run does not change what is measured.
ATS = WORK / "ats"
PY = ROOT / ".venv-bench" / "bin" / "python"
DLT_SCRIPT = ROOT / "scripts" / "bench-sync-dlt.py"
AUTH = ("sandbox", "sandbox")
TIMEZONE = "America/Los_Angeles"
ENDPOINTS = ["jobs", "applications", "notes", "files"]
SCHEMAS = ["applications/custom_fields_schema", "jobs/custom_fields_schema"]
PAGE = 1000
IN_FLIGHT = 4


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sandbox:
    """`ats sandbox` in its own process, so its CPU and memory are not the client's."""

    def __init__(self, applications, latency_ms):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        self.process = subprocess.Popen(
            [str(ATS), "sandbox", "--port", str(self.port), "--applications", str(applications),
             "--latency-ms", str(latency_ms), "--timezone", TIMEZONE],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            if "listening" in line:
                break
        else:
            raise SystemExit("ats sandbox did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def request(url, method="GET", body=None):
    req = urllib.request.Request(url, method=method, data=body)
    token = "Basic " + __import__("base64").b64encode(f"{AUTH[0]}:{AUTH[1]}".encode()).decode()
    req.add_header("Authorization", token)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as response:
        return response.headers, response.read()


def page_urls(base):
    """Every page URL a full sync reads, and the number of records they hold."""
    urls, records = [], 0
    for endpoint in ENDPOINTS:
        headers, _ = request(f"{base}/{endpoint}?page=1&per_page={PAGE}")
        total = int(headers["Total-Count"])
        records += total
        pages = max(1, -(-total // PAGE))
        urls += [f"{base}/{endpoint}?page={n}&per_page={PAGE}" for n in range(1, pages + 1)]
    urls += [f"{base}/{path}" for path in SCHEMAS]
    return urls, records


def timed(command, env=None, stdout=None):
    """Runs a command under /usr/bin/time -v: ({wall, rss (MB), cpu (user+system s), load}, stdout)."""
    report = WORK / "time.txt"
    started = time.monotonic()
    result = subprocess.run(
        ["/usr/bin/time", "-v", "-o", str(report)] + command, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    if result.returncode != 0:
        log(result.stdout[-2000:] + result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(command[:3])} … (exit {result.returncode})")
    text = report.read_text()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    cpu = sum(float(re.search(name + r" time \(seconds\): ([\d.]+)", text).group(1)) for name in ["User", "System"])
    return {"wall": wall, "rss": rss, "cpu": cpu, "load": os.getloadavg()[0]}, result.stdout


def curl(urls, parallel):
    config = WORK / "curl.cfg"
    with config.open("w") as out:
        out.write(f'user = "{AUTH[0]}:{AUTH[1]}"\nsilent\nfail\n')
        for url in urls:
            out.write(f'url = "{url}"\noutput = "/dev/null"\n')
    command = ["curl", "--config", str(config)]
    if parallel:
        command[1:1] = ["--parallel", "--parallel-max", str(IN_FLIGHT)]
    measured, _ = timed(command)
    return measured


def ats_sync(sandbox, database, full):
    command = [
        str(ATS), "sync", "--base-url", sandbox.base, "--api-key", AUTH[0], "--api-password", AUTH[1],
        "--timezone", TIMEZONE, "--database", database, "--account", "bench", "--json", "--quiet",
    ]
    command += ["--full"] if full else []
    env = dict(os.environ, ATS_CANDIDATE_ID_SECRET="bench")
    measured, out = timed(command, env=env)
    streams = json.loads(out).get("streams", [])
    measured["requests"] = sum(s.get("traffic", {}).get("requests", 0) for s in streams)
    measured["read"] = sum(s.get("records", 0) for s in streams if not s.get("is_derived", s.get("isDerived")))
    return measured


def dlt_sync(sandbox, directory):
    command = [str(PY), str(DLT_SCRIPT), "--base-url", sandbox.base, "--dir", str(directory)]
    measured, out = timed(command)
    measured["read"] = json.loads(out.strip().splitlines()[-1]).get("rows")
    return measured


def psql(url, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True,
                   stdout=subprocess.DEVNULL)


def database_url(admin_url, name):
    parsed = urllib.parse.urlparse(admin_url)
    return urllib.parse.urlunparse(parsed._replace(path="/" + name))


def change_applications(sandbox, applications, fraction, round_number):
    """Changes `fraction` of the applications through PUT /applications/{id}, spread over all ids."""
    _, body = request(f"{sandbox.base}/applications?page=1&per_page=1")
    first = int(json.loads(body)[0]["id"])
    step = max(1, int(1 / fraction))
    ids = [first + n for n in range(round_number % step, applications, step)]

    def put(application_id):
        payload = json.dumps({"phone": f"+1 555 {round_number:03d} {application_id % 10000:04d}"}).encode()
        request(f"{sandbox.base}/applications/{application_id}", method="PUT", body=payload)

    with concurrent.futures.ThreadPoolExecutor(32) as pool:
        list(pool.map(put, ids))
    return len(ids)


def median(runs, key):
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def measure(size, latency, args, pg_admin):
    log(f"\n== {size:,} applications, {latency} ms latency")
    tools = set(args.tools.split(","))
    run_dlt = not args.no_dlt and "dlt" in tools and size <= args.dlt_max_size
    sandbox = Sandbox(size, latency)
    try:
        urls, records = page_urls(sandbox.base)
        log(f"   {len(urls)} requests, {records:,} records")
        runs = {name: [] for name in ["floor_seq", "floor_par", "dlt", "sqlite", "postgres"]}
        for round_number in range(args.repeat):
            for name in ["run-sqlite"] + (["run-dlt"] if run_dlt and round_number < args.dlt_repeat else []):
                shutil.rmtree(WORK / name, ignore_errors=True)
            if "floor" in tools:
                runs["floor_seq"].append(curl(urls, parallel=False))
                runs["floor_par"].append(curl(urls, parallel=True))
            if run_dlt and round_number < args.dlt_repeat:
                runs["dlt"].append(dlt_sync(sandbox, WORK / "run-dlt"))
            if "sqlite" in tools:
                (WORK / "run-sqlite").mkdir(parents=True)
                runs["sqlite"].append(ats_sync(sandbox, str(WORK / "run-sqlite" / "mirror.sqlite"), full=False))
            if pg_admin and "postgres" in tools:
                psql(pg_admin, "DROP DATABASE IF EXISTS bench_sync")
                psql(pg_admin, "CREATE DATABASE bench_sync")
                runs["postgres"].append(ats_sync(sandbox, database_url(pg_admin, "bench_sync"), full=False))
            log("   round %d: " % (round_number + 1) + ", ".join(
                f"{name} {values[-1]['wall']:.2f}s" for name, values in runs.items() if values))
        # The incremental re-sync: every tool starts from a copy of what its first sync stored.
        snapshot = WORK / "snapshot"
        shutil.rmtree(snapshot, ignore_errors=True)
        if "sqlite" in tools:
            shutil.copytree(WORK / "run-sqlite", snapshot / "sqlite")
        if run_dlt:
            shutil.copytree(WORK / "run-dlt", snapshot / "dlt")
        if pg_admin and "postgres" in tools:
            psql(pg_admin, "DROP DATABASE IF EXISTS bench_sync_snapshot")
            psql(pg_admin, "CREATE DATABASE bench_sync_snapshot TEMPLATE bench_sync")
        changed = change_applications(sandbox, size, 0.01, 1)
        log(f"   changed {changed:,} applications")
        incremental = {name: [] for name in ["dlt", "sqlite", "postgres"]}
        for round_number in range(args.repeat):
            if "sqlite" in tools:
                shutil.rmtree(WORK / "inc-sqlite", ignore_errors=True)
                shutil.copytree(snapshot / "sqlite", WORK / "inc-sqlite")
                incremental["sqlite"].append(
                    ats_sync(sandbox, str(WORK / "inc-sqlite" / "mirror.sqlite"), full=False))
            if pg_admin and "postgres" in tools:
                psql(pg_admin, "DROP DATABASE IF EXISTS bench_sync_inc")
                psql(pg_admin, "CREATE DATABASE bench_sync_inc TEMPLATE bench_sync_snapshot")
                incremental["postgres"].append(ats_sync(sandbox, database_url(pg_admin, "bench_sync_inc"), full=False))
            # dlt's incremental run is a few seconds, and its time varies most from run to run, so it
            # is repeated as often as ATSKit's even when its first sync is not.
            if run_dlt:
                shutil.rmtree(WORK / "inc-dlt", ignore_errors=True)
                shutil.copytree(snapshot / "dlt", WORK / "inc-dlt")
                incremental["dlt"].append(dlt_sync(sandbox, WORK / "inc-dlt"))
        return {
            "size": size, "latency": latency, "requests": len(urls), "records": records, "changed": changed,
            "full": {name: summarise(values) for name, values in runs.items() if values},
            "incremental": {name: summarise(values) for name, values in incremental.items() if values},
        }
    finally:
        sandbox.stop()


def summarise(values):
    return {
        "wall": median(values, "wall"), "wall_min": min(v["wall"] for v in values),
        "rss": max(v["rss"] for v in values), "cpu": median(values, "cpu"), "load": median(values, "load"),
        "requests": median(values, "requests"),
        "read": median(values, "read"), "runs": len(values),
    }


def ratio(numerator, denominator):
    return numerator / denominator if numerator and denominator else None


def fmt(value, pattern="{:.2f}"):
    return "—" if value is None else pattern.format(value)


def table(results):
    lines = [
        "| size | latency | API records | curl seq | curl ×4 (floor) | ATSKit SQLite | ATSKit PG | dlt "
        "| SQLite / floor | dlt / SQLite | CPU s SQLite / PG / dlt | peak RSS MB SQLite / PG / dlt | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        full, records = r["full"], r["records"]

        def cell(name):
            entry = full.get(name)
            if not entry:
                return "—"
            return f"{entry['wall']:.2f} s, {records / entry['wall'] / 1000:,.1f}k/s"

        def each(key, pattern):
            return " / ".join(fmt(full.get(n, {}).get(key), pattern) for n in ["sqlite", "postgres", "dlt"])

        sqlite, floor, dlt = full.get("sqlite"), full.get("floor_par"), full.get("dlt")
        floor_ratio = ratio(floor and floor["wall"], sqlite and sqlite["wall"])
        dlt_ratio = ratio(dlt and dlt["wall"], sqlite and sqlite["wall"])
        lines.append(
            f"| {r['size']:,} | {r['latency']} ms | {records:,} | {cell('floor_seq')} | {cell('floor_par')} "
            f"| {cell('sqlite')} | {cell('postgres')} | {cell('dlt')} "
            f"| {fmt(floor_ratio and floor_ratio * 100, '{:.0f}%')} | {fmt(dlt_ratio, '{:.1f}×')} "
            f"| {each('cpu', '{:.1f}')} | {each('rss', '{:.0f}')} | {fmt(sqlite and sqlite['load'], '{:.1f}')} |")
    lines += [
        "",
        "| size | latency | changed | ATSKit SQLite | ATSKit PG | dlt | dlt / SQLite "
        "| ATSKit requests full → incremental | records read ATSKit / dlt | peak RSS MB SQLite / dlt |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        inc, full = r["incremental"], r["full"]

        def wall(name):
            entry = inc.get(name)
            return "—" if not entry else f"{entry['wall']:.2f} s"

        sqlite, dlt = inc.get("sqlite"), inc.get("dlt")
        dlt_ratio = ratio(dlt and dlt["wall"], sqlite and sqlite["wall"])
        requests = f"{fmt(full.get('sqlite', {}).get('requests'), '{:,.0f}')} → {fmt(sqlite and sqlite['requests'], '{:,.0f}')}"
        read = f"{fmt(sqlite and sqlite['read'], '{:,.0f}')} / {fmt(dlt and dlt['read'], '{:,.0f}')}"
        rss = f"{fmt(sqlite and sqlite['rss'], '{:.0f}')} / {fmt(dlt and dlt['rss'], '{:.0f}')}"
        lines.append(
            f"| {r['size']:,} | {r['latency']} ms | {r['changed']:,} | {wall('sqlite')} | {wall('postgres')} "
            f"| {wall('dlt')} | {fmt(dlt_ratio, '{:.1f}×')} | {requests} | {read} | {rss} |")
    return "\n".join(lines)


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))) / 2**20
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}, {swift}"


def write_doc(text):
    doc = ROOT / "docs" / "PERFORMANCE.md"
    content = doc.read_text()
    begin, end = "<!-- bench-sync:begin -->", "<!-- bench-sync:end -->"
    if begin not in content:
        raise SystemExit("docs/PERFORMANCE.md has no bench-sync markers")
    head, rest = content.split(begin, 1)
    _, tail = rest.split(end, 1)
    doc.write_text(head + begin + "\n" + text + "\n" + end + tail)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--latencies", default="0,50")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip", default="", help="size@latency pairs not to run, e.g. 1000000@50")
    parser.add_argument("--no-dlt", action="store_true")
    parser.add_argument("--tools", default="floor,dlt,sqlite,postgres", help="which to measure (with --append, "
                        "the others keep their saved figures)")
    parser.add_argument("--dlt-repeat", type=int, default=None,
                        help="dlt first syncs per size (default: --repeat; its incremental runs always --repeat)")
    parser.add_argument("--append", action="store_true", help="keep the results of earlier invocations")
    parser.add_argument("--dlt-max-size", type=int, default=10**9, help="run dlt only up to this many applications")
    parser.add_argument("--write-doc", action="store_true", help="replace the figures in docs/PERFORMANCE.md")
    parser.add_argument("--report-only", action="store_true", help="measure nothing: print (and --write-doc) the "
                        "saved results of earlier runs")
    args = parser.parse_args()
    if args.dlt_repeat is None:
        args.dlt_repeat = args.repeat
    WORK.mkdir(exist_ok=True)
    if not args.report_only:
        shutil.copy2(ROOT / ".build" / "release" / "ats", ATS)
    pg_admin = os.environ.get("BENCH_POSTGRES_URL")
    skipped = set(filter(None, args.skip.split(",")))
    saved = WORK / "results.json"
    keep = args.append or args.report_only
    results = json.loads(saved.read_text()) if keep and saved.exists() else []
    for size in [] if args.report_only else [int(s) for s in args.sizes.split(",")]:
        for latency in [int(l) for l in args.latencies.split(",")]:
            if f"{size}@{latency}" in skipped:
                continue
            result = measure(size, latency, args, pg_admin)
            result["command"] = "scripts/bench-sync " + " ".join(sys.argv[1:])
            earlier = next((r for r in results if (r["size"], r["latency"]) == (size, latency)), None)
            if earlier:
                # Only the tools measured now replace their earlier figures.
                for phase in ["full", "incremental"]:
                    result[phase] = {**earlier[phase], **result[phase]}
                result["command"] = earlier.get("command", "") + " + " + result["command"]
            results = [r for r in results if (r["size"], r["latency"]) != (size, latency)] + [result]
            results.sort(key=lambda r: (r["size"], r["latency"]))
            saved.write_text(json.dumps(results, indent=1))
    commands = sorted({r.get("command", "").strip() for r in results})
    text = "\n".join([
        f"Written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}.",
        "Commands: " + "; ".join(f"`{c}`" for c in commands) + ". Times are medians of the runs "
        "(RSS: the largest); \"load\" is the machine's 1-minute load average during ATSKit's SQLite run.",
        "",
        table(results),
    ])
    print(text)
    if args.write_doc:
        write_doc(text)


if __name__ == "__main__":
    main()
