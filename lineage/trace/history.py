"""One paragraph through every version of its text.

``paragraph_history(corpus, symbol, para)`` follows paragraph ``para`` of ``symbol`` backwards
and forwards through the versions the lineage graph links to it (revisions, the draft a
resolution was adopted from, corrigenda), using the alignment of each consecutive pair of
versions (``lineage.compare.documents.compare_documents``): its id in each version (several after a
split), its text, the diff from the previous version, and the first version it appears in.
Earlier documents the text builds on (not versions of it) are searched for a close variant of
the paragraph's first wording, by text reuse (``lineage.compare.reuse``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lineage.compare.documents import compare_documents
from lineage.compare.reuse import comparable
from lineage.compare.similarity import mutual_containment
from lineage.errors import UsageError
from lineage.model.comparison import Comparison, Op, Pair
from lineage.model.document import Document, dumps
from lineage.report.escape import escape_markdown, escape_terminal
from lineage.report.inline import inline_diff, shown_similarity
from lineage.report.labels import DELETED, INSERTED, SIMILARITY, UNCHANGED
from lineage.script.language import gram_size
from lineage.trace.corpusview import CorpusView

__all__ = [
    "TRACE_HISTORY_SCHEMA",
    "TRACE_HISTORY_FORMATS",
    "HistoryStep",
    "EarlierMatch",
    "CorpusParagraphHistory",
    "paragraph_history",
    "render_paragraph_history",
]

TRACE_HISTORY_SCHEMA = "lineage.trace.history/1"
TRACE_HISTORY_FORMATS = ("text", "md", "json")
# Share of the paragraph's n-grams an earlier document's paragraph must contain to count as a
# close variant of it.
EARLIER_THRESHOLD = 0.5


@dataclass(frozen=True)
class HistoryStep:
    """The paragraph in one version. ``status``: ``first`` (earliest version that has it),
    ``absent`` (not in this version), ``deleted`` (was in the previous version, not in this
    one), or the pair kind against the previous version (``unchanged``, ``modified``,
    ``moved``, ``split``, ``merged``, ``inserted``)."""

    symbol: str
    date: str | None
    ids: list[str]
    numbers: list[str | None]
    text: str | None
    status: str
    similarity: float | None = None
    ops: list[Op] | None = None

    @property
    def present(self) -> bool:
        return bool(self.ids)

    def label(self) -> str:
        if not self.ids:
            return "—"
        names = [f"paragraph {n}" if n else f"preambular paragraph {i[2:] if i.startswith('pp') else i}"
                 for i, n in zip(self.ids, self.numbers)]
        return " + ".join(names)

    def to_dict(self) -> dict:
        return {
            "symbol": self.symbol,
            "date": self.date,
            "ids": self.ids,
            "text": self.text,
            "status": self.status,
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "ops": None if self.ops is None else [o.to_dict() for o in self.ops],
        }


@dataclass(frozen=True)
class EarlierMatch:
    symbol: str
    date: str | None
    id: str
    score: float
    text: str

    def to_dict(self) -> dict:
        return {"symbol": self.symbol, "date": self.date, "id": self.id, "score": round(self.score, 4), "text": self.text}


@dataclass(frozen=True)
class CorpusParagraphHistory:
    symbol: str
    paragraph: str
    language: str
    steps: list[HistoryStep]
    earlier: list[EarlierMatch] = field(default_factory=list)
    # The history of the same paragraph in another language, reached through the bridge (the
    # document's text in that language, same paragraph number) when that language holds
    # earlier versions than this one: where the chain crossed languages.
    crossed: CorpusParagraphHistory | None = None

    @property
    def first(self) -> HistoryStep | None:
        return next((s for s in self.steps if s.present), None)

    def to_dict(self) -> dict:
        first = self.first
        return {
            "schema": TRACE_HISTORY_SCHEMA,
            "symbol": self.symbol,
            "paragraph": self.paragraph,
            "language": self.language,
            "first_appeared": None if first is None else {"symbol": first.symbol, "date": first.date, "ids": first.ids},
            "versions": [s.to_dict() for s in self.steps],
            "earlier_documents": [m.to_dict() for m in self.earlier],
            "crossed": None if self.crossed is None else self.crossed.to_dict(),
        }


# How people write a paragraph: "PP3", "pp 3", "para. 99", "paragraph 99", "¶ 99", "99.",
# "12 bis", and the labels this module prints ("preambular paragraph 3").
_PARAGRAPH_NAME = re.compile(r"(preambular\s+)?(?:paragraph|para\.?|¶)?\s*(.+?)\.?", re.IGNORECASE)


def _simplify_paragraph(text: str) -> str:
    m = _PARAGRAPH_NAME.fullmatch(text.strip())
    if m is None:
        return text
    preambular, rest = m.groups()
    rest = rest.lower().replace(" ", "")
    return "pp" + rest if preambular else rest


def _find_paragraph(doc: Document, para: str) -> str:
    wanted = para.strip()
    ids = [p.id for p in doc.all_paragraphs()]
    if wanted in ids:
        return wanted
    simplified = _simplify_paragraph(wanted)
    for pid in ids:
        if pid.lower().replace(" ", "") == simplified:
            return pid
    shown = ", ".join(ids[:5] + (["…"] if len(ids) > 5 else []) + ids[-1:])
    raise UsageError(f"{doc.symbol} has no paragraph {para!r} (its paragraphs: {shown})")


def _texts(doc: Document, ids: list[str]) -> str:
    return "\n".join(doc.paragraph(i).text for i in ids)


def _numbers(doc: Document, ids: list[str]) -> list[str | None]:
    return [doc.paragraph(i).number for i in ids]


def _combine(pairs: list[Pair]) -> tuple[str, float | None, list[Op] | None]:
    """One status for the pairs that carry the paragraph between two versions."""
    if len(pairs) == 1:
        p = pairs[0]
        return p.kind, p.similarity, p.ops
    kinds = [p.kind for p in pairs if p.kind not in ("inserted", "deleted")]
    ops: list[Op] = []
    for p in pairs:
        ops.extend(p.ops or [])
    sims = [p.similarity for p in pairs if p.similarity is not None]
    kind = "modified" if any(k != "unchanged" for k in kinds) else "unchanged"
    return kind, (min(sims) if sims else None), ops


def _ordered_ids(doc: Document, ids: set[str]) -> list[str]:
    return [p.id for p in doc.all_paragraphs() if p.id in ids]


class _Texts(dict):
    """The versions' texts by symbol, each read on first use."""

    def __init__(self, corpus: CorpusView, language: str) -> None:
        super().__init__()
        self._corpus = corpus
        self._language = language

    def __missing__(self, key: str) -> Document:
        doc = self[key] = self._corpus.document(key, self._language, keep=False)
        return doc


