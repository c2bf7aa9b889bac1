"""``corpora/manifest.toml``: what the corpus holds, where each text came from, how they link.

One ``[[document]]`` table per entry, identified by ``symbol`` + ``language`` (an entry known
only by its metadata, without a text yet, may have no language). Reading validates everything
and fails with one :class:`CorpusError` naming the manifest and the entry; writing is
deterministic (entries by date, then symbol, then language; fields in a fixed order).
"""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import marshal
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import tomli_w

from lineage.corpus.files import corpus_file_problem, read_corpus_file
from lineage.corpus.txn import recover_if_needed
from lineage.errors import CorpusError, EncodingError
from lineage.model.document import Document
from lineage.model.symbols import document_key
from lineage.read.cache import read_cache, write_cache
from lineage.read.textformat import parse_corpus_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "MANIFEST_NAME",
    "MANIFEST_SCHEMA",
    "KINDS",
    "ORIGINS",
    "LINK_FIELDS",
    "Entry",
    "Manifest",
    "default_corpus_dir",
    "entry_from_dict",
    "parse_manifest",
    "validate_entries",
    "load_manifest",
    "manifest_to_toml",
    "load_entry_document",
    "text_stem",
]

MANIFEST_NAME = "manifest.toml"
MANIFEST_SCHEMA = "lineage.corpus-manifest/1"

KINDS: dict[str, str] = {
    "summit-outcome": "outcome document of a summit (WSIS Geneva, Tunis)",
    "resolution": "adopted resolution (A/RES/…)",
    "draft": "draft resolution with a symbol (A/80/L.41, …/Rev.1)",
    "informal-draft": "negotiation draft without a symbol (zero draft, Rev.1, …)",
    "decision": "adopted decision",
    "report": "report or note",
    "verbatim-record": "record of a meeting (A/80/PV.68)",
    "other": "anything else",
}
ORIGINS: dict[str, str] = {
    "official-pdf": "extracted from the official PDF, which is kept next to it",
    "converted-text": "from a text another tool converted from the official document",
    "reconstructed": "rebuilt by us (for example a draft from published change lists)",
    "excerpt": "part of a document only",
}
LINK_FIELDS = ("adopted_from", "revises", "builds_on")

# Field order of an entry in the TOML file (also the set of known fields).
_FIELDS = ("symbol", "language", "date", "date_inferred", "kind", "title", "origin", "text", "source",
           "source_sha256", *LINK_FIELDS, "notes")
_DATE_RE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
_SHA_RE = re.compile(r"[0-9a-f]{64}\Z")
# ISO 639 code with optional BCP 47 subtags (zh, en, zh-Hans): it becomes part of a file name.
_LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_HEADER = ("# The corpus manifest (docs/corpus.md). `lineage add` writes it; hand edits are fine\n"
           "# as long as `lineage corpus list` still reads it.\n")


@dataclass(frozen=True)
class Entry:
    """One document of the corpus. Paths are relative to the corpus folder, with ``/``."""

    symbol: str
    kind: str
    language: str | None = None
    date: str | None = None
    # The date is only the year the symbol implies (``A/RES/70/…`` -> 2015), not a date any
    # source gave: shown as inferred, and replaced by the first real date set.
    date_inferred: bool = False
    title: str | None = None
    origin: str | None = None
    text: str | None = None
    source: str | None = None
    source_sha256: str | None = None
    adopted_from: tuple[str, ...] = ()
    revises: tuple[str, ...] = ()
    builds_on: tuple[str, ...] = ()
    notes: str | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.symbol, self.language)

    @property
    def label(self) -> str:
        return self.symbol if self.language is None else f"{self.symbol} ({self.language})"

    @property
    def has_text(self) -> bool:
        return self.text is not None

    def links(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in LINK_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """The TOML/JSON table: fields in a fixed order, empty ones left out."""
        out: dict[str, Any] = {}
        for name in _FIELDS:
            value = getattr(self, name)
            if value is None or value == () or value is False:
                continue
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


def _sort_key(e: Entry) -> tuple[Any, ...]:
    return (e.date is None, e.date or "", e.symbol, e.language or "")


@dataclass(frozen=True)
class Manifest:
    entries: tuple[Entry, ...] = ()
    path: Path | None = field(default=None, compare=False)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, symbol: str, language: str | None) -> Entry | None:
        """The entry of ``symbol`` (any spelling of it) in ``language``, if listed."""
        key = document_key(symbol)
        for e in self.entries:
            if e.language == language and document_key(e.symbol) == key:
                return e
        return None

    def by_symbol(self, symbol: str) -> list[Entry]:
        key = document_key(symbol)
        return [e for e in self.entries if document_key(e.symbol) == key]

    def replacing(self, old: Entry | None, new: Entry) -> Manifest:
        """A manifest with ``old`` (if any) replaced by ``new``, in canonical order."""
        kept = [e for e in self.entries if e is not old]
        return Manifest(tuple(sorted([*kept, new], key=_sort_key)), self.path)


