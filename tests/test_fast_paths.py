"""The speed-ups of alignment and diff give exactly what the plain computations give.

Each fast path of lineage.compare.align / lineage.compare.textdiff is checked against a straightforward
reference written here (the obvious slow computation, not a copy of the fast code): if a fast
path ever answered differently, comparisons would silently change.
"""
from __future__ import annotations

import heapq
import math
import sys
from collections import Counter, defaultdict
from itertools import chain

import jieba
import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.compare.align import (
    CANDIDATES,
    STOP_FACTOR,
    _bigrams,
    _candidates,
    _Overlap,
    _similarity_table,
    _UnitCache,
    longest_chain,
)
from lineage.compare.documents import align_documents, compare_documents
from lineage.compare.similarity import paragraph_similarity
from lineage.compare.textdiff import _diff_main, _two_alnum, word_boundaries
from lineage.normalize import normalize
from lineage.normalize.chinese import SIMPLIFY_TRIGGERS, _differences, to_simplified
from support.documents import english_doc
from support.jieba_reference import jieba_tokenizer
from support.mutations import Rates, mutate
from tools import make_opencc_triggers

# Drafting words (jieba knows most of them) and characters that make jieba's choices hard:
# overlapping dictionary words, ASCII letters and digits it glues together, punctuation.
WORDS = ["我们", "鼓励", "促请", "各国", "弥合", "数字", "鸿沟", "数字鸿沟", "信息社会", "发展",
         "可持续", "有意义的", "参与", "利益攸关方", "互联网", "治理", "论坛", "2025", "年",
         "AI", "和", "的", "，", "。", "、", "（", "）", " ", "a", "1", "研究生命", "起源"]
CHINESE = st.lists(st.sampled_from(WORDS), max_size=30).map("".join)
CHARS = st.text(alphabet=st.sampled_from(list("的和国家数字鸿沟弥合，。ab1 \n")), max_size=60)


# --- textdiff -------------------------------------------------------------------------------

def _python_diff(a: str, b: str) -> list[tuple[int, str]]:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp.diff_main(a, b, False)


