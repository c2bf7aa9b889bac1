"""The corpus manifest: validation messages, deterministic writing, entry documents."""
from __future__ import annotations

import sys

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.corpus import manifest as manifest_module
from lineage.corpus.manifest import (
    Entry,
    Manifest,
    load_entry_document,
    load_manifest,
    manifest_to_toml,
    parse_manifest,
    text_stem,
)
from lineage.errors import CorpusError
from lineage.model.document import Document, Paragraph, Source
from lineage.read.textformat import format_document
from support.paths import REPO

GOOD = """\
schema = "lineage.corpus-manifest/1"

[[document]]
symbol = "A/RES/80/173"
language = "zh"
date = "2025-12-17"
kind = "resolution"
origin = "converted-text"
text = "texts/A-RES-80-173.zh.txt"
adopted_from = ["A/80/L.41"]

[[document]]
symbol = "A/80/L.41"
date = "2025-12"
kind = "draft"
"""


def write_corpus(tmp_path, manifest: str, texts: dict[str, str] | None = None):
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    for rel, text in (texts or {}).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def small_doc(symbol="A/RES/80/173", language="zh") -> Document:
    return Document(symbol=symbol, language=language, source=Source("x.md", "markdown"),
                    paragraphs=[Paragraph("1", "我们重申。", "1")])


def test_reads_a_valid_manifest(tmp_path):
    corpus = write_corpus(tmp_path, GOOD, {"texts/A-RES-80-173.zh.txt": format_document(small_doc())})
    m = load_manifest(corpus)
    assert [e.label for e in m] == ["A/RES/80/173 (zh)", "A/80/L.41"]
    res = m.find("A/RES/80/173", "zh")
    assert res.adopted_from == ("A/80/L.41",) and res.has_text
    assert not m.find("A/80/L.41", None).has_text
    assert load_entry_document(corpus, res).paragraphs[0].text == "我们重申。"


@pytest.mark.parametrize(
    "change, message",
    [
        (('kind = "resolution"', 'kind = "resolutoin"'), "document 1 (A/RES/80/173): unknown kind 'resolutoin'"),
        (('kind = "draft"\n', ''), "document 2 (A/80/L.41): missing field 'kind'"),
        (('symbol = "A/80/L.41"\n', ''), "document 2: missing field 'symbol'"),
        (('origin = "converted-text"', 'origin = "scanned"'), "unknown origin 'scanned'"),
        (('origin = "converted-text"\n', ''), "an entry with a text needs its 'origin'"),
        (('language = "zh"\n', ''), "an entry with a text needs its 'language'"),
        (('date = "2025-12-17"', 'date = "17/12/2025"'), "date '17/12/2025' must be YYYY-MM-DD"),
        (('adopted_from = ["A/80/L.41"]', 'adopted_from = "A/80/L.41"'), "'adopted_from' must be a list of symbols"),
        (('adopted_from = ["A/80/L.41"]', 'builds_on = ["A/RES/80/173"]'), "builds_on links the document to itself"),
        (('kind = "draft"', 'kind = "draft"\ncolour = "red"'), "unknown field 'colour'"),
        (('text = "texts/A-RES-80-173.zh.txt"', 'text = "/etc/passwd"'), "must be a relative path inside the corpus"),
        (('text = "texts/A-RES-80-173.zh.txt"', 'text = "texts/missing.txt"'), "text file texts/missing.txt is missing"),
        (('symbol = "A/80/L.41"', 'symbol = "A/RES/80/173"\nlanguage = "zh"'), "duplicate entry A/RES/80/173 (zh)"),
        (('origin = "converted-text"', 'origin = "converted-text"\nsource = "s.txt"'), "'source' and 'source_sha256' go together"),
        (('schema = "lineage.corpus-manifest/1"', 'schema = "lineage.corpus-manifest/9"'), "unsupported manifest schema"),
        (('[[document]]\nsymbol = "A/80/L.41"', '[[document]]\nsymbol = "A/80/L.41'), "not valid TOML"),
        # Spellings of one symbol are one document (the graph merges them), so these are
        # the same mistakes as above and must not slip through.
        (('adopted_from = ["A/80/L.41"]', 'builds_on = ["a/res/80/173"]'), "builds_on links the document to itself"),
        (('adopted_from = ["A/80/L.41"]', 'adopted_from = ["A/80/L.41", "A/80/L. 41"]'), "lists a symbol twice"),
        (('symbol = "A/80/L.41"', 'symbol = "a/res/80/173"\nlanguage = "zh"'), "duplicate entry a/res/80/173 (zh)"),
        # The pattern alone let a day the calendar lacks through.
        (('date = "2025-12-17"', 'date = "2025-02-30"'), "date '2025-02-30' must be YYYY-MM-DD"),
        (('date = "2025-12"\n', 'date = "2025-13"\n'), "date '2025-13' must be YYYY-MM-DD"),
    ],
)
def test_validation_errors_are_clear(tmp_path, change, message):
    old, new = change
    assert old in GOOD
    corpus = write_corpus(tmp_path, GOOD.replace(old, new, 1),
                          {"texts/A-RES-80-173.zh.txt": format_document(small_doc())})
    with pytest.raises(CorpusError) as exc:
        load_manifest(corpus)
    assert exc.value.path == str(corpus / "manifest.toml")
    assert message in exc.value.reason, exc.value.reason


