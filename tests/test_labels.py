"""The titles of paragraph pairs and footnote changes in both report languages (``--ui``),
as docs/reports.md (`--ui`) and the docstrings describe them."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from lineage.report.labels import footnote_title, pair_title


def _pair(old: bool, new: bool, renumbered: bool) -> SimpleNamespace:
    return SimpleNamespace(old=old, new=new, old_ids=("9",), new_ids=("8",) if renumbered else ("9",),
                           old_label="9", new_label="8" if renumbered else "9")


@pytest.mark.parametrize(("old", "new", "renumbered", "en", "zh"), [
    (True, True, False, "¶ 9", "第 9 段"),
    (True, True, True, "¶ 9 → 8", "原第 9 段 → 第 8 段"),
    (False, True, True, "¶ 8 (new)", "第 8 段（新增）"),
    (True, False, False, "¶ 9 (old)", "原第 9 段（删除）"),
])
def test_pair_title(old: bool, new: bool, renumbered: bool, en: str, zh: str) -> None:
    view = _pair(old, new, renumbered)
    assert (pair_title(view), pair_title(view, "zh")) == (en, zh)


@pytest.mark.parametrize(("change", "old", "new", "en", "zh"), [
    ("inserted", None, 3, "footnote 3 inserted", "脚注 3（新增）"),
    ("deleted", 4, None, "footnote 4 deleted", "脚注 4（删除）"),
    ("modified", 2, 2, "footnote 2 modified", "脚注 2（修改）"),
    ("modified", 4, 3, "footnote 4 → 3 modified", "脚注 4 → 3（修改）"),
])
def test_footnote_title(change: str, old: int | None, new: int | None, en: str, zh: str) -> None:
    fc = SimpleNamespace(change=change, old_number=old, new_number=new)
    assert (footnote_title(fc), footnote_title(fc, "zh")) == (en, zh)
