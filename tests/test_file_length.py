"""No source file passes 400 lines, so each can be read in one sitting; a file
that grows past it is split by concept (docs/ARCHITECTURE.md's layout, the
bench's report_*.py and seed_*.py). Generated files are exempt: the web
app's types from the OpenAPI schema and Django's migrations.

The files are the repository's own (``git ls-files``: tracked, and new ones
not ignored), so a new file counts before its first commit and nothing under
.venv, node_modules or var/ does."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 400
SUFFIXES = {".py", ".ts", ".tsx"}
GENERATED = {"web/src/api/schema.d.ts"}


def is_generated(path: str) -> bool:
    return path in GENERATED or "migrations" in Path(path).parts


def source_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return sorted(
        path
        for path in set(listed)
        if Path(path).suffix in SUFFIXES and not is_generated(path) and (ROOT / path).is_file()
    )


def test_source_files_are_listed():
    files = source_files()
    # The rule must see the project, not an empty or partial listing.
    assert "bench/run.py" in files
    assert "web/src/App.tsx" in files
    assert not [f for f in files if f.startswith((".venv/", "web/node_modules/"))]


def test_no_source_file_passes_the_line_limit():
    too_long = {
        path: count
        for path in source_files()
        if (count := len((ROOT / path).read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not too_long, f"over {LIMIT} lines (split by concept): {too_long}"
