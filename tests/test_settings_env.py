"""Every environment variable the settings read is read once, in the module of
its concern, and listed in the README's configuration table."""

import ast
import re
from pathlib import Path

SETTINGS = Path(__file__).resolve().parent.parent / "config" / "settings"
README = SETTINGS.parent.parent / "README.md"
READERS = {"env_str", "env_bool", "env_int", "env_float", "env_list"}


def variables_read() -> list[tuple[str, str]]:
    """(variable, module) for every call of an ``env_*`` reader."""
    found = []
    for path in sorted(SETTINGS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in READERS
            ):
                first = node.args[0]
                assert isinstance(first, ast.Constant), f"{path.name}: a variable name read"
                found.append((first.value, path.name))
    return found


def test_the_settings_read_variables_only_through_the_env_module():
    for path in SETTINGS.glob("*.py"):
        if path.name != "env.py":
            assert "os.environ" not in path.read_text(), path.name


def test_each_variable_is_read_in_one_place():
    names = [name for name, _ in variables_read()]
    assert len(names) > 80
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_each_variable_is_in_the_readme_table():
    table = {
        name
        for line in README.read_text().splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    }
    missing = sorted({name for name, _ in variables_read()} - table)
    assert missing == []
