"""The corpus index at scale (issue 12, part 5): a first build loads in bulk (band keys staged
and inserted in key order, their secondary index made at the end) and must give the same index
as one brought up to date text by text; MinHash signatures computed by C-level calls must be
the ones the definition gives; the quick freshness check ``search`` uses."""
from __future__ import annotations

import shutil
import sqlite3
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineage.compare.minhash import BANDS, MIN_SHINGLES, NUM_PERM, ROWS, signature
from lineage.compare.reuse import comparable
from lineage.compare.similarity import (
    char_ngrams,
    containment,
    containment_in,
    indel_similarity,
    most_similar,
)
from lineage.corpus.files import atomic_write_bytes
from lineage.corpus.index import build_index, index_status
from lineage.trace.search import search
from support.session_corpus import REAL_NAMES, build_session_corpus, gold_document


def _reference_signature(shingles: set[str]) -> tuple[int, ...] | None:
    """The docstring's definition, one shingle at a time: the 64-bit hash is CRC-32 times the
    odd constant, modulo 2**64; its top 5 bits pick one of 32 bins, the other 59 are the value;
    a bin keeps its least value; an empty bin takes the next non-empty bin's (circularly)."""
    if len(shingles) < MIN_SHINGLES:
        return None
    bins: list[int | None] = [None] * 32
    for s in shingles:
        h = (zlib.crc32(s.encode("utf-8")) * 0x9E3779B97F4A7C15) % 2**64
        b, v = h // 2**59, h % 2**59
        bins[b] = v if bins[b] is None else min(bins[b], v)
    out = []
    for i in range(32):
        j = i
        while bins[j % 32] is None:
            j += 1
        out.append(bins[j % 32])
    return tuple(out)


def test_signature_is_the_definition():
    assert NUM_PERM == BANDS * ROWS == 32
    doc = gold_document("A-RES-80-173.en")
    texts = [comparable(p.text, "en") for p in [*doc.preamble, *doc.paragraphs]]
    texts += ["我们决定将互联网治理论坛确立为联合国的常设论坛", "short", "abcdefghijkl"]
    checked = 0
    for text in texts:
        for n in (3, 5):
            grams = char_ngrams(text, n)
            assert signature(grams) == _reference_signature(grams), text
            checked += signature(grams) is not None
    assert checked > 200  # most paragraphs are long enough to sign


def _dump(folder) -> dict[str, set]:
    """The index's content by what it means (symbols, paragraph ids, keys), not by row ids."""
    con = sqlite3.connect(folder / "index.sqlite")
    try:
        para = "(SELECT d.symbol || ' ' || d.language || ' ' || p.pid FROM paragraphs p JOIN documents d ON d.id = p.doc"
        return {
            "paragraphs": set(con.execute("SELECT d.symbol, d.language, p.seq, p.pid, p.norm, p.comp FROM paragraphs p"
                                          " JOIN documents d ON d.id = p.doc")),
            "lsh": set(con.execute(f"SELECT key, {para} WHERE p.id = lsh.para) FROM lsh")),
            "fts": set(con.execute(f"SELECT {para} WHERE p.id = para_fts.rowid) FROM para_fts"
                                   " WHERE para_fts MATCH '\"internet governance\"'")),
            "grams": set(con.execute("SELECT term, docs FROM grams")),
            "indexes": {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'"
                                                  " AND name NOT LIKE 'sqlite_%'")},
        }
    finally:
        con.close()


