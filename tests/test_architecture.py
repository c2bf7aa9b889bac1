"""The package's design, checked from its source: one-way dependencies between the stages and
no import cycle between modules (docs/architecture.md).

Every ``import`` statement is read from the syntax tree, including the ones inside functions,
so a deferred import cannot hide a cycle. The only imports allowed inside functions are the
CLI's lazy imports, which exist for start-up speed, not to break a loop.
"""
from __future__ import annotations

import ast
import dataclasses
import importlib
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lineage"

# The stages from the bottom up; a module may import its own stage and the ones before it.
# errors, runtime and model are the floor everyone stands on; the front door (lineage/__init__.py)
# may import anything.
LAYERS: list[tuple[str, ...]] = [
    ("errors", "runtime"),
    ("script",),
    ("model",),
    ("normalize",),
    ("read",),
    ("compare",),
    ("report",),
    ("corpus",),
    ("trace",),
    ("cli",),
]
RANK = {stage: i for i, stages in enumerate(LAYERS) for stage in stages}
# Where a function body may import (lazily, for start-up time only).
LAZY_IMPORTS_ALLOWED = ("lineage.cli",)
# Constants written in the front door itself: importing them runs no other module of ours.
FRONT_DOOR_CONSTANTS = {"__version__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The module of ours that ``name`` (a module or ``module.attribute``) refers to."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> list[tuple[str, int, bool]]:
    """(imported module of ours, line, inside a function) for each import in ``module``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: str) -> list[tuple[str, int, bool]]:
    tree = ast.parse(source)
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking_only(child):
                continue  # seen by type checkers only: never run, so never part of a cycle
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                if base == "lineage" and {a.name for a in child.names} <= FRONT_DOOR_CONSTANTS:
                    continue
                # ``from lineage.read import pdf`` imports the submodule when there is one
                names = [f"{base}.{a.name}" if _resolve(f"{base}.{a.name}") == f"{base}.{a.name}" else base
                         for a in child.names]
            for name in dict.fromkeys(names):
                target = _resolve(name)
                if target is not None:
                    found.append((target, child.lineno, in_function))
            visit(child, inner)

    visit(tree, False)
    return found


def _type_checking_only(node: ast.AST) -> bool:
    """``if TYPE_CHECKING:`` (or ``typing.TYPE_CHECKING``) with no ``else``."""
    if not isinstance(node, ast.If) or node.orelse:
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


GRAPH = {m: _imports(m) for m in MODULES}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_the_walk_sees_the_package() -> None:
    # Guards the test itself: a broken path or parser would make every check below vacuous.
    assert "lineage.cli.main" in MODULES and "lineage.read" in MODULES
    assert any(t == "lineage.errors" for t, _, _ in GRAPH["lineage.cli.main"])


def test_every_stage_has_a_place_in_the_order() -> None:
    stages = {_stage(m) for m in MODULES} - {None}
    assert stages <= set(RANK), f"stages missing from LAYERS: {sorted(stages - set(RANK))}"


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    colour: dict[str, int] = {}
    stack: list[str] = []

    def dfs(node: str) -> list[str] | None:
        colour[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if colour.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in colour:
                cycle = dfs(nxt)
                if cycle:
                    return cycle
        stack.pop()
        colour[node] = 2
        return None

    for node in sorted(graph):
        if node not in colour:
            cycle = dfs(node)
            if cycle:
                return cycle
    return None


def test_no_import_cycle() -> None:
    # A package imports its submodules' names through its __init__; an edge from a submodule
    # to its own parent package is still an edge (the parent runs first), so it counts.
    graph = {m: {t for t, _, _ in edges if t != m} for m, edges in GRAPH.items()}
    cycle = _find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_find_cycle_finds_one() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_stages_import_only_downwards() -> None:
    wrong = []
    for module, edges in GRAPH.items():
        here = _stage(module)
        if here is None:  # the front door
            continue
        for target, line, _ in edges:
            there = _stage(target)
            if there is None:
                wrong.append(f"{module}:{line} imports the front door {target}")
            elif RANK[there] > RANK[here]:
                wrong.append(f"{module}:{line} ({here}) imports {target} ({there}), a later stage")
    assert not wrong, "\n".join(wrong)


def test_no_import_inside_a_function_outside_the_cli() -> None:
    deferred = [f"{m}:{line} imports {t}" for m, edges in GRAPH.items() for t, line, inner in edges
                if inner and not m.startswith(LAZY_IMPORTS_ALLOWED)]
    assert not deferred, "\n".join(deferred)


@pytest.mark.parametrize("source, expected", [
    ("def f():\n    from lineage.read import read_document\n", [("lineage.read", 2, True)]),
    ("class C:\n    def m(self):\n        import lineage.read.pdf.extract\n",
     [("lineage.read.pdf.extract", 3, True)]),
    ("from lineage.read import pdf\n", [("lineage.read.pdf", 1, False)]),
    ("from .textformat import parse_corpus_text\n", [("lineage.read.textformat", 1, False)]),
    ("from ..errors import PdfError\n", [("lineage.errors", 1, False)]),
    ("import json\n", []),
    ("from lineage import __version__\n", []),
    ("from lineage import __version__, read_document\n", [("lineage", 1, False)]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from lineage.read import x\n", []),
    ("if TYPE_CHECKING:\n    pass\nelse:\n    from lineage.read import x\n", [("lineage.read", 4, False)]),
])
def test_the_walk_reads_every_kind_of_import(source: str, expected: list[tuple[str, int, bool]]) -> None:
    assert _imports_in(source, "lineage.read") == expected


DOCS = [PACKAGE.parent / "README.md", *sorted((PACKAGE.parent / "docs").glob("*.md"))]


def _named_in_docs(module: str, pages: list[str]) -> bool:
    """``module`` appears as ``lineage.a.b`` or as ``lineage/a/b.py`` (a package as
    ``lineage/a/``), or as `` `b.py` `` on a page that names its folder `` `lineage/a/` `` (the
    stage table of docs/architecture.md, a stage's own page)."""
    path = MODULES[module].relative_to(PACKAGE.parent).as_posix()
    folder, _, name = path.rpartition("/")
    for text in pages:
        if re.search(rf"{re.escape(module)}(?!\w)", text) or path in text:
            return True
        if f"`{folder}/`" in text and (name == "__init__.py" or f"`{name}`" in text):
            return True
    return False


def test_every_module_is_named_in_the_docs() -> None:
    pages = [p.read_text(encoding="utf-8") for p in DOCS]
    unnamed = [m for m in MODULES if not _named_in_docs(m, pages)]
    assert not unnamed, f"modules named nowhere in README.md or docs/: {unnamed}"


def test_records_are_frozen() -> None:
    # A record (a dataclass that serialises to a contract: it has ``to_dict``) passed from
    # one stage to the next cannot be changed by the one it was handed to (docs/architecture.md).
    records, thawed = [], []
    for module in MODULES:
        for name, value in vars(importlib.import_module(module)).items():
            if (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module
                    and hasattr(value, "to_dict")):
                records.append(f"{module}.{name}")
                if not value.__dataclass_params__.frozen:  # type: ignore[attr-defined]
                    thawed.append(f"{module}.{name}")
    assert "lineage.model.document.Document" in records and "lineage.model.comparison.Pair" in records
    assert not thawed, f"records that are not frozen dataclasses: {thawed}"
