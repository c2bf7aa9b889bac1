"""The corpus index and ``lineage search`` (issue 12, parts 2 and 3), on the bundled corpus plus
the official UN documents (their independent gold texts; see support.session_corpus)."""
from __future__ import annotations

import json
import os
import re
import sqlite3

import pytest
from jsonschema import Draft202012Validator

from lineage.corpus.index import build_index, index_status
from lineage.model.schemas import json_schema
from lineage.trace.search import search
from support.session_corpus import build_session_corpus, gold_document

VALIDATOR = Draft202012Validator(json_schema("lineage.search/1"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = build_session_corpus(tmp_path_factory.mktemp("session") / "corpus")
    build_index(folder, jobs=2)
    return folder


def _paras_with(doc, phrase: str) -> set[str]:
    """The gold's own paragraphs holding the phrase (whitespace of the layout collapsed)."""
    return {p.id for p in [*doc.preamble, *doc.paragraphs] if phrase in " ".join(p.text.split())}


def test_index_is_fresh_then_stale_when_a_text_changes_then_rebuilt_incrementally(corpus, tmp_path):
    assert index_status(corpus).fresh
    assert ".gitignore" in os.listdir(corpus) and "index.sqlite" in (corpus / ".gitignore").read_text()
    work = tmp_path / "copy"
    import shutil

    shutil.copytree(corpus, work)
    assert index_status(work).fresh  # copied mtimes differ, the sha256 do not
    text = work / "texts" / "A-80-L.13.en.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Recalling", "Recalling also", 1), encoding="utf-8")
    status = index_status(work)
    assert status.state == "stale" and "A-80-L.13.en.txt changed" in status.reason
    result = build_index(work)
    assert result.read == 1 and index_status(work).fresh
    (work / "manifest.toml").write_text((work / "manifest.toml").read_text() + "\n", encoding="utf-8")
    assert "manifest changed" in index_status(work).reason


def test_exact_phrase_lists_every_paragraph_of_the_adopted_text(corpus, run_cli):
    result = search(corpus, "Internet Governance Forum", language="en")
    got = {h.paragraph for h in result.hits if h.symbol == "A/RES/80/173"}
    assert got == _paras_with(gold_document("A-RES-80-173.en"), "Internet Governance Forum")
    assert {"96", "99", "103", "pp8"} <= got  # as read in the PDF by eye
    assert all(h.match == "exact" and h.language == "en" for h in result.hits)
    # Case and layout do not count: the query is normalised like the paragraphs.
    again = search(corpus, "internet   governance\nFORUM", language="en")
    assert [(h.symbol, h.paragraph) for h in again.hits] == [(h.symbol, h.paragraph) for h in result.hits]


def test_hits_come_earliest_first_across_documents_and_languages(corpus):
    result = search(corpus, "互联网治理论坛")
    symbols = [h.symbol for h in result.hits]
    # The reconstructed draft (2025-11) comes before the adopted resolution (2025-12-17).
    assert symbols[0] == "WSIS+20 outcome draft (reconstructed)"
    assert "A/RES/80/173" in symbols and symbols.index("A/RES/80/173") > symbols.index(symbols[0])
    dates = [h.date for h in result.hits]
    assert dates == sorted(dates)
    res = [h.paragraph for h in result.hits if h.symbol == "A/RES/80/173"]
    assert "99" in res and res == sorted(res, key=lambda p: (not p.startswith("pp"), int(re.sub(r"\D", "", p))))


def test_since_and_lang_filter(corpus):
    assert all(h.date >= "2025-12" for h in search(corpus, "互联网治理论坛", since="2025-12").hits)
    assert search(corpus, "互联网治理论坛", since="2025-12").hits
    assert search(corpus, "Internet Governance Forum", language="zh").hits == []


def test_near_finds_reworded_passages_with_the_words_that_differ(corpus):
    # The resolution's paragraph 99, reworded: "a permanent" -> "an enduring", a clause dropped.
    query = ("We decide that the Internet Governance Forum shall be made an enduring forum of the United "
             "Nations, with continued secretariat support from the Department of Economic and Social Affairs")
    exact = search(corpus, query, language="en")
    assert exact.hits == []
    result = search(corpus, query, near=True, language="en")
    near = [(h.symbol, h.paragraph) for h in result.hits]
    assert ("A/RES/80/173", "99") in near
    hit = next(h for h in result.hits if (h.symbol, h.paragraph) == ("A/RES/80/173", "99"))
    assert hit.match == "near" and 0.6 <= hit.score < 1
    deleted = "".join(o.text for o in hit.ops if o.op == "delete")
    inserted = "".join(o.text for o in hit.ops if o.op == "insert")
    assert "enduring" in deleted and "permanent" in inserted


def test_near_in_chinese(corpus):
    result = search(corpus, "我们决定将互联网治理论坛确立为联合国的常设论坛", near=True)
    hits = {(h.symbol, h.paragraph): h for h in result.hits}
    assert ("A/RES/80/173", "99") in hits and ("WSIS+20 outcome draft (reconstructed)", "98") in hits
    assert "一个" in "".join(o.text for o in hits[("A/RES/80/173", "99")].ops if o.op == "insert")


def test_json_matches_its_schema_and_damage_is_rejected(corpus, run_cli):
    code, out, err = run_cli("search", "Internet Governance Forum", "--near", "--lang", "en", "--format", "json",
                             "--corpus", str(corpus))
    assert code == 0, err
    data = json.loads(out)
    assert list(VALIDATOR.iter_errors(data)) == []
    assert data["first"]["symbol"] == data["hits"][0]["symbol"]
    broken = json.loads(out)
    broken["hits"][0]["match"] = "fuzzy"
    assert list(VALIDATOR.iter_errors(broken))
    exact = next(h for h in data["hits"] if h["match"] == "exact")
    exact["ops"] = [{"op": "insert", "text": "x"}]
    assert list(VALIDATOR.iter_errors(data))


