"""``lineage search TEXT``: where has this wording been used before? ("agreed language").

Exact hits: every paragraph whose ``compare``-normalised text contains the query's (so width,
quotes, layout spaces and line breaks, traditional characters do not matter; case neither),
found through the index's FTS5 trigram table and checked by substring. ``--near`` adds the
paragraphs that reuse most of the query with edits: candidates from the MinHash LSH bands of
the query's sentences, from its rarest seeds (runs of words or characters) and, for a short
query, from a full-text OR of its words, kept when the containment measure of
:mod:`lineage.compare.similarity` reaches the threshold, each with the word
diff (:func:`lineage.compare.textdiff.diff_ops`) between the query and the passage that reuses it.
Hits come earliest first: the first is where the language was first agreed.
"""
from __future__ import annotations

import heapq
import html
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lineage.compare.minhash import text_band_keys
from lineage.compare.reuse import best_window, comparable, split_sentences
from lineage.compare.similarity import char_ngrams, containment_in
from lineage.compare.textdiff import diff_ops
from lineage.corpus.index import open_index
from lineage.errors import UsageError
from lineage.model.comparison import Op
from lineage.model.document import dumps
from lineage.normalize import normalize
from lineage.report.escape import escape_markdown
from lineage.report.inline import inline_diff
from lineage.report.page import lang_attr, render_page
from lineage.script.language import detect_language, gram_size

__all__ = ["SEARCH_FORMATS", "NEAR_THRESHOLD", "DEFAULT_LIMIT", "SearchHit", "SearchResult", "search",
           "render_search"]

SCHEMA = "lineage.search/1"
SEARCH_FORMATS = ("text", "md", "html", "json")
# "Reuses most of it": at least this share of the query's character n-grams in the paragraph.
NEAR_THRESHOLD = 0.6
# A query shorter than this (in comparable characters) gets full-text candidates for --near
# too: its sentences are too short for their MinHash bands to meet a long sentence's.
_SHORT_QUERY = 120
_FTS_CANDIDATES = 500
# Seeds looked up per query: the rarest ones (by their rarest trigram's paragraph count), each
# in at most ``_SEED_ROWS`` paragraphs (reading more grows with the corpus; when a seed has
# more, the near count is reported as a floor).
_MAX_SEEDS = 6
_SEED_POOL = 64  # seeds considered (spread over a long query)
_SEED_ROWS = 1000
# A short query's words are ranked by full text only when in at most this many paragraphs.
_WORD_ROWS = 20000
# Near candidates verified at most (band matches first, then seed matches; more are reported
# as "at least"): each costs a substring test per query n-gram.
_MAX_CANDIDATES = 1000
# Hits shown by default (``--limit``); every hit is still counted.
DEFAULT_LIMIT = 10
# Trigrams a long phrase is looked up by (then checked as a substring).
_RARE = 4
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NUMBER = re.compile(r"\D*(\d+)")


@dataclass(frozen=True)
class SearchHit:
    symbol: str
    language: str
    date: str | None
    kind: str | None
    paragraph: str
    part: str
    text: str
    match: str  # "exact" or "near"
    score: float
    passage: str  # the part of ``text`` that reuses the query
    ops: list[Op] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "language": self.language, "date": self.date, "kind": self.kind,
                "paragraph": self.paragraph, "part": self.part, "match": self.match,
                "score": round(self.score, 4), "text": self.text, "passage": self.passage,
                "ops": [o.to_dict() for o in self.ops]}


