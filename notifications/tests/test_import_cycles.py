"""Imports between the modules of notifications point one way. A circle
(``services`` importing ``tasks`` inside a function while ``tasks`` imports
``services``) works only as long as nobody moves the hidden import to the top
of the file; this test finds one however it is hidden: every import counts,
module-level or inside a function. Subpackages (``api``, ``live``) are also
taken whole, so the HTTP edge and the stream machinery do not lean on each
other both ways either."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1]
ROOT = APP.parent
SKIP_DIRS = {"tests", "migrations"}


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules() -> dict[str, Path]:
    return {
        _module_of(path): path
        for path in sorted(APP.rglob("*.py"))
        if not SKIP_DIRS.intersection(path.relative_to(APP).parts)
    }


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the app that ``path`` imports, anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    # The app's own package (``from notifications import x``) is not an edge.
    return {name for name in names if name in known and name not in {module, APP.name}}


def import_graph() -> dict[str, set[str]]:
    modules = app_modules()
    return {module: imports_of(module, path, set(modules)) for module, path in modules.items()}


def unit_of(module: str) -> str:
    """``notifications.live.hub`` -> ``notifications.live``; top-level modules stay."""
    parts = module.split(".")
    is_package = (APP / Path(*parts[1:2])).is_dir() if len(parts) > 1 else False
    return ".".join(parts[:2]) if is_package else module


def collapsed(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    units: dict[str, set[str]] = {}
    for module, targets in graph.items():
        edges = units.setdefault(unit_of(module), set())
        edges.update(unit_of(target) for target in targets)
    return {unit: edges - {unit} for unit, edges in units.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of ``graph`` as a path (its first node repeated last), or None."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for target in sorted(graph.get(node, ())):
            cycle = visit(target, [*path, node])
            if cycle:
                return cycle
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start, [])
        if cycle:
            return cycle
    return None


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    graph = import_graph()
    # ``apps.ready`` imports the listeners inside a function; ``api.urls`` relatively.
    assert "notifications.listeners" in graph["notifications.apps"]
    assert "notifications.api.views" in graph["notifications.api.urls"]


def test_the_cycle_finder_finds_a_circle_and_passes_a_line():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_no_circle_between_the_modules_of_notifications():
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle)


def test_no_circle_between_notifications_subpackages_and_modules():
    cycle = find_cycle(collapsed(import_graph()))
    assert cycle is None, " -> ".join(cycle)