def default_corpus_dir() -> Path:
    """The corpus a command uses when not given ``--corpus``: ``$LINEAGE_CORPUS`` if set, else
    ``corpora/`` in the current directory if there is one (a checkout of the repository);
    else a CorpusError saying how to name one. Never a folder found from the package's own
    location: an installed package has no corpus beside it."""
    env = os.environ.get("LINEAGE_CORPUS")
    if env:
        return Path(env)
    here = Path("corpora")
    if here.is_dir():
        return here.resolve()
    raise CorpusError("no corpus given: pass --corpus DIR, set LINEAGE_CORPUS, or run from a folder "
                      "that holds corpora/")


def text_stem(symbol: str, language: str | None) -> str:
    """File name stem for a symbol: ``A/RES/80/173`` + ``zh`` -> ``A-RES-80-173.zh``;
    ``WSIS-05/TUNIS/DOC/6(Rev.1)`` -> ``WSIS-05-TUNIS-DOC-6-Rev.1``."""
    stem = re.sub(r"\s*[/(]\s*", "-", symbol.strip())
    stem = re.sub(r"[^A-Za-z0-9._+-]", "", stem.replace(" ", "_").replace(")", "")).strip("-.")
    if not stem:
        raise CorpusError(f"symbol {symbol!r} gives no usable file name")
    if language is None:
        return stem
    lang = re.sub(r"[^A-Za-z0-9_-]", "", language)
    if not lang:
        raise CorpusError(f"language {language!r} gives no usable file name")
    return f"{stem}.{lang}"


# --------------------------------------------------------------------------- validation


def _str(d: dict[str, Any], name: str, where: str, *, required: bool = False) -> str | None:
    value = d.get(name)
    if value is None:
        if required:
            raise CorpusError(f"{where}: missing field {name!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: field {name!r} must be a non-empty string")
    return value


