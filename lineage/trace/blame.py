"""Blame: where each sentence of a version comes from.

``blame(corpus, symbol)`` splits every paragraph of a document into sentences and marks each
with the earliest earlier text that contains it or a close variant: an earlier version of the
same text (a draft, a revision) or an earlier document it builds on (A/RES/70/125, the Tunis
Agenda). "Contains" is text reuse, not equality: at least ``threshold`` of the sentence's
character n-grams occur in one paragraph of the earlier text (``lineage.compare.reuse``), so a sentence
with a word changed still traces back, and the score says how close it is.

The earlier texts are the document's ancestors in the lineage graph and, so that a text added
without links still counts, every other text of the corpus in the same language dated before
it. They are tried oldest first; the first that has the sentence wins.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from lineage.compare.reuse import comparable, split_sentences
from lineage.compare.similarity import char_ngrams
from lineage.model.document import dumps
from lineage.report.escape import escape_markdown, escape_terminal
from lineage.report.labels import CONTAINMENT
from lineage.script.language import gram_size
from lineage.trace.corpusview import CorpusView

__all__ = ["BLAME_SCHEMA", "BLAME_FORMATS", "DEFAULT_THRESHOLD", "SentenceOrigin", "Blame", "blame",
           "render_blame"]

BLAME_SCHEMA = "lineage.trace.blame/1"
BLAME_FORMATS = ("text", "md", "json")
DEFAULT_THRESHOLD = 0.8
# Below this many n-grams a sentence is too short for containment to mean anything; it must
# then appear verbatim.
_MIN_GRAMS = 4


@dataclass(frozen=True)
class SentenceOrigin:
    """Sentence ``index`` (1-based) of paragraph ``paragraph``; ``origin`` is the earliest
    text that has it (the document itself when none does), ``origin_paragraph`` the paragraph
    there, ``score`` the share of its n-grams found (1.0: verbatim)."""

    paragraph: str
    index: int
    text: str
    origin: str
    origin_date: str | None
    origin_paragraph: str | None
    score: float | None

    @property
    def new(self) -> bool:
        return self.origin_paragraph is None

    def to_dict(self) -> dict:
        return {
            "paragraph": self.paragraph,
            "sentence": self.index,
            "text": self.text,
            "origin": self.origin,
            "origin_date": self.origin_date,
            "origin_paragraph": self.origin_paragraph,
            "score": None if self.score is None else round(self.score, 4),
        }


@dataclass(frozen=True)
class Blame:
    symbol: str
    date: str | None
    language: str
    threshold: float
    earlier: list[str]  # texts compared with, oldest first
    sentences: list[SentenceOrigin]

    def counts(self) -> Counter:
        return Counter(s.origin for s in self.sentences)

    def to_dict(self) -> dict:
        counts = self.counts()
        return {
            "schema": BLAME_SCHEMA,
            "symbol": self.symbol,
            "language": self.language,
            "threshold": self.threshold,
            "earlier": self.earlier,
            "summary": {k: counts.get(k, 0) for k in [*self.earlier, self.symbol]},
            "sentences": [s.to_dict() for s in self.sentences],
        }


def _earlier_texts(corpus: CorpusView, target: str, language: str) -> list[str]:
    date = corpus.graph.nodes[target].date
    keys = set(k for k in corpus.graph.ancestors(target) if corpus.has_text(k, language))
    if date:
        for key in corpus.symbols_with_text(language):
            other = corpus.graph.nodes[key].date
            if key != target and other and other < date:
                keys.add(key)
    keys.discard(target)
    # Descendants are never "earlier", whatever their dates say.
    keys -= set(corpus.graph.descendants(target))
    return corpus.graph.topological(keys)


@dataclass
class _Probe:
    """A sentence of the document being blamed, and the best origin found for it so far."""

    paragraph: str
    index: int
    text: str
    probe: str
    grams: frozenset[str]  # empty for a sentence too short for containment (verbatim only)
    hit: tuple[int, str, float] | None = None  # (rank, paragraph id, score)


# Paragraph texts whose probe counts are remembered at most (see blame).
_MET_LIMIT = 20000


def _meet(text: str, n: int, by_gram: dict[str, list[_Probe]]) -> list[tuple[_Probe, int]]:
    """The open probes sharing n-grams with ``text`` (a comparable form), with how many each
    shares, in the order they are first met."""
    counts: dict[int, int] = defaultdict(int)
    owners: dict[int, _Probe] = {}
    for g in char_ngrams(text, n):
        for p in by_gram.get(g, ()):
            counts[id(p)] += 1
            owners[id(p)] = p
    return [(owners[k], c) for k, c in counts.items()]


def blame(corpus: CorpusView, symbol: str, language: str | None = None,
          threshold: float = DEFAULT_THRESHOLD) -> Blame:
    """Each sentence of ``symbol``'s text with the earliest earlier text that contains it.

    The earlier texts are read one at a time, oldest first, and each paragraph is compared
    with the sentences still open (through an index of their n-grams), so memory holds one
    text and the sentences, whatever the size of the corpus; the pass stops when every
    sentence has its origin. Within the earliest text that has a sentence, the paragraph
    holding most of it wins (the first of equals; for a verbatim-only short sentence, the
    smallest paragraph id)."""
    language = corpus.language_for(symbol, language)
    target = corpus.node(symbol).symbol
    doc = corpus.document(target, language)
    earlier = _earlier_texts(corpus, target, language)
    n = gram_size(" ".join(p.text for p in doc.all_paragraphs()[:5]), language)

    probes: list[_Probe] = []
    for para in doc.all_paragraphs():
        for i, (start, end) in enumerate(split_sentences(para.text), start=1):
            sentence = para.text[start:end]
            probe = comparable(sentence, language)
            long = bool(probe) and len(probe) - n + 1 >= _MIN_GRAMS
            probes.append(_Probe(para.id, i, sentence, probe, frozenset(char_ngrams(probe, n)) if long else frozenset()))
    open_probes = [p for p in probes if p.probe]
    by_gram: dict[str, list[_Probe]] = {}
    short: list[_Probe] = []
    indexed = -1  # how many open probes by_gram was made for
    met: dict[str, list[tuple[_Probe, int]]] = {}  # by comparable text: _meet for by_gram
    for rank, key in enumerate(earlier):
        if not open_probes:
            break
        if indexed != len(open_probes):
            by_gram = defaultdict(list)
            for p in open_probes:
                for g in p.grams:
                    by_gram[g].append(p)
            short = [p for p in open_probes if not p.grams]
            indexed = len(open_probes)
            met = {}
        for para, text in corpus.paragraph_forms(key, language, keep=False):
            # Versions repeat most paragraphs word for word: the probes a text meets are
            # counted once while the open probes stay the same.
            counts = met.get(text)
            if counts is None:
                if len(met) >= _MET_LIMIT:
                    met.clear()
                counts = met[text] = _meet(text, n, by_gram)
            for p, count in counts:
                score = count / len(p.grams)
                if score >= threshold and (p.hit is None or score > p.hit[2]):
                    p.hit = (rank, para.id, score)
            for p in short:
                if p.probe in text and (p.hit is None or para.id < p.hit[1]):
                    p.hit = (rank, para.id, 1.0)
        open_probes = [p for p in open_probes if p.hit is None]

    node = corpus.graph.nodes[target]
    origins: list[SentenceOrigin] = []
    for p in probes:
        if p.hit is None:
            origins.append(SentenceOrigin(p.paragraph, p.index, p.text, target, node.date, None, None))
        else:
            rank, hit_id, hit_score = p.hit
            key = earlier[rank]
            origins.append(SentenceOrigin(p.paragraph, p.index, p.text, key, corpus.graph.nodes[key].date,
                                          hit_id, hit_score))
    return Blame(target, node.date, language, threshold, earlier, origins)


# --------------------------------------------------------------------------- rendering


def _where(s: SentenceOrigin) -> str:
    if s.new:
        return "new"
    return f"{s.origin} {s.origin_paragraph}"


def render_blame(result: Blame, fmt: str = "text") -> str:
    if fmt == "json":
        return dumps(result.to_dict())
    md = fmt == "md"
    counts = result.counts()
    paragraphs = len({s.paragraph for s in result.sentences})
    out: list[str] = []
    head = (f"Blame for {result.symbol} ({result.language}): {len(result.sentences)} sentences in "
            f"{paragraphs} paragraphs")
    out.append(f"# {head}" if md else head)
    out.append("")
    if result.earlier:
        out.append(f"Compared with {len(result.earlier)} earlier texts, oldest first; a sentence is "
                   f"credited to the first that contains at least {result.threshold:.0%} of it.")
    else:
        out.append("The corpus holds no earlier text in this language: every sentence is new here.")
    out.append("")
    width = max([len(k) for k in [*result.earlier, result.symbol]] + [8])
    if md:
        out.append("| first seen in | sentences |")
        out.append("|---|---:|")
    for key in [*result.earlier, result.symbol]:
        label = key if key != result.symbol else f"{key} (new)"
        if md:
            out.append(f"| {label} | {counts.get(key, 0)} |")
        else:
            out.append(f"  {label:<{width + 6}} {counts.get(key, 0):>5}")
    out.append("")
    if md:
        out.append(f"| sentence | first seen in | {CONTAINMENT} | text |")
        out.append("|---|---|---:|---|")
    for s in result.sentences:
        ref = f"{s.paragraph}.{s.index}"
        score = "" if s.score is None else f"{s.score:.2f}"
        if md:
            out.append(f"| {ref} | {_where(s)} | {score} | {escape_markdown(s.text, newline=' ')} |")
        else:
            flat = s.text.replace("\n", " ")
            out.append(f"{ref:<8} {_where(s):<{width + 6}} {score:>4}  {flat}")
    text = "\n".join(out).rstrip("\n") + "\n"
    return text if md else escape_terminal(text)
