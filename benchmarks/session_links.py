"""Accuracy of the lineage links found from the documents (issue 12, part 4) over a pool of PDFs.

    .venv/bin/python benchmarks/session_links.py /tmp/pool/pdfs --corpus CORPUS [--show N]

CORPUS is the pool ingested (``lineage ingest POOL --corpus CORPUS`` then ``lineage index``).
The links under test are those :func:`lineage.trace.inferred.infer_links` finds there (what
``lineage graph`` shows). The gold is read independently, from the first page of each PDF as
poppler's ``pdftotext -layout`` prints it (not our extractor), and from the file names:

- a **plenary** resolution's masthead names its draft: "[without reference to a Main Committee
  (A/80/L.41)]": that symbol is the gold;
- a **committee** resolution's masthead names only the committee's report ("[on the report of
  the Second Committee (A/80/555, para. 7)]"): the gold is the draft resolution of that committee
  in the pool with the same title (the lines just above "The General Assembly", compared case-
  and space-folded), leaving out the drafts another such draft replaced ("on the basis of
  informal consultations on draft resolution A/C.2/80/L.3"); when more than one remains, the
  gold is ambiguous and listed, not counted.

Counts: resolutions whose gold draft is in the pool, and of those the links found right, found
wrong (to another document) and missing; links found where the gold has no draft in the pool
(listed for a look: a wrong link or a gold that could not be read). Exit 0 always (a report).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.trace.graph import load_graph, node_key  # noqa: E402
from lineage.trace.inferred import infer_links  # noqa: E402

_PLENARY = re.compile(r"\[\s*without\s+reference\s+to\s+a\s+Main\s+Committee\s*\(([^)]*)\)", re.I)
# The Fourth is "the Special Political and Decolonization Committee (Fourth Committee)".
_REPORT = re.compile(r"\[\s*on\s+the\s+report\s+of\s+the\s+(?:Special\s+Political\s+and\s+Decolonization\s+Committee\s+\()?"
                     r"(First|Second|Third|Fourth|Fifth|Sixth)\s+Committee", re.I)
_REPLACES = re.compile(r"informal\s+consultations\s+on\s+draft\s+resolutions?\s+(A/C\.\d/\d+/L\.\d+(?:/Rev\.\d+)?)", re.I)
_SYMBOL = re.compile(r"A/(?:C\.\d/)?\d+/L\.\d+(?:/(?:Rev|Add|Corr)\.\d+)*")
_ORDINAL = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6"}


@dataclass
class Page1:
    symbol: str
    text: str
    title: str | None

    @property
    def is_resolution(self) -> bool:
        return "/RES/" in self.symbol

    @property
    def is_draft_resolution(self) -> bool:
        head = self.text.split("The General Assembly", 1)[0]
        return "/L." in self.symbol and re.search(r"draft\s+resolution", head, re.I) is not None


def symbol_of(path: Path) -> str:
    """``A_C.2_80_L.59.pdf`` -> ``A/C.2/80/L.59`` (the pool's file names are the symbols)."""
    return path.stem.replace("_", "/")


def _fold(text: str) -> str:
    """Case, spaces and punctuation folded (pdftotext prints some hyphens as spaces)."""
    return " ".join(re.sub(r"[\W_]+", " ", text).casefold().split())


def title_of(text: str, symbol: str) -> str | None:
    """The block of lines just above "The General Assembly", without a resolution's number."""
    lines = text.splitlines()
    at = next((i for i, ln in enumerate(lines) if ln.strip().startswith("The General Assembly")), None)
    if at is None:
        return None
    block: list[str] = []
    for ln in reversed(lines[:at]):
        if not ln.strip():
            if block:
                break
            continue
        block.insert(0, ln.strip())
    title = " ".join(block)
    title = re.sub(r"^\d+/\d+\.\s*", "", title)  # "80/155.  Operational ..." in a resolution
    return _fold(title) or None


def read_page1(path: Path) -> Page1:
    out = subprocess.run(["pdftotext", "-l", "1", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=False).stdout
    symbol = symbol_of(path)
    return Page1(symbol, out, title_of(out, symbol))


@dataclass
class Gold:
    draft: str | None  # the expected draft, when in the pool
    why: str  # how the gold was read, or why there is none


def gold_links(pages: dict[str, Page1]) -> dict[str, Gold]:
    drafts = [p for p in pages.values() if p.is_draft_resolution]
    replaced = {m for p in drafts for m in _REPLACES.findall(" ".join(p.text.split()))}
    gold: dict[str, Gold] = {}
    for sym, p in sorted(pages.items()):
        if not p.is_resolution:
            continue
        flat = " ".join(p.text.split())
        if m := _PLENARY.search(flat):
            named = _SYMBOL.findall(m.group(1))
            if not named:
                gold[sym] = Gold(None, f"plenary, no draft named ({m.group(0)})")
                continue
            in_pool = [s for s in named if s in pages]
            gold[sym] = (Gold(in_pool[0], f"masthead {m.group(0)})") if in_pool
                         else Gold(None, f"plenary, {', '.join(named)} not in the pool"))
            continue
        if m := _REPORT.search(flat):
            committee = f"A/C.{_ORDINAL[m.group(1).casefold()]}/"
            same = [d.symbol for d in drafts
                    if d.symbol.startswith(committee) and d.title and d.title == p.title and d.symbol not in replaced]
            if len(same) == 1:
                gold[sym] = Gold(same[0], f"{m.group(1)} Committee, the one draft of that title")
            elif not same:
                gold[sym] = Gold(None, f"{m.group(1)} Committee, no draft of that title in the pool")
            else:
                gold[sym] = Gold(None, f"ambiguous: {', '.join(sorted(same))} have the title")
            continue
        gold[sym] = Gold(None, "masthead names neither a draft nor a committee")
    return gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pool", type=Path)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--show", type=int, default=20, help="list at most N cases of each kind")
    args = ap.parse_args()
    pages = {symbol_of(f): read_page1(f) for f in sorted(args.pool.glob("*.pdf"))}
    gold = gold_links(pages)
    graph = load_graph(args.corpus)
    links = infer_links(args.corpus, graph)
    found: dict[str, list] = {}
    for lk in links:
        if lk.kind == "adopted_from":
            found.setdefault(lk.source, []).append(lk)
    explicit = {e.source: e.target for e in graph.edges if e.kind == "adopted_from" and not e.inferred}
    counts: Counter[str] = Counter()
    cases: dict[str, list[str]] = {}

    def case(kind: str, text: str) -> None:
        counts[kind] += 1
        cases.setdefault(kind, []).append(text)

    for sym, g in gold.items():
        key = node_key(sym)
        got = found.get(key, [])
        targets = {lk.target for lk in got} | ({explicit[key]} if key in explicit else set())
        shown = "; ".join(f"{lk.target} ({lk.method} {lk.confidence:.2f})" for lk in got) or "nothing"
        if g.draft is None:
            counts["no gold draft in the pool"] += 1
            if g.why.startswith("ambiguous"):
                case("gold ambiguous", f"{sym}: {g.why}; found {shown}")
            elif targets:
                case("found, gold has no draft in the pool", f"{sym}: {g.why}; found {shown}")
            continue
        counts["gold draft in the pool"] += 1
        want = node_key(g.draft)
        missing_text = [s for s in (key, want) if s not in graph.nodes or not graph.nodes[s].has_text]
        if missing_text:
            case("not in the corpus", f"{sym}: {', '.join(missing_text)} not ingested")
            continue
        if targets == {want}:
            method = got[0].method if got else "manifest"
            counts[f"right ({method})"] += 1
        elif want in targets:
            case("right plus another", f"{sym}: want {g.draft}; found {shown}")
        elif targets:
            case("wrong", f"{sym}: want {g.draft} ({g.why}); found {shown}")
        else:
            case("missing", f"{sym}: want {g.draft} ({g.why}); found nothing")
    resolutions = sum(1 for p in pages.values() if p.is_resolution)
    drafts = sum(1 for p in pages.values() if p.is_draft_resolution)
    print(f"pool: {len(pages)} PDFs, {resolutions} resolutions, {drafts} draft resolutions; "
          f"corpus {args.corpus}: {len(links)} links found ({sum(len(v) for v in found.values())} adopted_from)\n")
    print("| count | |\n|---|---:|")
    for kind in ("gold draft in the pool", "right (masthead)", "right (session-match)", "right (manifest)",
                 "right plus another", "wrong", "missing", "not in the corpus", "no gold draft in the pool", "gold ambiguous",
                 "found, gold has no draft in the pool"):
        print(f"| {kind} | {counts[kind]} |")
    # The facilitators' drafts: "... on the basis of informal consultations on draft resolution X".
    want_rev = {node_key(p.symbol): {node_key(m) for m in _REPLACES.findall(" ".join(p.text.split()))}
                for p in pages.values() if p.is_draft_resolution}
    got_rev: dict[str, set[str]] = {}
    for lk in links:
        if lk.kind == "revises":
            got_rev.setdefault(lk.source, set()).add(lk.target)
    rev: Counter[str] = Counter()
    for key in sorted(set(want_rev) | set(got_rev)):
        want, got = want_rev.get(key, set()), got_rev.get(key, set())
        rev["gold"] += len(want)
        rev["right"] += len(want & got)
        rev["missing"] += len(want - got)
        rev["wrong"] += len(got - want)
        for t in sorted(got - want):
            cases.setdefault("revises link not in the gold", []).append(f"{key} revises {t}")
        for t in sorted(want - got):
            cases.setdefault("revises link missing", []).append(f"{key} revises {t}")
    print(f"\nrevises (a facilitator's draft replacing a draft, masthead): {rev['gold']} in the gold, "
          f"{rev['right']} found, {rev['missing']} missing, {rev['wrong']} found that the gold does not have")
    for kind, items in cases.items():
        print(f"\n{kind} ({len(items)}):")
        for text in items[:args.show]:
            print(f"  {text}")
        if len(items) > args.show:
            print(f"  ... {len(items) - args.show} more")


if __name__ == "__main__":
    main()