def _links(d: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = d.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorpusError(f"{where}: field {name!r} must be a list of symbols")
    return tuple(value)


def _rel_path(value: str | None, name: str, where: str) -> str | None:
    if value is None:
        return None
    p = Path(value)
    if p.is_absolute() or ".." in p.parts or "\\" in value:
        raise CorpusError(f"{where}: {name} {value!r} must be a relative path inside the corpus, with '/'")
    return value


def _is_date(text: str) -> bool:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, naming a month and day the calendar has."""
    m = _DATE_RE.match(text)
    if not m:
        return False
    year, month, day = (text.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def entry_from_dict(d: Any, where: str) -> Entry:
    """Validate one ``[[document]]`` table (``where`` names it in messages)."""
    if not isinstance(d, dict):
        raise CorpusError(f"{where}: must be a table")
    unknown = sorted(set(d) - set(_FIELDS))
    if unknown:
        raise CorpusError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(_FIELDS)})")
    symbol = _str(d, "symbol", where, required=True)
    assert symbol is not None
    where = f"{where} ({symbol})"
    kind = _str(d, "kind", where, required=True)
    if kind not in KINDS:
        raise CorpusError(f"{where}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    origin = _str(d, "origin", where)
    if origin is not None and origin not in ORIGINS:
        raise CorpusError(f"{where}: unknown origin {origin!r} (known: {', '.join(ORIGINS)})")
    date = _str(d, "date", where)
    if date is not None and not _is_date(date):
        raise CorpusError(f"{where}: date {date!r} must be YYYY-MM-DD (or YYYY-MM, YYYY)")
    inferred = d.get("date_inferred", False)
    if not isinstance(inferred, bool):
        raise CorpusError(f"{where}: date_inferred must be true or false")
    if inferred and date is None:
        raise CorpusError(f"{where}: date_inferred without a date")
    language = _str(d, "language", where)
    if language is not None and not _LANG_RE.match(language):
        raise CorpusError(f"{where}: language {language!r} is not a language code (e.g. zh, en, fr)")
    sha = _str(d, "source_sha256", where)
    if sha is not None and not _SHA_RE.match(sha):
        raise CorpusError(f"{where}: source_sha256 must be 64 lowercase hex digits")
    entry = Entry(
        symbol=symbol,
        kind=kind,
        language=language,
        date=date,
        date_inferred=inferred,
        title=_str(d, "title", where),
        origin=origin,
        text=_rel_path(_str(d, "text", where), "text", where),
        source=_rel_path(_str(d, "source", where), "source", where),
        source_sha256=sha,
        adopted_from=_links(d, "adopted_from", where),
        revises=_links(d, "revises", where),
        builds_on=_links(d, "builds_on", where),
        notes=_str(d, "notes", where),
    )
    if entry.text is not None and entry.language is None:
        raise CorpusError(f"{where}: an entry with a text needs its 'language'")
    if entry.text is not None and entry.origin is None:
        raise CorpusError(f"{where}: an entry with a text needs its 'origin' (known: {', '.join(ORIGINS)})")
    if (entry.source is None) != (entry.source_sha256 is None):
        raise CorpusError(f"{where}: 'source' and 'source_sha256' go together")
    own = document_key(symbol)
    for name, symbols in entry.links().items():
        keys = [document_key(s) for s in symbols]
        if own in keys:
            raise CorpusError(f"{where}: {name} links the document to itself")
        if len(set(keys)) != len(keys):
            raise CorpusError(f"{where}: field {name!r} lists a symbol twice")
    return entry


class _FilesPresent:
    """Whether a path is a regular file (not a symbolic link), for the many files of one
    corpus: each folder is listed once (one directory read instead of an ``lstat`` per file;
    a corpus of 10,000 texts spent 0.2 s in them). False only means "not seen in the
    listing": :func:`_file_kind` then says what is wrong, if anything (a case-insensitive
    file system finds what the listing spells otherwise)."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = os.fspath(corpus_dir)
        self._listings: dict[str, set[str]] = {}

    def __call__(self, rel: str) -> bool:
        """Is ``corpus_dir/rel`` a regular file?"""
        folder, _, name = rel.rpartition("/")
        names = self._listings.get(folder)
        if names is None:
            try:
                with os.scandir(os.path.join(self.corpus_dir, folder)) as it:
                    names = {d.name for d in it if d.is_file(follow_symlinks=False)}
            except OSError:
                names = set()
            self._listings[folder] = names
        return name in names


def validate_entries(entries: Iterable[Entry], corpus_dir: Path | None, manifest_path: str | Path) -> None:
    """Whole-manifest checks: no duplicates, no shared text file, files present."""
    seen: dict[tuple[str, str | None], Entry] = {}
    texts: dict[str, Entry] = {}
    present = _FilesPresent(corpus_dir) if corpus_dir is not None else None
    for e in entries:
        # Two spellings of one symbol (``a/res/80/173``) are one document to everything else.
        key = (document_key(e.symbol), e.language)
        if key in seen:
            raise CorpusError(f"duplicate entry {e.label}", manifest_path)
        seen[key] = e
        if e.text is not None:
            if e.text in texts:
                raise CorpusError(f"{e.label} and {texts[e.text].label} share the text {e.text}", manifest_path)
            texts[e.text] = e
        if present is None:
            continue
        for name, rel in (("text", e.text), ("source", e.source)):
            if rel is None or present(rel):
                continue
            problem = corpus_file_problem(present.corpus_dir, rel)
            if problem is not None:
                raise CorpusError(f"{e.label}: {name} file {rel} {problem}", manifest_path)
    # A placeholder (no language) next to a real entry of the same symbol is ambiguous.
    with_language = {symbol for symbol, language in seen if language is not None}
    for (symbol, language) in seen:
        if language is None and symbol in with_language:
            raise CorpusError(f"{symbol} has an entry without language next to one with a language", manifest_path)