@dataclass(frozen=True)
class SearchResult:
    query: str
    normalized: str
    language: str | None
    since: str | None
    near: bool
    threshold: float
    documents: int
    paragraphs: int
    hits: list[SearchHit]  # the first ``limit`` hits, earliest first
    total_exact: int = 0  # every exact hit, shown or not
    total_near: int = 0
    limit: int | None = None  # None: every hit is in ``hits``
    near_capped: bool = False  # more near candidates than were verified: total_near is a floor

    @property
    def total(self) -> int:
        return self.total_exact + self.total_near

    def to_dict(self) -> dict[str, Any]:
        first = self.hits[0] if self.hits else None
        return {"schema": SCHEMA, "query": self.query, "normalized_query": self.normalized,
                "language": self.language, "since": self.since, "near": self.near,
                "threshold": self.threshold if self.near else None, "limit": self.limit,
                "total": {"exact": self.total_exact, "near": self.total_near if self.near else None,
                          "near_complete": not self.near_capped if self.near else None},
                "corpus": {"documents": self.documents, "paragraphs": self.paragraphs},
                "first": None if first is None else {"symbol": first.symbol, "date": first.date,
                                                     "paragraph": first.paragraph},
                "hits": [h.to_dict() for h in self.hits]}


_COLUMNS = "p.id, d.symbol, d.language, d.date, d.kind, p.pid, p.part, p.text, p.norm, p.seq, p.comp"
# What ordering and verifying a candidate needs (not its printed text): id, date, symbol, part,
# paragraph id, then the text verified (norm for exact, comp for near).
_LIGHT = "p.id, d.date, d.symbol, p.part, p.pid"


def _filters(language: str | None, since: str | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if language:
        sql += " AND d.language = ?"
        params.append(language)
    if since:
        sql += " AND d.date >= ?"
        params.append(since)
    return sql, params


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3].lower() for i in range(len(text) - 2)}


def _gram_counts(con: sqlite3.Connection, grams: set[str]) -> dict[str, int]:
    """How many paragraphs hold each trigram (absent: none)."""
    return dict(con.execute(f"SELECT term, docs FROM grams WHERE term IN ({','.join('?' * len(grams))})",
                            sorted(grams))) if grams else {}


def _rarity(text: str, counts: dict[str, int]) -> int:
    """At most this many paragraphs hold ``text``: its rarest trigram's count."""
    return min((counts.get(g, 0) for g in _trigrams(text)), default=0)


def _rare_trigrams(norm_q: str, counts: dict[str, int], k: int = _RARE) -> str | None:
    """An FTS query for the paragraphs holding the ``_RARE`` rarest trigrams of the phrase, or
    None (use the phrase itself) when the phrase is short or one of its trigrams is not in the
    index's counts (``counts``: :func:`_gram_counts` of at least the phrase's trigrams). A
    phrase query reads the posting list of every trigram, and common ones (``the``, `` of``)
    are in most paragraphs; the rare ones find a small superset, which the substring check
    after it narrows to the phrase."""
    grams = _trigrams(norm_q)
    if len(grams) <= k or any(g not in counts for g in grams):
        return None
    rare = sorted(grams, key=lambda g: (counts[g], g))[:k]
    return " AND ".join(_fts_phrase(g) for g in rare)


def _exact_ids(con: sqlite3.Connection, norm_q: str, language: str | None, since: str | None) -> list[tuple]:
    """(order key, id) of every paragraph holding the phrase: candidates from the full-text
    index, each checked by substring; their printed texts are not read here."""
    where, params = _filters(language, since)
    if len(norm_q) >= 3:  # the trigram tokenizer indexes every 3-character substring
        sql = (f"SELECT {_LIGHT}, p.norm FROM para_fts JOIN paragraphs p ON p.id = para_fts.rowid "
               f"JOIN documents d ON d.id = p.doc WHERE para_fts MATCH ?{where}")
        rare = _rare_trigrams(norm_q, _gram_counts(con, _trigrams(norm_q)))
        rows = con.execute(sql, [rare or _fts_phrase(norm_q), *params])
    else:  # one or two characters (论坛): a scan, still exact
        sql = (f"SELECT {_LIGHT}, p.norm FROM paragraphs p JOIN documents d ON d.id = p.doc "
               f"WHERE instr(lower(p.norm), lower(?)) > 0{where}")
        rows = con.execute(sql, [norm_q, *params])
    folded = norm_q.casefold()
    return [(_order(r, 0), r[0]) for r in rows if folded in r[5].casefold()]


