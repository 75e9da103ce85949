"""What a run hands to the next: its figures (bench/previous.json) and the sections
of docs/BENCHMARKS.md that other steps write."""

from datetime import UTC, datetime

from bench.report_format import COMMAND
from bench.report_machine import cpu_model


def figures(*, rows, scaling, page_bytes, live, load) -> dict:
    """This run's figures as bench/previous.json keeps them for the next run."""
    ceiling = next(r["result"].rps for r in rows if r["endpoint"].name == "ceiling")
    d = live.get("delivery")
    return {
        "run": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "source": f"`{COMMAND}`",
        "scale": 1,
        "cpu": cpu_model(),
        "load": [round(load[0][0], 2), round(load[1][0], 2)],
        "endpoints": {
            row["endpoint"].name: {
                "rps": round(row["result"].rps, 1),
                "p50_ms": round(row["result"].p50_ms, 2),
                "p99_ms": round(row["result"].p99_ms, 2),
                "of_ceiling": round(row["result"].rps / ceiling, 5),
                "non_2xx": row["result"].failures,
            }
            for row in rows
        },
        "scaling": {
            str(point["services"]): {
                r["endpoint"].name: {
                    "rps": round(r["result"].rps, 1),
                    "p50_ms": round(r["result"].p50_ms, 2),
                    "p99_ms": round(r["result"].p99_ms, 2),
                }
                for r in point["rows"]
            }
            for point in scaling
        },
        "page_bytes": None
        if page_bytes.error
        else {
            "page_json": page_bytes.page_json,
            "photos": page_bytes.photos,
            "with_originals": page_bytes.with_originals,
            "with_variants": page_bytes.with_variants,
            "with_960": None
            if page_bytes.variants_960 is None
            else page_bytes.page_json + page_bytes.variants_960,
        },
        "live": {
            "streams": live["streams"],
            "ratios": {k: round(v, 3) for k, v in live.get("ratios", {}).items()},
            "delivery": None
            if d is None
            else {
                "p50_ms": round(d.p50_ms, 2),
                "p99_ms": round(d.p99_ms, 2),
                "received": d.received,
                "events": d.events,
            },
        },
    }


# Sections written by another step, kept when a run rewrites the file: the two public read
# paths (bench/public_paths.py), measured by the fault suite, and the lunch rush (bench/rush.py,
# run after bench/run.py, replaces its own section).
CARRIED_SECTIONS = (
    "## The purchase core: before and after",
    "## The public read path: rows or querysets",
    "## Database connections under load",
    "## Lunch rush",
)


def carried_sections(previous: str) -> str:
    kept = []
    for heading in CARRIED_SECTIONS:
        start = previous.find(heading)
        if start == -1:
            continue
        end = previous.find("\n## ", start + len(heading))
        kept.append(previous[start : end if end != -1 else None].rstrip() + "\n")
    return "".join(f"\n{section}" for section in kept)
