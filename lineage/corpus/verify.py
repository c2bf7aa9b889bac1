"""``lineage verify``: does every corpus text still match the official PDF it came from?

For each manifest entry whose ``source`` is a PDF: the file's sha256 must be the recorded
``source_sha256``; the PDF is extracted again and compared with the corpus text, paragraph
by paragraph (ids in order, then each text exactly) and footnote by footnote. This is the check
users put in their CI: a hand edit of a corpus text, or a PDF swapped for another, fails it.

A corpus under review is untrusted (anyone can open a pull request, and git stores symbolic
links): every file is opened with :func:`lineage.corpus.files.open_corpus_file`, so a text or
PDF that is a symbolic link (to ``/dev/zero``, to a file outside the corpus) or not a regular
file fails its own entry at once, reads are bounded by the file's size, and the other entries
are still checked. Files under ``texts/`` that no entry names are reported (not failed).
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from lineage.corpus.files import corpus_file_problem, open_corpus_file, sha256_corpus_file
from lineage.corpus.manifest import Entry, Manifest, default_corpus_dir, load_entry_document, load_manifest
from lineage.corpus.txn import CORPUS_FOLDERS
from lineage.errors import CorpusError, LineageError
from lineage.model.document import Document, dumps
from lineage.read.pdf import extract_pdf, extract_pdfs
from lineage.report.escape import escape_terminal

__all__ = ["Difference", "EntryCheck", "VerifyReport", "char_diff", "compare_documents_text",
           "verify_entry", "verify_corpus", "render_verify"]

_PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Difference:
    """One place where the corpus text and the PDF disagree: ``where`` names the paragraph
    (``paragraph 12``, ``footnote 3``) or the list (``paragraph ids``)."""

    where: str
    detail: str


@dataclass(frozen=True)
class EntryCheck:
    label: str
    text: str | None
    source: str | None
    status: str  # "ok" | "differs" | "sha256-mismatch" | "unreadable" | "missing"
    message: str = ""
    differences: list[Difference] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict:
        return {"entry": self.label, "text": self.text, "source": self.source, "status": self.status,
                "message": self.message,
                "differences": [{"where": d.where, "detail": d.detail} for d in self.differences]}


@dataclass(frozen=True)
class VerifyReport:
    corpus: str
    checks: list[EntryCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a failure

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


def _clip(text: str, longest: int) -> str:
    """``text`` cut in the middle to about ``longest`` characters."""
    if len(text) <= longest:
        return text
    half = longest // 2
    return f"{text[:half]}…{text[-half:]}"


def char_diff(old: str, new: str, context: int = 12, limit: int = 3, longest: int = 60) -> str:
    """A short character diff: each change with a little context, deletions as ``[-x-]``,
    insertions as ``{+y+}`` (``old`` is the corpus text, ``new`` the PDF's). A changed run
    longer than ``longest`` is cut in the middle: when the PDF was swapped for another
    document every paragraph differs whole, and the report must stay readable in a CI log."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts = []
    changes = [op for op in sm.get_opcodes() if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in changes[:limit]:
        before = old[max(0, i1 - context):i1]
        after = old[i2:i2 + context]
        change = ""
        if tag in ("delete", "replace"):
            change += f"[-{_clip(old[i1:i2], longest)}-]"
        if tag in ("insert", "replace"):
            change += f"{{+{_clip(new[j1:j2], longest)}+}}"
        parts.append(f"…{before}{change}{after}…".replace("\n", "⏎"))
    if len(changes) > limit:
        parts.append(f"(and {len(changes) - limit} more)")
    return " ".join(parts)


def compare_documents_text(corpus: Document, pdf: Document) -> list[Difference]:
    """Paragraph ids in order, every paragraph text exactly, every footnote text."""
    diffs: list[Difference] = []
    a_ids = [p.id for p in corpus.all_paragraphs()]
    b_ids = [p.id for p in pdf.all_paragraphs()]
    if a_ids != b_ids:
        only_a = [i for i in a_ids if i not in b_ids]
        only_b = [i for i in b_ids if i not in a_ids]
        detail = []
        if only_a:
            detail.append("only in the corpus text: " + ", ".join(only_a[:10]))
        if only_b:
            detail.append("only in the PDF: " + ", ".join(only_b[:10]))
        diffs.append(Difference("paragraph ids", "; ".join(detail) or "same ids in a different order"))
    pdf_pars = {p.id: p for p in pdf.all_paragraphs()}
    for p in corpus.all_paragraphs():
        q = pdf_pars.get(p.id)
        if q is not None and p.text != q.text:
            diffs.append(Difference(f"paragraph {p.id}", char_diff(p.text, q.text)))
    pdf_fns = {f.number: f for f in pdf.footnotes}
    for f in corpus.footnotes:
        g = pdf_fns.get(f.number)
        if g is None:
            diffs.append(Difference(f"footnote {f.number}", "not in the PDF"))
        elif f.text != g.text:
            diffs.append(Difference(f"footnote {f.number}", char_diff(f.text, g.text)))
    known = {f.number for f in corpus.footnotes}
    for g in pdf.footnotes:
        if g.number not in known:
            diffs.append(Difference(f"footnote {g.number}", "in the PDF but not in the corpus text"))
    return diffs


def _is_pdf_source(corpus_dir: Path, entry: Entry) -> bool:
    if not entry.source:
        return False
    if entry.source.lower().endswith(".pdf"):
        return True
    try:
        with open_corpus_file(corpus_dir, entry.source) as fh:
            return fh.read(1024).lstrip().startswith(_PDF_MAGIC)
    except (OSError, CorpusError):
        return False


def verify_entry(corpus_dir: Path, entry: Entry) -> EntryCheck:
    """Check one entry whose source is a PDF."""
    ready = _before_reading(corpus_dir, entry)
    if isinstance(ready, EntryCheck):
        return ready
    try:
        pdf_doc: Document | LineageError = extract_pdf(corpus_dir / (entry.source or ""))
    except LineageError as exc:
        pdf_doc = exc
    return _after_reading(entry, ready, pdf_doc)


def _check(entry: Entry, status: str, message: str = "", differences: list[Difference] | None = None) -> EntryCheck:
    return EntryCheck(entry.label, entry.text, entry.source, status, message, differences or [])


def _before_reading(corpus_dir: Path, entry: Entry) -> EntryCheck | Document:
    """What can be known of an entry before its PDF is read: a failed check, or the corpus
    text's document to compare with the PDF's."""
    assert entry.source is not None
    try:
        digest = sha256_corpus_file(corpus_dir, entry.source)
    except CorpusError as exc:
        return _check(entry, "unreadable", f"source PDF {entry.source}: {exc.reason}")
    except OSError as exc:
        return _check(entry, "unreadable", f"cannot read the source PDF ({exc.strerror or exc})")
    if entry.source_sha256 and digest != entry.source_sha256:
        return _check(entry, "sha256-mismatch",
                      f"source PDF sha256 is {digest}, the manifest records {entry.source_sha256}")
    try:
        return load_entry_document(corpus_dir, entry)
    except LineageError as exc:
        return _check(entry, "unreadable", exc.message)


def _after_reading(entry: Entry, corpus_doc: Document, pdf_doc: Document | LineageError) -> EntryCheck:
    """The check of an entry, its PDF read (or the error its reading ended with)."""
    if isinstance(pdf_doc, LineageError):
        return _check(entry, "unreadable", pdf_doc.message)
    differences = compare_documents_text(corpus_doc, pdf_doc)
    message = (f"{len(differences)} difference(s) between the corpus text and the PDF"
               if differences else "")
    if not entry.source_sha256:
        message = (message + "; " if message else "") + "no source_sha256 recorded"
    return _check(entry, "differs" if differences else "ok", message, differences)


# PDFs read side by side in one go (lineage.read.pdf.extract_pdfs, as many at once as there
# are cores); the corpus texts of a batch are held until its PDFs are read.
_BATCH = 16


def verify_corpus(corpus_dir: str | Path | None = None) -> VerifyReport:
    """Verify every entry of the corpus at ``corpus_dir`` (default: the default corpus) whose
    source is a PDF. Raises :class:`~lineage.errors.CorpusError` if the manifest is unreadable."""
    folder = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    # A missing text or PDF fails its own entry (exit 1) and the others are still checked.
    manifest = load_manifest(folder, check_files=False)
    checks: list[EntryCheck | None] = []
    waiting: list[tuple[int, Entry, Document]] = []  # entries whose PDF is still to be read
    for entry in manifest:
        bad = _not_regular(folder, entry)
        if bad is not None:
            checks.append(bad)
        elif entry.text and _is_pdf_source(folder, entry):
            ready = _before_reading(folder, entry)
            if isinstance(ready, EntryCheck):
                checks.append(ready)
                continue
            waiting.append((len(checks), entry, ready))
            checks.append(None)
            if len(waiting) == _BATCH:
                _read_waiting(folder, waiting, checks)
    _read_waiting(folder, waiting, checks)
    return VerifyReport(str(folder), [c for c in checks if c is not None], _unlisted_files(folder, manifest))


def _read_waiting(folder: Path, waiting: list[tuple[int, Entry, Document]], checks: list[EntryCheck | None]) -> None:
    """Read the PDFs of the waiting entries side by side and check each (``waiting`` is
    emptied)."""
    if not waiting:
        return
    read = extract_pdfs([folder / (entry.source or "") for _, entry, _ in waiting])
    for (k, entry, corpus_doc), pdf_doc in zip(waiting, read):
        checks[k] = _after_reading(entry, corpus_doc, pdf_doc)
    waiting.clear()


def _not_regular(folder: Path, entry: Entry) -> EntryCheck | None:
    """A failed check when the entry's text or source is missing, a symbolic link or not a
    regular file; None when both are plain files (or not listed)."""
    for name in ("text", "source"):
        rel = getattr(entry, name)
        if rel is None:
            continue
        problem = corpus_file_problem(folder, rel)
        if problem == "is missing":
            # No PDF to compare with, but a corpus that lost a file is broken all the same.
            what = (f"cannot read the source {'PDF' if rel.lower().endswith('.pdf') else 'file'} {rel}: "
                    "it is missing") if name == "source" else f"the text file {rel} is missing"
            return EntryCheck(entry.label, entry.text, entry.source, "missing", what)
        if problem is not None:
            return EntryCheck(entry.label, entry.text, entry.source, "unreadable", f"the {name} file {rel} {problem}")
    return None


def _unlisted_files(folder: Path, manifest: Manifest) -> list[str]:
    """Files in the corpus folders that no entry names (an interrupted write of an old
    version, a file copied in by hand): reported so that someone looks."""
    named = {e.text for e in manifest} | {e.source for e in manifest}
    notes = []
    for sub in CORPUS_FOLDERS:
        try:
            names = sorted(os.listdir(folder / sub))
        except OSError:
            continue
        for name in names:
            rel = f"{sub}/{name}"
            if rel not in named and not name.startswith("."):
                notes.append(f"{rel} is not listed in the manifest")
    return notes


def render_verify(report: VerifyReport, fmt: str = "text") -> str:
    if fmt == "json":
        return dumps({"schema": "lineage.corpus.verify/1", "corpus": report.corpus, "ok": report.ok,
                      "checks": [c.to_dict() for c in report.checks], "notes": report.notes})
    lines = []
    for c in report.checks:
        mark = "ok  " if c.ok else "FAIL"
        origin = f" <- {c.source}" if c.source else ""
        lines.append(f"{mark} {c.label}: {c.text}{origin}" + (f": {c.message}" if c.message else ""))
        for d in c.differences:
            lines.append(f"     {d.where}: {d.detail}")
    n_bad = sum(1 for c in report.checks if not c.ok)
    lines += [f"note: {n}" for n in report.notes]
    if not report.checks:
        lines.append(f"no corpus entry in {report.corpus} has a PDF source; nothing to verify")
    else:
        lines.append(f"{len(report.checks)} checked, {n_bad} failed")
    # the differences quote the texts, which a hand edit may have filled with anything
    return escape_terminal("\n".join(lines) + "\n")