@settings(max_examples=300, deadline=None)
@given(CHINESE, CHINESE, CHARS)
def test_character_diff_is_diff_match_patch(a, b, noise):
    # The C++ port (when installed) must give the Python port's diff, edit for edit.
    for x, y in ((a, b), (a, a + noise), (noise + a, a), (a[: len(a) // 2] + noise, a)):
        assert _diff_main(x, y) == _python_diff(x, y)


def test_character_diff_on_real_paragraphs(seed_doc):
    case = mutate(seed_doc, 3, Rates(edited_share=0.5))
    olds = {p.id: normalize(p.text, "compare", "zh").text for p in case.old.all_paragraphs()}
    news = {p.id: normalize(p.text, "compare", "zh").text for p in case.new.all_paragraphs()}
    pairs = [(olds[g.old[0]], news[g.new[0]]) for g in case.pairs if g.old and g.new]
    assert len(pairs) > 100
    for a, b in pairs:
        assert _diff_main(a, b) == _python_diff(a, b)


def _jieba_boundaries(text: str) -> set[int]:
    """Every word boundary by cutting every Han/alphanumeric run with jieba (no shortcut)."""
    tokenizer = jieba_tokenizer()
    block = jieba.re_han_default
    bounds = set(range(len(text) + 1))
    for m in block.finditer(text):
        bounds -= set(range(m.start() + 1, m.end()))
        at = m.start()
        for word in tokenizer.cut(m.group(), HMM=False):
            at += len(word)
            bounds.add(at)
    return bounds


@settings(max_examples=300, deadline=None)
@given(CHINESE)
def test_word_boundaries_equal_full_segmentation(text):
    assert word_boundaries(text, "zh") == _jieba_boundaries(text)


def test_word_boundaries_on_the_seed(seed_doc):
    for p in seed_doc.all_paragraphs():
        text = normalize(p.text, "compare", "zh").text
        assert word_boundaries(text, "zh") == _jieba_boundaries(text), p.id


def test_two_alnum_counts_like_isalnum():
    samples = [chr(cp) for cp in range(0, 0x30000, 7)] + list("_的a1١٢²½ ，")
    for c in samples:
        for text in (c, c + c, c + "_" + c, "x" + c, c + "，"):
            assert _two_alnum(text) == (sum(ch.isalnum() for ch in text) >= 2), repr(text)


# --- align ----------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(min_size=2, max_size=40))
def test_bigrams_are_the_character_pairs(text):
    pairs = {text[k:k + 2] for k in range(len(text) - 1)}
    got = _bigrams(text)
    assert len(got) == len(pairs)
    # One integer per pair: the pair's two UTF-32 code units.
    assert got == {int.from_bytes(p.encode("utf-32-le", "surrogatepass"), sys.byteorder)
                   for p in pairs}


def _reference_candidates(old, new, old_ids, new_ids):
    """Postings lists, a Counter per new paragraph, the top CANDIDATES by count then index."""
    postings = defaultdict(list)
    for i in old_ids:
        for g in old[i].grams:
            postings[g].append(i)
    cap = max(2 * CANDIDATES, int(STOP_FACTOR * math.sqrt(len(old.texts))))
    index = {g: ids for g, ids in postings.items() if len(ids) <= cap}
    out = {}
    for j in new_ids:
        shared = Counter(chain.from_iterable(index[g] for g in new[j].grams if g in index))
        best = heapq.nsmallest(CANDIDATES, shared.items(), key=lambda kv: (-kv[1], kv[0]))
        out[j] = [i for i, _ in best]
    return out


# Few characters, so that texts share many bigrams and some bigrams exceed the stop cap.
SMALL = st.text(alphabet=st.sampled_from(list("的和国家数字鸿沟弥合")), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(SMALL, max_size=70), st.lists(SMALL, max_size=20), st.booleans())
def test_candidates_equal_the_plain_inverted_index(old_texts, new_texts, cjk):
    old, new = _UnitCache(old_texts, cjk), _UnitCache(new_texts, cjk)
    old_ids, new_ids = list(range(len(old_texts))), list(range(len(new_texts)))
    assert _candidates(old, new, old_ids, new_ids) == _reference_candidates(
        _UnitCache(old_texts, cjk), _UnitCache(new_texts, cjk), old_ids, new_ids)


@pytest.mark.parametrize("copies, expected", [(17, [17]), (16, [0, 1, 2, 3, 4, 5, 6, 7])])
def test_boilerplate_ngrams_are_not_indexed(copies, expected):
    # 20 old paragraphs: the cap is 16. 甲乙 in 17 of them is boilerplate and counts for
    # nothing; in 16 it is indexed and those paragraphs tie with old 17 (one shared bigram).
    old_texts = [f"甲乙{chr(0x4E00 + 3 * k)}" if k < copies else f"{chr(0x5E00 + k)}" * 3
                 for k in range(17)] + ["丙丁", "子丑", "寅卯"]
    new_texts = ["甲乙丙丁"]
    ids = (list(range(20)), [0])
    got = _candidates(_UnitCache(old_texts, True), _UnitCache(new_texts, True), *ids)
    assert got == {0: expected}
    assert got == _reference_candidates(_UnitCache(old_texts, True),
                                        _UnitCache(new_texts, True), *ids)


def test_candidates_with_large_counts():
    # Counts above 255 need wider counters than one byte.
    long_texts = ["".join(chr(0x4E00 + (k * 7 + s) % 3000) for k in range(700)) for s in range(5)]
    old, new = _UnitCache(long_texts, True), _UnitCache(long_texts[::-1], True)
    got = _candidates(old, new, [0, 1, 2, 3, 4], [0, 1, 2, 3, 4])
    assert got == _reference_candidates(_UnitCache(long_texts, True),
                                        _UnitCache(long_texts[::-1], True),
                                        [0, 1, 2, 3, 4], [0, 1, 2, 3, 4])
    assert got[0][0] == 4  # the reversed list: new 0 is old 4


@settings(max_examples=200, deadline=None)
@given(st.lists(SMALL, max_size=40), st.lists(SMALL, max_size=20), st.booleans())
def test_overlap_counts_are_set_intersections(old_texts, new_texts, cjk):
    # The index's counts stand in for the containment of split and merge pieces: they must be
    # the plain intersections, boilerplate n-grams included.
    old, new = _UnitCache(old_texts, cjk), _UnitCache(new_texts, cjk)
    old_ids, new_ids = list(range(len(old_texts))), list(range(len(new_texts)))
    overlap = _Overlap()
    _candidates(old, new, old_ids, new_ids, overlap)
    if old_ids:
        for i in old_ids:
            for j in new_ids:
                assert overlap.shared(i, j) == len(old[i].grams & new[j].grams), (i, j)


@settings(max_examples=100, deadline=None)
@given(st.lists(CHINESE, max_size=6), st.lists(CHINESE, max_size=6))
def test_similarity_table_scores_every_pair(old, new):
    # One rapidfuzz call per row gives what scoring each pair gives (empty texts included).
    assert _similarity_table(old, new, True) == [[paragraph_similarity(a, b, "zh") for b in new]
                                                 for a in old]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30))
def test_chain_of_units_in_order_is_all_of_them(sims):
    units = [(2 * k, 3 * k + 1, s) for k, s in enumerate(sims)]
    assert longest_chain(units) == set(range(len(units)))
    # The same units in another list order: still every one.
    assert longest_chain(units[::-1]) == set(range(len(units)))


# --- compare --------------------------------------------------------------------------------

def test_align_documents_is_compare_without_ops(seed_doc):
    for seed in range(3):
        case = mutate(seed_doc, seed)
        full = compare_documents(case.old, case.new).to_dict()
        aligned = align_documents(case.old, case.new).to_dict()
        for part in ("pairs", "headings"):
            for p in full[part]:
                p.pop("ops", None)
            for p in aligned[part]:
                assert "ops" not in p
        assert aligned == full


# --- compare: one normalisation cache across comparisons -------------------------------------

def test_shared_normalisation_cache_gives_the_same_comparisons(seed_doc):
    from support.mutations import history

    # One cache for a whole history (each version compared twice), then for unrelated pairs
    # in both directions and for English pairs: entries made by one comparison are reused by
    # the next, and a stale or wrongly keyed entry would change some pair's kind or ops.
    versions = history(seed_doc, 5, 3, Rates(edited_share=0.3))
    pairs = list(zip(versions, versions[1:]))
    for seed in range(4):
        case = mutate(seed_doc, seed)
        pairs += [(case.old, case.new), (case.new, case.old)]
        case = mutate(english_doc(), seed, Rates(edited_share=0.4))
        pairs += [(case.old, case.new), (case.new, case.old)]
    cache: dict = {}
    for old, new in pairs:
        assert (compare_documents(old, new, normalized=cache).to_json()
                == compare_documents(old, new).to_json())
        assert (align_documents(old, new, normalized=cache).to_json()
                == align_documents(old, new).to_json())
    assert cache  # it was used


def test_cache_entries_are_per_language():
    # The same printed text normalised for Japanese keeps its traditional characters, for
    # Chinese it does not: the cache must not hand one language's form to the other.
    from lineage.model.document import Document, Paragraph, Source

    def doc(text: str, language: str) -> Document:
        return Document(symbol="X", language=language, source=Source("x.txt", "text"),
                        paragraphs=[Paragraph(id="1", number="1", text=text)])

    cache: dict = {}
    zh = compare_documents(doc("發展", "zh"), doc("发展", "zh"), normalized=cache)
    ja = compare_documents(doc("發展", "ja"), doc("发展", "ja"), normalized=cache)
    assert zh.pairs[0].kind == "unchanged"
    assert ja.to_json() == compare_documents(doc("發展", "ja"), doc("发展", "ja")).to_json()
    assert ja.pairs[0].kind != "unchanged"


# --- normalize: the line-break test ------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 的\n\r\x0b\x0c\x85\u2028\u2029\t")), max_size=30))
def test_other_break_search_finds_what_membership_tests_find(text):
    from lineage.normalize import whitespace

    plain = any(c in text for c in whitespace._OTHER_BREAKS)
    assert (whitespace._ANY_OTHER_BREAK.search(text) is not None) == plain


# --- reuse ----------------------------------------------------------------------------------

def _plain_comparable(text: str, language: str | None) -> str:
    """comparable() the obvious way: every character classified in Python."""
    import unicodedata

    folded = normalize(text, "compare", language).text.casefold()
    return "".join(ch for ch in folded if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
       st.sampled_from(["zh", "en", None]))
def test_comparable_drops_what_the_plain_loop_drops(text, language):
    from lineage.compare.reuse import comparable

    assert comparable(text, language) == _plain_comparable(text, language)


def test_comparable_on_the_seed(seed_doc):
    from lineage.compare.reuse import comparable

    for p in seed_doc.all_paragraphs():
        assert comparable(p.text, "zh") == _plain_comparable(p.text, "zh"), p.id


# --- normalize: simplify --------------------------------------------------------------------

def _spans_differing(a, b):
    """Maximal runs of positions where equal-length ``a`` and ``b`` differ, one by one."""
    spans = []
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            if spans and spans[-1][1] == k:
                spans[-1] = (spans[-1][0], k + 1)
            else:
                spans.append((k, k + 1))
    return spans


PAIR_CHARS = st.sampled_from(list("ab長长\U00020000\ud800\udfff\x00") + ["\U0010ffff"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PAIR_CHARS, PAIR_CHARS), max_size=80))
def test_differences_of_simplify_are_the_differing_runs(pairs):
    a = "".join(x for x, _ in pairs)
    b = "".join(y for _, y in pairs)
    assert _differences(a, b) == _spans_differing(a, b)


