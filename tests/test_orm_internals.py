"""Domain modules stay on Django's public ORM API. Reaching below it (a
query's compiler, the fields' database converters, ``django.db.models.sql``)
happens in two modules of ``common`` only: ``common/plans.py`` (hot
statements compiled once per connection) and ``common/sql.py`` (querysets as
SQL for the public rows), each held to the ordinary path by its own tests.
A domain that needs more asks those modules, so an upgrade of Django has two
files to check, not the whole project."""

import re

from tests.test_import_layers import LAYERS, ROOT, project_files

ALLOWED = {"common/plans.py", "common/sql.py"}
INTERNALS = re.compile(
    r"sql_with_params|get_compiler|get_db_converters|\.get_col\(|django\.db\.models\.sql"
    r"|from django\.db\.models\.query import|\.query\.(where|select_for_update|annotations)"
)


def domain_files():
    for path in project_files():
        relative = path.relative_to(ROOT)
        if relative.parts[0] in LAYERS and "tests" not in relative.parts:
            yield relative.as_posix(), path


def test_the_scan_sees_the_domains():
    names = {name for name, _ in domain_files()}
    assert {"orders/services.py", "catalogue/public_rows.py", "common/plans.py"} <= names


def test_no_private_orm_internals_outside_the_two_common_modules():
    found = [
        f"{name}:{number}: {line.strip()}"
        for name, path in domain_files()
        if name not in ALLOWED
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if INTERNALS.search(line)
    ]
    assert not found, "reaching below the public ORM API:\n" + "\n".join(found)


def test_the_rule_sees_a_compiler_call():
    assert INTERNALS.search("sql, params = qs.query.sql_with_params()")
    assert INTERNALS.search("from django.db.models.sql.constants import LOUTER")
    assert not INTERNALS.search("Order.objects.filter(pk=1).values_list('id')")
