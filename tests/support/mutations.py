"""Seeded mutations: make a later version of a document with a known gold alignment.

Used by the tests and ``benchmarks/alignment_bench.py`` to measure the aligner and the diff.
From one :class:`~lineage.model.document.Document` and a seed, :func:`mutate` derives a new version the
way negotiators change a draft, and records what it did:

- word and phrase edits inside paragraphs (a verb strengthened or softened, a qualifier added
  or struck, a clause deleted, a sentence added), from a curated vocabulary of drafting edits
  kept as data (``lineage/data/mutations/<language>.toml``);
- paragraphs inserted and deleted, with the operative paragraphs renumbered as adopted texts are;
- paragraphs moved a few places or far, some of them also edited;
- a paragraph split in two at a sentence or clause boundary; two neighbours merged; in a
  share of them the seam is reworded as drafters do (``我们强调X。`` + ``我们还强调Y。`` becomes
  ``我们强调X，并强调Y。``; a split piece gains ``We also``), a real edit recorded in the gold;
- a heading renamed;
- presentation-only noise (traditional characters typed by mistake, full-width forms, layout
  spaces, line breaks inside a line, ASCII punctuation where Chinese is expected), which must
  never be reported as a change.

The same seed gives the same case on every machine (one :class:`random.Random` per case, and a
second one for the seam rewording, so that rewording leaves the pairs, moves and edits of a
seed as they were; presentation noise, drawn on the final texts, may fall differently).
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from lineage.model.document import Document, Heading, Paragraph, Source
from lineage.normalize.chinese import to_traditional
from lineage.script.chars import is_han
from lineage.script.language import is_cjk_language

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Edit",
    "GoldPair",
    "GoldHeading",
    "MutationCase",
    "Rates",
    "NOISE_KINDS",
    "vocabulary",
    "mutate",
    "add_noise",
    "history",
    "KindScore",
    "CaseScore",
    "score_case",
    "edit_reported",
]

_DATA = Path(__file__).parent / "data" / "mutations"
NOISE_KINDS = ("traditional", "width", "space", "linebreak", "punctuation")


@dataclass(frozen=True)
class Edit:
    """One edit inside a paragraph: the smallest ``before`` text that became ``after`` (one of
    them may be empty). ``kind``: replace, insert, delete, clause, sentence,
    seam (the junction of a merge or split reworded)."""

    kind: str
    before: str
    after: str


@dataclass
class GoldPair:
    """What the aligner should report: old ids, new ids, the contract's kind, and the edits
    made inside the paragraph (empty for pure moves and noise; a reworded seam for a split
    or merge)."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: str
    edits: tuple[Edit, ...] = ()
    noise: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        return (self.kind, self.old, self.new)


@dataclass
class GoldHeading:
    old: str | None
    new: str | None
    kind: str


@dataclass
class MutationCase:
    seed: int
    old: Document
    new: Document
    pairs: list[GoldPair]
    headings: list[GoldHeading]
    log: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rates:
    """How much one case changes. Counts are drawn uniformly from the inclusive ranges."""

    edited_share: float = 0.15
    max_edits: int = 2
    insertions: tuple[int, int] = (0, 2)
    deletions: tuple[int, int] = (0, 2)
    near_moves: tuple[int, int] = (0, 1)
    far_moves: tuple[int, int] = (0, 1)
    moved_edited_share: float = 0.5
    splits: tuple[int, int] = (0, 1)
    merges: tuple[int, int] = (0, 1)
    heading_renames: tuple[int, int] = (0, 1)
    noise_share: float = 0.3
    noise_kinds: tuple[str, ...] = NOISE_KINDS
    reworded_seams: float = 0.3
    """Share of merges and splits whose seam is reworded (where a ``merge_seams`` or
    ``split_seams`` entry of the vocabulary applies): most drafts just join or cut the text,
    but rewording the junction is common enough to be part of the typical profile."""


