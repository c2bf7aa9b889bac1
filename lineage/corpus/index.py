"""The corpus index: one SQLite file (``index.sqlite``) derived from the manifest and the texts.

Derived and rebuildable (``lineage index``), never edited by hand, ignored by git (the command
writes the corpus's ``.gitignore``). It holds:

- ``documents``: one row per text (entry metadata, the text's path, sha256, size and mtime);
- ``paragraphs``: preambular and operative paragraphs, printed text, ``compare``-normalised
  text (:mod:`lineage.normalize`) and the :func:`~lineage.compare.reuse.comparable` form the
  reuse measures count n-grams in, in document order, with the printed number (so that
  ``topic``, ``history`` and ``blame`` rebuild a text's paragraphs without reading it:
  :func:`indexed_paragraphs`);
- ``para_fts``: an FTS5 full-text index over the normalised text with the **trigram**
  tokenizer, which matches any substring of three characters or more, so Chinese needs no word
  segmentation (docs/scale.md has the measurement against jieba segmentation);
- ``lsh``: MinHash LSH band keys of every sentence (:mod:`lineage.compare.minhash`), the
  candidate filter of ``lineage search --near``;
- ``grams``: how many paragraphs hold each trigram (from ``fts5vocab``), so that a phrase is
  looked up by its rarest trigrams;
- ``refs``: the masthead's lineage phrases kept in the texts' ``note: masthead:`` lines;
- ``meta``: the format version, the manifest's sha256, size and mtime and the texts' folders'
  mtimes when built, and the counts of documents and paragraphs.

**Freshness** (:func:`index_status`, in :mod:`lineage.corpus.freshness` with the other
questions a view asks before it reads the index, and re-exported here): the manifest and each
indexed text are compared with what the index recorded; one changed byte makes it stale.
**Rebuilds are incremental:** texts whose sha256 is unchanged keep their rows; the rest are
read again (in ``jobs`` worker processes), all in one SQLite transaction, so a killed build
leaves the previous index.
"""
from __future__ import annotations

import json
import posixpath
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lineage.compare.minhash import text_band_keys
from lineage.compare.reuse import comparable, comparable_from_normalized, split_sentences
from lineage.corpus.files import atomic_write_bytes, read_corpus_file
from lineage.corpus.freshness import (
    FORMAT,
    INDEX_NAME,
    IndexStatus,
    connect_index,
    file_stat,
    folder_times,
    index_path,
    index_status,
    open_if_fresh,
    open_index,
    read_meta,
    require_fresh_index,
    sha256_bytes,
)
from lineage.corpus.manifest import MANIFEST_NAME, Entry, load_manifest
from lineage.errors import CorpusError
from lineage.model.symbols import document_key
from lineage.normalize import normalize
from lineage.read.references import references_in_notes
from lineage.read.textformat import parse_corpus_file
from lineage.script.language import gram_size

__all__ = ["INDEX_NAME", "IndexStatus", "BuildResult", "DocRows", "IndexedParagraph", "index_path", "index_status",
           "build_index", "document_rows", "open_index", "open_if_fresh", "require_fresh_index", "ensure_gitignore",
           "indexed_documents", "indexed_paragraphs", "documents_matching", "can_look_up", "MIN_FRAGMENT"]

GITIGNORE_LINES = (INDEX_NAME, f"{INDEX_NAME}-journal", f"{INDEX_NAME}-wal", f"{INDEX_NAME}-shm")

# A change here needs a new freshness.FORMAT: an index of the old layout then reads as stale.
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, language TEXT NOT NULL, date TEXT, kind TEXT,
  title TEXT, session TEXT, agenda TEXT, text_path TEXT NOT NULL UNIQUE, text_sha256 TEXT NOT NULL,
  text_size INTEGER NOT NULL, text_mtime_ns INTEGER NOT NULL);
