"""Chinese words without loading jieba: the same dictionary, the same cuts, a cache that can be
lost or damaged without changing an answer (lineage.compare.zhwords)."""
from __future__ import annotations

import os
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.compare.zhwords import HAN_RUN, ZhDictionary, jieba_dictionary, parse_dictionary, run_boundaries
from support.jieba_reference import jieba_tokenizer, jieba_words
from support.paths import CORPORA, SEED

# Drafting words, ASCII letters and digits jieba glues together, the other characters of its
# runs (+ # & . _ % -), and characters outside every run.
PIECES = ["我们", "鼓励", "各国", "弥合", "数字鸿沟", "信息社会", "可持续发展", "利益攸关方",
          "互联网治理论坛", "研究生命起源", "2025", "年", "第80/173号", "A", "RES", "c++", "C#",
          "AT&T", "5G", "ICT4D", "1", "a", "b", "%", "_", "-", ".", "，", "。", " ", "（", "的"]


def _starts(words: list[str]) -> list[int]:
    at, out = 0, []
    for word in words:
        out.append(at)
        at += len(word)
    return out


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINEAGE_CACHE_DIR", str(tmp_path / "cache"))
    jieba_dictionary.cache_clear()
    yield tmp_path / "cache"
    jieba_dictionary.cache_clear()


def test_the_dictionary_is_read_as_jieba_reads_it():
    tokenizer = jieba_tokenizer()
    freq, total = parse_dictionary(Path(tokenizer.get_dict_file().name))
    assert total == tokenizer.total
    assert freq == tokenizer.FREQ


def test_the_runs_are_jiebas_blocks():
    text = (CORPORA / "texts" / "A-RES-80-173.zh.txt").read_text(encoding="utf-8")
    assert [m.span() for m in HAN_RUN.finditer(text)] == [
        m.span() for m in jieba.re_han_default.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join))
def test_cuts_equal_jiebas(text):
    words = jieba_dictionary()
    for m in HAN_RUN.finditer(text):
        assert run_boundaries(m.group(), words) == _starts(jieba_words(m.group())), m.group()


def test_cuts_equal_jiebas_on_every_run_of_the_chinese_corpus():
    words = jieba_dictionary()
    runs = set()
    for path in [SEED, *sorted((CORPORA / "texts").glob("*.zh.txt"))]:
        runs.update(m.group() for m in HAN_RUN.finditer(path.read_text(encoding="utf-8")))
    assert len(runs) > 1000
    for run in sorted(runs):
        assert run_boundaries(run, words) == _starts(jieba_words(run)), run


def test_known_cuts():
    # jieba's dictionary has 弥合, 数字 and 鸿沟 but not 数字鸿沟; digits in a row stay one
    # word, and so do ASCII letters and digits mixed
    words = jieba_dictionary()
    assert run_boundaries("弥合数字鸿沟", words) == [0, 2, 4]
    assert run_boundaries("2025年", words) == [0, 4]
    assert run_boundaries("ICT4D", words) == [0]


def test_the_cache_is_built_once_and_read_lazily(fresh_cache):
    first = jieba_dictionary()
    files = list(fresh_cache.glob("zhwords-*.bin"))
    assert len(files) == 1
    jieba_dictionary.cache_clear()
    stamp = files[0].stat().st_mtime_ns
    second = jieba_dictionary()
    assert files[0].stat().st_mtime_ns == stamp  # read, not rebuilt
    assert second._buckets == {}  # nothing loaded before a question
    assert second.get("数字") == first.get("数字") > 0
    assert second.get("可持") == 0  # only the beginning of a word (可持续)
    assert second.get("数字鸿沟") is None
    assert set(second._buckets) == {"数", "可"}


def test_a_damaged_cache_is_rebuilt(fresh_cache):
    jieba_dictionary()
    (path,) = fresh_cache.glob("zhwords-*.bin")
    path.write_bytes(b"lineage-zhwords/2\n" + b"\xff" * 40)
    jieba_dictionary.cache_clear()
    assert run_boundaries("弥合数字鸿沟", jieba_dictionary()) == [0, 2, 4]
    assert path.read_bytes()[:18] == b"lineage-zhwords/2\n" and path.stat().st_size > 10**6
    path.write_bytes(b"something else")
    jieba_dictionary.cache_clear()
    assert run_boundaries("弥合数字鸿沟", jieba_dictionary()) == [0, 2, 4]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_cache_folder_keeps_the_dictionary_in_memory(fresh_cache):
    fresh_cache.mkdir()
    fresh_cache.chmod(0o500)
    try:
        words = jieba_dictionary()
        assert run_boundaries("弥合数字鸿沟", words) == [0, 2, 4]
        assert list(fresh_cache.iterdir()) == []
    finally:
        fresh_cache.chmod(0o700)


def test_a_cache_path_that_is_a_file_keeps_the_dictionary_in_memory(fresh_cache):
    fresh_cache.write_text("not a folder")
    words = jieba_dictionary()
    assert run_boundaries("弥合数字鸿沟", words) == [0, 2, 4]
    assert fresh_cache.read_text() == "not a folder"


def test_the_dictionary_from_bytes_answers_as_from_the_file(fresh_cache):
    from_file = jieba_dictionary()
    (path,) = fresh_cache.glob("zhwords-*.bin")
    in_memory = ZhDictionary(path.read_bytes())
    for key in ("数字", "可持", "数字鸿沟", "AT&T", "c++", "𠀀"):
        assert in_memory.get(key) == from_file.get(key)
    assert (in_memory.total, in_memory.longest) == (from_file.total, from_file.longest)
