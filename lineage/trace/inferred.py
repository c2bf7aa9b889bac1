"""Lineage found from the documents themselves, each link with its evidence and a confidence.

What a person writes in the manifest always wins; these links only fill what it leaves out.

1. **The masthead says it** (kept by ``lineage ingest`` in the texts' ``note: masthead:``
   lines, :mod:`lineage.read.references`): "[without reference to a Main Committee
   (A/80/L.13)]" → the resolution is ``adopted_from`` A/80/L.13 (confidence 1.0); "Draft
   resolution submitted by the Vice-Chair … on the basis of informal consultations on draft
   resolution A/C.2/80/L.3" → the facilitator's text ``revises`` (replaces) L.3 (0.95).
   ``Rev.n``/``Add.n``/``Corr.n`` in symbols are read by :mod:`lineage.trace.graph` already.
2. **The documents are silent** ("[on the report of the Second Committee (A/80/555, para. 7)]"
   names a report, not the draft): a resolution without a draft link is linked to the draft
   of the same session, with the same agenda item or title (of the named committee when the
   masthead names one, dated no later), whose text is closest to the adopted text: the
   two-way containment (:func:`lineage.compare.similarity.two_way_containment`) of their
   comparable texts, at least ``MIN_REUSE``. Confidence: that score, less 10 % when only one of
   agenda item and title agrees.

Facts come from the corpus index when it is fresh (``lineage index``), else from the texts'
headers (and, for the text reuse, the texts of the few candidates).
"""
from __future__ import annotations

import hashlib
import importlib
import json
import marshal
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from lineage.corpus.files import CorpusHeaders
from lineage.corpus.freshness import IndexStatus, index_path, index_status
from lineage.corpus.manifest import Entry, load_entry_document
from lineage.errors import LineageError
from lineage.model.symbols import is_symbol, parse_symbol
from lineage.read.cache import read_cache, write_cache
from lineage.read.references import references_in_notes
from lineage.read.textformat import parse_corpus_header
from lineage.script.language import gram_size
from lineage.trace.graph import Edge, LineageGraph, Node, node_key

__all__ = ["MIN_REUSE", "InferredLink", "infer_links", "with_inferred", "evidence_lines"]

MIN_REUSE = 0.5
_COMMITTEES = {"first": "C.1", "second": "C.2", "third": "C.3", "fourth": "C.4", "fifth": "C.5", "sixth": "C.6",
               "第一": "C.1", "第二": "C.2", "第三": "C.3", "第四": "C.4", "第五": "C.5", "第六": "C.6"}
_COMMITTEE_RE = re.compile(r"(First|Second|Third|Fourth|Fifth|Sixth|第[一二三四五六])\s*(?:Committee|委员会)", re.IGNORECASE)


@dataclass(frozen=True)
class InferredLink:
    source: str
    target: str
    kind: str  # an edge kind of lineage.trace.graph: adopted_from, revises
    method: str  # "masthead" or "session-match"
    evidence: str
    confidence: float

    def to_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "kind": self.kind, "method": self.method,
                "evidence": self.evidence, "confidence": round(self.confidence, 2)}


@dataclass
class _Facts:
    session: str | None = None
    agenda: set[str] = field(default_factory=set)
    title: str | None = None
    refs: list[tuple[str, str, str]] = field(default_factory=list)


def _fold_title(title: str | None) -> str | None:
    return " ".join(title.casefold().split()) if title else None


def _facts_from_index(path: Path) -> dict[str, _Facts]:
    facts: dict[str, _Facts] = {}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        docs = con.execute("SELECT id, symbol, session, agenda, title FROM documents").fetchall()
        refs: dict[int, list[tuple[str, str, str]]] = {}
        for doc, relation, symbol, phrase in con.execute("SELECT doc, relation, symbol, phrase FROM refs"):
            refs.setdefault(doc, []).append((relation, symbol, phrase))
    finally:
        con.close()
    for doc_id, symbol, session, agenda, title in docs:
        f = facts.setdefault(node_key(symbol), _Facts())
        f.session = f.session or session
        if agenda and agenda != "[]":  # most documents name no agenda item: no parse
            f.agenda.update(json.loads(agenda))
        f.title = f.title or title
        f.refs += [r for r in refs.get(doc_id, []) if r not in f.refs]
    return facts


