"""Synthetic corpora for the corpus views (graph, topic, history, blame) at any size.

    .venv/bin/python benchmarks/make_corpus.py OUT_DIR --docs 10000 [--shape sessions|chain]

Paragraphs come from the bundled seed text (corpora/sources/, the Chinese WSIS+20 outcome
document), so texts look like real resolutions and the bundled topics find something in them.
Two shapes:

- ``sessions``: wide sessions of many families of versions. Each family is a draft
  ``A/S/L.F``, zero to two revisions (``…/Rev.N``, linked by their symbols only: the graph
  infers ``revises``) and the resolution ``A/RES/S/F`` adopted from the last of them; a
  family's resolution builds on the same family's resolution of the previous session, whose
  text the next draft starts from (so blame and history find older wording).
- ``chain``: one text revised again and again: ``A/1/L.1``, ``…/Rev.1``, …, ``…/Rev.N-1``,
  every revision inferred from its symbol; the deepest lineage there can be.

Each version changes one or two paragraphs of the one before (a word replaced, a clause added
or a paragraph inserted or dropped). The output is deterministic for a given ``--seed``.
Everything written is marked ``origin = "reconstructed"``: none of it is a real UN text.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from lineage.corpus.manifest import Entry, Manifest, manifest_to_toml, text_stem  # noqa: E402
from lineage.model.document import Document, Paragraph, Source  # noqa: E402
from lineage.read import read_document  # noqa: E402
from lineage.read.textformat import format_document  # noqa: E402

__all__ = ["SEED", "make_corpus", "seed_paragraphs"]

SEED = REPO / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"
NOTE = "Synthetic benchmark corpus (benchmarks/make_corpus.py): not a real UN text."
TITLE = "信息社会世界首脑会议成果文件执行情况（合成）"
SHAPES = ("sessions", "chain")
# Replacement words for edits: drafting verbs and qualifiers the seed itself uses.
_WORDS = ["鼓励", "促请", "敦促", "欢迎", "注意到", "重申", "决定", "强调", "有意义的", "包容的",
          "可持续的", "所有", "各国", "进一步", "切实"]
_CLAUSES = ["，并请秘书长就此提出报告", "，同时考虑到发展中国家的需要", "，包括通过南南合作",
            "，并鼓励所有利益攸关方参与", "，以弥合数字鸿沟"]


def seed_paragraphs() -> list[str]:
    doc = read_document(SEED)
    return [p.text for p in doc.all_paragraphs() if len(p.text) >= 20]


class _Writer:
    def __init__(self, folder: Path, rng: random.Random, pool: list[str], paragraphs: int) -> None:
        self.folder = folder
        self.rng = rng
        self.pool = pool
        self.paragraphs = paragraphs
        self.entries: list[Entry] = []
        (folder / "texts").mkdir(parents=True, exist_ok=True)

    def fresh(self) -> list[str]:
        start = self.rng.randrange(len(self.pool))
        return [self.pool[(start + k) % len(self.pool)] for k in range(self.paragraphs)]

    def edit(self, texts: list[str]) -> list[str]:
        out = list(texts)
        for _ in range(self.rng.choice((1, 1, 2))):
            k = self.rng.randrange(len(out))
            move = self.rng.random()
            if move < 0.45:
                word = self.rng.choice(_WORDS)
                at = self.rng.randrange(max(1, len(out[k]) - 4))
                out[k] = out[k][:at] + word + out[k][at + 2:]
            elif move < 0.8:
                text = out[k].rstrip("。；，")
                out[k] = text + self.rng.choice(_CLAUSES) + "。"
            elif move < 0.9 and len(out) > 3:
                del out[k]
            else:
                out.insert(k, self.rng.choice(self.pool))
        return out

    def write(self, symbol: str, date: str, kind: str, texts: list[str], **links: tuple[str, ...]) -> None:
        stem = text_stem(symbol, "zh")
        rel = f"texts/{stem}.txt"
        doc = Document(
            symbol=symbol, language="zh", source=Source(path=rel, kind="text"), date=date, title=TITLE,
            preamble=[Paragraph(id="pp1", text="大会，")],
            paragraphs=[Paragraph(id=str(i), number=str(i), text=t) for i, t in enumerate(texts, 1)],
        )
        (self.folder / rel).write_text(format_document(doc), encoding="utf-8")
        self.entries.append(Entry(symbol=symbol, kind=kind, language="zh", date=date, title=TITLE,
                                  origin="reconstructed", text=rel, notes=NOTE, **links))


def _date(day: int) -> str:
    """Day ``day`` after 1 January 1950 as an ISO date (a calendar of 12 x 28 days is enough
    for ordering and keeps the arithmetic obvious)."""
    year, rest = divmod(day, 12 * 28)
    month, dom = divmod(rest, 28)
    return f"{1950 + year:04d}-{month + 1:02d}-{dom + 1:02d}"


def _sessions(w: _Writer, docs: int, families: int) -> None:
    last_resolution: dict[int, tuple[str, list[str]]] = {}
    session = 0
    while len(w.entries) < docs:
        session += 1
        for f in range(1, families + 1):
            if len(w.entries) >= docs:
                return
            day = session * 12 * 28 + f % 200
            previous = last_resolution.get(f)
            texts = w.edit(previous[1]) if previous else w.fresh()
            draft = f"A/{session}/L.{f}"
            w.write(draft, _date(day), "draft", texts, builds_on=(previous[0],) if previous else ())
            latest = draft
            for rev in range(1, w.rng.choice((0, 1, 1, 2)) + 1):
                if len(w.entries) >= docs:
                    return
                texts = w.edit(texts)
                latest = f"{draft}/Rev.{rev}"
                w.write(latest, _date(day + 2 * rev), "draft", texts)
            if len(w.entries) >= docs:
                return
            texts = w.edit(texts)
            resolution = f"A/RES/{session}/{f}"
            w.write(resolution, _date(day + 8), "resolution", texts, adopted_from=(latest,))
            last_resolution[f] = (resolution, texts)


def _chain(w: _Writer, docs: int) -> None:
    texts = w.fresh()
    w.write("A/1/L.1", _date(0), "draft", texts)
    for rev in range(1, docs):
        texts = w.edit(texts)
        w.write(f"A/1/L.1/Rev.{rev}", _date(rev), "draft", texts)


def make_corpus(folder: str | Path, docs: int, shape: str = "sessions", seed: int = 0,
                paragraphs: int = 8, families: int = 40) -> list[Entry]:
    """Write a corpus of ``docs`` documents into ``folder`` (manifest.toml + texts/)."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
    folder = Path(folder)
    w = _Writer(folder, random.Random(seed), seed_paragraphs(), paragraphs)
    if shape == "chain":
        _chain(w, docs)
    else:
        _sessions(w, docs, families)
    (folder / "manifest.toml").write_text(manifest_to_toml(Manifest(tuple(w.entries))), encoding="utf-8")
    return w.entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (created)")
    parser.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--shape", choices=SHAPES, default="sessions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--paragraphs", type=int, default=8, help="operative paragraphs of a first draft")
    args = parser.parse_args(argv)
    entries = make_corpus(args.out, args.docs, args.shape, args.seed, args.paragraphs)
    print(f"{len(entries)} documents written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
