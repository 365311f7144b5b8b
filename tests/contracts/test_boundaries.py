"""The house rules, read from the source: one way down, no cycles, each layer in its place.

Every import of every module in ``hasura_cloud_magic`` is read with ``ast`` — lazy imports
inside functions included, type-only imports (under ``if TYPE_CHECKING:``) set apart — and:

* no import cycle among our modules (type-only imports excepted: they never run);
* ``httpx`` and the generated clients are imported at run time only by the facade layer;
* the emulator imports nothing of ours outside itself, and outside it only its public entry
  points (the package and ``__main__``) are imported;
* the widgets never import the IPython layer (``magics``), and the library at the root
  imports neither it nor IPython, ipywidgets or traitlets;
* ``display`` and ``redaction`` import nothing of ours.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import ROOT

PACKAGE = ROOT / "hasura_cloud_magic"
FACADE = {
    "hasura_cloud_magic.api",
    "hasura_cloud_magic.metrics_api",
    "hasura_cloud_magic.access_api",
    "hasura_cloud_magic.domains_api",
    "hasura_cloud_magic.error_mapping",
}
EMULATOR = "hasura_cloud_magic.emulator"
EMULATOR_ENTRY_POINTS = {EMULATOR, f"{EMULATOR}.__main__"}
#: Only the facade layer talks HTTP and uses the generated clients.
GENERATED_AND_HTTP = ("httpx", "hasura_cloud_client", "hasura_metrics_client")
IPYTHON_LAYER = ("IPython", "ipywidgets", "traitlets", "ipykernel")


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module (a submodule when ``from package import submodule``)
    type_only: bool
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _known_modules() -> set[str]:
    return {module_name(path) for path in PACKAGE.rglob("*.py")}


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, known: set[str]) -> None:
        self.module, self.is_package, self.known = module, is_package, known
        self.found: list[Import] = []
        self._type_only = 0

    def visit_If(self, node: ast.If) -> None:
        guard = ast.unparse(node.test)
        if guard in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            self._type_only += 1
            for child in node.body:
                self.visit(child)
            self._type_only -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = _absolute(self.module, self.is_package, node)
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            self._add(sub if sub in self.known else base, node.lineno)

    def _add(self, target: str, line: int) -> None:
        self.found.append(Import(self.module, target, self._type_only > 0, line))


def all_imports() -> list[Import]:
    known = _known_modules()
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        collector = _Collector(module_name(path), _is_package(path), known)
        collector.visit(ast.parse(path.read_text(), str(path)))
        found += collector.found
    return found


def _ours(name: str) -> bool:
    return name == "hasura_cloud_magic" or name.startswith("hasura_cloud_magic.")


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _is_parent(package: str, module: str) -> bool:
    """Importing a submodule runs its packages' ``__init__`` first: not an edge to draw."""
    return module.startswith(package + ".")


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if imp.type_only or not _ours(imp.target) or _is_parent(imp.target, imp.source):
            continue
        if imp.target != imp.source:
            graph.setdefault(imp.source, set()).add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    found = all_imports()
    assert len(found) > 200, "the collector found too few imports to be reading the package"
    return found


def _where(imp: Import) -> str:
    return f"{imp.source}:{imp.line} imports {imp.target}"


def test_no_import_cycles(imports: list[Import]) -> None:
    assert import_cycles(imports) == []


def test_the_cycle_detector_finds_a_cycle() -> None:
    made_up = [
        Import("hasura_cloud_magic.a", "hasura_cloud_magic.b", False, 1),
        Import("hasura_cloud_magic.b", "hasura_cloud_magic.c", False, 1),
        Import("hasura_cloud_magic.c", "hasura_cloud_magic.a", False, 1),
        Import("hasura_cloud_magic.c", "hasura_cloud_magic.d", True, 1),
        Import("hasura_cloud_magic.d", "hasura_cloud_magic.c", False, 1),
    ]
    assert import_cycles(made_up) == [
        ["hasura_cloud_magic.a", "hasura_cloud_magic.b", "hasura_cloud_magic.c"]
    ]


def test_http_and_the_generated_client_only_in_the_facade(imports: list[Import]) -> None:
    outside = [
        _where(imp)
        for imp in imports
        if not imp.type_only
        and imp.target.split(".")[0] in GENERATED_AND_HTTP
        and imp.source not in FACADE
        and not _within(imp.source, EMULATOR)  # the emulator's own HTTP stack is its own
    ]
    assert outside == []


def test_the_emulator_imports_nothing_of_ours_outside_itself(imports: list[Import]) -> None:
    leaks = [
        _where(imp)
        for imp in imports
        if _within(imp.source, EMULATOR) and _ours(imp.target) and not _within(imp.target, EMULATOR)
    ]
    assert leaks == []


def test_only_the_emulators_entry_points_are_imported_from_outside(
    imports: list[Import],
) -> None:
    reaching_in = [
        _where(imp)
        for imp in imports
        if not _within(imp.source, EMULATOR)
        and _within(imp.target, EMULATOR)
        and imp.target not in EMULATOR_ENTRY_POINTS
    ]
    assert reaching_in == []


def test_widgets_never_import_the_ipython_layer(imports: list[Import]) -> None:
    upward = [
        _where(imp)
        for imp in imports
        if _within(imp.source, "hasura_cloud_magic.widgets")
        and _within(imp.target, "hasura_cloud_magic.magics")
    ]
    assert upward == []


def _library(module: str) -> bool:
    """The library: the root modules and packages, not the front-ends or the server."""
    parts = module.split(".")
    return len(parts) >= 2 and parts[1] not in ("magics", "widgets", "emulator")


def test_the_library_imports_no_front_end(imports: list[Import]) -> None:
    front_ends = ("hasura_cloud_magic.magics", "hasura_cloud_magic.widgets")
    upward = [
        _where(imp)
        for imp in imports
        if _library(imp.source)
        and (
            any(_within(imp.target, layer) for layer in front_ends)
            or imp.target.split(".")[0] in IPYTHON_LAYER
        )
    ]
    assert upward == []


def test_the_root_package_reaches_the_magics_only_from_the_extension_hooks(
    imports: list[Import],
) -> None:
    hooks = [
        imp
        for imp in imports
        if imp.source == "hasura_cloud_magic" and _within(imp.target, "hasura_cloud_magic.magics")
    ]
    source = (PACKAGE / "__init__.py").read_text()
    tree = ast.parse(source)
    inside_hooks = {
        node.lineno
        for function in tree.body
        if isinstance(function, ast.FunctionDef) and function.name.endswith("ipython_extension")
        for node in ast.walk(function)
        if isinstance(node, ast.ImportFrom)
    }
    assert hooks and all(imp.line in inside_hooks for imp in hooks)


def test_display_and_redaction_import_nothing_of_ours(imports: list[Import]) -> None:
    leaves = ("hasura_cloud_magic.display", "hasura_cloud_magic.redaction")
    ours = [_where(imp) for imp in imports if imp.source in leaves and _ours(imp.target)]
    assert ours == []