CREATE TABLE paragraphs (
  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id), seq INTEGER NOT NULL,
  pid TEXT NOT NULL, part TEXT NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, comp TEXT NOT NULL,
  number TEXT);
CREATE INDEX paragraphs_doc ON paragraphs(doc);
CREATE VIRTUAL TABLE para_fts USING fts5(norm, content='paragraphs', content_rowid='id', tokenize='trigram');
CREATE TABLE lsh (key INTEGER NOT NULL, para INTEGER NOT NULL, PRIMARY KEY (key, para)) WITHOUT ROWID;
CREATE INDEX lsh_para ON lsh(para);
CREATE TABLE grams (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE refs (doc INTEGER NOT NULL, relation TEXT NOT NULL, symbol TEXT NOT NULL, phrase TEXT NOT NULL);
CREATE INDEX refs_doc ON refs(doc);
"""


@dataclass(frozen=True)
class BuildResult:
    path: Path
    documents: int
    paragraphs: int
    read: int  # texts (re)read this time; the others kept their rows
    removed: int


@dataclass(frozen=True)
class DocRows:
    """What a worker computes for one text: plain values, cheap to send between processes."""

    text_path: str
    sha256: str
    size: int
    mtime_ns: int
    date: str | None
    session: str | None
    agenda: list[str]
    title: str | None
    paragraphs: list[tuple[str, str, str, str, str, list[int]]]  # pid, part, text, norm, comparable, band keys
    refs: list[tuple[str, str, str]]
    numbers: list[str | None]  # the printed number of each paragraph (None: preambular, unnumbered)


def document_rows(corpus_dir: str | Path, entry: Entry) -> DocRows:
    """Read one entry's text and compute its index rows (runs in a worker process)."""
    corpus_dir = Path(corpus_dir)
    rel = entry.text or ""
    stat = file_stat(corpus_dir, rel)
    data = read_corpus_file(corpus_dir, rel)
    try:
        parsed = parse_corpus_file(data.decode("utf-8"), corpus_dir / rel)
    except UnicodeDecodeError:
        raise CorpusError("not UTF-8", corpus_dir / rel) from None
    doc = parsed.document
    if (document_key(doc.symbol or ""), doc.language) != (document_key(entry.symbol), entry.language):
        raise CorpusError(f"the text is {doc.symbol} ({doc.language}) but the manifest lists it as {entry.label}",
                          corpus_dir / rel)
    lang = entry.language
    paragraphs = []
    numbers: list[str | None] = []
    for part, paras in (("preamble", doc.preamble), ("operative", doc.paragraphs)):
        for p in paras:
            numbers.append(p.number)
            norm = normalize(p.text, "compare", lang).text
            whole = comparable_from_normalized(norm)
            keys: list[int] = []
            for s, e in split_sentences(p.text):
                # A one-sentence paragraph is not normalised twice (a million of them in a build).
                comp = whole if p.text[s:e] == p.text.strip() else comparable(p.text[s:e], lang)
                keys.extend(k for k in text_band_keys(comp, gram_size(comp, lang)) if k not in keys)
            paragraphs.append((p.id, part, p.text, norm, whole, keys))
    size, mtime = stat if stat else (len(data), 0)
    return DocRows(rel, sha256_bytes(data), size, mtime, entry.date or doc.date, doc.session,
                   list(doc.agenda_items), entry.title or doc.title, paragraphs,
                   references_in_notes(parsed.notes), numbers)


def _manifest_fingerprint(corpus_dir: Path) -> dict[str, str]:
    path = corpus_dir / MANIFEST_NAME
    data = path.read_bytes()
    st = path.stat()
    return {"manifest_sha256": sha256_bytes(data), "manifest_size": str(st.st_size),
            "manifest_mtime_ns": str(st.st_mtime_ns)}


@dataclass(frozen=True)
class IndexedParagraph:
    """A paragraph as the index holds it: enough to stand for the parsed text's paragraph
    (id, printed number, text) and its comparable form, computed once at build time."""

    pid: str
    part: str  # "preamble" or "operative"
    number: str | None
    text: str
    comp: str


def indexed_documents(con: sqlite3.Connection) -> dict[str, int]:
    """Document ids by text path (relative to the corpus, as the manifest writes it)."""
    return dict(con.execute("SELECT text_path, id FROM documents"))


def indexed_paragraphs(con: sqlite3.Connection, doc_id: int) -> list[IndexedParagraph]:
    """The paragraphs of document ``doc_id``, preambular then operative, in document order."""
    rows = con.execute("SELECT pid, part, number, text, comp FROM paragraphs WHERE doc = ? ORDER BY seq", (doc_id,))
    return [IndexedParagraph(*row) for row in rows]


# The trigram tokenizer finds strings of at least three characters.
MIN_FRAGMENT = 3


def can_look_up(string: str) -> bool:
    """Whether :func:`documents_matching` can look ``string`` up, case aside: any string of
    ``MIN_FRAGMENT`` characters or more (the full-text index folds case), and shorter ones
    whose letters are ASCII or have no case (Han characters), which are searched for in the
    paragraphs themselves."""
    return bool(string) and (len(string) >= MIN_FRAGMENT or all(c.isascii() or c.lower() == c.upper() for c in string))


def documents_matching(con: sqlite3.Connection, groups: Iterable[Iterable[str]]) -> set[int]:
    """Ids of the documents that may have a paragraph whose ``compare``-normalised text holds
    every string of one of ``groups``, case aside: every document that has one is among them.
    A group with strings of ``MIN_FRAGMENT`` characters is looked up by those in the
    full-text index; a group of shorter strings only (``人权``) by reading the normalised
    paragraphs in SQLite (one pass for all such groups). Every string must pass
    :func:`can_look_up`."""
    fts: list[str] = []
    scans: list[tuple[str, list[str]]] = []
    for group in groups:
        strings = list(dict.fromkeys(group))
        if not strings or not all(can_look_up(x) for x in strings):
            raise ValueError(f"cannot look up {strings!r}")
        long = [x for x in strings if len(x) >= MIN_FRAGMENT]
        if long:
            fts.append("(" + " AND ".join('"' + x.replace('"', '""') + '"' for x in long) + ")")
        else:
            # lower() folds ASCII only: what can_look_up lets through shorter than a trigram
            # (and a string without case, 人权, needs no copy of the text lowered).
            scans.append(("(" + " AND ".join("instr(norm, ?) > 0" if x.lower() == x.upper() else
                                             "instr(lower(norm), ?) > 0" for x in strings) + ")",
                          [x.lower() for x in strings]))
    found: set[int] = set()
    if fts:
        query = ("SELECT DISTINCT p.doc FROM para_fts JOIN paragraphs p ON p.id = para_fts.rowid"
                 " WHERE para_fts MATCH ?")
        found.update(row[0] for row in con.execute(query, (" OR ".join(fts),)))
    if scans:
        where = " OR ".join(clause for clause, _ in scans)
        args = [x for _, strings in scans for x in strings]
        found.update(row[0] for row in con.execute(f"SELECT DISTINCT doc FROM paragraphs WHERE {where}", args))
    return found


def ensure_gitignore(corpus_dir: str | Path) -> bool:
    """Add the index's files to the corpus's ``.gitignore`` (created if needed); True if written."""
    path = Path(corpus_dir) / ".gitignore"
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    have = {ln.strip() for ln in old.splitlines()}
    missing = [ln for ln in GITIGNORE_LINES if ln not in have]
    if not missing:
        return False
    head = old if not old or old.endswith("\n") else old + "\n"
    block = "# the corpus index: derived, rebuilt by `lineage index`\n" if INDEX_NAME not in have else ""
    atomic_write_bytes(path, (head + block + "\n".join(missing) + "\n").encode("utf-8"))
    return True


def _rows_in_workers(corpus_dir: Path, entries: list[Entry], jobs: int) -> Iterator[DocRows]:
    if jobs <= 1 or len(entries) < 2:
        for e in entries:
            yield document_rows(corpus_dir, e)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(document_rows, [corpus_dir] * len(entries), entries, chunksize=4)


def _delete_documents(con: sqlite3.Connection, ids: Iterable[int]) -> None:
    for doc_id in ids:
        rows = con.execute("SELECT id, norm FROM paragraphs WHERE doc = ?", (doc_id,)).fetchall()
        con.executemany("INSERT INTO para_fts(para_fts, rowid, norm) VALUES('delete', ?, ?)", rows)
        con.executemany("DELETE FROM lsh WHERE para = ?", [(r[0],) for r in rows])
        con.execute("DELETE FROM paragraphs WHERE doc = ?", (doc_id,))
        con.execute("DELETE FROM refs WHERE doc = ?", (doc_id,))
        con.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _insert(con: sqlite3.Connection, entry: Entry, rows: DocRows, first_para: int) -> int:
    """Write one text's rows; its paragraphs get ids from ``first_para`` on (given here, not
    read back one INSERT at a time, so that they go in by ``executemany``). Returns the next
    free paragraph id. Band keys go to the staging table ``lsh_new`` (see :func:`build_index`)."""
    cur = con.execute(
        "INSERT INTO documents (symbol, language, date, kind, title, session, agenda, text_path, text_sha256,"
        " text_size, text_mtime_ns) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (entry.symbol, entry.language, rows.date, entry.kind, rows.title, rows.session,
         json.dumps(rows.agenda), rows.text_path, rows.sha256, rows.size, rows.mtime_ns))
    doc_id = cur.lastrowid
    assert doc_id is not None  # set by the INSERT just run
    ids = range(first_para, first_para + len(rows.paragraphs))
    con.executemany("INSERT INTO paragraphs (id, doc, seq, pid, part, text, norm, comp, number)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    [(para, doc_id, seq, pid, part, text, norm, comp, number)
                     for seq, (para, (pid, part, text, norm, comp, _), number)
                     in enumerate(zip(ids, rows.paragraphs, rows.numbers, strict=True))])
    con.executemany("INSERT INTO para_fts(rowid, norm) VALUES (?, ?)",
                    [(para, row[3]) for para, row in zip(ids, rows.paragraphs)])
    con.executemany("INSERT INTO temp.lsh_new (key, para) VALUES (?, ?)",
                    [(k, para) for para, row in zip(ids, rows.paragraphs) for k in row[5]])
    con.executemany("INSERT INTO refs (doc, relation, symbol, phrase) VALUES (?,?,?,?)",
                    [(doc_id, *r) for r in rows.refs])
    return ids.stop


