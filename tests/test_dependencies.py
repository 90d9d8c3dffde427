"""The product imports only what ``pip install .`` installs.

A module that imports a package of the test extra (pypdf, icalendar…) works on a developer's
machine and fails, or hangs in a worker, for a user. Every import in ``facilitator/`` (also
those inside functions) is read from the source and its distribution looked up; each must be
the standard library, the package itself, or a requirement of ``[project] dependencies``.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, requires
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "facilitator"

# Imported directly although only a dependency of a dependency, with the reason. Each one is
# checked to still come with the dependency named here.
INDIRECT = {
    "shiboken6": ("PySide6-Essentials", "PySide6's own binding layer (deleting a widget now)"),
}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _normal(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement).group(1))


def _dependencies() -> set[str]:
    """The distributions ``[project] dependencies`` asks for (the source of the metadata)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_requirement_name(r) for r in project["dependencies"]}


def imported_names(tree: ast.AST) -> list[tuple[str, int]]:
    """(top-level name, line) of every absolute import in ``tree``, at any depth."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.split(".")[0], node.lineno))
    return found


def _imports() -> dict[str, list[str]]:
    """Top-level names imported anywhere in the package → where (file:line)."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for name, line in imported_names(tree):
            found.setdefault(name, []).append(f"{path.relative_to(ROOT)}:{line}")
    return found


def test_the_package_imports_only_its_dependencies() -> None:
    declared = _dependencies()
    distributions = packages_distributions()
    wrong = []
    for name, places in sorted(_imports().items()):
        if name in sys.stdlib_module_names or name == PACKAGE.name:
            continue
        if name in INDIRECT:
            continue
        owners = {_normal(d) for d in distributions.get(name, [])}
        if not owners:
            wrong.append(f"{name}: no installed distribution provides it ({places[0]})")
        elif not owners & declared:
            wrong.append(
                f"{name} (from {', '.join(sorted(owners))}) is not in [project] dependencies: "
                + ", ".join(places)
            )
    assert not wrong, "\n".join(wrong)


def test_indirect_imports_still_come_with_their_dependency() -> None:
    declared = _dependencies()
    for name, (dependency, _why) in INDIRECT.items():
        assert _normal(dependency) in declared, f"{dependency} is no longer a dependency"
        needs = {_requirement_name(r) for r in requires(dependency) or [] if "extra" not in r}
        owners = {_normal(d) for d in packages_distributions().get(name, [])}
        assert owners & needs, f"{dependency} no longer brings {name}"
        assert name in _imports(), f"nothing imports {name} any more: drop it from INDIRECT"


def test_the_check_sees_imports_inside_functions() -> None:
    """The preview once imported pypdf inside a method; such an import must count."""
    source = (
        "import os.path\n"
        "from . import sibling\n"
        "class Worker:\n"
        "    def run(self):\n"
        "        if True:\n"
        "            from pypdf import PdfReader\n"
    )
    assert imported_names(ast.parse(source)) == [("os", 1), ("pypdf", 6)]