@cache
def vocabulary(language: str) -> dict[str, Any]:
    """The drafting vocabulary of ``language`` (``zh`` for CJK languages, else ``en``)."""
    name = "zh" if is_cjk_language(language) else "en"
    with open(_DATA / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@dataclass(eq=False)  # items are compared by identity: two may hold the same text
class _Item:
    """One entry of the working sequence: a paragraph or a heading."""

    is_heading: bool
    text: str
    origin: tuple[str, ...] = ()
    preambular: bool = False
    kind: str = "unchanged"
    edits: list[Edit] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    old_heading: str | None = None
    level: int | None = None
    rest: str = ""  # second piece of a split, until the sequence is rebuilt


def _minimal(old: str, new: str) -> tuple[int, str, str]:
    """Position and texts of the smallest change turning ``old`` into ``new``."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return p, old[p:len(old) - s], new[p:len(new) - s]


def _occurrences(text: str, word: str) -> list[int]:
    out, k = [], text.find(word)
    while k != -1:
        out.append(k)
        k = text.find(word, k + 1)
    return out


def _edit_options(text: str, vocab: dict[str, Any], preambular: bool) -> list[tuple[str, str]]:
    """Every edit the vocabulary allows on ``text``: ``(kind, new_text)``."""
    out: list[tuple[str, str]] = []
    for src, dst in vocab["replacements"]:
        for k in _occurrences(text, src):
            out.append(("replace", text[:k] + dst + text[k + len(src):]))
    for phrase, anchor in vocab["insertions"]:
        for k in _occurrences(text, anchor):
            if not text[:k].endswith(phrase):
                out.append(("insert", text[:k] + phrase + text[k:]))
    for word in vocab["deletions"]:
        for k in _occurrences(text, word):
            out.append(("delete", text[:k] + text[k + len(word):]))
    # Strike one inner clause (never the first, which carries the verb, nor the last).
    marks = sorted(k for m in vocab["clause_marks"] for k in _occurrences(text, m))
    for a, b in zip(marks, marks[1:]):
        if 4 <= b - a <= 60 and vocab["sentence_end"] not in text[a:b]:
            mark_len = len(next(m for m in vocab["clause_marks"] if text.startswith(m, a)))
            out.append(("clause", text[:a + mark_len] + text[b + mark_len:]))
    end = vocab["sentence_end"]
    if not preambular and text.rstrip().endswith(end):
        for sentence in vocab["sentences"]:
            out.append(("sentence", text.rstrip() + sentence))
    return [(kind, new) for kind, new in out if new != text]


def _edit(item: _Item, rng: random.Random, vocab: dict[str, Any], count: int) -> bool:
    """Apply up to ``count`` non-overlapping edits to ``item``; True if any was made."""
    spans: list[tuple[int, int]] = []  # changed spans of the current text
    for _ in range(count):
        options = _edit_options(item.text, vocab, item.preambular)
        rng.shuffle(options)
        for kind, new in options:
            p, before, after = _minimal(item.text, new)
            # Keep edits apart (six characters of untouched text between them), so that each
            # one is a separate change with a single shortest diff.
            if any(p <= b + 6 and p + len(before) + 6 >= a for a, b in spans):
                continue
            shift = len(after) - len(before)
            spans = [(a + shift, b + shift) if a >= p + len(before) else (a, b) for a, b in spans]
            spans.append((p, p + len(after)))
            item.edits.append(Edit(kind, before, after))
            item.text = new
            break
    return bool(item.edits)


def _split_point(text: str, vocab: dict[str, Any]) -> int | None:
    """Where to cut a paragraph in two: after a sentence end, else a clause mark, near the
    middle (30% to 70% of the text)."""
    lo, hi = int(len(text) * 0.3), int(len(text) * 0.7)
    for marks in ([vocab["sentence_end"]], vocab["clause_marks"]):
        cuts = [k + len(m) for m in marks for k in _occurrences(text, m) if lo <= k <= hi]
        if cuts:
            mid = len(text) / 2
            return min(cuts, key=lambda k: (abs(k - mid), k))
    return None


def _reword_seam(first: str, second: str, seams: list[list[str]], rng: random.Random
                 ) -> tuple[str, str, list[Edit]] | None:
    """``first`` and ``second`` with their junction reworded by one of ``seams`` (entries
    ``[end, new_end, opening, new_opening]``) and the edits made, or None when none applies.
    The most specific opening wins; an entry whose new opening is already there is skipped.

    The end and the opening are two edits: with text kept between them (``。我们`` ->
    ``，我们还``) a diff shows two changes, and when they touch it shows them as one op that
    holds both."""
    fits = [s for s in seams if first.endswith(s[0]) and second.startswith(s[2])
            and not second.startswith(s[3])]
    if not fits:
        return None
    longest = max(len(s[2]) for s in fits)
    end, new_end, opening, new_opening = rng.choice([s for s in fits if len(s[2]) == longest])
    edits = [Edit("seam", *_minimal(a, b)[1:]) for a, b in ((end, new_end), (opening, new_opening))
             if a != b]
    return (first[:len(first) - len(end)] + new_end, new_opening + second[len(opening):], edits)


def add_noise(text: str, rng: random.Random, language: str | None,
              kinds: tuple[str, ...] = NOISE_KINDS) -> tuple[str, list[str]]:
    """Presentation-only changes to ``text``: one or two of ``kinds``, where they apply.
    Returns the new text and the kinds applied."""
    applied: list[str] = []
    chosen = rng.sample(list(kinds), k=min(len(kinds), rng.choice((1, 2))))
    cjk = is_cjk_language(language)
    for kind in chosen:
        new = text
        if kind == "traditional" and cjk:
            convertible = [k for k, c in enumerate(text) if is_han(c) and to_traditional(c) != c]
            for k in sorted(rng.sample(convertible, k=min(2, len(convertible)))):
                new = new[:k] + to_traditional(new[k]) + new[k + 1:]
        elif kind == "width":
            runs = [k for k, c in enumerate(text) if c.isascii() and c.isalnum()]
            if runs:
                k = rng.choice(runs)
                while k < len(new) and new[k].isascii() and new[k].isalnum():
                    new = new[:k] + chr(ord(new[k]) + 0xFEE0) + new[k + 1:]
                    k += 1
        elif kind in ("space", "linebreak"):
            mark = " " if kind == "space" else "\n"
            if cjk:
                gaps = [k for k in range(1, len(text)) if is_han(text[k - 1]) and is_han(text[k])]
            else:
                gaps = [k for k in range(1, len(text)) if text[k - 1] == " "]
            for k in sorted(rng.sample(gaps, k=min(2, len(gaps))), reverse=True):
                new = new[:k] + mark + new[k:]
        elif kind == "punctuation" and cjk:
            table = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}
            present = [c for c in table if c in text]
            if present:
                c = rng.choice(present)
                new = new.replace(c, table[c])
        if new != text:
            applied.append(kind)
            text = new
    return text, applied


def _items(doc: Document) -> list[_Item]:
    before: dict[str | None, list[Heading]] = {}
    for h in doc.headings:
        before.setdefault(h.before, []).append(h)
    items: list[_Item] = []
    for p in doc.all_paragraphs():
        for h in before.get(p.id, []):
            items.append(_Item(True, h.text, old_heading=h.text, level=h.level))
        items.append(_Item(False, p.text, (p.id,), preambular=p.is_preambular))
    for h in before.get(None, []):
        items.append(_Item(True, h.text, old_heading=h.text, level=h.level))
    return items


def _count(rng: random.Random, bounds: tuple[int, int]) -> int:
    return rng.randint(bounds[0], bounds[1])


def mutate(doc: Document, seed: int, rates: Rates = Rates()) -> MutationCase:
    """Derive a new version of ``doc`` and the gold alignment (see the module docstring)."""
    rng = random.Random(seed)
    seam_rng = random.Random(f"seams:{seed}")
    language = doc.language
    vocab = vocabulary(language or "en")
    items = _items(doc)
    log: list[str] = []
    paras = [k for k, it in enumerate(items) if not it.is_heading]
    free = set(paras)

    def take(candidates: list[int], n: int) -> list[int]:
        pool = [k for k in candidates if k in free]
        picked = rng.sample(pool, k=min(n, len(pool)))
        free.difference_update(picked)
        return sorted(picked)

    operative = [k for k in paras if not items[k].preambular]
    # Merges: two operative neighbours with no heading between them.
    for k in take([k for k in operative if k + 1 in free and not items[k + 1].is_heading
                   and not items[k + 1].preambular], _count(rng, rates.merges)):
        if k + 1 in free and items[k].kind == "unchanged":
            free.discard(k + 1)
            a, b = items[k], items[k + 1]
            sep = "" if is_cjk_language(language) else " "
            items[k] = _Item(False, a.text + sep + b.text, a.origin + b.origin, kind="merged")
            items[k + 1] = _Item(False, "", kind="gone")
            log.append(f"merge {a.origin[0]}+{b.origin[0]}")
            reworded = (_reword_seam(a.text, b.text, vocab.get("merge_seams", []), seam_rng)
                        if seam_rng.random() < rates.reworded_seams else None)
            if reworded:
                items[k].text = reworded[0] + sep + reworded[1]
                items[k].edits = reworded[2]
                log.append(f"reword seam {a.origin[0]}+{b.origin[0]}: " + "; ".join(
                    f"{e.before!r}->{e.after!r}" for e in reworded[2]))
    for k in take([k for k in operative if _split_point(items[k].text, vocab)],
                  _count(rng, rates.splits)):
        it = items[k]
        cut = _split_point(it.text, vocab)
        items[k] = _Item(False, it.text[:cut], it.origin, kind="split", rest=it.text[cut:])
        log.append(f"split {it.origin[0]} at {cut}")
        reworded = (_reword_seam(items[k].text, items[k].rest, vocab.get("split_seams", []),
                                 seam_rng) if seam_rng.random() < rates.reworded_seams else None)
        if reworded:
            items[k].text, items[k].rest, items[k].edits = reworded
            log.append(f"reword seam {it.origin[0]}: " + "; ".join(
                f"{e.before!r}->{e.after!r}" for e in reworded[2]))
    deleted = take(paras, _count(rng, rates.deletions))
    n_near = _count(rng, rates.near_moves)
    moves = take(paras, n_near + _count(rng, rates.far_moves))
    for k in moves + take(paras, round(rates.edited_share * len(paras))):
        it = items[k]
        edited_share = rates.moved_edited_share if k in moves else 1.0
        if rng.random() < edited_share and _edit(it, rng, vocab, rng.randint(1, rates.max_edits)):
            it.kind = "modified"
            log.append(f"edit {it.origin[0]}: " + "; ".join(
                f"{e.kind} {e.before!r}->{e.after!r}" for e in it.edits))

    # Rebuild the sequence: splits become two pieces, merged halves and deletions go.
    seq: list[_Item] = []
    gold_deleted: list[GoldPair] = []
    for k, it in enumerate(items):
        if it.kind == "gone":
            continue
        if k in deleted:
            gold_deleted.append(GoldPair(it.origin, (), "deleted"))
            log.append(f"delete {it.origin[0]}")
            continue
        if it.kind == "split":
            seq.append(it)
            seq.append(_Item(False, it.rest, it.origin, kind="split"))
            continue
        seq.append(it)

    # Moves: within the same part (preamble or operative), a few places or far.
    moved_items = [items[k] for k in moves if k not in deleted]
    for n, it in enumerate(moved_items):
        part = [k for k, x in enumerate(seq) if not x.is_heading and x.preambular == it.preambular]
        here = part.index(seq.index(it))
        far = n >= n_near
        lo = 8 if far else 3
        targets = [t for t in range(len(part)) if abs(t - here) >= lo
                   and (far or abs(t - here) <= 6)]
        if not targets:
            continue
        t = rng.choice(targets)
        dest_item = seq[part[t]]
        seq.remove(it)
        pos = _between_pieces(seq, seq.index(dest_item) + (1 if t > here else 0))
        seq.insert(pos, it)
        it.kind = "moved"
        log.append(f"move {it.origin[0]} {'far' if far else 'near'} by {t - here}")

    # Insertions of drafted paragraphs (a preambular clause ends with a comma).
    present = {it.text for it in seq}
    drafts = [p for p in vocab["paragraphs"] if p not in present]
    for text in rng.sample(drafts, k=min(len(drafts), _count(rng, rates.insertions))):
        preambular = not text.rstrip().endswith(vocab["sentence_end"])
        part = [k for k, x in enumerate(seq) if not x.is_heading and x.preambular == preambular]
        if not part:
            continue
        pos = _between_pieces(seq, rng.choice(part) + rng.choice((0, 1)))
        seq.insert(pos, _Item(False, text, (), preambular=preambular, kind="inserted"))
        log.append(f"insert at {pos}")

    _rename_headings(seq, rng, vocab, _count(rng, rates.heading_renames), log)
    for it in seq:
        if it.kind != "inserted" and rng.random() < rates.noise_share:
            it.text, it.noise = add_noise(it.text, rng, language, rates.noise_kinds)
    gold_headings = [GoldHeading(it.old_heading, it.text, it.kind) for it in seq if it.is_heading]

    new_doc, ids = _document(doc, seq, seed)
    pairs: list[GoldPair] = []
    done: set[tuple[str, ...]] = set()
    for it in seq:
        if it.is_heading:
            continue
        if it.kind == "split":
            if it.origin in done:
                continue
            done.add(it.origin)
            new_ids = tuple(ids[id(x)] for x in seq if x.kind == "split" and x.origin == it.origin)
            pairs.append(GoldPair(it.origin, new_ids, "split", tuple(it.edits),
                                  tuple(it.noise)))
            continue
        pairs.append(GoldPair(it.origin, (ids[id(it)],), it.kind, tuple(it.edits),
                              tuple(it.noise)))
    return MutationCase(seed, doc, new_doc, pairs + gold_deleted, gold_headings, log)


def _between_pieces(seq: list[_Item], pos: int) -> int:
    """``pos``, moved past the second piece of a split if it would fall between the pieces
    (a drafter inserts before or after a split paragraph, not inside it)."""
    if 0 < pos < len(seq) and seq[pos - 1].kind == seq[pos].kind == "split" \
            and seq[pos - 1].origin == seq[pos].origin:
        return pos + 1
    return pos


def _rename_headings(seq: list[_Item], rng: random.Random, vocab: dict[str, Any], n: int,
                     log: list[str]) -> None:
    heads = [it for it in seq if it.is_heading]
    for it in rng.sample(heads, k=min(n, len(heads))):
        options = [it.text.replace(a, b, 1) for a, b in vocab["heading_renames"] if a in it.text]
        it.text = rng.choice(options) if options else it.text + vocab["heading_suffix"]
        it.kind = "modified"
        log.append(f"rename heading {it.old_heading!r} -> {it.text!r}")


def _document(doc: Document, seq: list[_Item], seed: int) -> tuple[Document, dict[int, str]]:
    """The new version: preambular ids pp1.., operative paragraphs renumbered 1.. in order."""
    ids: dict[int, str] = {}
    preamble: list[Paragraph] = []
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    pending: list[_Item] = []
    section: str | None = None
    for it in seq:
        if it.is_heading:
            pending.append(it)
            continue
        if it.preambular:
            pid = f"pp{len(preamble) + 1}"
            preamble.append(Paragraph(id=pid, text=it.text))
        else:
            pid = str(len(paragraphs) + 1)
        for h in pending:
            headings.append(Heading(h.text, pid, h.level))
            section = h.text
        pending = []
        if not it.preambular:
            paragraphs.append(Paragraph(id=pid, text=it.text, number=pid, section=section))
        ids[id(it)] = pid
    headings.extend(Heading(h.text, None, h.level) for h in pending)
    source = Source(path=f"{doc.source.path}#mutation-{seed}", kind=doc.source.kind)
    new = replace(doc, source=source, preamble=preamble, paragraphs=paragraphs,
                  headings=headings, warnings=[])
    return new, ids


def history(doc: Document, versions: int, seed: int, rates: Rates = Rates()) -> list[Document]:
    """``versions`` successive versions, each mutated from the one before (``doc`` first)."""
    out = [doc]
    for k in range(versions - 1):
        out.append(mutate(out[-1], seed * 1000 + k, rates).new)
    return out


@dataclass
class KindScore:
    """Pair-level counts for one kind: a predicted pair is right when its kind, old ids and
    new ids all equal a gold pair's."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    @property
    def precision(self) -> float:
        n = self.true_pos + self.false_pos
        return self.true_pos / n if n else 1.0

    @property
    def recall(self) -> float:
        n = self.true_pos + self.false_neg
        return self.true_pos / n if n else 1.0

    def add(self, other: KindScore) -> None:
        self.true_pos += other.true_pos
        self.false_pos += other.false_pos
        self.false_neg += other.false_neg


@dataclass
class CaseScore:
    """How one comparison did against one case's gold."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    noisy_pairs: int = 0
    noise_reported: list[str] = field(default_factory=list)  # new ids reported as changed
    edits: int = 0
    edits_missed: list[str] = field(default_factory=list)
    headings_wrong: list[str] = field(default_factory=list)

    def add(self, other: CaseScore) -> None:
        for kind, ks in other.kinds.items():
            self.kinds.setdefault(kind, KindScore()).add(ks)
        self.noisy_pairs += other.noisy_pairs
        self.noise_reported += other.noise_reported
        self.edits += other.edits
        self.edits_missed += other.edits_missed
        self.headings_wrong += other.headings_wrong


def _norm(text: str, language: str | None) -> str:
    from lineage.normalize import normalize

    return "".join(normalize(text, "compare", language).text.split())


def _strip_marks(text: str) -> str:
    """``text`` without punctuation at either end."""
    return text.strip("".join(c for c in set(text) if not c.isalnum()))


def edit_reported(edit: Edit, ops: list, language: str | None) -> bool:
    """True when ``edit`` shows in ``ops``: its deleted text inside one ``delete`` op and its
    inserted text inside one ``insert`` op, compared after ``compare`` normalisation and with
    punctuation at either end of the edit ignored (where a struck clause begins, at its comma
    or after it, is a matter of taste)."""
    for text, op in ((edit.before, "delete"), (edit.after, "insert")):
        full = _norm(text, language)
        # A shortest diff may place the same insertion one rotation further (``的有意义`` for
        # ``有意义的`` before ``的参与``): any rotation of the edit inside one op counts.
        rotations = {_strip_marks(full[k:] + full[:k]) for k in range(len(full))} - {""}
        if rotations and not any(r in _norm(o.text, language) for o in ops if o.op == op
                                 for r in rotations):
            return False
    return True


def score_case(case: MutationCase, comparison: Any) -> CaseScore:
    """Score a :class:`~lineage.model.comparison.Comparison` of ``case.old`` and ``case.new``."""
    from lineage.model.comparison import PAIR_KINDS

    language = case.new.language
    score = CaseScore(kinds={k: KindScore() for k in PAIR_KINDS})
    gold = {g.key: g for g in case.pairs}
    predicted = {(p.kind, tuple(p.old), tuple(p.new)): p for p in comparison.pairs}
    for key in predicted.keys() | gold.keys():
        ks = score.kinds[key[0]]
        if key in predicted and key in gold:
            ks.true_pos += 1
        elif key in predicted:
            ks.false_pos += 1
        else:
            ks.false_neg += 1
    for g in case.pairs:
        if g.noise and not g.edits and g.kind in ("unchanged", "moved"):
            score.noisy_pairs += 1
            p = predicted.get(g.key)
            if p is None or p.ops:
                score.noise_reported.append(",".join(g.new))
        for e in g.edits:
            score.edits += 1
            p = predicted.get(g.key)
            if p is None or not edit_reported(e, p.ops or [], language):
                score.edits_missed.append(f"{','.join(g.new)}: {e.before!r}->{e.after!r}")
    want = [(h.old, h.new, h.kind) for h in case.headings]
    got = [(h.old, h.new, h.kind) for h in getattr(comparison, "headings", [])]
    score.headings_wrong = [f"{w} != {g}" for w, g in zip(want, got) if w != g]
    if len(want) != len(got):
        score.headings_wrong.append(f"{len(want)} headings expected, {len(got)} reported")
    return score