# The header fields the facts use, kept per text between commands (see _HeaderFacts).
_FACT_FIELDS = ("session", "agenda-item", "title", "note")
_HEADER_CACHE_FORMAT = ("inferred header facts", 1, _FACT_FIELDS)  # never leaves the cache folder
# Fewer texts than this are read every time: quicker than a cache file is to manage, and no
# file in the cache folder for every small (or temporary) corpus.
CACHE_MIN_TEXTS = 1000


class _HeaderFacts:
    """The fields of the texts' headers the facts use, read once and kept in the cache folder
    (:mod:`lineage.read.cache`) for the next command on the same corpus: each with the
    identity of its file when read (inode, size, modification and change times), and used
    again only while the file still has that identity. A corpus of 10,000 texts then costs
    a ``stat`` per text instead of opening, reading and parsing each header (which was a
    third of ``lineage graph``). A text that cannot be read is never kept: it fails again.
    The cache file's name is a digest of the corpus folder's real path and of this format."""

    def __init__(self, corpus_dir: Path, keep: bool) -> None:
        self.headers = CorpusHeaders(corpus_dir)
        where = f"{_HEADER_CACHE_FORMAT}\0{os.path.realpath(corpus_dir)}"
        self.name = f"headers-{hashlib.sha256(where.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.bin"
        self.keep = keep
        self.kept: dict[str, tuple] = {}
        self.seen: dict[str, tuple] = {}
        data = read_cache(self.name) if keep else None
        try:
            fmt, kept = marshal.loads(data) if data is not None else (None, None)
        except (EOFError, TypeError, ValueError):
            fmt, kept = None, None  # damaged: read the headers again
        if fmt == _HEADER_CACHE_FORMAT and isinstance(kept, dict):
            self.kept = kept

    def fields(self, rel: str) -> dict[str, list[str]]:
        """``parse_corpus_header`` of the text ``rel``, the fields of _FACT_FIELDS only; the
        same errors (LineageError, UnicodeDecodeError, OSError) for a broken text."""
        identity = self.headers.identity(rel) if self.keep else None
        row = self.kept.get(rel)
        if identity is not None and type(row) is tuple and len(row) == 2 and row[0] == identity \
                and type(row[1]) is dict:
            self.seen[rel] = row
            return row[1]
        header = parse_corpus_header(self.headers.read(rel).decode("utf-8"), rel)
        fields = {k: header[k] for k in _FACT_FIELDS if k in header}
        if identity is not None:
            self.seen[rel] = (identity, fields)
        return fields

    def close(self) -> None:
        self.headers.close()
        if self.keep and self.seen != self.kept:
            write_cache(self.name, marshal.dumps((_HEADER_CACHE_FORMAT, self.seen)))


def _facts_from_texts(corpus_dir: Path, graph: LineageGraph) -> dict[str, _Facts]:
    """The texts' headers only (everything before the first block): cheap on a large corpus,
    and kept between commands (_HeaderFacts)."""
    facts: dict[str, _Facts] = {}
    texts = sum(1 for node in graph.nodes.values() for entry in node.entries if entry.text)
    headers = _HeaderFacts(corpus_dir, keep=texts >= CACHE_MIN_TEXTS)
    try:
        for key, node in graph.nodes.items():
            for entry in node.entries:
                if entry.text:
                    try:
                        header = headers.fields(entry.text)
                    except (LineageError, UnicodeDecodeError, OSError):
                        continue  # a broken text is reported by the commands that read it
                    _add_header(facts, key, entry, header)
    finally:
        headers.close()
    return facts


def _add_header(facts: dict[str, _Facts], key: str, entry: Entry, header: dict[str, list[str]]) -> None:
    f = facts.get(key)
    if f is None:
        f = facts[key] = _Facts()
    if not f.session:
        f.session = header["session"][0] if "session" in header else None
    if "agenda-item" in header:
        f.agenda.update(header["agenda-item"])
    if not f.title:
        f.title = entry.title or (header["title"][0] if "title" in header else None)
    if "note" in header:
        f.refs += [r for r in references_in_notes(tuple(header["note"])) if r not in f.refs]


def _session_of(key: str, facts: _Facts | None) -> str | None:
    if facts and facts.session:
        return facts.session
    return parse_symbol(key).session if is_symbol(key) else None


def _committee(refs: list[tuple[str, str, str]]) -> str | None:
    for relation, _, phrase in refs:
        if relation == "report" and (m := _COMMITTEE_RE.search(phrase)):
            return _COMMITTEES[m.group(1).casefold()]
    return None


