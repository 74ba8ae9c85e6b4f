#!/usr/bin/env python3
"""The peer in scripts/bench-sync: dlt's rest_api source mirroring a Tracker account into DuckDB.

Configured as a data engineer would for Tracker: HTTP Basic auth, page-number paging
(`page`, `per_page=1000`, the body is a bare array, so paging stops at the first empty page),
`id` as primary key with the `merge` disposition, and `updated_at`/`updated_after` as the
incremental cursor, so that running it again in the same directory is dlt's incremental sync.

Prints one JSON line: the rows dlt extracted (top-level tables) and the requests it sent.
"""

import argparse
import json
import os
import sys

import dlt
from dlt.sources.rest_api import rest_api_source


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--dir", required=True, help="the pipeline's working folder and DuckDB file")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    # Everything dlt keeps (pipeline state, load packages) lives in the run's own folder.
    os.environ["DLT_DATA_DIR"] = os.path.join(args.dir, "data")
    os.environ["RUNTIME__LOG_LEVEL"] = "WARNING"

    incremental = {"start_param": "updated_after", "cursor_path": "updated_at", "initial_value": "1970-01-01T00:00:00"}
    resources = [
        {"name": name, "endpoint": {"path": name, "incremental": incremental}}
        for name in ["jobs", "applications", "notes", "files"]
    ]
    resources += [
        {
            "name": f"{owner}_custom_fields_schema",
            "primary_key": "field_name",
            "endpoint": {"path": f"{owner}/custom_fields_schema", "paginator": "single_page"},
        }
        for owner in ["applications", "jobs"]
    ]
    source = rest_api_source({
        "client": {
            "base_url": args.base_url + "/",
            "auth": {"type": "http_basic", "username": "sandbox", "password": "sandbox"},
            "paginator": {"type": "page_number", "base_page": 1, "page_param": "page", "total_path": None},
        },
        "resource_defaults": {
            "primary_key": "id",
            "write_disposition": "merge",
            "endpoint": {"params": {"per_page": 1000}, "data_selector": "$"},
        },
        "resources": resources,
    })
    pipeline = dlt.pipeline(
        pipeline_name="tracker",
        pipelines_dir=os.path.join(args.dir, "pipelines"),
        destination=dlt.destinations.duckdb(os.path.join(args.dir, "mirror.duckdb")),
        dataset_name="tracker",
    )
    pipeline.run(source)
    counts = pipeline.last_trace.last_normalize_info.row_counts
    top_level = {name: count for name, count in counts.items() if "__" not in name and not name.startswith("_dlt")}
    print(json.dumps({"rows": sum(top_level.values()), "tables": top_level, "requests": None}))


if __name__ == "__main__":
    sys.exit(main())
