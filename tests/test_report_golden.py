"""Golden tests of the three renderers on the hand-made fixture comparison.

The golden files ``tests/golden/fixture.report.{txt,md,html}`` were generated from
``tests/support/report_fixture.py`` and then read line by line by a person (the report engineer, on
2026-11-27): the terminal and Markdown reports against the fixture's texts, the HTML one in
Chromium in both views (screenshot in ``docs/img/``). A failure prints a unified diff.

To regenerate after a deliberate change of a renderer, run

    LINEAGE_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py

then read the diff (``git diff tests/golden``) as carefully as the first time before
committing it. In that mode each test writes its file and is *skipped*, never passed: a run
that compared nothing must not look like a run that checked the renderers. Nothing in the
library knows about this switch.
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from lineage.report import build_report
from lineage.report.html import render_html
from lineage.report.markdown import render_markdown
from lineage.report.terminal import render_terminal
from support.report_fixture import fixture

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("LINEAGE_REGENERATE_GOLDEN") == "1"

RENDERERS = {
    "fixture.report.txt": lambda r: render_terminal(r, color=False),
    "fixture.report.color.txt": lambda r: render_terminal(r, color=True),
    "fixture.report.md": render_markdown,
    "fixture.report.html": render_html,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_renderer_matches_golden(name: str) -> None:
    actual = RENDERERS[name](build_report(*fixture()))
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"regenerated golden/{name}: read `git diff tests/golden` before committing")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"golden/{name}", tofile="rendered now"))
        pytest.fail(f"{name} differs from its golden file:\n{diff}", pytrace=False)


def test_rendering_is_deterministic() -> None:
    a = render_html(build_report(*fixture()))
    b = render_html(build_report(*fixture()))
    assert a == b
