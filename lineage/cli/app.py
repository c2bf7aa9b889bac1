"""The commands as library calls: each reads its files, runs the stages and renders the result.

This is the only place where reading, computing and rendering meet. The stages below never
read a file for a command or render its output; each ``lineage.cli.commands`` module parses
its arguments and calls one function here. Everything that can go wrong raises a typed
:mod:`lineage.errors` exception naming the file or the option.

- ``lineage extract`` / ``show``: :func:`extract_to_string`, :func:`show_document`;
- ``lineage normalize``: :func:`normalize_file`;
- ``lineage diff``: :func:`diff_files` (:func:`diff_documents` for documents in hand);
- ``lineage add``: :func:`add_file`;
- ``lineage demo``: :func:`run_demo` with the pair :func:`find_bundled_pair` picks.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lineage.cli.output import check_output_path, write_output
from lineage.compare.documents import compare_documents
from lineage.errors import CorpusError, EmptyDocumentError, SymbolError, UsageError
from lineage.model.document import Document
from lineage.model.symbols import canonical_symbol
from lineage.normalize import Normalized, normalize
from lineage.read import read_document, read_text_file
from lineage.read.pdf import extract_pdf
from lineage.report.build import build_report
from lineage.report.document import render_document
from lineage.report.model import PairView, Report, ReportFilter, filter_report
from lineage.report.render import render_report

if TYPE_CHECKING:
    from lineage.corpus.manifest import Entry, Manifest

# Start-up (docs/performance.md): `lineage diff` imports this module, so what only `add`,
# `demo` or `diff --topic` use (the corpus manifest and store, TOML, the topic files) is
# imported inside those functions.

__all__ = [
    "EXTRACT_FORMATS",
    "FORMATS",
    "BundledPair",
    "DemoResult",
    "DiffOutput",
    "add_file",
    "diff_documents",
    "diff_files",
    "extract_to_string",
    "find_bundled_pair",
    "format_changes",
    "normalize_file",
    "read_utf8",
    "run_demo",
    "show_document",
    "topic_predicate",
]

EXTRACT_FORMATS = ("json", "text", "md")
FORMATS = ("text", "md", "json", "html")


# -- extract, show -------------------------------------------------------------------------

def extract_to_string(path: str | Path, fmt: str = "json") -> str:
    """``lineage extract``: the document of the PDF at ``path`` as JSON (the contract), text
    or Markdown."""
    return render_document(extract_pdf(path), fmt)


def show_document(path: str | Path, fmt: str = "text") -> str:
    """``lineage show``: read the file at ``path`` with :func:`lineage.read.read_document`
    and render it."""
    return render_document(read_document(path), fmt)


# -- normalize -----------------------------------------------------------------------------
# A text file (UTF-8, any kind: converter Markdown, corpus text, plain text) is normalised as
# one text, so every change can be located by line and column of the file. A PDF has no text
# of its own: it goes through ``read_document`` and each paragraph (preamble, then operative)
# is normalised on its own, located by paragraph id and column.

def read_utf8(path: str | Path) -> str:
    """The text of ``path`` as the readers decode it (BOM dropped, CRLF made LF); typed errors
    for a missing file, bytes that are not UTF-8 text, and a file with nothing but blanks."""
    text = read_text_file(path)
    if not text.strip():
        raise EmptyDocumentError("the file is empty", path)
    return text


def _is_pdf(path: Path) -> bool:
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(1024).lstrip()[:5] == b"%PDF-"
    except OSError:
        return False


def format_changes(result: Normalized, where: str | None = None) -> list[str]:
    """One line per change in original order: ``LINE:COL step 'before' -> 'after'`` (1-based,
    columns in characters), or ``WHERE:COL ...`` when ``where`` names the text (a paragraph)."""
    line_starts = [0] + [i + 1 for i, ch in enumerate(result.original) if ch == "\n"]
    lines = []
    for change in sorted(result.changes, key=lambda c: c.start):
        line = bisect_right(line_starts, change.start)
        column = change.start - line_starts[line - 1] + 1
        place = f"{where}:{column}" if where is not None else f"{line}:{column}"
        lines.append(f"{place} {change.step} {change.before!r} -> {change.after!r}")
    return lines


def normalize_file(path: str | Path, profile: str = "display", explain: bool = False) -> str:
    """``lineage normalize``: the normalised text, or with ``explain`` the list of changes and
    where they are in the original."""
    p = Path(path)
    if p.is_file() and _is_pdf(p):
        doc = read_document(p)
        parts: list[str] = []
        for paragraph in [*doc.preamble, *doc.paragraphs]:
            result = normalize(paragraph.text, profile, doc.language)
            parts += format_changes(result, paragraph.id) if explain else [result.text, ""]
        return "".join(line + "\n" for line in parts)
    text = read_utf8(p)
    result = normalize(text, profile)
    if explain:
        return "".join(line + "\n" for line in format_changes(result))
    return result.text + "\n" if result.text else ""


# -- diff ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffOutput:
    """The rendered output and whether anything substantive differs (``--fail-on-change``)."""

    text: str
    changed: bool
    report: Report


def topic_predicate(name: str, old: Document, new: Document) -> Callable[[PairView], bool]:
    """Keep pairs in which either side's paragraph is on topic ``name`` (``lineage topic``)."""
    from lineage.trace.topics import get_topic, match_document

    topic = get_topic(name)
    old_ids = {h.id for h in match_document(topic, old)}
    new_ids = {h.id for h in match_document(topic, new)}
    return lambda view: bool(old_ids.intersection(view.old_ids) or new_ids.intersection(view.new_ids))