def paragraph_history(corpus: CorpusView, symbol: str, para: str, language: str | None = None,
                      cross: bool = True) -> CorpusParagraphHistory:
    language = corpus.language_for(symbol, language)
    target = corpus.node(symbol).symbol
    versions = [k for k in corpus.graph.versions(target) if corpus.has_text(k, language)]
    docs = _Texts(corpus, language)  # read when the walk reaches them: it may stop early
    start = _find_paragraph(docs[target], para)
    at = versions.index(target)
    comparisons: dict[int, Comparison] = {}
    normalized: dict = {}  # each version takes part in two comparisons: normalise it once

    def comparison(i: int) -> Comparison:  # versions[i - 1] -> versions[i]
        if i not in comparisons:
            comparisons[i] = compare_documents(docs[versions[i - 1]], docs[versions[i]],
                                               normalized=normalized)
        return comparisons[i]

    ids: dict[int, list[str]] = {at: [start]}
    change: dict[int, tuple[str, float | None, list[Op] | None]] = {}
    # Backwards: where did the paragraph come from?
    current = {start}
    for i in range(at, 0, -1):
        pairs = [p for p in comparison(i).pairs if current & set(p.new)]
        old = {o for p in pairs for o in p.old}
        change[i] = _combine(pairs) if old else ("inserted", None, None)
        if not old:
            break
        if i == at:
            # Asked for one piece of a split: the version shows every piece of the old
            # paragraph, as the diff from the previous version does.
            ids[at] = _ordered_ids(docs[target], {n for p in pairs for n in p.new})
        ids[i - 1] = _ordered_ids(docs[versions[i - 1]], old)
        current = old
    # Forwards: what became of it?
    current = set(ids[at])
    for i in range(at + 1, len(versions)):
        pairs = [p for p in comparison(i).pairs if current & set(p.old)]
        new = {n for p in pairs for n in p.new}
        if not new:
            change[i] = ("deleted", None, None)
            break
        change[i] = _combine(pairs)
        ids[i] = _ordered_ids(docs[versions[i]], new)
        current = new

    steps = _steps(corpus, versions, docs, ids, change)
    history = CorpusParagraphHistory(target, start, language, steps)
    return replace(history, earlier=_earlier_variants(corpus, target, language, history.first, set(versions)),
                   crossed=_cross(corpus, target, start, language, len(versions)) if cross else None)


def _cross(corpus: CorpusView, target: str, start: str, language: str, count: int) -> CorpusParagraphHistory | None:
    """The paragraph's history in the language of the document that has the most versions,
    when that is more than ``language`` has: official texts share paragraph numbers, so the
    same id names the same paragraph there."""
    best: tuple[int, str] | None = None
    for other in corpus.graph.nodes[target].languages:
        if other == language:
            continue
        n = sum(1 for k in corpus.graph.versions(target) if corpus.has_text(k, other))
        if n > count and (best is None or n > best[0]):
            best = (n, other)
    if best is None:
        return None
    try:
        return paragraph_history(corpus, target, start, best[1], cross=False)
    except UsageError:
        return None  # the other language's text lacks the paragraph: no crossing