def test_missing_manifest(tmp_path):
    with pytest.raises(CorpusError, match="no corpus manifest here"):
        load_manifest(tmp_path)
    assert len(load_manifest(tmp_path, missing_ok=True)) == 0


def test_placeholder_next_to_language_entry_is_refused(tmp_path):
    text = GOOD + '\n[[document]]\nsymbol = "A/RES/80/173"\nkind = "resolution"\n'
    corpus = write_corpus(tmp_path, text, {"texts/A-RES-80-173.zh.txt": format_document(small_doc())})
    with pytest.raises(CorpusError, match="entry without language next to one with a language"):
        load_manifest(corpus)


def test_entry_document_must_match_its_entry(tmp_path):
    corpus = write_corpus(tmp_path, GOOD, {"texts/A-RES-80-173.zh.txt": format_document(small_doc("A/RES/80/174"))})
    m = load_manifest(corpus)
    with pytest.raises(CorpusError, match=r"the text is A/RES/80/174 \(zh\) but the manifest lists it as A/RES/80/173 \(zh\)"):
        load_entry_document(corpus, m.find("A/RES/80/173", "zh"))
    with pytest.raises(CorpusError, match="A/80/L.41 has no text in the corpus yet"):
        load_entry_document(corpus, m.find("A/80/L.41", None))


def test_entry_and_text_may_spell_the_symbol_differently(tmp_path):
    # The manifest is hand-edited; "a/res/80/173" is the document the text calls A/RES/80/173.
    corpus = write_corpus(tmp_path, GOOD.replace('symbol = "A/RES/80/173"', 'symbol = "a/res/80/173"'),
                          {"texts/A-RES-80-173.zh.txt": format_document(small_doc())})
    m = load_manifest(corpus)
    entry = m.find("A/RES/80/173", "zh")
    assert entry is not None and entry.symbol == "a/res/80/173"
    assert load_entry_document(corpus, entry).paragraphs[0].text == "我们重申。"


def test_writing_is_deterministic_and_reads_back(tmp_path):
    entries = (
        Entry("A/RES/80/173", "resolution", language="zh", date="2025-12-17", origin="converted-text",
              text="texts/A-RES-80-173.zh.txt", builds_on=("A/RES/70/125", "WSIS-05/TUNIS/DOC/7"),
              notes='quote " and 中文'),
        Entry("WSIS-03/GENEVA/DOC/4", "summit-outcome", date="2003-12-12", title="Geneva Declaration"),
        Entry("A/80/L.41", "draft", date="2025-12"),
        Entry("informal zero draft", "informal-draft"),
    )
    shuffled = Manifest(entries)
    text = manifest_to_toml(shuffled)
    assert text == manifest_to_toml(Manifest(tuple(reversed(entries))))
    back = parse_manifest(text, "m.toml")
    # Chronological, undated last.
    assert [e.symbol for e in back] == ["WSIS-03/GENEVA/DOC/4", "A/80/L.41", "A/RES/80/173", "informal zero draft"]
    assert set(back.entries) == set(entries)
    assert manifest_to_toml(back) == text


