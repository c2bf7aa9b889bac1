"""``lineage add`` (a file read and added to the corpus) and ``lineage demo`` (the bundled
comparison, as an HTML redline plus a terminal summary: the README's main job).

The bundled pair is found in the corpus manifest, not named in code: an entry whose origin
is ``reconstructed`` (a draft rebuilt by us) and that has a text, and another entry with a
text in the same language that it leads to: linked by ``adopted_from``, ``revises`` or
``builds_on`` (in either direction), or else named by symbol in the reconstructed entry's
notes (``an earlier draft of A/RES/80/173``), which is how a reconstruction without a
lineage link says what it is a draft of. The reconstructed draft is the old side; the other
document (an adopted resolution, preferably) is the new side.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lineage.cli.app.diff import diff_documents
from lineage.cli.output import check_output_path, write_output
from lineage.corpus.manifest import ORIGINS, Entry, Manifest, load_entry_document, load_manifest, text_stem
from lineage.corpus.store import add_document
from lineage.errors import CorpusError, SymbolError
from lineage.model.symbols import canonical_symbol
from lineage.read import read_document
from lineage.report.model import ReportFilter, filter_report
from lineage.report.render import render_report

__all__ = ["BundledPair", "DemoResult", "add_file", "find_bundled_pair", "run_demo"]


def add_file(
    path: str | Path,
    corpus_dir: str | Path,
    *,
    symbol: str | None = None,
    language: str | None = None,
    changes: str = "accept",
    **entry_fields: Any,
) -> Entry:
    """``lineage add``: read ``path`` (PDF, Word, seed-style Markdown, plain or corpus text)
    and add it to the corpus; ``symbol``/``language`` override what the reader found in the
    masthead; tracked changes in a Word file are read as ``changes`` says."""
    doc = read_document(path, changes)
    if symbol is not None or language is not None:
        if symbol is not None and entry_fields.get("kind") == "informal-draft":
            # Informal drafts have no UN symbol: the name their co-facilitators gave is kept.
            symbol = " ".join(symbol.split())
        elif symbol is not None:
            try:
                symbol = canonical_symbol(symbol)
            except SymbolError as exc:
                raise SymbolError(f"{exc.reason}; an informal draft without a symbol takes "
                                  "--kind informal-draft and any name", path) from None
        doc = dataclasses.replace(doc, symbol=symbol or doc.symbol, language=language or doc.language)
    if not doc.symbol:
        raise CorpusError("no document symbol found in the masthead: give one with --symbol", path)
    if not doc.language:
        raise CorpusError("the document's language is unknown: give it with --lang", path)
    return add_document(corpus_dir, doc, source_file=path, **entry_fields)


@dataclass(frozen=True)
class BundledPair:
    old: Entry
    new: Entry


@dataclass(frozen=True)
class DemoResult:
    pair: BundledPair
    html_path: Path
    summary: str
    changed: bool


def _linked(a: Entry, b: Entry) -> bool:
    return any(b.symbol in targets for targets in a.links().values()) or any(
        a.symbol in targets for targets in b.links().values())


def _named(draft: Entry, other: Entry) -> bool:
    """``other``'s symbol appears in ``draft``'s notes as a whole symbol (not inside a longer
    one: ``A/RES/80/17`` is not named by ``A/RES/80/173``)."""
    pattern = rf"(?<![\w/.]){re.escape(other.symbol)}(?![\w/.])"
    return bool(draft.notes and re.search(pattern, draft.notes))


def _preference(e: Entry) -> tuple[int, str]:
    # An adopted resolution is the natural "new" side of a draft; then the latest text.
    return (1 if e.kind == "resolution" else 0, e.date or "")


def find_bundled_pair(manifest: Manifest) -> BundledPair:
    """The reconstructed draft and the document it leads to (see the module docstring)."""
    candidates: list[BundledPair] = []
    for draft in manifest:
        if draft.origin != "reconstructed" or not draft.has_text:
            continue
        others = [e for e in manifest if e is not draft and e.has_text and e.language == draft.language]
        targets = [e for e in others if _linked(draft, e)] or [e for e in others if _named(draft, e)]
        if targets:
            candidates.append(BundledPair(draft, max(targets, key=_preference)))
    if not candidates:
        raise CorpusError("no bundled comparison: the manifest has no entry with origin "
                          "'reconstructed' linked to another text (or naming it in its notes)",
                          manifest.path)
    return max(candidates, key=lambda p: (_preference(p.new), p.old.date or ""))


def _note(entry: Entry) -> str | None:
    if entry.origin == "reconstructed":
        return f"reconstructed draft, not an official text: {ORIGINS['reconstructed']}"
    return None


def run_demo(corpus_dir: str | Path, out: str | Path | None = None, *, color: bool = False) -> DemoResult:
    """``lineage demo``: compare the bundled pair of ``corpus_dir``, write the HTML redline to
    ``out`` (default ``out/redline-<old>-vs-<new>.html``) and return it with the terminal
    summary (changed paragraphs only)."""
    corpus_dir = Path(corpus_dir)
    pair = find_bundled_pair(load_manifest(corpus_dir))
    if out is None:
        name = f"redline-{text_stem(pair.old.symbol, None)}-vs-{text_stem(pair.new.symbol, None)}.html"
        out = Path("out") / name
    out = check_output_path(out)  # a path that cannot be written is refused before the work
    old = load_entry_document(corpus_dir, pair.old)
    new = load_entry_document(corpus_dir, pair.new)
    result = diff_documents(old, new, fmt="html", old_note=_note(pair.old), new_note=_note(pair.new))
    write_output(out, result.text)
    summary = render_report(filter_report(result.report, ReportFilter(changed_only=True)), "text",
                            color=color)
    return DemoResult(pair, out, summary, result.changed)