def _compare(name: str) -> ModuleType:
    """``lineage.compare.NAME`` (``reuse``, ``similarity``), loaded when a resolution has a
    draft to compare it with: with the normaliser they bring, about 0.09 s of start-up that
    ``lineage graph`` on a corpus whose links are all written or all in the mastheads never needs."""
    return importlib.import_module(f"lineage.compare.{name}")


class _Texts:
    """Comparable texts of documents, from the index when fresh, else read once each."""

    def __init__(self, corpus_dir: Path, graph: LineageGraph, index: Path | None) -> None:
        self.corpus_dir, self.graph, self.index = corpus_dir, graph, index
        self.cache: dict[tuple[str, str], str] = {}
        self.gram_sets: dict[tuple[str, str], tuple[int, frozenset[str]]] = {}

    def get(self, key: str, language: str) -> str:
        if (key, language) not in self.cache:
            self.cache[(key, language)] = self._load(key, language)
        return self.cache[(key, language)]

    def grams(self, key: str, language: str, n: int) -> frozenset[str]:
        """The text's character n-grams, made once: a resolution is compared with every
        candidate draft and a draft with every resolution of its item (on the 543-PDF pool,
        making the sets again for each pair was nine tenths of ``lineage graph``'s time)."""
        got = self.gram_sets.get((key, language))
        if got is None or got[0] != n:
            got = (n, frozenset(_compare("similarity").char_ngrams(self.get(key, language), n)))
            self.gram_sets[(key, language)] = got
        return got[1]

    def _load(self, key: str, language: str) -> str:
        node = self.graph.nodes[key]
        entry = next((e for e in node.entries if e.language == language and e.text), None)
        if entry is None:
            return ""
        if self.index is not None:
            con = sqlite3.connect(f"file:{self.index}?mode=ro", uri=True)
            try:
                rows = con.execute("SELECT p.comp FROM paragraphs p JOIN documents d ON d.id = p.doc "
                                   "WHERE d.text_path = ? ORDER BY p.seq", (entry.text,)).fetchall()
            finally:
                con.close()
            return "".join(r[0] for r in rows)
        try:
            doc = load_entry_document(self.corpus_dir, entry)
        except LineageError:
            return ""
        comparable = _compare("reuse").comparable
        return "".join(comparable(p.text, language) for p in [*doc.preamble, *doc.paragraphs])


def _reuse(texts: _Texts, a: str, b: str, language: str) -> float:
    """Two-way containment of documents ``a`` and ``b``'s comparable texts in ``language``."""
    ta, tb = texts.get(a, language), texts.get(b, language)
    if not (ta and tb):
        return 0.0
    n = gram_size(ta, language)
    measure = _compare("similarity").two_way_containment
    return float(measure(ta, tb, n, (texts.grams(a, language, n), texts.grams(b, language, n))))


def _explicit(graph: LineageGraph) -> set[tuple[str, str]]:
    """(source, kind) of the links a person wrote (symbol-inferred edges are not)."""
    return {(e.source, e.kind) for e in graph.edges if not e.inferred}


def _masthead_links(graph: LineageGraph, facts: dict[str, _Facts]) -> list[InferredLink]:
    links = []
    explicit = _explicit(graph)
    # the documents with references, in chronological order (the same order as all of them)
    for key in graph.ordered_keys([k for k in graph.nodes if k in facts and facts[k].refs]):
        for relation, symbol, phrase in facts[key].refs:
            target = node_key(symbol)
            if target == key:
                continue
            if relation == "adopted_from" and (key, "adopted_from") not in explicit:
                links.append(InferredLink(key, target, "adopted_from", "masthead", phrase, 1.0))
            elif relation == "replaces" and (key, "revises") not in explicit:
                links.append(InferredLink(key, target, "revises", "masthead", phrase, 0.95))
    return links