def _steps(corpus: CorpusView, versions: list[str], docs: dict[str, Document], ids: dict[int, list[str]],
           change: dict[int, tuple[str, float | None, list[Op] | None]]) -> list[HistoryStep]:
    """One step per version: the paragraph's ids there (by version index) and how it changed
    from the version before."""
    steps: list[HistoryStep] = []
    seen_first = False
    for i, key in enumerate(versions):
        node = corpus.graph.nodes[key]
        doc = docs[key]
        pids = ids.get(i, [])
        if pids:
            status, sim, ops = change.get(i, ("first", None, None))
            if not seen_first:
                status, ops = "first", None
            seen_first = True
            steps.append(HistoryStep(key, node.date, pids, _numbers(doc, pids), _texts(doc, pids), status, sim, ops))
        else:
            status = change[i][0] if i in change and change[i][0] == "deleted" else "absent"
            steps.append(HistoryStep(key, node.date, [], [], None, status))
    return steps


def _earlier_variants(corpus: CorpusView, target: str, language: str, first: HistoryStep | None,
                      versions: set[str]) -> list[EarlierMatch]:
    """For each earlier document the text builds on (not a version of it), its paragraph that
    shares most wording with the paragraph's first version: at least ``EARLIER_THRESHOLD`` of
    one side's n-grams found in the other (an old paragraph taken up whole into a longer new
    one counts, and so does a new paragraph that shortens an old one). Oldest first."""
    if first is None or first.text is None:
        return []
    passage = comparable(first.text, language)
    n = gram_size(passage)
    found: list[EarlierMatch] = []
    for key in corpus.graph.ancestors(target):
        if key in versions or not corpus.has_text(key, language):
            continue
        best: EarlierMatch | None = None
        for p, other in corpus.paragraph_forms(key, language):
            score = mutual_containment(passage, other, n)
            if score >= EARLIER_THRESHOLD and (best is None or score > best.score):
                best = EarlierMatch(key, corpus.graph.nodes[key].date, p.id, score, p.text)
        if best is not None:
            found.append(best)
    return found


# --------------------------------------------------------------------------- rendering


def _status_text(step: HistoryStep) -> str:
    """A step's status in words: a pair kind is its change word (:mod:`lineage.report.labels`)."""
    words = {"first": "first version", "absent": "not in this version", DELETED: DELETED,
             UNCHANGED: UNCHANGED, INSERTED: INSERTED}
    if step.status in words:
        return words[step.status]
    if step.similarity is not None:
        return f"{step.status} ({SIMILARITY} {shown_similarity(step.similarity, step.ops)})"
    return step.status


def _asked_label(history: CorpusParagraphHistory) -> str:
    """The paragraph the user asked about, named as in its version (``paragraph 3 bis``)."""
    own = next((s for s in history.steps if s.symbol == history.symbol), None)
    if own is None or history.paragraph not in own.ids:
        return history.paragraph
    k = own.ids.index(history.paragraph)
    return HistoryStep(own.symbol, own.date, [own.ids[k]], [own.numbers[k]], None, own.status).label()


def render_paragraph_history(history: CorpusParagraphHistory, fmt: str = "text") -> str:
    if fmt == "json":
        return dumps(history.to_dict())
    md = fmt == "md"
    first = history.first
    present = [s for s in history.steps if s.present]
    out: list[str] = []
    title = f"History of {_asked_label(history)} of {history.symbol} ({history.language})"
    out.append(f"# {title}" if md else title)
    out.append("")
    out.append(f"{len(present)} of {len(history.steps)} versions have it.")
    if first is not None:
        when = f" ({first.date})" if first.date else ""
        out.append(f"First appeared: {first.symbol}{when}, {first.label()}.")
    out.append("")
    for step in history.steps:
        head = f"{step.symbol}" + (f"  {step.date}" if step.date else "") + f"  {step.label()}  {_status_text(step)}"
        out.append(f"## {head}" if md else f"== {head}")
        if step.present:
            if step.status == "unchanged":
                out.append("(same text)")
            elif step.status in ("first", "inserted") or not step.ops:
                body = step.text or ""
                out.append(escape_markdown(body) if md else body)
            else:
                out.append(inline_diff(step.ops, "md" if md else "text"))
        out.append("")
    if history.crossed is not None:
        c = history.crossed
        note = (f"Crossed to {c.language} through the bridge {history.symbol} ({history.language} ⇄ "
                f"{c.language}), {_asked_label(c)}: {len(c.steps)} versions in {c.language}")
        out.append(f"## {note}" if md else note)
        out.append("")
        sub = render_paragraph_history(c, "md" if md else "text")
        # The other language's steps, without its own title and counts.
        out.append(sub.split("\n\n", 2)[2].rstrip("\n") if sub.count("\n\n") >= 2 else sub)
        out.append("")
    if history.earlier:
        out.append("## Earlier documents with a close variant" if md else "Earlier documents with a close variant:")
        for m in history.earlier:
            when = f" ({m.date})" if m.date else ""
            text = escape_markdown(m.text) if md else m.text
            out.append(f"{'- ' if md else '  '}{m.symbol}{when} paragraph {m.id}, {m.score:.0%} of its wording: {text}")
        out.append("")
    text = "\n".join(out).rstrip("\n") + "\n"
    return text if md else escape_terminal(text)
