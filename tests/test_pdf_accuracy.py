"""Extraction accuracy on every fixture of ``tests/pdfs/index.toml`` (issue 3, point 3):
character error rate 0 against the gold, paragraph by paragraph and footnote by footnote
(whitespace removed); same paragraph ids in the same order; every footnote separated and
every reference placed; no running header, footer or page mark inside a paragraph; and the
error fixtures fail with the class and message phrase the index names."""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Callable

import pytest

import lineage.errors
import support.pdf_checks as checks
from lineage.model.document import Document
from lineage.read.pdf import extract_pdf

pytestmark = pytest.mark.slow  # every test extracts or reads PDFs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PDFS = Path(__file__).parent / "pdfs"
INDEX = tomllib.loads((PDFS / "index.toml").read_text(encoding="utf-8"))["fixture"]
GOOD = [f for f in INDEX if f["expect"] == "ok"]
BAD = [f for f in INDEX if f["expect"] == "error"]


@pytest.fixture
def extracted(extracted_pdf) -> Callable[[str], Document]:
    """The fixture ``name``'s document, extracted once per session (conftest)."""
    def get(name: str) -> Document:
        entry = next(f for f in GOOD if f["name"] == name)
        return extracted_pdf(PDFS / entry["file"])
    return get


def gold(name: str) -> Document:
    entry = next(f for f in GOOD if f["name"] == name)
    return Document.from_json((PDFS / entry["gold"]).read_text(encoding="utf-8"))


@cache
def furniture_strings(name: str) -> tuple[str, ...]:
    """The tokens printed in the top and bottom 70 points of every page."""
    entry = next(f for f in GOOD if f["name"] == name)
    return checks.furniture_tokens(PDFS / entry["file"], 70)


names = [f["name"] for f in GOOD]


@pytest.mark.parametrize("name", names)
def test_paragraph_ids_in_order(name, extracted):
    checks.check_paragraph_ids_in_order(extracted(name), gold(name))


@pytest.mark.parametrize("name", names)
def test_character_error_rate_is_zero_paragraph_by_paragraph(name, extracted):
    checks.check_paragraph_text_exact(extracted(name), gold(name))


@pytest.mark.parametrize("name", names)
def test_footnotes_separated_and_exact(name, extracted):
    checks.check_footnotes_separated_and_exact(extracted(name), gold(name))


@pytest.mark.parametrize("name", names)
def test_every_reference_placed_at_the_gold_offset(name, extracted):
    checks.check_every_reference_placed(extracted(name), gold(name))


@pytest.mark.parametrize("name", names)
def test_no_furniture_inside_paragraphs(name, extracted):
    checks.check_no_furniture(extracted(name), gold(name), furniture_strings(name))


@pytest.mark.parametrize("name", names)
def test_masthead_metadata_and_structure(name, extracted):
    checks.check_masthead_metadata_and_structure(extracted(name), gold(name))


def _comparable(doc: Document) -> dict:
    """The document as the index compares it: without ``source``, paragraph ``spans`` and
    ``warnings``."""
    d = doc.to_dict()
    d.pop("source")
    d.pop("warnings")
    for p in d["preamble"] + d["paragraphs"]:
        p.pop("spans")
    return d


@pytest.mark.parametrize("name", names)
def test_whole_document_equals_the_gold_whitespace_included(name, extracted):
    # Stricter than point 3: spaces too (Word's autospacing gaps read as in the gold), the
    # footnote offsets as they are, metadata, headings, sections and pages.
    assert _comparable(extracted(name)) == _comparable(gold(name))


@pytest.mark.parametrize("entry", BAD, ids=[f["name"] for f in BAD])
def test_error_fixtures_give_the_expected_error(entry):
    error_class = getattr(lineage.errors, entry["error"])
    with pytest.raises(error_class) as info:
        extract_pdf(PDFS / entry["file"])
    message = info.value.message
    assert entry["message_contains"].lower() in message.lower()
    assert entry["file"] in message  # the file is named
    assert "\n" not in message


def test_error_fixtures_exit_2_with_one_line_and_write_nothing(run_cli, tmp_path):
    out = tmp_path / "out.json"
    for entry in BAD:
        code, stdout, err = run_cli("extract", str(PDFS / entry["file"]), "-o", str(out))
        assert code == 2, entry["name"]
        assert stdout == ""
        assert err.startswith("lineage: ") and err.count("\n") == 1
        assert not out.exists()
