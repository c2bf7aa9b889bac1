"""A corpus of real documents for the session tests (search, index, inferred lineage), built
fast: the bundled corpus plus official UN documents as their independent gold
(``tests/pdfs/real/*.gold.json``, read without our extractor) with the masthead notes that
``lineage ingest`` keeps, read from each PDF's first page."""
from __future__ import annotations

import shutil
from pathlib import Path

from lineage.corpus.store import add_document
from lineage.model.document import Document
from lineage.read.references import masthead_notes

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "pdfs" / "real"
CORPORA = REPO / "corpora"
# Every official PDF with gold (the scan has none).
REAL_NAMES = ("A-C.2-80-L.3.en", "A-C.2-80-L.59.en", "A-RES-80-155.en", "A-80-L.13.en", "A-RES-80-107.en",
              "A-80-L.5.en", "A-RES-80-5.en", "A-80-L.17.en", "A-RES-80-109.en", "A-RES-80-173.en")


def gold_document(name: str) -> Document:
    return Document.from_json((REAL / f"{name}.gold.json").read_text(encoding="utf-8"))


def build_session_corpus(folder: Path, names=REAL_NAMES, bundled: bool = True) -> Path:
    """``folder`` holding the bundled corpus (if ``bundled``) and the named real documents."""
    if bundled:
        shutil.copytree(CORPORA, folder)
    for name in names:
        add_document(folder, gold_document(name), source_file=REAL / f"{name}.pdf",
                     text_notes=masthead_notes(REAL / f"{name}.pdf"),
                     force=True)  # the bundled corpus holds the English A/RES/80/173 too
    return folder