def _open_for_build(path: Path) -> sqlite3.Connection:
    """The existing index when it is of this format, else a new empty one."""
    if path.exists():
        try:
            con = connect_index(path)
            if read_meta(con).get("format") == FORMAT:
                return con
            con.close()
        except sqlite3.Error:
            pass
        path.unlink()
    con = connect_index(path)
    con.executescript(_SCHEMA)
    con.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
    con.commit()
    return con


def build_index(corpus_dir: str | Path, *, jobs: int = 1,
                compute: Callable[[Path, list[Entry]], Iterable[DocRows]] | None = None) -> BuildResult:
    """Build or bring up to date ``index.sqlite`` (see the module docstring). ``compute``
    replaces the local worker pool (the Dask scheduler passes its own)."""
    corpus_dir = Path(corpus_dir)
    manifest = load_manifest(corpus_dir)
    fingerprint = _manifest_fingerprint(corpus_dir)
    path = index_path(corpus_dir)
    try:
        con = _open_for_build(path)
    except (sqlite3.Error, OSError) as exc:
        raise CorpusError(f"cannot write the index ({exc})", path) from None
    try:
        # One transaction from here (the DROP INDEX below would otherwise commit on its own).
        con.execute("BEGIN")
        existing = {rel: (doc_id, sha, size, mtime) for doc_id, rel, sha, size, mtime in con.execute(
            "SELECT id, text_path, text_sha256, text_size, text_mtime_ns FROM documents")}
        wanted = {e.text: e for e in manifest if e.has_text and e.text}
        # Before any text is read: a text replaced during the build changes its folder's time
        # after this, so the quick freshness check looks at the texts again.
        folders = folder_times(corpus_dir, {posixpath.dirname(rel) or "." for rel in wanted})
        stale_ids = [v[0] for rel, v in existing.items() if rel not in wanted]
        todo: list[Entry] = []
        for rel, entry in wanted.items():
            old = existing.get(rel)
            if old is not None:
                now = file_stat(corpus_dir, rel)
                same = now == (old[2], old[3]) or (
                    now is not None and sha256_bytes(read_corpus_file(corpus_dir, rel)) == old[1])
                if same:
                    assert now is not None  # same: the file's size and time were read
                    # The entry's metadata may have changed in the manifest without the text.
                    con.execute("UPDATE documents SET symbol=?, language=?, kind=?, text_size=?, text_mtime_ns=?"
                                " WHERE id=?", (entry.symbol, entry.language, entry.kind, *now, old[0]))
                    continue
                stale_ids.append(old[0])
            todo.append(entry)
        _delete_documents(con, stale_ids)
        # Into an empty index (a first build, a million paragraphs), the secondary index of
        # ``lsh`` is made once at the end (a sort) instead of row by row in random order.
        bulk = not existing
        if bulk:
            con.execute("DROP INDEX IF EXISTS lsh_para")
        con.execute("CREATE TEMP TABLE IF NOT EXISTS lsh_new (key INTEGER NOT NULL, para INTEGER NOT NULL)")
        con.execute("DELETE FROM temp.lsh_new")
        next_para = (con.execute("SELECT max(id) FROM paragraphs").fetchone()[0] or 0) + 1
        rows_iter = compute(corpus_dir, todo) if compute else _rows_in_workers(corpus_dir, todo, jobs)
        for entry, rows in zip(todo, rows_iter):
            next_para = _insert(con, entry, rows, next_para)
        # Band keys are staged unsorted and go into their table in key order: appends to its
        # B-tree, where random keys one by one would touch a random page each (10 million rows
        # for a million paragraphs).
        con.execute("INSERT OR IGNORE INTO lsh (key, para) SELECT key, para FROM temp.lsh_new ORDER BY key, para")
        con.execute("DROP TABLE temp.lsh_new")
        if bulk:
            con.execute("CREATE INDEX IF NOT EXISTS lsh_para ON lsh(para)")
            # One segment per term: a lookup reads one posting list, not one per flush.
            con.execute("INSERT INTO para_fts(para_fts) VALUES ('optimize')")
        # How many paragraphs hold each trigram: search looks a phrase up by its rarest ones.
        con.execute("DELETE FROM grams")
        con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'para_fts', 'row')")
        con.execute("INSERT INTO grams SELECT term, doc FROM temp.vocab")
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        n_paras = con.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        # Counted once here: a count(*) per search would scan a million rows.
        for key, value in {**fingerprint, "documents": str(n_docs), "paragraphs": str(n_paras),
                           "text_folders": json.dumps(folders, sort_keys=True)}.items():
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        con.commit()
    except sqlite3.Error as exc:
        con.rollback()
        raise CorpusError(f"cannot write the index ({exc})", path) from None
    finally:
        con.close()
    ensure_gitignore(corpus_dir)
    return BuildResult(path, n_docs, n_paras, len(todo), sum(1 for rel in existing if rel not in wanted))
