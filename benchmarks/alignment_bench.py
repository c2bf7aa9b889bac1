"""Alignment and diff: accuracy against baselines on generated version pairs, and speed.

    .venv/bin/python benchmarks/alignment_bench.py                 # accuracy, 200 pairs
    .venv/bin/python benchmarks/alignment_bench.py --heavy         # harder profile
    .venv/bin/python benchmarks/alignment_bench.py --seams 1.0     # every seam reworded
    .venv/bin/python benchmarks/alignment_bench.py --thresholds    # score distributions
    .venv/bin/python benchmarks/alignment_bench.py --speed         # timing targets, stages
    .venv/bin/python benchmarks/alignment_bench.py --scaling       # time against length

Every pair comes from ``support.mutations.mutate(seed_document, seed)`` with seeds 0..N-1, so
the three methods are scored on the same pairs against the same gold alignment:

- ours: ``lineage.compare.documents.compare_documents`` (alignment + word-level diff);
- (a) greedy: each new paragraph, in order, takes the most similar unused old paragraph if the
  Levenshtein ratio (rapidfuzz) of the printed texts is at least 0.8, as line-similarity tools
  do; a match that goes back in the old order is labelled moved;
- (b) difflib: ``difflib.SequenceMatcher`` over the two documents' paragraph lists (the whole
  texts, one paragraph a line); in a replaced block, old and new paragraphs pair up in order.

A predicted pair counts as right when its kind, old ids and new ids equal a gold pair's.
"""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # test support (mutations, accuracy) lives with the tests

from lineage.compare.align import GAP_THRESHOLD, MATCH_THRESHOLD, align_texts  # noqa: E402
from lineage.compare.documents import align_documents, compare_documents, document_language  # noqa: E402
from lineage.compare.similarity import paragraph_similarity  # noqa: E402
from lineage.compare.textdiff import diff_ops  # noqa: E402
from lineage.model.comparison import PAIR_KINDS, Comparison, DocRef, Pair  # noqa: E402
from lineage.model.document import Document  # noqa: E402
from lineage.normalize import normalize  # noqa: E402
from lineage.read import read_document  # noqa: E402
from support.mutations import (  # noqa: E402
    CaseScore,
    MutationCase,
    Rates,
    edit_reported,
    history,
    mutate,
    score_case,
)

SEED_TEXT = REPO / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


def _comparison(old: Document, new: Document, pairs: list[Pair]) -> Comparison:
    return Comparison(DocRef(old.symbol, old.source.path), DocRef(new.symbol, new.source.path),
                      pairs)


def greedy_texts(olds: list[str], news: list[str]) -> list[tuple[int | None, int | None, str, float | None]]:
    """Baseline (a) on two lists of texts: ``(old index, new index, kind, similarity)`` for
    each new text in order (old None: inserted), then the old texts left over (deleted)."""
    used: set[int] = set()
    out: list[tuple[int | None, int | None, str, float | None]] = []
    last = -1
    for j, q in enumerate(news):
        best, best_i = 0.8, None
        for i, p in enumerate(olds):
            if i in used:
                continue
            s = Levenshtein.normalized_similarity(p, q, score_cutoff=best)
            if s > best or (s == best and best_i is None and s >= 0.8):
                best, best_i = s, i
        if best_i is None:
            out.append((None, j, "inserted", None))
            continue
        used.add(best_i)
        kind = "moved" if best_i < last else ("unchanged" if olds[best_i] == q else "modified")
        last = max(last, best_i)
        out.append((best_i, j, kind, best))
    out += [(i, None, "deleted", None) for i in range(len(olds)) if i not in used]
    return out


def greedy_baseline(old: Document, new: Document) -> Comparison:
    """Baseline (a): greedy best match above a 0.8 Levenshtein ratio, scanning forward."""
    olds, news = old.all_paragraphs(), new.all_paragraphs()
    pairs: list[Pair] = []
    for i, j, kind, s in greedy_texts([p.text for p in olds], [q.text for q in news]):
        if i is None:
            pairs.append(Pair([], [news[j].id], kind))  # type: ignore[index]
        elif j is None:
            pairs.append(Pair([olds[i].id], [], kind))
        else:
            pairs.append(Pair([olds[i].id], [news[j].id], kind, s, []))
    return _comparison(old, new, pairs)


