"""The hand-kept phrase lists of the checks repeat no alternative (a repeat is a sign of a list
grown by pasting, and hides which entry a change should touch)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import handlers.checks

CHECKS = Path(handlers.checks.__file__).parent


def _top_level(pattern: str) -> list[str]:
    """The alternatives of `pattern` outside any group or class."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _lists(path: Path) -> list[tuple[int, list[str]]]:
    """Each `_any(...)` and `phrase_pattern(...)` call of a module: its line and alternatives."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id not in ("_any", "phrase_pattern"):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        alternatives = [
            " ".join(alt.split()).lower()
            for text in texts
            if isinstance(text, str)
            for alt in _top_level(text)
            if alt.strip()
        ]
        found.append((node.lineno, alternatives))
    return found


@pytest.mark.parametrize("module", sorted(p.name for p in CHECKS.glob("*.py")))
def test_no_list_repeats_an_alternative(module: str) -> None:
    for line, alternatives in _lists(CHECKS / module):
        repeated = sorted({a for a in alternatives if alternatives.count(a) > 1})
        assert repeated == [], f"{module}:{line}"


def test_the_lists_are_found() -> None:
    assert len(_lists(CHECKS / "behaviours.py")) > 10
    assert any("kritik" in alts for _, alts in _lists(CHECKS / "criticism.py"))