def _order(row: tuple, match: int) -> tuple:
    """Earliest first: date (undated last), symbol, preamble before operative paragraphs, then
    by number where the paragraph id is one; exact before near, then index order."""
    pid, date, symbol, part, para = row[0], row[1], row[2], row[3], row[4]
    num = _NUMBER.match(para)
    return (date is None, date or "", symbol, 0 if part == "preamble" else 1,
            int(num.group(1)) if num else 0, para, match, pid)


def _seeds(norm_q: str, alphabetic: bool) -> list[str]:
    """Pieces of the query to look up verbatim: runs of three words (alphabetic scripts) or six
    characters (Chinese) inside stretches without punctuation. A passage that keeps most of the
    query with a few edits keeps some of them whole."""
    pieces: list[str] = []
    for stretch in re.split(r"[^\w\s]+", norm_q):
        if alphabetic:
            words = stretch.split()
            pieces += [" ".join(words[i:i + 3]) for i in range(0, max(len(words) - 2, 1), 3)]
        else:
            run = "".join(stretch.split())
            pieces += [run[i:i + 6] for i in range(0, max(len(run) - 5, 1), 6)]
    pieces = [p for p in dict.fromkeys(pieces) if len(p) >= 3]
    if len(pieces) > _SEED_POOL:  # spread over the whole query
        step = len(pieces) / _SEED_POOL
        pieces = [pieces[int(i * step)] for i in range(_SEED_POOL)]
    return pieces


