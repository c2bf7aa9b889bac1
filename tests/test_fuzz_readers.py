"""Property-based fuzzing of everything that reads untrusted text (issue 15, the fuzzing
harness): the text readers, the corpus text format and the manifest. Whatever the bytes,
the result is a Document (or Manifest) or a LineageError: never another exception. The
deadline is a hang guard (generous: a loaded CI machine), not a speed claim;
tests/test_linear_time.py checks growth.

``LINEAGE_FUZZ_EXAMPLES=N`` runs N examples per property instead of the brief default.
"""
from __future__ import annotations

import os

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineage.corpus.manifest import parse_manifest
from lineage.errors import LineageError
from lineage.read import read_text_document
from lineage.read.markdown import parse_markdown
from lineage.read.plaintext import parse_plaintext
from lineage.read.textformat import format_document, parse_corpus_text

EXAMPLES = int(os.environ.get("LINEAGE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=10_000, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

# Pieces that mean something to some reader: Markdown, paragraph numbers and labels, footnote
# marks, masthead lines, dates, the corpus format's own syntax, Chinese text and punctuation,
# and the characters that were slow or broke things before.
TOKENS = [
    "[", "]", "(", ")", "![", "](", "[^1]", "[^1]:", "<sup>", "</sup>", "<sup>1</sup>", "**", "__", "*",
    "#", "# ", "## ", "---", "> ", "- ", "\\", "`", "|", "&amp;", "<b>", "</b>", "http://x.org",
    "1. ", "12 bis. ", "OP3 ", "PP2 ", "[11. ", "(a) ", "(ii) ", "第", "届会议", "议程项目", "A/RES/80/173",
    "A/80/L.41/Rev.1", "Distr.: General", "2025年12月10日", "1 December 2025", "December 1, 2025",
    "大会，", "The General Assembly,", "决定", "Decides", "。", "，", "；", "：", "、", "“", "”", "《", "》",
    "!", "?", ",", ";", ":", ".", "...", "…", "-", "co-", "operation", "capacity-", "building",
    " ", "  ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "\n", "\n\n", "\r\n", "\x0c",
    "@lineage", "@paragraph", "id:", "=", '"', "\\u0000", "@@", "A", "a", "Z", "0", "9", "Ａ", "１",
    "\u202e", "\x1b[2J", "\ud7ff", "\U0001f600",
]
texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=80).map("".join),
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join),
)


def _only_lineage_errors(fn, *args):
    try:
        return fn(*args)
    except LineageError:
        return None


@FUZZ
@given(texts)
def test_read_text_document(text):
    _only_lineage_errors(read_text_document, text.encode("utf-8", "surrogatepass"), "fuzz.txt")


@FUZZ
@given(st.binary(max_size=600))
def test_read_text_document_bytes(data):
    _only_lineage_errors(read_text_document, data, "fuzz.bin")


@FUZZ
@given(texts)
def test_parse_markdown(text):
    _only_lineage_errors(parse_markdown, text, "fuzz.md")


@FUZZ
@given(texts)
def test_parse_plaintext(text):
    _only_lineage_errors(parse_plaintext, text, "fuzz.txt")


@FUZZ
@given(texts)
def test_parse_corpus_text(text):
    _only_lineage_errors(parse_corpus_text, "@lineage corpus-text/1\n" + text, "fuzz.txt")


@FUZZ
@given(texts)
def test_a_document_read_from_any_text_round_trips_through_the_corpus_format(text):
    doc = _only_lineage_errors(read_text_document, text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    if doc is not None:
        back = _only_lineage_errors(parse_corpus_text, format_document(doc), "fuzz.txt")
        assert back is None or [p.text for p in back.all_paragraphs()] == [p.text for p in doc.all_paragraphs()]


# --- the manifest: hand-written TOML from a stranger ------------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.sampled_from(["A/RES/80/173", "zh", "en", "resolution", "draft", "official-pdf",
                                     "texts/a.txt", "../x", "/etc/passwd", "2025-12-10", "2025-02-30", "a" * 64]))
values = st.recursive(scalars.filter(lambda v: v is not None),
                      lambda inner: st.one_of(st.lists(inner, max_size=4),
                                              st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
FIELDS = ["symbol", "language", "date", "kind", "title", "origin", "text", "source", "source_sha256",
          "adopted_from", "revises", "builds_on", "notes", "other"]
entries = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)
manifests = st.fixed_dictionaries(
    {"document": st.lists(entries, max_size=5)},
    optional={"schema": st.sampled_from(["lineage.corpus-manifest/1", "other/2"]), "extra": values},
)


@FUZZ
@given(manifests)
def test_parse_manifest_structured(data):
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):
        return  # not representable in TOML
    _only_lineage_errors(parse_manifest, text, "manifest.toml")


@FUZZ
@given(st.lists(st.sampled_from(['[[document]]\n', 'symbol = "A/RES/1/1"\n', 'kind = "resolution"\n',
                                 'language = "zh"\n', 'text = "texts/a.txt"\n', "x = [[[[", "]]]]", "{", "}",
                                 'a = {b = {c = 1}}\n', '"\\u0000"', "\n", "= ", "'''", '"""', "#", "\ud800"]),
                max_size=40).map("".join))
def test_parse_manifest_text(text):
    _only_lineage_errors(parse_manifest, text, "manifest.toml")
