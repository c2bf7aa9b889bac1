"""A topic through the corpus: its paragraphs in each document, in date order, and how their
wording changed from one document to the next.

For every chosen document (default: every text of the corpus) the topic's paragraphs are found
by :func:`lineage.trace.topics.match_document`. Each is paired with the most similar topic paragraph
of the previous document in the same language (edit similarity and n-gram containment, so this works
across different documents, not only versions of one text) and diffed against it
(``lineage.compare.textdiff.diff_ops``); topic paragraphs of the previous document that nothing took up
are listed as dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from lineage.compare.reuse import comparable
from lineage.compare.similarity import char_ngrams, reuse_score
from lineage.compare.textdiff import diff_ops
from lineage.errors import UsageError
from lineage.model.comparison import Op
from lineage.script.language import gram_size
from lineage.trace.corpusview import CorpusView
from lineage.trace.topics import Topic, TopicHit, adhoc_topic, get_topic, match_document

__all__ = [
    "TOPIC_SCHEMA",
    "PAIR_THRESHOLD",
    "TopicChange",
    "TopicEntry",
    "TopicTimeline",
    "topic_timeline",
    "load_timeline",
]

TOPIC_SCHEMA = "lineage.topic/1"
# Below this similarity two topic paragraphs are different passages, not one passage reworded.
PAIR_THRESHOLD = 0.4


@dataclass(frozen=True)
class TopicChange:
    """How topic paragraph ``id`` relates to the previous document: ``new`` (no counterpart),
    ``unchanged`` or ``modified`` against ``previous_id``."""

    id: str
    status: str
    previous_id: str | None = None
    similarity: float | None = None
    ops: list[Op] | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "previous_id": self.previous_id,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "ops": None if self.ops is None else [o.to_dict() for o in self.ops],
        }


@dataclass(frozen=True)
class TopicEntry:
    symbol: str
    language: str
    date: str | None
    title: str | None
    hits: list[TopicHit]
    previous: str | None = None  # the document the changes are against
    date_inferred: bool = False  # ``date`` is the year the symbol implies
    # The language this entry was reached from through a bridge (the same symbol's text in
    # that language, paired by paragraph number), when no earlier text in its own language is.
    bridged_from: str | None = None
    changes: list[TopicChange] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)

    def change_for(self, pid: str) -> TopicChange | None:
        return next((c for c in self.changes if c.id == pid), None)

    def to_dict(self) -> dict:
        return {
            "symbol": self.symbol,
            "language": self.language,
            "date": self.date,
            "date_inferred": self.date_inferred,
            "title": self.title,
            "previous": self.previous,
            "bridged_from": self.bridged_from,
            "paragraphs": [
                {**h.to_dict(), "text": h.paragraph.text, **_change_fields(self.change_for(h.id))} for h in self.hits
            ],
            "dropped": self.dropped,
            "summary": {
                "paragraphs": len(self.hits),
                "new": self.count("new"),
                "modified": self.count("modified"),
                "unchanged": self.count("unchanged"),
                "dropped": len(self.dropped),
            },
        }


def _change_fields(change: TopicChange | None) -> dict:
    if change is None:
        return {"status": None, "previous_id": None, "similarity": None, "ops": None}
    d = change.to_dict()
    d.pop("id")
    return d


@dataclass(frozen=True)
class TopicTimeline:
    topic: Topic
    entries: list[TopicEntry]

    @property
    def bridges(self) -> list[str]:
        """Symbols the timeline holds in several languages (``A/RES/80/173 (en ⇄ zh)``): where
        the chains of two languages meet."""
        langs: dict[str, list[str]] = {}
        for e in self.entries:
            langs.setdefault(e.symbol, []).append(e.language)
        return [f"{s} ({' ⇄ '.join(ls)})" for s, ls in langs.items() if len(ls) > 1]

    @property
    def warnings(self) -> list[str]:
        """What the reader must know about the order: documents placed by an inferred year,
        and documents with no date at all (placed by their links only)."""
        out = []
        inferred = [e.symbol for e in self.entries if e.date_inferred]
        undated = [e.symbol for e in self.entries if not e.date]
        if inferred:
            out.append(f"dated by the year their symbol implies: {', '.join(dict.fromkeys(inferred))}")
        if undated:
            out.append(f"no date, placed by their links only: {', '.join(dict.fromkeys(undated))} "
                       "(set one with 'lineage corpus set SYMBOL date=YYYY-MM-DD')")
        return out

    def to_dict(self) -> dict:
        return {
            "schema": TOPIC_SCHEMA,
            "topic": self.topic.to_dict(),
            "documents": [e.to_dict() for e in self.entries],
            "warnings": self.warnings,
            "bridges": self.bridges,
        }


def _pair(hits: list[TopicHit], language: str, previous: TopicEntry,
          comparables: dict[str, str]) -> tuple[list[TopicChange], list[str]]:
    """Pair each topic paragraph of ``hits`` (in ``language``) with the most similar one of
    ``previous``: the changes, and the ids of ``previous``'s paragraphs no hit took up.
    ``comparables``: the comparable form by printed text, of the texts met so far that the
    next pairing may meet again (the caller keeps the previous document's)."""

    def comparable_form(raw: str) -> str:
        form = comparables.get(raw)
        if form is None:
            form = comparables[raw] = comparable(raw, language)
        return form

    old = [(h.id, h.paragraph.text, comparable_form(h.paragraph.text)) for h in previous.hits]
    grams: dict[tuple[str, int], set[str]] = {}

    def grams_of(form: str, n: int) -> set[str]:
        found = grams.get((form, n))
        if found is None:
            found = grams[(form, n)] = char_ngrams(form, n)
        return found

    used: set[str] = set()
    changes: list[TopicChange] = []
    for hit in hits:
        text = comparable_form(hit.paragraph.text)
        n = gram_size(text)
        best: tuple[float, str, str] | None = None
        for pid, raw, other in old:
            score = reuse_score(text, other, n, (grams_of(text, n), grams_of(other, n)))
            if best is None or score > best[0]:
                best = (score, pid, raw)
        if best is None or best[0] < PAIR_THRESHOLD:
            changes.append(TopicChange(hit.id, "new"))
            continue
        score, pid, raw = best
        used.add(pid)
        ops = [] if raw == hit.paragraph.text else diff_ops(raw, hit.paragraph.text, language)
        changes.append(TopicChange(hit.id, "modified" if ops else "unchanged", pid, score, ops or None))
    return changes, [pid for pid, _, _ in old if pid not in used]


def _cross(hits: list[TopicHit], other: TopicEntry) -> tuple[list[TopicChange], list[str]]:
    """Reach ``hits`` from the same document in another language (a bridge): paragraphs
    pair by number, a paragraph on the topic in both is the same paragraph (``unchanged``).
    The changes, and the ids of ``other``'s topic paragraphs none of ``hits`` is."""
    theirs = {h.id for h in other.hits}
    changes = [TopicChange(h.id, "unchanged" if h.id in theirs else "new", h.id if h.id in theirs else None)
               for h in hits]
    return changes, [pid for pid in theirs if pid not in {h.id for h in hits}]


def _hits(corpus: CorpusView, topic: Topic, key: str, language: str, candidates: set[str] | None) -> list[TopicHit]:
    """The topic's paragraphs in ``key``'s text in ``language``; a text the index rules out
    is not read."""
    if candidates is not None:
        entry = corpus.entry(key, language)
        if entry is not None and entry.text not in candidates:
            return []
    # Each text is read once and only its topic paragraphs are kept.
    return match_document(topic, corpus.document(key, language, keep=False))


def topic_timeline(corpus: CorpusView, topic: Topic, symbols: Sequence[str] = (),
                   language: str | None = None) -> TopicTimeline:
    """The topic across ``symbols`` (default: every document of the corpus with a text), in
    lineage and date order; with ``language``, only texts in that language."""
    if symbols:
        keys = [corpus.node(s).symbol for s in symbols]
        keys = corpus.graph.topological(dict.fromkeys(keys))
    else:
        keys = corpus.symbols_with_text(language)
        if not keys:
            # An empty timeline would look like "the topic is absent"; the cause is the input.
            held = sorted({lang for k in corpus.symbols_with_text() for lang in corpus.graph.nodes[k].languages})
            where = f"in {language!r} (it has {', '.join(held)})" if held else "yet (add or fetch one)"
            raise UsageError(f"the corpus holds no text {where}")
    entries: list[TopicEntry] = []
    last: dict[str, TopicEntry] = {}
    comparables: dict[str, dict[str, str]] = {}  # by language: see _pair
    # With a fresh index, the texts that may speak of the topic at all: the others are not
    # read (None: every text is read and matched).
    candidates = corpus.texts_matching(topic.lookup_groups())
    for key in keys:
        node = corpus.graph.nodes[key]
        langs = [language] if language else list(node.languages)
        if symbols and not any(lang in node.languages for lang in langs):
            corpus.language_for(key, language)  # raises a clear "no text" error
        here: list[TopicEntry] = []  # this symbol's entries, in other languages: its bridges
        for lang in langs:
            if lang not in node.languages:
                continue
            hits = _hits(corpus, topic, key, lang, candidates)
            previous = last.get(lang)
            bridge = next((e for e in here if e.language != lang and e.hits), None)
            against = bridged_from = None
            dropped: list[str] = []
            if previous is not None and hits:
                against = previous.symbol
                seen = comparables.setdefault(lang, {})
                for h in (*previous.hits, *hits):
                    if h.paragraph.text not in seen:
                        seen[h.paragraph.text] = corpus.comparable(h.paragraph.text, lang)
                changes, dropped = _pair(hits, lang, previous, seen)
            elif bridge is not None and hits:
                against, bridged_from = bridge.symbol, bridge.language
                changes, dropped = _cross(hits, bridge)
            else:
                changes = [TopicChange(h.id, "new") for h in hits]
            entry = TopicEntry(key, lang, node.date, node.title, hits, against, node.date_inferred,
                               bridged_from, changes, dropped)
            entries.append(entry)
            here.append(entry)
            # A document silent on the topic is no baseline: the next one that speaks of it is
            # compared with the last one that did.
            if entry.hits:
                last[lang] = entry
                # only the new baseline's texts can come up again
                seen = comparables.get(lang, {})
                comparables[lang] = {h.paragraph.text: seen[h.paragraph.text]
                                     for h in entry.hits if h.paragraph.text in seen}
    return TopicTimeline(topic, entries)


def load_timeline(corpus_dir: str | Path, name: str | None, symbols: Sequence[str] = (),
                  language: str | None = None, terms: Sequence[str] = (),
                  corpus: CorpusView | None = None) -> TopicTimeline:
    """The timeline of topic ``name`` (a topic's name or one of its terms; topics are the
    bundled ones plus any in the corpus's ``topics/`` folder), or of the ad hoc ``terms``;
    ``corpus``: the corpus in ``corpus_dir`` already opened."""
    if corpus is None:
        with CorpusView.open(corpus_dir) as opened:
            return load_timeline(corpus_dir, name, symbols, language, terms, opened)
    topic = adhoc_topic(terms) if terms else get_topic(name or "", [Path(corpus_dir) / "topics"])
    return topic_timeline(corpus, topic, symbols, language)
