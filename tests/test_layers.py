"""The flow a reader relies on: ui.py and the web package reach the documents only through the assistant, and
the index never imports the assistant."""

from __future__ import annotations

import ast
from pathlib import Path

from index.config import PROJECT_ROOT


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def test_the_web_side_never_imports_the_index():
    files = [PROJECT_ROOT / "ui.py", *sorted((PROJECT_ROOT / "assistant" / "web").rglob("*.py"))]
    offenders = {f.name: sorted(n for n in _imported_modules(f) if n.split(".")[0] == "index") for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_index_never_imports_the_assistant():
    for f in sorted((PROJECT_ROOT / "index").rglob("*.py")):
        assert "assistant" not in _top(_imported_modules(f)), f.name


def test_the_web_modules_live_in_their_own_package():
    assert not [p.name for p in (PROJECT_ROOT / "assistant").glob("ui_*.py")]
    assert not (PROJECT_ROOT / "assistant" / "admin.py").exists()
    ui = (PROJECT_ROOT / "ui.py").read_text(encoding="utf-8")
    assert "<script" not in ui.replace('<script src="', "") and "{ margin" not in ui  # styles and scripts are files
