"""The import contract: the folders of ``mailflow/`` are its stages, and this keeps them so.

Every import in the package (at module level or inside a function) is read with ``ast``.
The core imports only the core and never touches I/O libraries or the clock; ``config``
sits below ``run``; adapters and intake never reach up into ``run`` or ``cli``; and no
module imports another that (through any chain) imports it back.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mailflow"

# layer -> the mailflow layers it may import (its own always allowed)
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "config": {"core"},
    "adapters": {"core", "config"},
    "intake": {"core", "config", "adapters"},
    "run": {"core", "config", "adapters", "intake"},
    "cli": {"core", "config", "adapters", "intake", "run"},
}
TOP_LEVEL = {"mailflow", "mailflow.__main__"}
CORE_FORBIDDEN_LIBRARIES = {"tinydb", "imapclient", "smtplib", "imaplib", "socket", "subprocess",
                            "multiprocessing", "threading", "apscheduler", "mailbox"}
CLOCK_CALLS = {"now", "utcnow", "today", "time", "monotonic", "perf_counter"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> Iterator[tuple[str, int]]:
    """Every module ``name`` imports (resolved to a module of ours where it is one), with its line."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield (full if full in MODULES else base), node.lineno


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def violations() -> list[str]:
    found = []
    for name in MODULES:
        if name in TOP_LEVEL:
            continue
        own = layer(name)
        for target, line in imports_of(name):
            root = target.split(".")[0]
            if own == "core" and root in CORE_FORBIDDEN_LIBRARIES:
                found.append(f"{name}:{line} (core) imports {target}")
            if root != "mailflow" or target == "mailflow":
                continue
            other = layer(target)
            if other != own and other not in ALLOWED[own]:
                found.append(f"{name}:{line} ({own}) imports {target} ({other})")
    return found


def clock_reads() -> list[str]:
    found = []
    for name, path in MODULES.items():
        if layer(name) != "core":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in CLOCK_CALLS
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in {"datetime", "date", "time"}):
                found.append(f"{name}:{node.lineno} reads the clock ({node.func.value.id}."
                             f"{node.func.attr})")
    return found


def cycles() -> list[list[str]]:
    graph = {name: {t for t, _ in imports_of(name) if t in MODULES and t != name}
             for name in MODULES}
    # a package's __init__ importing its own modules is no cycle; a module never imports
    # its package's __init__ here except for the version string.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return components


def test_every_module_belongs_to_a_layer() -> None:
    strays = [n for n in MODULES if n not in TOP_LEVEL and layer(n) not in ALLOWED]
    assert strays == []


def test_layers_import_only_what_they_may() -> None:
    assert violations() == []


def test_the_core_never_reads_the_clock() -> None:
    assert clock_reads() == []


def test_no_import_cycles() -> None:
    assert cycles() == []


@pytest.mark.parametrize(("source", "expected"), [
    ("from mailflow.run.tick import run_tick\n", "(core) imports mailflow.run.tick (run)"),
    ("import tinydb\n", "(core) imports tinydb"),
])
def test_the_contract_catches_a_forbidden_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, expected: str) -> None:
    fake = tmp_path / "intruder.py"
    fake.write_text(source)
    monkeypatch.setitem(MODULES, "mailflow.core.intruder", fake)
    assert any(expected in v for v in violations())


def test_the_contract_catches_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from mailflow.core import b\n")
    b.write_text("import mailflow.core.a\n")
    monkeypatch.setitem(MODULES, "mailflow.core.a", a)
    monkeypatch.setitem(MODULES, "mailflow.core.b", b)
    assert ["mailflow.core.a", "mailflow.core.b"] in cycles()