def _session_links(graph: LineageGraph, facts: dict[str, _Facts], texts: _Texts,
                   have_draft: set[str]) -> list[InferredLink]:
    links: list[InferredLink] = []
    wanting = graph.ordered_keys([k for k, n in graph.nodes.items() if n.kind == "resolution" and n.has_text
                                  and k not in have_draft])
    if not wanting:
        return links
    # The drafts of each session, by agenda item and by title: a resolution looks only at
    # those sharing one with it (in the corpus's order, which breaks ties), not at every draft.
    by_agenda: dict[tuple[str, str], list[int]] = {}
    by_title: dict[tuple[str, str], list[int]] = {}
    drafts = [k for k, n in graph.nodes.items() if n.kind == "draft" and n.has_text]
    for i, d in enumerate(drafts):
        df = facts.get(d, _Facts())
        if (ds := _session_of(d, df)) is None:
            continue
        for item in df.agenda:
            by_agenda.setdefault((ds, item), []).append(i)
        if (folded := _fold_title(df.title)) is not None:
            by_title.setdefault((ds, folded), []).append(i)
    for key in wanting:
        node = graph.nodes[key]
        f = facts.get(key, _Facts())
        session = _session_of(key, f)
        if session is None:
            continue
        committee = _committee(f.refs)
        near = {i for item in f.agenda for i in by_agenda.get((session, item), ())}
        if (folded := _fold_title(f.title)) is not None:
            near.update(by_title.get((session, folded), ()))
        best: tuple[float, tuple, str, str, str] | None = None
        for d in (drafts[i] for i in sorted(near)):
            df = facts.get(d, _Facts())
            if committee and f"/{committee}/" not in d:
                continue
            dnode = graph.nodes[d]
            if node.date and dnode.date and dnode.date[:len(node.date)] > node.date:
                continue
            same_agenda = bool(f.agenda & df.agenda)
            same_title = _fold_title(f.title) is not None and _fold_title(f.title) == _fold_title(df.title)
            if not (same_agenda or same_title):
                continue
            common = sorted(set(node.languages) & set(dnode.languages))
            if not common:
                continue
            lang = "en" if "en" in common else common[0]
            score = _reuse(texts, key, d, lang)
            why = ", ".join(w for w, ok in ((f"agenda item {', '.join(sorted(f.agenda & df.agenda))}", same_agenda),
                                            ("same title", same_title)) if ok)
            conf = score * (1.0 if same_agenda and same_title else 0.9)
            cand = (score, dnode.sort_key(), d, why, f"{conf:.4f}")
            if best is None or (cand[0], cand[1]) > (best[0], best[1]):
                best = cand
        if best is not None and best[0] >= MIN_REUSE:
            score, _, d, why, conf_text = best
            report = next((p for r, _, p in f.refs if r == "report"), None)
            evidence = f"session {session}, {why}, text reuse {score:.2f} (the closest draft)"
            if report:
                evidence = f"{report}; " + evidence
            links.append(InferredLink(key, d, "adopted_from", "session-match", evidence, float(conf_text)))
    return links


def infer_links(corpus_dir: str | Path, graph: LineageGraph, status: IndexStatus | None = None) -> list[InferredLink]:
    """The links found from the documents of ``graph``'s corpus (see the module docstring)."""
    corpus_dir = Path(corpus_dir)
    status = status or index_status(corpus_dir)
    index = index_path(corpus_dir) if status.fresh else None
    facts = _facts_from_index(index) if index is not None else _facts_from_texts(corpus_dir, graph)
    links = _masthead_links(graph, facts)
    have_draft = {e.source for e in graph.edges if e.kind == "adopted_from"} | {
        link.source for link in links if link.kind == "adopted_from"}
    links += _session_links(graph, facts, _Texts(corpus_dir, graph, index), have_draft)
    return links


def with_inferred(graph: LineageGraph, links: list[InferredLink]) -> LineageGraph:
    """``graph`` with the links as inferred edges (targets it does not list become nodes)."""
    nodes = dict(graph.nodes)
    edges = list(graph.edges)
    have = {(e.source, e.target) for e in edges}
    for link in links:
        if (link.source, link.target) in have:
            continue
        have.add((link.source, link.target))
        nodes.setdefault(link.target, Node(symbol=link.target, listed=False))
        edges.append(Edge(link.source, link.target, link.kind, inferred=True))
    return LineageGraph(nodes, edges)


def evidence_lines(links: list[InferredLink], keys: set[str]) -> list[str]:
    """The text format's account of the links shown (those between ``keys``)."""
    shown = [lk for lk in links if lk.source in keys and lk.target in keys]
    if not shown:
        return []
    out = ["", "found from the documents:"]
    for lk in shown:
        out.append(f"  {lk.source} {lk.kind.replace('_', ' ')} {lk.target}  "
                   f"(confidence {lk.confidence:.2f}, {lk.method}: {lk.evidence})")
    return out
