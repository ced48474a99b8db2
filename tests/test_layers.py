"""Imports run one way: from the command line and the front ends (chat, web page, MCP server) toward the
library, never back; no front end imports the command line."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "qabot"
FRONT_ENDS = {"qabot.cli", "qabot.__main__", "qabot.chat", "qabot.mcp_server", "qabot.completion",
              "qabot.web", "qabot.web.app", "qabot.web.page"}
"""Modules that talk to people or other programs; everything else is the library."""


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each qabot module and the qabot modules it imports (anywhere in it, function bodies included)."""
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {t for t in found if t == "qabot" or t.startswith("qabot.")}
    return graph


def test_the_library_imports_no_front_end():
    graph = _imports()
    assert "qabot.workspace" in graph and "qabot.web.app" in graph
    for module, targets in graph.items():
        if module not in FRONT_ENDS:
            assert not targets & FRONT_ENDS, f"{module} imports {targets & FRONT_ENDS}"


def test_no_front_end_imports_the_command_line():
    graph = _imports()
    for module, targets in graph.items():
        if module not in ("qabot.cli", "qabot.__main__"):
            assert "qabot.cli" not in targets, f"{module} imports qabot.cli"
    assert "qabot.cli" not in graph["qabot.chat"] and "qabot.chat" not in graph["qabot.mcp_server"]
