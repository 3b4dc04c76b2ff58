"""The shape of the package: module sizes and function sizes, the figures issue 13 asks for.

Prints every module of ``mailflow/`` with its line count (those over the limit marked),
then the median, 90th percentile and longest function (lines from ``def`` to its last
statement, decorators and docstring included), and the longest few by name.

Usage: python bench/code_shape.py [--limit 400] [--root mailflow]
"""

from __future__ import annotations

import argparse
import ast
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def function_sizes(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    sizes = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            end = node.end_lineno or node.lineno
            sizes.append((end - start + 1, f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"))
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--root", default="mailflow")
    args = parser.parse_args()
    modules = sorted((ROOT / args.root).rglob("*.py"))
    sizes: list[tuple[int, str]] = []
    over = 0
    for path in modules:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        mark = "  <-- over the limit" if lines > args.limit else ""
        over += bool(mark)
        print(f"{lines:5d}  {path.relative_to(ROOT)}{mark}")
        sizes.extend(function_sizes(path))
    total = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in modules)
    lengths = sorted(n for n, _ in sizes)
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    print(f"\n{len(modules)} modules, {total} lines; {over} over {args.limit} lines")
    print(f"{len(lengths)} functions: median {statistics.median(lengths):g} lines, "
          f"p90 {p90}, longest {lengths[-1]}")
    for n, where in sorted(sizes, reverse=True)[:5]:
        print(f"  {n:4d}  {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