def _near_candidates(con: sqlite3.Connection, query: str, norm_q: str, comp_q: str, lang: str | None,
                     exclude: set[int]) -> tuple[list[int], bool]:
    """Paragraph ids that may reuse the query, at most ``_MAX_CANDIDATES`` and none of
    ``exclude`` (the exact hits), and whether there were more: sentences whose MinHash bands
    meet the query's (similar as wholes; the ``lsh`` table's primary key finds them),
    paragraphs holding one of its rarest seeds (a sentence quoted inside a longer one, where
    Jaccard similarity is low but containment high), and for a short query the best full-text
    matches of its words."""
    keys: list[int] = []
    for s, e in split_sentences(query):
        comp = comparable(query[s:e], lang)
        keys.extend(text_band_keys(comp, gram_size(comp, lang)))
    keys.extend(text_band_keys(comp_q, gram_size(comp_q, lang)))
    # Band matches first, those meeting the query in most bands first; then seed matches.
    found: dict[int, None] = {}
    bands: Counter[int] = Counter()
    unique = list(dict.fromkeys(keys))
    for i in range(0, len(unique), 500):
        chunk = unique[i:i + 500]
        bands.update(r[0] for r in con.execute(
            f"SELECT para FROM lsh WHERE key IN ({','.join('?' * len(chunk))})", chunk))
    found.update((para, None) for para, _ in sorted(bands.items(), key=lambda kv: (-kv[1], kv[0])))
    alphabetic = gram_size(comp_q, lang) > 3
    seeds = _seeds(norm_q, alphabetic)
    if alphabetic and len(seeds) < 2:
        # A phrase of a few words is one seed, its exact hits: a passage that changed one of
        # its words still holds two of the others together.
        words = norm_q.split()
        seeds += [" ".join(words[i:i + 2]) for i in range(len(words) - 1) if len(words) > 2]
    if alphabetic:  # Pieces of the query: its words (alphabetic scripts) or its 3-character runs (Chinese).
        pieces = re.findall(r"\w{3,}", norm_q)
    else:
        pieces = [comp_q[i:i + 3] for i in range(0, max(len(comp_q) - 2, 1), 2)]
    counts = _gram_counts(con, set().union(*map(_trigrams, [*seeds, *pieces])))
    # A paragraph that reuses most of the query holds several of its seeds: those holding the
    # most come first.
    held: Counter[int] = Counter()
    capped = False
    for rarity, seed in sorted((_rarity(seed, counts), seed) for seed in seeds)[:_MAX_SEEDS]:
        if rarity:  # 0: one of its trigrams is in no paragraph
            # By its eight rarest trigrams (a superset close to the phrase, verified below
            # anyway): a phrase query reads the positions of all its trigrams, `` of`` too.
            rows = [r[0] for r in con.execute("SELECT rowid FROM para_fts WHERE para_fts MATCH ? LIMIT ?",
                                              (_rare_trigrams(seed, counts, 8) or _fts_phrase(seed), _SEED_ROWS + 1))]
            capped |= len(rows) > _SEED_ROWS
            held.update(rows[:_SEED_ROWS])
    found.update((para, None) for para, _ in sorted(held.items(), key=lambda kv: (-kv[1], kv[0])))
    # Ranking an OR of words reads every paragraph holding any of them: only for a phrase too
    # short to have two seeds, where a single changed word would hide every seed, and only
    # words in at most ``_WORD_ROWS`` paragraphs.
    if len(seeds) < 2 and len(comp_q) < _SHORT_QUERY:
        words = [p for p in dict.fromkeys(pieces) if 0 < _rarity(p, counts) <= _WORD_ROWS]
        if words:
            query = " OR ".join(_fts_phrase(p) for p in words)
            found.update((r[0], None) for r in con.execute(
                "SELECT rowid FROM para_fts WHERE para_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, _FTS_CANDIDATES)))
    ids = [para for para in found if para not in exclude]
    return ids[:_MAX_CANDIDATES], capped or len(ids) > _MAX_CANDIDATES


def _hit(row: tuple, match: str, score: float, query: str, lang: str | None) -> SearchHit:
    _, symbol, language, date, kind, pid, part, text, _, _, _ = row
    if match == "exact":
        return SearchHit(symbol, language, date, kind, pid, part, text, match, 1.0, text)
    start, end = best_window(query, text)
    passage = text[start:end]
    return SearchHit(symbol, language, date, kind, pid, part, text, match, score, passage,
                     diff_ops(query, passage, lang))


def _near_ids(con: sqlite3.Connection, query: str, norm_q: str, lang: str | None, language: str | None,
              since: str | None, threshold: float, exact: set[int]) -> tuple[list[tuple], bool]:
    """(order key, id, score) of every candidate that reuses at least ``threshold`` of the
    query, and whether candidates were left unverified (``_MAX_CANDIDATES``)."""
    comp_q = comparable(query, lang)
    candidates, capped = _near_candidates(con, query, norm_q, comp_q, lang, exact)
    ids = sorted(candidates)
    where, params = _filters(language, since)
    n = gram_size(comp_q, lang)
    q_grams = char_ngrams(comp_q, n)
    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = con.execute(f"SELECT {_LIGHT}, p.comp FROM paragraphs p JOIN documents d ON d.id = p.doc "
                           f"WHERE p.id IN ({','.join('?' * len(chunk))}){where}", [*chunk, *params])
        for r in rows:
            score = containment_in(q_grams, r[5], n)
            if score >= threshold:
                out.append((_order(r, 1), r[0], score))
    return out, capped


def search(corpus_dir: str | Path, query: str, *, near: bool = False, language: str | None = None,
           since: str | None = None, threshold: float = NEAR_THRESHOLD,
           limit: int | None = None) -> SearchResult:
    """Every paragraph of the corpus that contains ``query`` (and with ``near``, that reuses
    most of it), earliest first; with ``limit``, only the first ``limit`` of them in ``hits``
    (all are counted: ``total_exact``, ``total_near``). Needs a fresh index (CorpusError
    saying how to build it; the quick check of :func:`~lineage.corpus.index.index_status`)."""
    if not query.strip():
        raise UsageError("the search text is empty")
    if since is not None and not _DATE_RE.match(since):
        raise UsageError(f"--since takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {since!r}")
    if not 0 < threshold <= 1:
        raise UsageError(f"--threshold must be in (0, 1], not {threshold}")
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1 (0 on the command line: every hit), not {limit}")
    lang = language or detect_language(query)
    norm_q = " ".join(normalize(query, "compare", lang).text.split())
    con = open_index(corpus_dir, quick=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('documents', 'paragraphs')"))
        documents, paragraphs = int(meta.get("documents", 0)), int(meta.get("paragraphs", 0))
        exact = _exact_ids(con, norm_q, language, since)
        found: list[tuple] = [(key, pid, 1.0) for key, pid in exact]
        capped = False
        if near:
            near_found, capped = _near_ids(con, query, norm_q, lang, language, since, threshold,
                                           {pid for _, pid in exact})
            found += near_found
        # The first ``limit`` by a heap, not a sort of every hit (a common phrase has thousands);
        # only they are read in full and, for near ones, diffed against the query.
        shown = heapq.nsmallest(limit, found) if limit is not None else sorted(found)
        rows = _full_rows(con, [pid for _, pid, _ in shown])
    finally:
        con.close()
    hits = [_hit(rows[pid], "near" if key[-2] else "exact", score, query, rows[pid][2]) for key, pid, score in shown]
    return SearchResult(query, norm_q, language, since, near, threshold, documents, paragraphs, hits,
                        len(exact), len(found) - len(exact), limit, capped)


def _full_rows(con: sqlite3.Connection, ids: list[int]) -> dict[int, tuple]:
    out: dict[int, tuple] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update((r[0], r) for r in con.execute(
            f"SELECT {_COLUMNS} FROM paragraphs p JOIN documents d ON d.id = p.doc "
            f"WHERE p.id IN ({','.join('?' * len(chunk))})", chunk))
    return out


# -- rendering -------------------------------------------------------------------------------


def _para_label(h: SearchHit) -> str:
    return f"paragraph {h.paragraph}" if h.part == "operative" else f"preambular paragraph {h.paragraph}"


def _head(h: SearchHit) -> str:
    what = "exact" if h.match == "exact" else f"near, {h.score:.2f} of the query"
    return f"{h.symbol} ({h.language})  {h.date or 'undated'}  {_para_label(h)}  [{what}]"


def _summary(r: SearchResult) -> list[str]:
    n_exact = r.total_exact
    out = [f"{n_exact} paragraph{'s' * (n_exact != 1)} contain{'s' * (n_exact == 1)} the text"
           + (f"; {'at least ' * r.near_capped}{r.total_near} reuse most of it with edits" if r.near else "")
           + f" ({r.paragraphs} paragraphs in {r.documents} documents searched)."]
    if r.hits:
        f = r.hits[0]
        out.append(f"First: {f.symbol} ({f.date or 'undated'}), {_para_label(f)}.")
    if len(r.hits) < r.total:
        out.append(f"Showing the earliest {len(r.hits)} of {r.total} (--limit N for more, --limit 0 for all).")
    return out


def _text(r: SearchResult) -> str:
    out = [f"Search: {r.query}", "", *_summary(r)]
    for h in r.hits:
        out += ["", f"== {_head(h)}"]
        out.append(h.text if h.match == "exact" else inline_diff(h.ops, "text", unchanged=h.passage))
    return "\n".join(out) + "\n"


def _md(r: SearchResult) -> str:
    out = [f"# Search: {escape_markdown(r.query, newline=' ')}", "", *_summary(r)]
    for h in r.hits:
        out += ["", f"## {escape_markdown(_head(h), newline=' ')}", ""]
        out.append(escape_markdown(h.text, newline=" ") if h.match == "exact"
                   else inline_diff(h.ops, "md", unchanged=escape_markdown(h.passage, newline=" ")))
    return "\n".join(out) + "\n"


def _html(r: SearchResult) -> str:
    e = html.escape
    title = f"Search: {r.query}"
    body = [f"<h1>{e(title)}</h1>"] + [f'<p class="meta">{e(line)}</p>' for line in _summary(r)]
    for h in r.hits:
        body.append(f"<h2>{e(_head(h))}</h2>")
        text = e(h.text) if h.match == "exact" else inline_diff(h.ops, "html", unchanged=e(h.passage))
        body.append(f"<p{lang_attr(h.language)}>" + text.replace("\n", "<br>") + "</p>")
    return render_page(title, body, css=".meta{color:#555}")


def render_search(result: SearchResult, fmt: str = "text") -> str:
    if fmt == "json":
        return dumps(result.to_dict())
    if fmt == "md":
        return _md(result)
    if fmt == "html":
        return _html(result)
    return _text(result)
