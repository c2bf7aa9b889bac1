"""Fetch an official PDF by symbol from the UN Official Document System and add it to a corpus.

``fetch_document("A/RES/80/173", "zh", corpus_dir)``:

1. builds the ODS access URL (``https://documents.un.org/api/symbol/access?s=…&l=…&t=pdf``; the
   base is configurable, ``--base-url`` or ``$LINEAGE_ODS_URL``, so tests and mirrors can stand in);
2. downloads it into memory (:mod:`lineage.corpus.download`: timeouts, retries with backoff for
   transient failures only, a size limit, a complete body);
3. checks the body is a PDF (``%PDF-`` header; an HTML error page served with status 200 is
   not) and extracts it (``lineage.read.read_document``) from a temporary file outside the
   corpus, so an unreadable PDF leaves no trace;
4. hands text, PDF and manifest entry to ``lineage.corpus.store.add_document``, which writes
   them atomically and puts everything back if any write fails.

Nothing touches the corpus before step 4, so any failure (network, not a PDF, extraction)
leaves it exactly as it was.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
import shutil
import tempfile
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO

from lineage.corpus.download import DownloadPolicy, download
from lineage.corpus.manifest import load_manifest, text_stem
from lineage.corpus.store import add_document, text_path_for
from lineage.corpus.txn import corpus_lock
from lineage.errors import FetchError, InputError, LineageError, SymbolError, UsageError
from lineage.model.symbols import parse_symbol
from lineage.read import read_document

__all__ = [
    "DEFAULT_BASE_URL",
    "BASE_URL_ENV",
    "LANGUAGES",
    "FetchPlan",
    "FetchResult",
    "access_url",
    "base_url",
    "check_pdf",
    "plan_fetch",
    "fetch_document",
]

DEFAULT_BASE_URL = "https://documents.un.org/api/symbol/access"
BASE_URL_ENV = "LINEAGE_ODS_URL"
# ODS language codes are the two-letter ISO codes of the six official languages.
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
PDF_MAGIC = b"%PDF-"
# The PDF header may follow a little junk (some servers prepend a BOM or whitespace); readers
# accept it within the first kilobyte.
_MAGIC_WINDOW = 1024
_DEFAULT_POLICY = DownloadPolicy()  # frozen: one shared default


def base_url(explicit: str | None = None) -> str:
    """``explicit``, else ``$LINEAGE_ODS_URL``, else the public ODS endpoint."""
    url = explicit or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise UsageError(f"base URL must not hold spaces or control characters, got {url!r}")
    try:
        parsed = urllib.parse.urlsplit(url)
        parsed.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise UsageError(f"base URL is malformed ({exc}): {url!r}") from None
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UsageError(f"base URL must be an http(s) URL, got {url!r}")
    if "#" in url:
        # everything after '#' stays in the browser: the symbol would never reach the server
        raise UsageError(f"base URL must not hold a fragment ('#'), got {url!r}")
    given = {k.lower() for k, _ in urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)}
    clash = sorted(given & {"s", "l", "t"})
    if clash:
        raise UsageError(f"base URL already sets {clash[0]}=, which lineage fills in (s=SYMBOL&l=LANG&t=pdf): {url!r}")
    return url


def access_url(symbol: str, language: str, base: str | None = None) -> str:
    """The download URL of ``symbol`` in ``language``: ``BASE?s=SYMBOL&l=LANG&t=pdf``."""
    root = base_url(base)
    # Slashes and brackets stay readable (``s=A/RES/80/173``), as ODS links write them.
    query = urllib.parse.urlencode({"s": symbol, "l": language, "t": "pdf"}, safe="/()", quote_via=urllib.parse.quote)
    return f"{root}{'&' if '?' in root else '?'}{query}"


def check_pdf(data: bytes, url: str) -> None:
    """Raise :class:`FetchError` unless ``data`` looks like a PDF, saying what it is instead."""
    if PDF_MAGIC in data[:_MAGIC_WINDOW]:
        return
    if not data:
        raise FetchError("the server sent an empty body, not a PDF", url)
    head = data[:_MAGIC_WINDOW].decode("utf-8", "replace")
    if re.search(r"(?i)<!doctype html|<html|<head|<body", head):
        title = re.search(r"(?is)<title>(.*?)</title>", data[:8192].decode("utf-8", "replace"))
        what = f" ({' '.join(title.group(1).split())[:80]})" if title else ""
        raise FetchError(f"the server sent an HTML page{what}, not a PDF; is the symbol right?", url)
    raise FetchError(f"the body is not a PDF (starts with {data[:16]!r})", url)


@dataclass(frozen=True)
class FetchPlan:
    symbol: str
    language: str
    url: str
    corpus_dir: Path
    text_path: str
    pdf_path: str
    existing: bool  # the manifest already has a text for this symbol and language

    def describe(self) -> str:
        action = "replace" if self.existing else "add"
        return (f"would download {self.url}\n"
                f"would check it is a PDF, extract it and {action} {self.symbol} ({self.language}) in {self.corpus_dir}:\n"
                f"  {self.pdf_path}\n  {self.text_path}\n  manifest.toml\n")


@dataclass(frozen=True)
class FetchResult:
    plan: FetchPlan
    sha256: str
    size: int
    attempts: int
    paragraphs: int
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [
            f"fetched {self.plan.symbol} ({self.plan.language}): {self.size} bytes, sha256 {self.sha256}"
            + (f", after {self.attempts} attempts" if self.attempts > 1 else ""),
            f"  {self.plan.pdf_path}",
            f"  {self.plan.text_path} ({self.paragraphs} paragraphs)",
            "  manifest.toml updated",
        ]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines) + "\n"


def plan_fetch(symbol: str, language: str, corpus_dir: str | Path, base: str | None = None) -> FetchPlan:
    """Everything ``fetch_document`` would do, without doing it (``--dry-run``)."""
    canonical = str(parse_symbol(symbol))
    language = language.strip().lower()
    if language not in LANGUAGES:
        raise UsageError(f"unknown language {language!r} (ODS has: {', '.join(LANGUAGES)})")
    corpus_dir = Path(corpus_dir)
    manifest = load_manifest(corpus_dir, missing_ok=True)
    existing = manifest.find(canonical, language)
    return FetchPlan(
        symbol=canonical,
        language=language,
        url=access_url(canonical, language, base),
        corpus_dir=corpus_dir,
        text_path=text_path_for(canonical, language),
        pdf_path=f"pdfs/{text_stem(canonical, language)}.pdf",
        existing=existing is not None and existing.has_text,
    )


def fetch_document(
    symbol: str,
    language: str,
    corpus_dir: str | Path,
    *,
    base: str | None = None,
    policy: DownloadPolicy = _DEFAULT_POLICY,
    progress: TextIO | None = None,
) -> FetchResult:
    """Download ``symbol`` in ``language`` and add it to the corpus (see the module doc)."""
    plan = plan_fetch(symbol, language, corpus_dir, base)
    got = download(plan.url, policy, progress=progress)
    check_pdf(got.data, plan.url)
    sha = hashlib.sha256(got.data).hexdigest()
    warnings: list[str] = []
    with _scratch_folder() as tmp:
        pdf = tmp / f"{text_stem(plan.symbol, plan.language)}.pdf"
        pdf.write_bytes(got.data)
        try:
            doc = read_document(pdf)
        except InputError as exc:
            raise FetchError(f"downloaded, but cannot extract it: {exc.reason}", plan.url) from None
        if doc.symbol and _same_symbol(doc.symbol) != plan.symbol:
            warnings.append(f"the PDF's masthead says {doc.symbol}; stored as {plan.symbol}, as requested")
        if doc.language and doc.language != plan.language:
            warnings.append(f"the PDF reads as {doc.language}; stored as {plan.language}, as requested")
        doc = dataclasses.replace(doc, symbol=plan.symbol, language=plan.language)
        entry = add_document(plan.corpus_dir, doc, origin="official-pdf", source_file=pdf, force=True)
    if entry.source != plan.pdf_path:  # the store chose another place; report where it is
        plan = dataclasses.replace(plan, pdf_path=entry.source or plan.pdf_path)
    return FetchResult(plan, sha, len(got.data), got.attempts, len(doc.all_paragraphs()), warnings)


_SCRATCH_PREFIX = "lineage-fetch-"


@contextlib.contextmanager
def _scratch_folder() -> Iterator[Path]:
    """A private temporary folder, locked while in use. A fetch killed with SIGKILL cannot
    remove its folder; the next fetch removes every such folder whose lock is free (its
    owner is gone), and leaves those of fetches still running alone."""
    _remove_abandoned_scratch()
    tmp = Path(tempfile.mkdtemp(prefix=_SCRATCH_PREFIX))
    try:
        with corpus_lock(tmp):
            yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _remove_abandoned_scratch() -> None:
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: its temp folder is cleaned by the system
        return
    root = Path(tempfile.gettempdir())
    try:
        folders = [p for p in root.iterdir() if p.name.startswith(_SCRATCH_PREFIX)]
    except OSError:
        return
    for folder in folders:
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            with corpus_lock(folder, blocking=False) as free:
                if free:
                    shutil.rmtree(folder, ignore_errors=True)
        except (OSError, LineageError):
            continue  # another fetch removed it first, or it is not ours to judge


def _same_symbol(text: str) -> str:
    try:
        return str(parse_symbol(text))
    except SymbolError:  # a masthead the extractor misread: compare as written
        return text