def test_first_build_in_bulk_equals_a_build_text_by_text(tmp_path):
    whole = build_session_corpus(tmp_path / "whole", bundled=False)
    first = build_index(whole, jobs=2)
    assert first.read == len(REAL_NAMES) and first.paragraphs > 500
    # The same texts, indexed five, then the other five (the incremental path: ids continue,
    # band keys join the existing ones, the lsh(para) index is kept up row by row).
    steps = build_session_corpus(tmp_path / "steps", names=REAL_NAMES[:5], bundled=False)
    build_index(steps)
    build_session_corpus(steps, names=REAL_NAMES[5:], bundled=False)
    again = build_index(steps)
    assert again.read == 5 and again.paragraphs == first.paragraphs
    a, b = _dump(whole), _dump(steps)
    assert a["indexes"] == b["indexes"] == {"paragraphs_doc", "lsh_para", "refs_doc"}
    for table in ("paragraphs", "lsh", "fts", "grams"):
        assert a[table] == b[table], table
    assert len(a["lsh"]) > 8 * len(REAL_NAMES)
    # Gold: the resolution's paragraphs holding the phrase, as its official text has them.
    gold = {p.id for p in [*gold_document("A-RES-80-173.en").preamble, *gold_document("A-RES-80-173.en").paragraphs]
            if "internet governance" in " ".join(p.text.split()).lower()}
    assert {s.rsplit(" ", 1)[1] for (s,) in a["fts"] if s.startswith("A/RES/80/173 en ")} == gold
    q = "We decide that the Internet Governance Forum shall be made an enduring forum of the United Nations"
    assert ([(h.symbol, h.paragraph, h.match) for h in search(whole, q, near=True).hits]
            == [(h.symbol, h.paragraph, h.match) for h in search(steps, q, near=True).hits])


def _edited(data: bytes, new: bytes = b" the very ") -> bytes:
    out = data.replace(b" the ", new, 1)
    assert out != data
    return out


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = build_session_corpus(tmp_path_factory.mktemp("small") / "corpus", names=REAL_NAMES[:3], bundled=False)
    build_index(folder)
    return folder


def test_quick_freshness_sees_a_text_replaced_added_or_removed(small, tmp_path):
    work = tmp_path / "c"
    shutil.copytree(small, work)
    assert index_status(work, quick=True).fresh
    build_index(work)  # records the copy's folder times
    assert index_status(work, quick=True).fresh
    text = work / "texts" / "A-C.2-80-L.3.en.txt"
    # Every corpus writer replaces a text by renaming a new file over it.
    atomic_write_bytes(text, _edited(text.read_bytes()))
    status = index_status(work, quick=True)
    assert status.state == "stale" and "A-C.2-80-L.3.en.txt changed" in status.reason
    build_index(work)
    (work / "texts" / "A-C.2-80-L.59.en.txt").unlink()
    assert "A-C.2-80-L.59.en.txt is gone" in index_status(work, quick=True).reason


def test_quick_freshness_misses_only_a_text_edited_in_place(small, tmp_path):
    work = tmp_path / "c"
    shutil.copytree(small, work)
    build_index(work)
    text = work / "texts" / "A-C.2-80-L.3.en.txt"
    with open(text, "r+b") as fh:  # in place: the folder's time does not change
        data = fh.read()
        fh.seek(0)
        fh.write(_edited(data, b" th3 "))
    assert index_status(work, quick=True).fresh  # as documented (docs/lineage.md)
    assert "A-C.2-80-L.3.en.txt changed" in index_status(work).reason
    build_index(work)
    assert index_status(work).fresh and index_status(work, quick=True).fresh


@given(st.text(alphabet="abcde 互联网", max_size=30), st.text(alphabet="abcde 互联网", max_size=60), st.integers(1, 6))
def test_containment_in_is_containment_of_the_texts_ngrams(part, text, n):
    """The substring form ``search --near`` verifies candidates with, against the set form."""
    grams = char_ngrams(part, n)
    assert containment_in(grams, text, n) == containment(grams, char_ngrams(text, n))


@given(st.text(alphabet="ab c互", max_size=12), st.lists(st.text(alphabet="ab c互", max_size=12), max_size=8))
def test_most_similar_is_the_first_best_by_indel_similarity(a, candidates):
    """What ``best_window`` picks its window with: one rapidfuzz call, the same choice as a loop."""
    scores = [indel_similarity(a, c) for c in candidates]
    assert most_similar(a, candidates) == (scores.index(max(scores)) if scores else None)