def test_md_and_html_escape_the_texts(corpus, run_cli, tmp_path):
    out_file = tmp_path / "s.html"
    code, _, err = run_cli("search", "<b>Internet Governance Forum", "--corpus", str(corpus), "--format", "html",
                           "-o", str(out_file))
    assert code == 0, err
    page = out_file.read_text(encoding="utf-8")
    assert "<b>Internet" not in page and "&lt;b&gt;Internet" in page
    code, out, _ = run_cli("search", "互联网治理论坛", "--corpus", str(corpus), "--format", "md")
    assert code == 0 and out.startswith("# Search: 互联网治理论坛") and "\n## WSIS" in out


def test_search_needs_a_fresh_index_and_says_how_to_build_it(tmp_path, run_cli, corpus):
    import shutil

    work = tmp_path / "c"
    shutil.copytree(corpus, work)
    (work / "index.sqlite").unlink()
    code, _, err = run_cli("search", "Forum", "--corpus", str(work))
    assert code == 2 and "lineage index --corpus" in err and "Traceback" not in err
    (work / "index.sqlite").write_bytes(b"not a database")
    code, _, err = run_cli("search", "Forum", "--corpus", str(work))
    assert code == 2 and "stale" in err
    code, out, _ = run_cli("index", "--corpus", str(work))
    assert code == 0 and "indexed" in out
    code, _, err = run_cli("search", "", "--corpus", str(work))
    assert code == 2 and "empty" in err
    code, _, err = run_cli("search", "Forum", "--since", "last year", "--corpus", str(work))
    assert code == 2 and "--since" in err


def test_index_tables_hold_the_corpus(corpus):
    con = sqlite3.connect(corpus / "index.sqlite")
    try:
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        refs = con.execute("SELECT d.symbol, r.relation, r.symbol FROM refs r JOIN documents d ON d.id = r.doc "
                           "ORDER BY d.symbol").fetchall()
    finally:
        con.close()
    assert n_docs == 14  # 4 bundled texts and 10 official documents
    assert ("A/RES/80/107", "adopted_from", "A/80/L.13") in refs
    assert ("A/C.2/80/L.59", "replaces", "A/C.2/80/L.3") in refs


def test_limit_lists_the_earliest_and_counts_them_all(corpus, run_cli):
    every = search(corpus, "Internet Governance Forum", language="en")
    gold = _paras_with(gold_document("A-RES-80-173.en"), "Internet Governance Forum")
    assert every.limit is None and every.total_exact == len(every.hits) == len(gold)
    three = search(corpus, "Internet Governance Forum", language="en", limit=3)
    assert three.total_exact == every.total_exact and three.limit == 3
    assert [(h.symbol, h.paragraph) for h in three.hits] == [(h.symbol, h.paragraph) for h in every.hits[:3]]
    # Near hits are counted beyond the limit too, and the earliest of both kinds are kept.
    query = "我们决定将互联网治理论坛确立为联合国的常设论坛"
    near_all = search(corpus, query, near=True)
    near_one = search(corpus, query, near=True, limit=1)
    assert near_all.total_exact == 0 and near_all.total_near == len(near_all.hits) >= 2
    assert near_one.total_near == near_all.total_near and len(near_one.hits) == 1
    # The earliest: the reconstructed draft (2025-11) before the resolution (2025-12-17).
    assert (near_one.hits[0].symbol, near_one.hits[0].paragraph) == ("WSIS+20 outcome draft (reconstructed)", "98")
    code, out, _ = run_cli("search", "Internet Governance Forum", "--lang", "en", "--limit", "3", "--corpus", str(corpus))
    assert code == 0 and out.count("\n== ") == 3
    assert f"{every.total_exact} paragraphs contain the text" in out
    assert f"Showing the earliest 3 of {every.total_exact}" in out
    code, out, _ = run_cli("search", "Internet Governance Forum", "--lang", "en", "--limit", "0", "--format", "json",
                           "--corpus", str(corpus))
    data = json.loads(out)
    assert code == 0 and data["limit"] is None and len(data["hits"]) == data["total"]["exact"] == every.total_exact
    assert data["total"]["near"] is None and data["total"]["near_complete"] is None
    assert list(VALIDATOR.iter_errors(data)) == []
    code, _, err = run_cli("search", "Forum", "--limit", "-1", "--corpus", str(corpus))
    assert code == 2 and "--limit" in err and "Traceback" not in err


def test_the_command_and_the_library_agree_on_the_default_limit():
    from lineage.cli.commands import search as command
    from lineage.trace import search as library

    assert command.DEFAULT_LIMIT == library.DEFAULT_LIMIT


def test_near_candidates_beyond_the_cap_are_reported_as_a_floor(corpus, monkeypatch):
    from lineage.trace import search as module

    query = "我们决定将互联网治理论坛确立为联合国的常设论坛"
    whole = search(corpus, query, near=True)
    assert not whole.near_capped and whole.to_dict()["total"]["near_complete"] is True
    monkeypatch.setattr(module, "_MAX_CANDIDATES", 1)
    capped = search(corpus, query, near=True)
    assert capped.near_capped and capped.total_near <= 1 < whole.total_near
    data = capped.to_dict()
    assert data["total"]["near_complete"] is False and list(VALIDATOR.iter_errors(data)) == []
    assert f"at least {capped.total_near} reuse most of it" in module.render_search(capped)
