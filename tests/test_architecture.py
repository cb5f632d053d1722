"""The shape of the house: every module belongs to one layer and imports only from layers below it.

Read from the source with ``ast`` (every import, also those inside
functions), so a new module is covered the day it is written and a lazy
import cannot hide an arrow that runs back up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top. A module may import from its own layer and the layers below.
LAYERS = [
    ("raadsakkoord.base", "=raadsakkoord"),  # the package face holds only __version__
    ("raadsakkoord.diffing",),
    ("raadsakkoord.model",),
    ("raadsakkoord.store",),
    ("raadsakkoord.queries",),
    ("raadsakkoord.importing",),
    ("raadsakkoord.export",),
    ("raadsakkoord.operations",),
    ("raadsakkoord.exchange",),
    ("raadsakkoord.demo",),
    ("raadsakkoord.jobs",),
    ("raadsakkoord.cli",),
    ("=ui", "ui.common"),
    ("ui.agenda",),
    ("ui.support",),
    ("ui.exchange",),
    ("ui.drafting",),
    ("ui.griffie",),
    ("ui.shell",),
    ("raadsakkoord.__main__",),  # the program: chooses between the window and the command line
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for top in ("raadsakkoord", "ui"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "versions" in path.parts:  # migration scripts import only alembic and SQLAlchemy
                continue
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def layer_of(module: str) -> int:
    best, depth = None, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if prefix.startswith("="):  # the package's own face, not the folders inside it
                if module == prefix[1:]:
                    return index
                continue
            if (module == prefix or module.startswith(prefix + ".")) and prefix.count(".") > depth:
                best, depth = index, prefix.count(".")
    assert best is not None, f"{module} belongs to no layer: add its folder to LAYERS"
    return best


def imports_of(module: str) -> set[str]:
    """The project's modules that ``module`` imports (a package, or a module inside one)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_has_a_layer():
    assert len(MODULES) > 150  # the walk found the tree, not an empty folder
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_downward(module):
    own = layer_of(module)
    upward = sorted(name for name in GRAPH[module] if layer_of(name) > own)
    assert not upward, f"{module} (layer {own}) imports from a layer above it: {upward}"


def test_no_circles():
    # Tarjan's strongly connected components over the whole import graph.
    index, low, stack, on_stack, circles = {}, {}, [], set(), []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in GRAPH[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert not circles, f"modules that import each other in a circle: {circles}"


def test_operations_internals_stay_inside_operations():
    for module, targets in GRAPH.items():
        if module.startswith("raadsakkoord.operations"):
            continue
        internal = sorted(t for t in targets if t.startswith("raadsakkoord.operations.") and
                          t.rpartition(".")[2].startswith("_"))
        assert not internal, f"{module} imports an internal of the operations: {internal}"


def test_window_and_command_line_do_not_know_each_other():
    for module, targets in GRAPH.items():
        if module.startswith("ui"):
            assert not [t for t in targets if t.startswith("raadsakkoord.cli")], module
        if module.startswith("raadsakkoord.cli"):
            assert not [t for t in targets if t == "ui" or t.startswith("ui.")], module


def _third_party(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("raadsakkoord")))
def test_the_core_does_not_import_qt(module):
    # ODT is written by Qt's own ODF writer until it has a writer of its own; the PDF needs no Qt.
    if module in ("raadsakkoord.export.odt", "raadsakkoord.__main__"):
        return
    assert "PySide6" not in _third_party(module), module


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("ui")))
def test_the_window_does_not_query_the_database(module):
    assert "sqlalchemy" not in _third_party(module), (
        f"{module} uses SQLAlchemy: a widget reads through raadsakkoord.queries and writes through "
        "raadsakkoord.operations")
