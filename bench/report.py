"""docs/BENCHMARKS.md from one run: the machine, the method, the endpoint table, then
the sections of bench/report_tables.py and bench/report_prose.py in the order a reader
meets them. The figures kept for the next run are bench/report_previous.py's."""

import os
import statistics
from datetime import UTC, datetime

from bench.report_format import COMMAND, NONE, _change, _ms, _prev, _rps, _share
from bench.report_machine import cpu_model, hasher_parameters, machine
from bench.report_prose import OPTIMISATIONS, SCHEDULE_NOTE, STALL_NOTE, configuration
from bench.report_tables import (
    _bytes_section,
    _live_section,
    _query_counts_section,
    _scaling_section,
    _targets_section,
)


def _ceiling_runs(rows) -> str:
    runs = next((r.get("runs") for r in rows if r["endpoint"].name == "ceiling"), None)
    if not runs:
        return ""
    return (
        f" (the higher of {_rps(runs[0])}/s, measured first, and {_rps(runs[1])}/s, measured "
        "again after the last endpoint)"
    )


def render(
    *,
    rows,
    scaling,
    page_bytes,
    live,
    previous,
    counts,
    lists,
    hash_ms,
    seed_seconds,
    settings,
    load,
    load_samples,
    total_seconds,
    wrk,
) -> str:
    ceiling = next(r["result"].rps for r in rows if r["endpoint"].name == "ceiling")
    prev_rows = previous.get("endpoints", {})
    prev_ceiling = prev_rows.get("ceiling", {}).get("rps")
    prev_run = previous.get("run", "no previous run")
    prev_load = previous.get("load")
    lines = [
        "# Benchmarks",
        "",
        f"One `{COMMAND}` run on this machine, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
        f"({total_seconds / 60:.1f} minutes in all). Reproduce with:",
        "",
        "```sh",
        COMMAND,
        "```",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in machine()],
        f"| Load average (1 min) | {load[0][0]:.2f} before the run, {load[1][0]:.2f} after"
        + (
            f"; during it {statistics.mean(load_samples):.1f} on average, "
            f"{min(load_samples):.1f} to {max(load_samples):.1f} "
            f"({len(load_samples)} samples, one every 10 s) |"
            if load_samples
            else " |"
        ),
        "",
        "The load generator, PostgreSQL, Redis and gunicorn share the same cores, so part "
        "of the load average during and after the run is the benchmark's own"
        + (
            f" (a run on an otherwise idle machine, {prev_run}, ended at {prev_load[1]:.1f}). "
            if prev_load and prev_load[0] < 1
            else ". "
        )
        + (
            f"Other processes already kept the load average at {load[0][0]:.1f} on "
            f"{os.cpu_count()} cores when the run began, so the server had a fraction of the "
            "CPU and every round trip to PostgreSQL or Redis waited for a time slice: absolute "
            "numbers are pessimistic, most of all for requests with many round trips (cache "
            "misses, writes). Compare rows of one run, and shares of the ceiling across runs."
            if load[0][0] > 1
            else "Nothing else was running on the machine when the run began."
        ),
        "",
        "## Endpoints",
        "",
        f"Campus: {', '.join(f'{n:,} {name}' for name, n in counts.items())} "
        f"(seeded in {seed_seconds:.0f} s).",
        "",
        f"**Ceiling** (the cheapest Django response, `bench/urls.py`): **{_rps(ceiling)} "
        f"requests/s** in this run{_ceiling_runs(rows)}"
        + (
            f", {_rps(prev_ceiling)} in the previous one ({prev_run}"
            + (f", load average {prev_load[0]:.2f} before it" if prev_load else "")
            + ")."
            if prev_ceiling
            else "."
        )
        + (
            f" The previous run was on another CPU ({previous['cpu']}): a share of the "
            "ceiling does not carry over exactly between machines (the ceiling is one cheap "
            "request, the other rows also wait on PostgreSQL and Redis), so read a row's "
            "*share change* against that of rows whose code did not change."
            if previous.get("cpu") not in (None, cpu_model())
            else ""
        ),
        "",
        f"wrk, {settings['wrk_threads']} threads, {settings['connections']} keep-alive "
        f"connections, {settings['warmup']} s warm-up then {settings['duration']} s per "
        "endpoint. *of ceiling* is the endpoint's requests/s over the ceiling endpoint's "
        "in the same run; *prev* columns are the previous run's figures "
        "(`bench/previous.json`, rewritten by each full run); *share change* compares the "
        "two shares of the ceiling, which cancels part of the difference in machine load "
        "between the runs (not all of it: on a loaded machine requests with many round trips "
        "lose more than the ceiling does); a fall of 10 % or more is in bold. *SQL* is the "
        "number of queries one request runs when the cache misses, counted in-process with "
        "`CaptureQueriesContext`; for lists, with 1 row / 20 rows a page (equal counts: no "
        "query per row). *non-2xx* also counts socket errors and timeouts.",
        "",
        "| endpoint | request | req/s | prev req/s | p50 ms | p99 ms | prev p99 ms "
        "| of ceiling | prev of ceiling | share change | SQL | non-2xx |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        r = row["result"]
        name = row["endpoint"].name
        prev = prev_rows.get(name, {})
        share = r.rps / ceiling
        note = " (pool ran out)" if r.exhausted else ""
        lines.append(
            f"| {name} | `{row['endpoint'].request}` | {_rps(r.rps)} | "
            f"{_prev(prev.get('rps'), _rps)} | {_ms(r.p50_ms)} | {_ms(r.p99_ms)} | "
            f"{_prev(prev.get('p99_ms'), _ms)} | {_share(share)} | "
            f"{_prev(prev.get('of_ceiling'), _share)} | "
            f"{_change(share, prev.get('of_ceiling')) if name != 'ceiling' else NONE} | "
            f"{row['queries']} | {r.failures}{note} |"
        )
    if any(r["result"].p99_ms > 2000 and r["result"].p50_ms < 50 for r in rows):
        lines += STALL_NOTE
    lines += SCHEDULE_NOTE
    lines += _targets_section(rows, scaling)
    lines += _bytes_section(page_bytes, previous.get("page_bytes"))
    lines += _live_section(live, previous.get("live"))
    lines += _query_counts_section(lists)
    lines += _scaling_section(scaling, previous, settings)
    lines += OPTIMISATIONS
    lines += configuration(
        settings, hasher_parameters=hasher_parameters(), hash_ms=hash_ms, wrk=wrk
    )
    return "\n".join(lines)