def difflib_baseline(old: Document, new: Document) -> Comparison:
    """Baseline (b): difflib over the paragraph lists of the two texts."""
    olds, news = old.all_paragraphs(), new.all_paragraphs()
    matcher = difflib.SequenceMatcher(None, [p.text for p in olds], [q.text for q in news],
                                      autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [Pair([olds[i].id], [news[j].id], "unchanged", 1.0, [])
                      for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        n = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        pairs += [Pair([olds[i1 + k].id], [news[j1 + k].id], "modified", None, [])
                  for k in range(n)]
        pairs += [Pair([olds[i].id], [], "deleted") for i in range(i1 + n, i2)]
        pairs += [Pair([], [news[j].id], "inserted") for j in range(j1 + n, j2)]
    return _comparison(old, new, pairs)


METHODS = {"ours": compare_documents, "greedy (a)": greedy_baseline, "difflib (b)": difflib_baseline}


def greedy_with_diff(old: Document, new: Document) -> Comparison:
    """Baseline (a) made to do the whole job ours does: its matched pairs that differ get the
    same word-level diff (lineage.compare.textdiff). Timed only; its pairs are those of (a)."""
    result = greedy_baseline(old, new)
    lang = new.language or old.language
    return dataclasses.replace(result, pairs=[
        dataclasses.replace(pair, ops=diff_ops(old.paragraph(pair.old[0]).text,
                                               new.paragraph(pair.new[0]).text, lang))
        if pair.kind in ("modified", "moved") else pair
        for pair in result.pairs])


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"


DEFAULT_RATES = Rates()
HEAVY = Rates(edited_share=0.3, max_edits=3, insertions=(1, 4), deletions=(1, 4),
              near_moves=(1, 2), far_moves=(1, 2), splits=(1, 2), merges=(1, 2),
              heading_renames=(1, 2), noise_share=0.5, reworded_seams=0.6)
"""A harder profile than the default: every kind of change in every pair, more of them."""


class SeamScore:
    """Split and merged pairs whose seam the generator reworded, scored for ours alone."""

    def __init__(self) -> None:
        self.pairs = {"split": [0, 0, 0], "merged": [0, 0, 0]}  # all, reworded, reworded right
        self.edits = 0
        self.failures: list[str] = []

    def add(self, case: MutationCase, result: Comparison) -> None:
        predicted = {(p.kind, tuple(p.old), tuple(p.new)): p for p in result.pairs}
        for g in case.pairs:
            if g.kind not in self.pairs:
                continue
            counts = self.pairs[g.kind]
            counts[0] += 1
            if not g.edits:
                continue
            counts[1] += 1
            self.edits += len(g.edits)
            p = predicted.get(g.key)
            if p is not None and all(edit_reported(e, p.ops or [], case.new.language)
                                     for e in g.edits):
                counts[2] += 1
            else:
                self.failures.append(f"seed {case.seed}: {g.kind} {'+'.join(g.old)} -> "
                                     f"{'+'.join(g.new)} {'found' if p else 'not aligned'}")

    def report(self) -> None:
        for kind, (n, reworded, right) in self.pairs.items():
            print(f"{kind} pairs with a reworded seam: {reworded}/{n}, aligned with every seam "
                  f"edit in ops: {right}/{reworded}")
        print(f"seam edits in gold: {self.edits}")
        for failure in self.failures[:10]:
            print(f"  {failure}")


def accuracy(doc: Document, cases: int, rates: Rates = DEFAULT_RATES) -> None:
    totals = {name: CaseScore() for name in METHODS}
    times = {name: 0.0 for name in METHODS}
    seams = SeamScore()
    compare_documents(doc, doc)  # load jieba and warm caches outside the timings
    for seed in range(cases):
        case = mutate(doc, seed, rates)
        for name, fn in METHODS.items():
            t0 = time.process_time()
            result = fn(case.old, case.new)
            times[name] += time.process_time() - t0
            totals[name].add(score_case(case, result))
            if name == "ours":
                seams.add(case, result)
    print(f"{cases} generated pairs from {doc.symbol} ({len(doc.all_paragraphs())} paragraphs); "
          f"{machine()}")
    header = f"{'kind':<10} {'gold':>6}" + "".join(f" | {name:^19}" for name in METHODS)
    print(header)
    print(f"{'':<10} {'':>6}" + "".join(f" | {'precision':>9} {'recall':>9}" for _ in METHODS))
    for kind in PAIR_KINDS:
        ours = totals["ours"].kinds[kind]
        gold = ours.true_pos + ours.false_neg
        row = f"{kind:<10} {gold:>6}"
        for name in METHODS:
            ks = totals[name].kinds[kind]
            row += f" | {ks.precision:>9.4f} {ks.recall:>9.4f}"
        print(row)
    print(f"{'time/pair':<17}" + "".join(f" | {times[n] / cases * 1000:>15.1f} ms" for n in METHODS))
    ours = totals["ours"]
    print(f"edits inside paragraphs reported by ours: {ours.edits - len(ours.edits_missed)}"
          f"/{ours.edits}")
    for miss in ours.edits_missed[:5]:
        print(f"  missed {miss}")
    for name in METHODS:
        t = totals[name]
        print(f"noise-only paragraphs reported as changed, {name}: "
              f"{len(t.noise_reported)}/{t.noisy_pairs}")
    print(f"heading pairs wrong (ours): {len(ours.headings_wrong)}")
    seams.report()


def thresholds(doc: Document, cases: int) -> None:
    """The figures behind MATCH_THRESHOLD and GAP_THRESHOLD."""
    lang = doc.language

    def norm(text: str) -> str:
        return normalize(text, "compare", lang).text

    edited: list[float] = []
    unrelated: list[float] = []
    for seed in range(cases):
        case = mutate(doc, seed)
        for g in case.pairs:
            if g.edits and len(g.old) == 1 and len(g.new) == 1:
                edited.append(paragraph_similarity(norm(case.old.paragraph(g.old[0]).text),
                                         norm(case.new.paragraph(g.new[0]).text), lang))
        matched = {(o, n) for g in case.pairs for o in g.old for n in g.new}
        for g in case.pairs:
            if g.kind != "deleted":
                continue
            for q in case.new.all_paragraphs():
                if (g.old[0], q.id) not in matched:
                    unrelated.append(paragraph_similarity(norm(case.old.paragraph(g.old[0]).text),
                                                norm(q.text), lang))
    edited.sort()
    unrelated.sort()

    def pct(xs: list[float], p: float) -> float:
        return xs[min(len(xs) - 1, int(len(xs) * p))]

    print(f"similarity of truly edited pairs (n={len(edited)}): min {edited[0]:.3f}, "
          f"p1 {pct(edited, 0.01):.3f}, p5 {pct(edited, 0.05):.3f}, median "
          f"{statistics.median(edited):.3f}")
    print(f"similarity of deleted paragraphs to every new paragraph not theirs "
          f"(n={len(unrelated)}): median {statistics.median(unrelated):.3f}, "
          f"p99 {pct(unrelated, 0.99):.3f}, p99.9 {pct(unrelated, 0.999):.3f}, "
          f"max {unrelated[-1]:.3f}")
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        lost = sum(1 for s in edited if s < t) / len(edited)
        false = sum(1 for s in unrelated if s >= t) / len(unrelated)
        mark = " <- MATCH_THRESHOLD" if t == MATCH_THRESHOLD else (
            " <- GAP_THRESHOLD" if t == GAP_THRESHOLD else "")
        print(f"  threshold {t:.2f}: edited pairs below {lost:.4f}, unrelated above "
              f"{false:.5f}{mark}")


def _best_of(fn, *args, repeat: int = 5) -> float:
    """Best CPU time of the process over ``repeat`` runs: the machine is shared, and CPU time
    does not count the time other processes held the cores (all methods are single-threaded)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn(*args)
        best = min(best, time.process_time() - t0)
    return best


def compare_keys(old: Document, new: Document) -> tuple[list[str], list[str]]:
    """The texts ``align_documents`` hands the aligner: each paragraph's printed text when it
    is found as often on both sides, else its compare-normal form."""
    language = document_language(old, new)
    olds = [p.text for p in old.all_paragraphs()]
    news = [p.text for p in new.all_paragraphs()]
    count_old, count_new = Counter(olds), Counter(news)
    cache: dict[str, str] = {}

    def key(text: str) -> str:
        if count_old[text] == count_new[text]:
            return text
        if text not in cache:
            cache[text] = normalize(text, "compare", language).text
        return cache[text]

    return [key(t) for t in olds], [key(t) for t in news]


def _stages(old: Document, new: Document) -> dict[str, float]:
    """Best CPU time of each stage of ``compare_documents`` on one pair, in seconds: the
    paragraphs normalised as it normalises them (:func:`compare_keys`), ``align_texts`` on
    the keys, and the rest of the alignment (pairs, headings) and the word diff as the
    differences between the whole functions."""
    language = document_language(old, new)
    key_old, key_new = compare_keys(old, new)
    normalise = _best_of(compare_keys, old, new, repeat=20)
    align = _best_of(align_texts, key_old, key_new, language, repeat=20)
    aligned = _best_of(align_documents, old, new, repeat=20)
    whole = _best_of(compare_documents, old, new, repeat=20)
    return {"normalise": normalise, "align_texts": align,
            "pairs and headings": aligned - normalise - align, "word diff": whole - aligned}


def speed(doc: Document) -> None:
    compare_documents(doc, doc)  # warm-up (jieba dictionary)
    heavy = Rates(edited_share=0.2)
    case = mutate(doc, 20251217, heavy)
    changed = sum(1 for g in case.pairs if g.kind != "unchanged")
    print(f"{machine()}; best CPU time of 5 runs")
    print(f"pair: {len(doc.all_paragraphs())} paragraphs, {changed} pairs not unchanged "
          f"(20% of paragraphs edited + structural changes)")
    # "ours, align only" gives the pairs and kinds without ops: the job (a) does; "(a) + diff"
    # gives (a)'s pairs the same word diff ours computes: the job ours does.
    timed = {"ours": compare_documents, "ours, align only": align_documents,
             **{k: v for k, v in METHODS.items() if k != "ours"}, "(a) + diff": greedy_with_diff}
    for name, fn in timed.items():
        print(f"  {name:<17} {_best_of(fn, case.old, case.new) * 1000:8.1f} ms")
    print("  ours by stage (best of 20 each): " + ", ".join(
        f"{stage} {t * 1000:.1f} ms" for stage, t in _stages(case.old, case.new).items()))
    versions = history(doc, 10, 7, heavy)

    def run_history(fn) -> None:
        for a, b in zip(versions, versions[1:]):
            fn(a, b)

    def run_history_shared() -> None:
        # A history tool normalises each version once: one cache for the whole run (a new
        # one each run, so that no run profits from the one before).
        cache: dict = {}
        for a, b in zip(versions, versions[1:]):
            compare_documents(a, b, normalized=cache)

    print("history: 10 versions, 9 consecutive comparisons")
    for name, fn in timed.items():
        print(f"  {name:<17} {_best_of(run_history, fn) * 1000:8.1f} ms")
    print(f"  {'ours, one cache':<17} {_best_of(run_history_shared) * 1000:8.1f} ms"
          "   (compare_documents(..., normalized=cache), one cache per history)")


def _concatenated(doc: Document, copies: int) -> Document:
    """A long document: ``copies`` successive versions of ``doc`` one after the other, so that
    most paragraphs have near-duplicates elsewhere (the hard case for candidate search)."""
    from lineage.model.document import Paragraph

    versions = history(doc, copies, 99)
    paragraphs: list[Paragraph] = []
    for v in versions:
        for p in v.all_paragraphs():
            pid = str(len(paragraphs) + 1)
            paragraphs.append(dataclasses.replace(p, id=pid, number=pid))
    return dataclasses.replace(doc, preamble=[], paragraphs=paragraphs, headings=[])


def scaling(doc: Document) -> None:
    """Time against document length: ours should grow about linearly, (a) quadratically."""
    compare_documents(doc, doc)
    print(f"{machine()}; best CPU time of 3 runs; documents made of k successive versions "
          "of the seed")
    print(f"{'k':>3} {'paragraphs':>10} | {'ours':>10} | {'greedy (a)':>10}")
    for k in (1, 2, 4, 8):
        big = _concatenated(doc, k)
        case = mutate(big, 5, Rates(edited_share=0.2))
        ours = _best_of(compare_documents, case.old, case.new, repeat=3)
        greedy = _best_of(greedy_baseline, case.old, case.new, repeat=3)
        print(f"{k:>3} {len(big.paragraphs):>10} | {ours * 1000:>7.1f} ms | {greedy * 1000:>7.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", type=Path, default=SEED_TEXT)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--thresholds", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--heavy", action="store_true",
                        help="accuracy with the harder mutation profile HEAVY")
    parser.add_argument("--seams", type=float, metavar="SHARE",
                        help="share of splits and merges whose seam is reworded (overrides "
                             "the profile's reworded_seams)")
    args = parser.parse_args(argv)
    doc = read_document(args.document)
    if args.thresholds:
        thresholds(doc, args.cases)
    elif args.speed:
        speed(doc)
    elif args.scaling:
        scaling(doc)
    else:
        rates = HEAVY if args.heavy else Rates()
        if args.seams is not None:
            rates = dataclasses.replace(rates, reworded_seams=args.seams)
        accuracy(doc, args.cases, rates)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
