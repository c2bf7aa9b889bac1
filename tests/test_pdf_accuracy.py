"""Extraction accuracy on every fixture of ``tests/pdfs/index.toml`` (issue 3, point 3):
character error rate 0 against the gold, paragraph by paragraph and footnote by footnote
(whitespace removed); same paragraph ids in the same order; every footnote separated and
every reference placed; no running header, footer or page mark inside a paragraph; and the
error fixtures fail with the class and message phrase the index names."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

import lineage.errors
from lineage.model import Document
from lineage.pdf import extract_pdf
from lineage.pdf.accuracy import compare_to_gold, squash

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PDFS = Path(__file__).parent / "pdfs"
INDEX = tomllib.loads((PDFS / "index.toml").read_text(encoding="utf-8"))["fixture"]
GOOD = [f for f in INDEX if f["expect"] == "ok"]
BAD = [f for f in INDEX if f["expect"] == "error"]


@lru_cache(maxsize=None)
def extracted(name: str) -> Document:
    entry = next(f for f in GOOD if f["name"] == name)
    return extract_pdf(PDFS / entry["file"])


def gold(name: str) -> Document:
    entry = next(f for f in GOOD if f["name"] == name)
    return Document.from_json((PDFS / entry["gold"]).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def furniture_strings(name: str) -> tuple[str, ...]:
    """The tokens printed in the top and bottom 70 points of every page (running header,
    job number, page mark), read with bare pdfplumber, independently of the extractor."""
    import pdfplumber

    entry = next(f for f in GOOD if f["name"] == name)
    tokens: set[str] = set()
    with pdfplumber.open(PDFS / entry["file"]) as pdf:
        for page in pdf.pages:
            # Page 1 has the masthead at the top, its footer (job number) at the bottom.
            boxes = [(0, page.height - 70, page.width, page.height)]
            if page.page_number > 1:
                boxes.append((0, 0, page.width, 70))
            for box in boxes:
                text = page.crop(box).extract_text() or ""
                tokens.update(t for t in text.split() if len(t) >= 3)
    return tuple(sorted(tokens))


names = [f["name"] for f in GOOD]


@pytest.mark.parametrize("name", names)
def test_paragraph_ids_in_order(name):
    assert [p.id for p in extracted(name).all_paragraphs()] == [p.id for p in gold(name).all_paragraphs()]


@pytest.mark.parametrize("name", names)
def test_character_error_rate_is_zero_paragraph_by_paragraph(name):
    got, want = extracted(name), gold(name)
    mine = {p.id: p for p in got.all_paragraphs()}
    for p in want.all_paragraphs():
        assert squash(mine[p.id].text) == squash(p.text), f"paragraph {p.id} differs"
    acc = compare_to_gold(got, want)
    assert acc.paragraph_cer == 0.0


@pytest.mark.parametrize("name", names)
def test_footnotes_separated_and_exact(name):
    got, want = extracted(name), gold(name)
    assert [f.number for f in got.footnotes] == [f.number for f in want.footnotes]
    for f, g in zip(got.footnotes, want.footnotes):
        assert squash(f.text) == squash(g.text), f"footnote {g.number} differs"
        assert f.pages == g.pages


@pytest.mark.parametrize("name", names)
def test_every_reference_placed_at_the_gold_offset(name):
    acc = compare_to_gold(extracted(name), gold(name))
    assert acc.refs_placed == acc.refs_expected


@pytest.mark.parametrize("name", names)
def test_no_furniture_inside_paragraphs(name):
    furniture = furniture_strings(name)
    assert any(ch.isdigit() for t in furniture for ch in t)  # job number found: the check bites
    acc = compare_to_gold(extracted(name), gold(name), furniture)
    assert acc.furniture_leaks == 0
    footnote_text = "".join(squash(f.text) for f in extracted(name).footnotes)
    gold_footnotes = "".join(squash(f.text) for f in gold(name).footnotes)
    for token in furniture:
        assert footnote_text.count(squash(token)) <= gold_footnotes.count(squash(token)), token


@pytest.mark.parametrize("name", names)
def test_masthead_metadata_and_structure(name):
    got, want = extracted(name), gold(name)
    for attr in ("symbol", "language", "date", "distribution", "session", "agenda_items", "title"):
        assert getattr(got, attr) == getattr(want, attr), attr
    assert [(h.text, h.before) for h in got.headings] == [(h.text, h.before) for h in want.headings]
    assert [(p.id, p.section, p.pages) for p in got.all_paragraphs()] == [
        (p.id, p.section, p.pages) for p in want.all_paragraphs()
    ]


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
def test_whole_document_equals_the_gold_whitespace_included(name):
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