def _check_paragraphs(ids: frozenset[str], old: Document, new: Document) -> None:
    known = {p.id for p in old.all_paragraphs()} | {p.id for p in new.all_paragraphs()}
    missing = sorted(ids - known)
    if missing:
        raise UsageError(f"--paragraph {', '.join(missing)}: no such paragraph in either version")


def diff_documents(old: Document, new: Document, *, fmt: str = "text", color: bool = False,
                   changed_only: bool = False, paragraphs: frozenset[str] = frozenset(),
                   topic: str | None = None, old_note: str | None = None,
                   new_note: str | None = None) -> DiffOutput:
    """Compare two documents and render the comparison in ``fmt``.

    JSON is the full ``lineage.diff/1`` comparison; the selection options apply to the
    human-readable formats only, and combining them with JSON is a usage error (a filtered
    JSON would break the contract that every paragraph appears in exactly one pair).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    _check_paragraphs(paragraphs, old, new)
    selection = ReportFilter(changed_only=changed_only, paragraphs=paragraphs,
                             predicate=topic_predicate(topic, old, new) if topic else None,
                             predicate_label=f"paragraphs on topic {topic}")
    if fmt == "json" and selection.active:
        raise UsageError("--changed-only, --paragraph and --topic do not apply to --format json "
                         "(JSON always holds the whole comparison)")
    comparison = compare_documents(old, new)
    report = build_report(comparison, old, new, old_note=old_note, new_note=new_note)
    if fmt == "json":
        return DiffOutput(comparison.to_json(), report.changed, report)
    return DiffOutput(render_report(filter_report(report, selection), fmt, color=color),
                      report.changed, report)


def diff_files(old_path: str | Path, new_path: str | Path, **options: Any) -> DiffOutput:
    """``lineage diff``: read ``old_path`` and ``new_path`` (any format the readers accept)
    and diff them; ``options`` as for :func:`diff_documents`."""
    return diff_documents(read_document(old_path), read_document(new_path), **options)


# -- add -----------------------------------------------------------------------------------

def add_file(
    path: str | Path,
    corpus_dir: str | Path,
    *,
    symbol: str | None = None,
    language: str | None = None,
    **entry_fields: Any,
) -> Entry:
    """``lineage add``: read ``path`` (PDF, seed-style Markdown, plain or corpus text) and add
    it to the corpus; ``symbol``/``language`` override what the reader found in the masthead."""
    doc = read_document(path)
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
    from lineage.corpus.store import add_document

    return add_document(corpus_dir, doc, source_file=path, **entry_fields)


# -- demo ----------------------------------------------------------------------------------
# The README's main job: the bundled comparison, as an HTML redline plus a terminal summary.
#
# The bundled pair is found in the corpus manifest, not named in code: an entry whose origin
# is ``reconstructed`` (a draft rebuilt by us) and that has a text, and another entry with a
# text in the same language that it leads to: linked by ``adopted_from``, ``revises`` or
# ``builds_on`` (in either direction), or else named by symbol in the reconstructed entry's
# notes (``an earlier draft of A/RES/80/173``), which is how a reconstruction without a
# lineage link says what it is a draft of. The reconstructed draft is the old side; the other
# document (an adopted resolution, preferably) is the new side.

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
    """The reconstructed draft and the document it leads to (see the comment above)."""
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
    from lineage.corpus.manifest import ORIGINS

    if entry.origin == "reconstructed":
        return f"reconstructed draft, not an official text: {ORIGINS['reconstructed']}"
    return None


def run_demo(corpus_dir: str | Path, out: str | Path | None = None, *, color: bool = False) -> DemoResult:
    """``lineage demo``: compare the bundled pair of ``corpus_dir``, write the HTML redline to
    ``out`` (default ``out/redline-<old>-vs-<new>.html``) and return it with the terminal
    summary (changed paragraphs only)."""
    from lineage.corpus.manifest import load_entry_document, load_manifest, text_stem

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