def _opencc_dump_or_skip():
    if not make_opencc_triggers.DUMPER.exists():
        pytest.skip("the opencc wheel's opencc_dict program is not installed")
    return make_opencc_triggers.dictionary_entries()


def _trigger_chars():
    body, chars, k = SIMPLIFY_TRIGGERS or "", set(), 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            chars.update(map(chr, range(ord(body[k]), ord(body[k + 2]) + 1)))
            k += 3
        else:
            chars.add(body[k])
            k += 1
    return chars


def test_simplify_trigger_table_matches_the_installed_dictionaries():
    assert SIMPLIFY_TRIGGERS is not None, "the table was read from another OpenCC version"
    entries = _opencc_dump_or_skip()
    table = make_opencc_triggers.trigger_chars(entries)
    triggers = _trigger_chars()
    assert {c for c in table if ord(c) <= 0xFFFF} == triggers - {chr(c) for c in range(0xD800, 0xE000)}
    # Regenerating the module gives the committed file.
    assert make_opencc_triggers.render(table) == (
        make_opencc_triggers.TARGET.read_text(encoding="utf-8"))


def test_no_other_character_of_the_plane_is_converted():
    # Independent of the dictionaries' dump: OpenCC itself leaves every other character of
    # the Basic Multilingual Plane alone, one by one and side by side.
    triggers = _trigger_chars()
    others = [chr(c) for c in range(0x20, 0x10000)
              if not 0xD800 <= c < 0xE000 and chr(c) not in triggers]
    assert to_simplified("".join(others)) == "".join(others)
    for k in range(0, len(others), 5000):
        chunk = others[k:k + 5000]
        assert [c for c in chunk if to_simplified(c) != c] == []


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_text_without_triggers_is_not_converted_even_in_phrases(data):
    # The characters of OpenCC's phrase keys that are not triggers (一, 目, 然 of 一目瞭然):
    # in any order and neighbourhood, no conversion changes them.
    entries = _opencc_dump_or_skip()
    triggers = _trigger_chars()
    phrase_chars = sorted({c for key, _ in entries if len(key) > 1 for c in key} - triggers)
    bmp = [c for c in phrase_chars if ord(c) <= 0xFFFF]
    text = data.draw(st.lists(st.sampled_from(bmp), max_size=60).map("".join))
    assert to_simplified(text) == text
    # A key whose own characters, apart from its triggers, are all here: with the triggers
    # it does change (the table is not too small to matter).
    key = data.draw(st.sampled_from([k for k, v in entries if k != v and len(k) > 1]))
    assert any(c in triggers for c in key) or any(ord(c) > 0xFFFF for c in key)


def test_simplify_runs_for_triggers_and_beyond_the_plane():
    assert normalize("長期", "compare", "zh").text == "长期"
    # A phrase: 沈 alone is a surname and stays; in 深沈 it is the traditional 沉.
    assert normalize("沈", "compare", "zh").text == "沈"
    assert normalize("深沈", "compare", "zh").text == "深沉"
    assert normalize("𠀀長", "compare", "zh").text == "𠀀长"
    with pytest.raises(UnicodeEncodeError):
        normalize("a\ud800b", "compare", "zh")  # as before: OpenCC refuses a lone surrogate
