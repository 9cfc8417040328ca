"""The shape of ``karaoke/`` (its layers are described in ``karaoke/__init__.py``), checked by
reading its source with ``ast``. The rules:

- dependencies point one way, ``ui``, ``cli`` → ``app`` → ``player`` → ``core``
  (:data:`LAYER_RULES`); ``companion`` (the phones' server) uses ``core`` and aiohttp only;
- ``core`` is pure Python: no Qt, no VLC; ``player`` and ``app`` use QtCore only, no widgets
  (neither ``PySide6.QtWidgets`` nor ``PySide6.QtGui``);
- only ``karaoke/player/`` imports ``vlc`` or ``ctypes`` or calls ``load_libvlc``
  (:data:`LIBVLC_OWNER`);
- no import cycles;
- files and functions small enough to read in one sitting: a module has at most
  :data:`MAX_MODULE_LINES` lines (450), a function at most :data:`MAX_FUNCTION_LINES` (70).

Every import counts, wherever it is written: at the top, inside a function (a lazy import is
still a dependency), relative (``from . import x``), or through ``importlib.import_module``
or ``lazy_module`` with a literal name. Imports under ``if TYPE_CHECKING:`` never run, so they
are left out of the cycle check only; the layering rules still apply to them.

The checkers are plain functions over a package folder, so the tests at the end can feed them a
synthetic package and show that each one fails when it should.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "karaoke"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 70

#: (modules under this prefix, may not import any of these) — prefixes of dotted names.
LAYER_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "karaoke.core",
        (
            "PySide6",
            "vlc",
            "karaoke.player",
            "karaoke.app",
            "karaoke.ui",
            "karaoke.cli",
            "karaoke.companion",
        ),
    ),
    (
        "karaoke.player",
        ("karaoke.ui", "karaoke.app", "karaoke.cli", "PySide6.QtWidgets", "PySide6.QtGui"),
    ),
    ("karaoke.app", ("PySide6.QtWidgets", "PySide6.QtGui", "karaoke.ui", "karaoke.cli")),
    # The phones' server: core and aiohttp only, so it runs in its own thread without Qt.
    (
        "karaoke.companion",
        ("PySide6", "vlc", "karaoke.player", "karaoke.app", "karaoke.ui", "karaoke.cli"),
    ),
)
#: Only modules under this prefix may import ``vlc`` or call ``load_libvlc``.
LIBVLC_OWNER = "karaoke.player"
LIBVLC_LOADER = "load_libvlc"


# The checkers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it names, dotted: "PySide6.QtWidgets", "karaoke.core.model.Song"
    line: int
    type_only: bool  # under `if TYPE_CHECKING:`

    def where(self, files: dict[str, Path]) -> str:
        return f"{_shown(files[self.module])}:{self.line}"


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def find_modules(package_dir: Path) -> dict[str, Path]:
    """Dotted module name → file, for every ``.py`` under ``package_dir`` (a package folder)."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, type_only: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node below ``node``, with whether it sits under ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        yield child, type_only
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            yield child.test, type_only
            for stmt in child.body:
                yield stmt, True
                yield from _walk(stmt, True)
            for stmt in child.orelse:
                yield stmt, type_only
                yield from _walk(stmt, type_only)
        else:
            yield from _walk(child, type_only)


