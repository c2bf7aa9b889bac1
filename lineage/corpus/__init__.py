"""The corpus: canonical document texts under version control, and a manifest listing them.

- :mod:`lineage.read.textformat`: the canonical text format (``format_document``,
  ``parse_corpus_text``, ``looks_like_corpus_text``), with its value spelling in
  :mod:`lineage.read.textcodec`;
- :mod:`lineage.corpus.manifest`: ``corpora/manifest.toml`` (``Entry``, ``Manifest``,
  ``load_manifest``, ``load_entry_document``, ``default_corpus_dir``);
- :mod:`lineage.corpus.store`: atomic additions (``add_document``, ``register_entry``;
  reading a file and adding it is ``lineage.cli.app.corpus.add_file``);
- :mod:`lineage.corpus.txn`: every change as a locked, journaled transaction
  (``corpus_transaction``): concurrent writers queue, a crash leaves the old state or the new;
- :mod:`lineage.corpus.files`: atomic writes, and ``open_corpus_file`` / ``read_corpus_file``,
  the one way to read a file a corpus names (no symbolic links, no devices, bounded);
- :mod:`lineage.corpus.listing`: what ``lineage corpus list|show`` print.
"""
from __future__ import annotations

from lineage.corpus.manifest import (
    Entry,
    Manifest,
    default_corpus_dir,
    load_entry_document,
    load_manifest,
)
from lineage.corpus.store import add_document, register_entry
from lineage.read.textformat import format_document, looks_like_corpus_text, parse_corpus_text

__all__ = [
    "Entry",
    "Manifest",
    "add_document",
    "default_corpus_dir",
    "format_document",
    "load_entry_document",
    "load_manifest",
    "looks_like_corpus_text",
    "parse_corpus_text",
    "register_entry",
]
