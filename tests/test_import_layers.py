"""Imports between the domains point one way: down the layers, never up, never
in a circle.

    common < users < schedule < catalogue < purchases < payments < orders
           < bookings
           < reviews
           < notifications < demo

A module of one layer may import its own app and any lower layer, never a
higher one. Migrations are exempt (Django writes their dependencies). Apps
that do not exist yet are known already, so the rule holds the day they land.
Code outside the layers (config, tests at the root, bench) may import anything;
nothing in the layers may import it. Test packages (``<app>/tests``) are
exempt as importers: they drive several domains through the HTTP API the way
a user would, and no production code imports them. Every other import counts,
including those inside functions and under ``TYPE_CHECKING``.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LAYERS = [
    "common",
    "users",
    "schedule",
    "catalogue",
    "purchases",
    "payments",
    "orders",
    "bookings",
    "reviews",
    "notifications",
    "demo",
]
RANK = {app: rank for rank, app in enumerate(LAYERS)}
OUTSIDE = {"config", "bench", "tests", "conftest", "manage"}
SKIP_DIRS = {".venv", "venv", "node_modules", "web", "migrations", "var", ".git"}


def project_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if SKIP_DIRS.intersection(parts) or any(p.startswith(".") for p in parts):
            continue
        yield path


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every project module ``path`` imports (relative ones resolved)."""
    module = _module_of(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.add(target)
            # ``from app import module``: the names may be modules of app.
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] in RANK.keys() | OUTSIDE}


def app_of(module: str) -> str:
    return module.split(".")[0]


def is_test(module: str) -> bool:
    return "tests" in module.split(".")[1:]


def violations(edges: dict[str, set[str]]) -> list[str]:
    """``importer imports imported`` lines for every import that runs up or out."""
    found = []
    for importer, targets in sorted(edges.items()):
        low = app_of(importer)
        if low not in RANK or is_test(importer):
            continue
        for target in sorted(targets):
            high = app_of(target)
            if high == low:
                continue
            if high in OUTSIDE or RANK[high] > RANK[low]:
                found.append(f"{importer} imports {target} ({low} is below {high})")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle among the apps (as found by a depth-first search)."""
    found, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def project_edges() -> dict[str, set[str]]:
    return {_module_of(path): imported_modules(path) for path in project_files()}


def app_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for importer, targets in edges.items():
        if is_test(importer):
            continue
        src = app_of(importer)
        for target in targets:
            if app_of(target) != src:
                graph.setdefault(src, set()).add(app_of(target))
    return graph


def test_every_layer_app_is_known():
    """A new top-level package must be placed in LAYERS or OUTSIDE first."""
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts)
    }
    unknown = packages - RANK.keys() - OUTSIDE
    assert not unknown, f"place {sorted(unknown)} in the layers of {__name__}"


def test_no_domain_imports_a_higher_one():
    assert violations(project_edges()) == []


def test_the_domains_import_no_circle():
    graph = app_graph(project_edges())
    domains = {app: {t for t in targets if t in RANK} for app, targets in graph.items()}
    assert cycles({app: t for app, t in domains.items() if app in RANK}) == []


# The guard guards: it catches what it is meant to catch.


def test_an_upward_import_is_caught():
    assert violations({"catalogue.selectors": {"reviews.models"}}) == [
        "catalogue.selectors imports reviews.models (catalogue is below reviews)"
    ]


@pytest.mark.parametrize("future", ["schedule", "bookings", "notifications", "demo"])
def test_future_apps_are_placed_already(future):
    assert violations({f"users.{future}_hook": {f"{future}.models"}})


def test_a_layer_importing_test_or_config_code_is_caught():
    assert violations({"orders.services": {"config.settings"}})
    assert violations({"orders.services": {"conftest"}})


def test_an_apps_tests_may_drive_higher_domains():
    assert violations({"catalogue.tests.test_images": {"orders.tests.factories"}}) == []


def test_a_circle_is_caught():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_relative_imports_are_resolved(tmp_path, monkeypatch):
    package = tmp_path / "catalogue" / "api"
    package.mkdir(parents=True)
    (tmp_path / "catalogue" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    view = package / "views.py"
    view.write_text("from ..selectors import x\nfrom reviews.api import serializers\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)

    assert imported_modules(view) == {
        "catalogue.selectors",
        "catalogue.selectors.x",
        "reviews.api",
        "reviews.api.serializers",
    }