def _resolve_relative(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name> import ...`` written in ``module``."""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _imported_module_name(call: ast.Call) -> str | None:
    """``"x"`` for ``importlib.import_module("x")``, ``__import__("x")`` or
    ``lazy_module("x")`` (:mod:`karaoke.ui.shared.lazy_import`); else None."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    if name not in ("import_module", "__import__", "lazy_module") or not call.args:
        return None
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def find_imports(package_dir: Path) -> list[Import]:
    """Every import written in every module under ``package_dir``, lazy ones included."""
    found = []
    for module, path in find_modules(package_dir).items():
        is_package = path.name == "__init__.py"
        for node, type_only in _walk(_parse(path)):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = _resolve_relative(module, is_package, node.level, node.module)
                targets = [
                    base if alias.name == "*" else f"{base}.{alias.name}" for alias in node.names
                ]
            elif isinstance(node, ast.Call) and (name := _imported_module_name(node)):
                targets = [name]
            else:
                continue
            found += [Import(module, target, node.lineno, type_only) for target in targets]
    return found


def import_graph(package_dir: Path) -> dict[str, dict[str, Import]]:
    """Module → {module of the package it imports: the first import that does}, skipping
    ``TYPE_CHECKING`` imports. ``from a.b import c`` is an edge to ``a.b.c`` when that is a
    module, else to ``a.b``: the longest prefix of the name that is a module of the package.
    Importing ``a.b.c`` also runs ``a/__init__.py``, but that edge is left out: a package's
    ``__init__`` that imports its own submodules is not a cycle anyone has to untangle."""
    modules = find_modules(package_dir)
    graph: dict[str, dict[str, Import]] = {module: {} for module in modules}
    for imp in find_imports(package_dir):
        if imp.type_only:
            continue
        parts = imp.target.split(".")
        for end in range(len(parts), 0, -1):
            target = ".".join(parts[:end])
            if target in modules:
                if target != imp.module:
                    graph[imp.module].setdefault(target, imp)
                break
    return graph


def _strongly_connected(graph: dict[str, dict[str, Import]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components in no particular order, members sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def _one_cycle(graph: dict[str, dict[str, Import]], members: list[str]) -> list[str]:
    """A shortest cycle through the first member, within the component (breadth first)."""
    start, inside = members[0], set(members)
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node]):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child in inside and child not in came_from:
                came_from[child] = node
                queue.append(child)
    return [*members, start]  # not reached for a real component


def find_cycles(package_dir: Path) -> list[str]:
    """One sentence per import cycle: its modules, and one loop through them with the lines."""
    graph = import_graph(package_dir)
    files = find_modules(package_dir)
    problems = []
    for members in _strongly_connected(graph):
        if len(members) < 2:
            continue
        loop = _one_cycle(graph, members)
        steps = ", ".join(
            f"{a} -> {b} ({graph[a][b].where(files)})" for a, b in itertools.pairwise(loop)
        )
        problems.append(f"cycle among {', '.join(members)}: {steps}")
    return sorted(problems)


def find_layer_breaks(package_dir: Path) -> list[str]:
    """One sentence per import that goes against :data:`LAYER_RULES` or imports ``vlc`` outside
    the player package."""
    files = find_modules(package_dir)
    problems = []
    for imp in find_imports(package_dir):
        forbidden = [
            banned
            for layer, bans in LAYER_RULES
            if _under(imp.module, layer)
            for banned in bans
            if _under(imp.target, banned)
        ]
        if _under(imp.target, "vlc") and not _under(imp.module, LIBVLC_OWNER):
            forbidden.append(f"vlc (only {LIBVLC_OWNER} may)")
        # libvlccore is reached through ctypes: the same one owner.
        if _under(imp.target, "ctypes") and not _under(imp.module, LIBVLC_OWNER):
            forbidden.append(f"ctypes (only {LIBVLC_OWNER} loads native libraries)")
        for banned in forbidden:
            problems.append(f"{imp.where(files)}: {imp.module} imports {imp.target} ({banned})")
    return problems


def find_libvlc_loads(package_dir: Path) -> list[str]:
    """Calls of ``load_libvlc`` outside the player package: one libvlc owner decides how an
    instance is made. Found by name, called as a function, an attribute or an import alias."""
    problems = []
    for module, path in find_modules(package_dir).items():
        if _under(module, LIBVLC_OWNER):
            continue
        tree = _parse(path)
        names = {LIBVLC_LOADER} | {
            alias.asname
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name == LIBVLC_LOADER and alias.asname
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in names:
                problems.append(f"{_shown(path)}:{node.lineno}: {module} calls {LIBVLC_LOADER}()")
    return problems


def find_oversized(
    package_dir: Path,
    max_module_lines: int = MAX_MODULE_LINES,
    max_function_lines: int = MAX_FUNCTION_LINES,
) -> list[str]:
    """Modules over ``max_module_lines`` lines and functions (methods, nested ones too) over
    ``max_function_lines``, from the ``def`` line to the last line of the body."""
    problems = []
    for path in find_modules(package_dir).values():
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > max_module_lines:
            problems.append(f"{_shown(path)}: {lines} lines (at most {max_module_lines})")
        for node in ast.walk(ast.parse(text, filename=str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > max_function_lines:
                    problems.append(
                        f"{_shown(path)}:{node.lineno}: {node.name}() is {length} lines "
                        f"(at most {max_function_lines})"
                    )
    return problems


def _report(title: str, problems: list[str]) -> str:
    return f"{title}:\n  " + "\n  ".join(problems)


# karaoke/ ----------------------------------------------------------------------------------------


def test_the_package_is_found():
    modules = find_modules(PACKAGE)
    assert {"karaoke", "karaoke.core.model", "karaoke.player.vlc_player"} <= set(modules)


def test_no_import_cycles():
    cycles = find_cycles(PACKAGE)
    assert not cycles, _report("Import cycles in karaoke/ (lazy imports count)", cycles)


def test_layers_depend_downwards_only():
    breaks = find_layer_breaks(PACKAGE)
    assert not breaks, _report(
        "Imports against the layers (core <- player <- app <- ui/cli; vlc only in player)",
        breaks,
    )


def test_only_the_player_package_loads_libvlc():
    calls = find_libvlc_loads(PACKAGE)
    assert not calls, _report(f"{LIBVLC_LOADER}() called outside {LIBVLC_OWNER}", calls)


def test_modules_and_functions_are_small():
    oversized = find_oversized(PACKAGE)
    assert not oversized, _report("Too long to read in one sitting", oversized)


# The checkers can fail ---------------------------------------------------------------------------


def make_package(root: Path, files: dict[str, str]) -> Path:
    """A package ``karaoke`` under ``root`` with ``files`` (relative path → source)."""
    package = root / "karaoke"
    for name, source in {"__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    return package


def test_a_cycle_through_a_lazy_relative_import_is_reported(tmp_path):
    package = make_package(
        tmp_path,
        {
            "core/a.py": "from karaoke.core.b import thing\n",
            "core/b.py": "def thing():\n    from . import c\n",
            "core/c.py": "import karaoke.core.a\n",
            "core/d.py": "import karaoke.core.a\n",  # imports into the cycle, not part of it
        },
    )
    cycles = find_cycles(package)
    assert len(cycles) == 1
    assert cycles[0].startswith("cycle among karaoke.core.a, karaoke.core.b, karaoke.core.c:")
    assert "karaoke.core.b -> karaoke.core.c (" in cycles[0]
    assert "core/b.py:2" in cycles[0]
    assert "karaoke.core.d" not in cycles[0]


def test_a_cycle_through_a_package_init_is_reported(tmp_path):
    package = make_package(
        tmp_path,
        {
            "ui/__init__.py": "from .window import Window\n",
            "ui/window.py": "from karaoke.ui import helpers\n",
            "ui/helpers.py": "from karaoke import ui\n",
        },
    )
    (cycle,) = find_cycles(package)
    assert "karaoke.ui, karaoke.ui.helpers, karaoke.ui.window" in cycle


def test_type_checking_imports_do_not_make_a_cycle(tmp_path):
    package = make_package(
        tmp_path,
        {
            "app/a.py": "import karaoke.app.b\n",
            "app/b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n"
                "    from karaoke.app.a import A\n"
            ),
        },
    )
    assert find_cycles(package) == []
    make_package(tmp_path, {"app/b.py": "from karaoke.app.a import A\n"})
    assert len(find_cycles(package)) == 1


def test_each_layer_rule_is_enforced(tmp_path):
    package = make_package(
        tmp_path,
        {
            "core/model.py": (
                "from PySide6.QtCore import QObject\n"
                "def later():\n"
                "    from karaoke.player import base\n"
                "    from ..ui import window\n"
            ),
            "player/base.py": "from PySide6 import QtWidgets\nfrom karaoke.app import session\n",
            "app/session.py": (
                "from PySide6.QtCore import QObject\n"  # allowed
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n"
                "    from PySide6.QtGui import QColor\n"
                "from karaoke.cli import main\n"
            ),
            "ui/window.py": (
                "import vlc\nimport importlib\nimportlib.import_module('vlc')\nlazy_module('vlc')\n"
            ),
            "app/native.py": "import ctypes\n",
            "player/vlc_player.py": "import vlc\n",  # allowed
            "cli/main.py": "from karaoke.ui import window\n",  # allowed
        },
    )
    breaks = "\n".join(find_layer_breaks(package))
    for expected in (
        "core/model.py:1: karaoke.core.model imports PySide6.QtCore.QObject (PySide6)",
        "core/model.py:3: karaoke.core.model imports karaoke.player.base (karaoke.player)",
        "core/model.py:4: karaoke.core.model imports karaoke.ui.window (karaoke.ui)",
        "player/base.py:1: karaoke.player.base imports PySide6.QtWidgets (PySide6.QtWidgets)",
        "player/base.py:2: karaoke.player.base imports karaoke.app.session (karaoke.app)",
        "app/session.py:4: karaoke.app.session imports PySide6.QtGui.QColor (PySide6.QtGui)",
        "app/session.py:5: karaoke.app.session imports karaoke.cli.main (karaoke.cli)",
        "ui/window.py:1: karaoke.ui.window imports vlc (vlc (only karaoke.player may))",
        "ui/window.py:3: karaoke.ui.window imports vlc (vlc (only karaoke.player may))",
        "ui/window.py:4: karaoke.ui.window imports vlc (vlc (only karaoke.player may))",
        "app/native.py:1: karaoke.app.native imports ctypes "
        "(ctypes (only karaoke.player loads native libraries))",
    ):
        assert expected in breaks, breaks
    assert len(breaks.splitlines()) == 11, breaks


def test_the_companion_uses_core_only(tmp_path):
    package = make_package(
        tmp_path,
        {
            "companion/server.py": (
                "import aiohttp\n"  # allowed
                "from karaoke.core.model import Song\n"  # allowed
                "from PySide6.QtCore import QObject\n"
                "from karaoke.app import session\n"
            ),
            "app/bridge.py": "from karaoke.companion import server\n",  # allowed
            "core/model.py": "from karaoke.companion import server\n",
        },
    )
    assert sorted(find_layer_breaks(package)) == [
        f"{package / 'companion/server.py'}:3: karaoke.companion.server imports "
        "PySide6.QtCore.QObject (PySide6)",
        f"{package / 'companion/server.py'}:4: karaoke.companion.server imports "
        "karaoke.app.session (karaoke.app)",
        f"{package / 'core/model.py'}:1: karaoke.core.model imports "
        "karaoke.companion.server (karaoke.companion)",
    ]


def test_load_libvlc_outside_the_player_is_reported(tmp_path):
    package = make_package(
        tmp_path,
        {
            "player/vlc_player.py": "def load_libvlc():\n    pass\nload_libvlc()\n",  # allowed
            "app/players.py": (
                "from karaoke.player import vlc_player\n"
                "def make():\n"
                "    return vlc_player.load_libvlc()\n"
            ),
            "ui/waveform.py": "from karaoke.player.vlc_player import load_libvlc as l\nl()\n",
        },
    )
    assert find_libvlc_loads(package) == [
        f"{package / 'app/players.py'}:3: karaoke.app.players calls load_libvlc()",
        f"{package / 'ui/waveform.py'}:2: karaoke.ui.waveform calls load_libvlc()",
    ]


def test_long_modules_and_functions_are_reported(tmp_path):
    package = make_package(
        tmp_path,
        {
            "core/long.py": "\n" * 12,
            "core/fits.py": "def fits():\n" + "    x = 1\n" * 4,
            "core/funcs.py": "class A:\n    def method(self):\n" + "        x = 1\n" * 5,
        },
    )
    found = find_oversized(package, max_module_lines=10, max_function_lines=5)
    assert found == [
        f"{package / 'core/funcs.py'}:2: method() is 6 lines (at most 5)",
        f"{package / 'core/long.py'}: 12 lines (at most 10)",
    ]