@pytest.mark.parametrize(
    "symbol, language, stem",
    [
        ("A/RES/80/173", "zh", "A-RES-80-173.zh"),
        ("A/80/L.41", "en", "A-80-L.41.en"),
        ("A/C.3/78/L.60/Rev.1/Corr.1", "zh", "A-C.3-78-L.60-Rev.1-Corr.1.zh"),
        ("WSIS-05/TUNIS/DOC/6(Rev.1)", None, "WSIS-05-TUNIS-DOC-6-Rev.1"),
        ("S/RES/2222 (2015)", "fr", "S-RES-2222-2015.fr"),
        ("zero draft 2025-08", "en", "zero_draft_2025-08.en"),
    ],
)
def test_text_stem(symbol, language, stem):
    assert text_stem(symbol, language) == stem


def test_text_stem_refuses_empty():
    with pytest.raises(CorpusError):
        text_stem("///", "zh")
    with pytest.raises(CorpusError):
        text_stem("A/1", "../")
    assert text_stem("A/1", "../zh") == "A-1.zh"


if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_VALUES = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["", "plain", '"quoted"', "back\\slash", "tab\there", "line\nbreak", "大会", "\x7f", "\x85", " padded "])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.fixed_dictionaries(
    {"symbol": _VALUES, "kind": st.sampled_from(["draft", "resolution"])},
    optional={"title": _VALUES, "notes": _VALUES, "date_inferred": st.booleans(),
              "builds_on": st.lists(_VALUES, max_size=3), "revises": st.lists(_VALUES, max_size=2)}),
    max_size=5))
def test_the_canonical_toml_reader_reads_what_tomllib_reads(tables):
    # the manifest as manifest_to_toml writes it (tomli_w), with any strings: the short reader
    # gives tomllib's answer, or leaves the text to tomllib (strings with escapes)
    text = "# a comment\n\n" + tomli_w.dumps({"schema": "lineage.corpus-manifest/1", "document": tables})
    fast = manifest_module._canonical_toml(text)
    assert fast is None or fast == tomllib.loads(text)
    if "\\" not in text and ("[[document]]" in text or not tables):
        assert fast is not None  # no escape, no inline table (tomli_w's choice for short ones)


_EDITS = [("\n", "\r\n"), (" = ", "="), ('"]', '" ]'), ("[[document]]", "[[ document ]]"), ("\n", "\n  \n"),
          ("symbol", "'symbol'"), ("kind = ", "kind = kind = "), ("\n]", "]"), ("\n    ", "\n\t"),
          ("# a comment", "# a \x01 comment"), ("# a comment", "document = 1"), ("true", "1"),
          ("title = ", "title = title = "), ('",\n]', '"\n]'), ("\n[[document]]\n", "\n[[document]]\nkind = \"x\"\n")]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_EDITS), min_size=1, max_size=3), st.integers(0, 3))
def test_a_hand_edited_manifest_is_read_as_tomllib_reads_it_or_left_to_it(edits, where):
    text = manifest_to_toml(Manifest((
        Entry("A/80/L.41", "draft", date_inferred=True, date="2025", title="A title"),
        Entry("A/RES/80/173", "resolution", language="zh", adopted_from=("A/80/L.41",), builds_on=("A/RES/70/125",),
              title="大会"))))
    text = "# a comment\n" + text
    for old, new in edits:
        at = [i for i in range(len(text)) if text.startswith(old, i)]
        if at:
            i = at[where % len(at)]
            text = text[:i] + new + text[i + len(old):]
    fast = manifest_module._canonical_toml(text)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast is None
        return
    assert fast is None or fast == expected


@pytest.mark.parametrize("folder", ["corpora", "tests/data/lineage_corpus"])
def test_the_bundled_manifests_are_read_the_short_way(folder):
    text = (REPO / folder / "manifest.toml").read_text(encoding="utf-8")
    assert manifest_module._canonical_toml(text) == tomllib.loads(text)
    written = manifest_to_toml(load_manifest(REPO / folder))
    assert manifest_module._canonical_toml(written) == tomllib.loads(written)
