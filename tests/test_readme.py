"""The README's Python example runs as written (a doctest over its ```python blocks)."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.M | re.S)


def test_the_readme_has_a_python_example() -> None:
    blocks = _python_blocks(README.read_text(encoding="utf-8"))
    assert blocks and all(">>> " in b for b in blocks)


@pytest.mark.parametrize("index", range(len(_python_blocks(README.read_text(encoding="utf-8")))))
def test_readme_example_runs(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the example names files of the checkout by relative path
    block = _python_blocks(README.read_text(encoding="utf-8"))[index]
    test = doctest.DocTestParser().get_doctest(block, {}, f"README.md block {index + 1}", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0 and test.examples, "".join(failures)