# --------------------------------------------------------------------------- reading, writing


# A manifest at least this large is parsed once and its entries kept in the cache folder
# (lineage.read.cache), keyed by a digest of its text: Python's TOML parser reads about 4 MB/s, so a
# 10,000-entry manifest cost 0.7 s on every command that looks at the corpus. Smaller ones are
# quicker to parse than a cache file is to manage.
CACHE_MIN_BYTES = 256 * 1024
_CACHE_FORMAT = ("manifest cache", 1)  # not a JSON contract name: never leaves the cache
_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))


def _cache_name(text: str) -> str:
    digest = hashlib.sha256(f"{_CACHE_FORMAT}\0{_ENTRY_FIELDS}\0{text}".encode()).hexdigest()
    return f"manifest-{digest[:32]}.bin"


def _cached_entries(text: str) -> list[Entry] | None:
    data = read_cache(_cache_name(text))
    if data is None:
        return None
    try:
        fmt, rows = marshal.loads(data)
        if fmt != _CACHE_FORMAT or not all(len(row) == len(_ENTRY_FIELDS) for row in rows):
            return None
    except (EOFError, TypeError, ValueError):
        return None  # damaged: parse the manifest again
    # Each entry's fields set at once, as Entry(*row) would (it has no __post_init__): the
    # frozen dataclass's __init__ sets them one by one through object.__setattr__, which
    # was a sixth of reading a cached manifest of 10,000 entries.
    entries = []
    new = object.__new__
    for row in rows:
        entry = new(Entry)
        entry.__dict__.update(zip(_ENTRY_FIELDS, row))
        entries.append(entry)
    return entries


def _store_entries(text: str, entries: list[Entry]) -> None:
    rows = [tuple(getattr(e, name) for name in _ENTRY_FIELDS) for e in entries]
    write_cache(_cache_name(text), marshal.dumps((_CACHE_FORMAT, rows)))


def parse_manifest(text: str, path: str | Path, corpus_dir: Path | None = None) -> Manifest:
    large = len(text) >= CACHE_MIN_BYTES
    entries = _cached_entries(text) if large else None
    if entries is None:
        entries = _parse_entries(text, path)
        if large:
            _store_entries(text, entries)
    validate_entries(entries, corpus_dir, path)
    return Manifest(tuple(entries), Path(path))


# The manifest as manifest_to_toml writes it (tomli_w's spelling): comment lines, blank lines,
# ``[[document]]`` headers, ``key = "string"`` with no escape, ``key = true|false``, arrays of
# such strings one per line (or ``[]``). _canonical_toml reads exactly that, line by line,
# several times faster than tomllib (0.7 s for the 3 MB manifest of 10,000 entries); anything
# else (escapes, other spacing, CRLF, inline tables, numbers, a key given twice) goes to tomllib.
_TOML_STRING = r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
_TOML_PAIR_RE = re.compile(rf"([A-Za-z0-9_-]+) = (?:{_TOML_STRING}|(true|false)|(\[\]?))")
_TOML_ITEM_RE = re.compile(rf"    {_TOML_STRING},")
_TOML_COMMENT_RE = re.compile(r"#[^\x00-\x08\x0a-\x1f\x7f]*")


def _canonical_toml(text: str) -> dict[str, Any] | None:
    """What ``tomllib.loads(text)`` gives, when ``text`` is spelled as manifest_to_toml
    spells it; None for anything else (then tomllib reads it, and says what is wrong)."""
    data: dict[str, Any] = {}
    documents: list[dict[str, Any]] = []
    table = data
    lines = iter(text.split("\n"))
    for line in lines:
        if not line or (line[0] == "#" and _TOML_COMMENT_RE.fullmatch(line)):
            continue
        if line == "[[document]]":
            table = {}
            documents.append(table)
            continue
        m = _TOML_PAIR_RE.fullmatch(line)
        if m is None or m.group(1) in table:
            return None
        key, string, flag, array = m.groups()
        if string is not None:
            table[key] = string
        elif flag is not None:
            table[key] = flag == "true"
        elif array == "[]":
            table[key] = []
        else:
            items = []
            for item in lines:
                if item == "]":
                    break
                im = _TOML_ITEM_RE.fullmatch(item)
                if im is None:
                    return None
                items.append(im.group(1))
            else:
                return None  # the array never closes
            table[key] = items
    if documents:
        if "document" in data:
            return None
        data["document"] = documents
    return data


