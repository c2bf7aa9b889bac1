"""``import lineage``: the calls a library user needs, loaded on first use, and one family of
errors (docs/architecture.md, "Front door")."""
from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import lineage
from lineage.errors import LineageError

ROOT = Path(__file__).resolve().parent.parent


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (this one has imported everything already)."""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return out.stdout


def test_import_lineage_loads_no_heavy_library() -> None:
    loaded = json.loads(_fresh(
        "import json, sys, lineage, lineage.cli.main\n"
        "print(json.dumps(sorted(sys.modules)))"))
    heavy = {"pdfplumber", "pdfminer", "opencc", "jieba", "rapidfuzz"}
    assert "lineage" in loaded
    assert not heavy.intersection(m.split(".")[0] for m in loaded)


def test_import_lineage_runs_no_stage() -> None:
    loaded = json.loads(_fresh("import json, sys, lineage\nprint(json.dumps(sorted(sys.modules)))"))
    assert [m for m in loaded if m.startswith("lineage.")] == []


@pytest.mark.parametrize("name", lineage.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    value = getattr(lineage, name)
    assert value is not None
    if name != "__version__":
        # the same object its stage defines (not a copy or a wrapper)
        stage = importlib.import_module(lineage._EXPORTS[name])
        assert value is stage or value is getattr(stage, name)


def test_all_and_the_lazy_table_agree() -> None:
    assert sorted(lineage.__all__) == sorted(["__version__", *lineage._EXPORTS])
    assert len(set(lineage.__all__)) == len(lineage.__all__)


def test_the_library_calls_are_there() -> None:
    wanted = {"read_document", "extract_pdf", "normalize", "compare_documents", "build_report",
              "render_terminal", "render_markdown", "render_html", "render_report", "Document",
              "Paragraph", "Comparison", "Pair", "Op", "LineageError"}
    assert wanted <= set(lineage.__all__)
    assert set(lineage.__all__) <= set(dir(lineage))


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        lineage.no_such_thing  # noqa: B018


def test_normalize_is_a_call_whichever_object_holds_the_name() -> None:
    # lineage.normalize is also the stage's package, which the import system binds to the
    # same attribute: before and after the stage is imported, it normalises.
    out = _fresh(
        "import lineage\n"
        "print(lineage.normalize('a\\u3000\\u3000b', 'compare').text)\n"
        "import lineage.normalize.whitespace\n"
        "print(lineage.normalize('a\\u3000\\u3000b', 'compare').text)\n"
        "from lineage import normalize\n"
        "print(normalize('a\\u3000\\u3000b', 'compare').text)\n")
    expected = lineage.normalize.normalize("a\u3000\u3000b", "compare").text
    assert expected != "a\u3000\u3000b"
    assert out.splitlines() == [expected] * 3


def _all_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(lineage.__path__, "lineage."))


def test_every_exception_is_a_lineage_error_from_errors_py() -> None:
    wrong = []
    for name in _all_modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == name:
                if name != "lineage.errors" or not issubclass(value, LineageError):
                    wrong.append(f"{name}.{attr}")
    assert not wrong, f"exceptions outside lineage/errors.py or not LineageErrors: {wrong}"


def test_the_check_above_sees_the_errors() -> None:
    import lineage.errors as errors

    found = [v for v in vars(errors).values() if inspect.isclass(v) and issubclass(v, BaseException)
             and v.__module__ == "lineage.errors"]
    assert LineageError in found and len(found) >= 10


def test_every_error_class_is_in_the_errors_doc() -> None:
    import lineage.errors as errors

    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [name for name in errors.__all__ if name not in doc]
    assert not missing, missing
    assert sorted(errors.__all__) == sorted(
        n for n, v in vars(errors).items() if inspect.isclass(v) and issubclass(v, LineageError))