def _parse_entries(text: str, path: str | Path) -> list[Entry]:
    """The validated entries of a manifest's TOML text."""
    try:
        data = _canonical_toml(text)
        if data is None:
            data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"not valid TOML: {exc}", path) from None
    except RecursionError:
        # tomllib recurses once per level of nested arrays or inline tables
        raise CorpusError("not a manifest: values nested too deeply", path) from None
    schema = data.get("schema", MANIFEST_SCHEMA)
    if schema != MANIFEST_SCHEMA:
        raise CorpusError(f"unsupported manifest schema {schema!r} (expected {MANIFEST_SCHEMA!r})", path)
    unknown = sorted(set(data) - {"schema", "document"})
    if unknown:
        raise CorpusError(f"unknown top-level key {unknown[0]!r} (known: schema, document)", path)
    tables = data.get("document", [])
    if not isinstance(tables, list):
        raise CorpusError("'document' must be an array of tables ([[document]])", path)
    try:
        return [entry_from_dict(t, f"document {i}") for i, t in enumerate(tables, start=1)]
    except CorpusError as exc:
        raise CorpusError(exc.reason, path) from None


def load_manifest(corpus_dir: str | Path, *, missing_ok: bool = False,
                  check_files: bool = True) -> Manifest:
    """Read and validate ``CORPUS_DIR/manifest.toml``, checking that every listed file exists.

    With ``missing_ok``, a corpus folder without a manifest reads as an empty manifest (the
    first ``lineage add`` into a new folder). Without ``check_files``, listed files may be
    missing: ``lineage verify`` reports those per entry instead of refusing the corpus."""
    corpus_dir = Path(corpus_dir)
    path = corpus_dir / MANIFEST_NAME
    if corpus_dir.exists() and not corpus_dir.is_dir():
        raise CorpusError("not a directory (a corpus is a folder holding manifest.toml)", corpus_dir)
    if corpus_dir.is_dir():
        recover_if_needed(corpus_dir)
    if not path.is_file() and not path.is_symlink():
        if missing_ok and not path.exists():
            return Manifest((), path)
        raise CorpusError(f"no corpus manifest here (expected {MANIFEST_NAME}; set --corpus or LINEAGE_CORPUS)", path)
    try:
        text = read_corpus_file(corpus_dir, MANIFEST_NAME).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not UTF-8 (byte {exc.start})", path) from None
    return parse_manifest(text, path, corpus_dir if check_files else None)


def manifest_to_toml(manifest: Manifest) -> str:
    """Deterministic TOML for ``manifest`` (entries in canonical order)."""
    entries = sorted(manifest.entries, key=_sort_key)
    body = tomli_w.dumps({"schema": MANIFEST_SCHEMA, "document": [e.to_dict() for e in entries]})
    return _HEADER + "\n" + body


def load_entry_document(corpus_dir: str | Path, entry: Entry) -> Document:
    """The document of ``entry``'s canonical text; its symbol and language must match."""
    if entry.text is None:
        raise CorpusError(f"{entry.label} has no text in the corpus yet", Path(corpus_dir) / MANIFEST_NAME)
    path = Path(corpus_dir) / entry.text
    try:
        data = read_corpus_file(corpus_dir, entry.text)
    except FileNotFoundError:
        raise CorpusError("text file listed in the manifest is missing", path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not UTF-8 (byte {exc.start})", path) from None
    doc = parse_corpus_text(text, path)
    if (document_key(doc.symbol or ""), doc.language) != (document_key(entry.symbol), entry.language):
        raise CorpusError(
            f"the text is {doc.symbol} ({doc.language}) but the manifest lists it as {entry.label}", path)
    return doc

