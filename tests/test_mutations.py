"""The seeded mutation generator (lineage.mutations) that the accuracy harness relies on."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from lineage.model import Document, Paragraph, Source
from lineage.mutations import NOISE_KINDS, Rates, add_noise, history, mutate, vocabulary
from lineage.normalize import normalize
from lineage.readers import read_document

SEED = Path(__file__).parent.parent / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt"


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    return read_document(SEED)


def english_doc() -> Document:
    texts = [
        "We reaffirm our commitment to the vision of the World Summit on the Information Society.",
        "We recognize that digital divides remain between and within countries; we encourage all States to support bridging them.",
        "We reaffirm that the same rights that people have offline must also be protected online.",
        "Building confidence and security in the use of information and communications technologies should remain a priority, especially given growing challenges.",
        "We call upon all stakeholders to strengthen cooperation, as set out in the outcomes of Geneva and Tunis. We note the role of the Internet Governance Forum.",
        "We decide to hold a high-level meeting on the overall review in 2035.",
        "We request the Secretary-General to report annually on progress; the report should include recommendations.",
        "We encourage equitable participation of developing countries in international forums.",
    ]
    paragraphs = [Paragraph(id=str(k + 1), number=str(k + 1), text=t) for k, t in enumerate(texts)]
    return Document(symbol="TEST/EN", language="en", source=Source("en.json", "text"),
                    paragraphs=paragraphs)


def test_same_seed_same_case(seed_doc):
    a, b = mutate(seed_doc, 42), mutate(seed_doc, 42)
    assert a.new.to_json() == b.new.to_json()
    assert a.pairs == b.pairs and a.log == b.log
    assert mutate(seed_doc, 43).new.to_json() != a.new.to_json()


@pytest.mark.parametrize("seed", range(8))
def test_gold_covers_every_id_once(seed_doc, seed):
    case = mutate(seed_doc, seed)
    olds = Counter(i for g in case.pairs for i in g.old)
    news = Counter(j for g in case.pairs for j in g.new)
    assert olds == Counter(p.id for p in case.old.all_paragraphs())
    assert news == Counter(p.id for p in case.new.all_paragraphs())
    # Renumbered as an adopted text: 1..N and pp1..ppM.
    assert [p.id for p in case.new.paragraphs] == [str(k + 1) for k in range(len(case.new.paragraphs))]
    assert [p.id for p in case.new.preamble] == [f"pp{k + 1}" for k in range(len(case.new.preamble))]
    # Headings point at paragraphs that exist.
    ids = {p.id for p in case.new.all_paragraphs()}
    assert all(h.before in ids or h.before is None for h in case.new.headings)


def test_edits_are_in_the_texts(seed_doc):
    for seed in range(10):
        case = mutate(seed_doc, seed)
        for g in case.pairs:
            if not g.edits:
                continue
            old = normalize(case.old.paragraph(g.old[0]).text, "compare", "zh").text
            new = normalize(case.new.paragraph(g.new[0]).text, "compare", "zh").text
            for e in g.edits:
                assert normalize(e.before, "compare", "zh").text in old
                assert normalize(e.after, "compare", "zh").text in new
                assert e.before != e.after


def test_all_kinds_occur(seed_doc):
    kinds = Counter(g.kind for seed in range(30) for g in mutate(seed_doc, seed).pairs)
    for kind in ("unchanged", "modified", "moved", "split", "merged", "inserted", "deleted"):
        assert kinds[kind] > 0, kind
    renamed = sum(h.kind == "modified" for seed in range(30) for h in mutate(seed_doc, seed).headings)
    assert renamed > 0


@pytest.mark.parametrize("kind", NOISE_KINDS)
def test_noise_is_presentation_only(seed_doc, kind):
    rng = random.Random(kind)
    changed = 0
    for p in seed_doc.all_paragraphs():
        noisy, applied = add_noise(p.text, rng, "zh", (kind,))
        if applied:
            changed += 1
            assert noisy != p.text
        assert (normalize(noisy, "compare", "zh").text
                == normalize(p.text, "compare", "zh").text), (kind, noisy)
    assert changed > 0


def test_english_generator():
    doc = english_doc()
    assert vocabulary("en")["replacements"]
    edited = 0
    for seed in range(10):
        case = mutate(doc, seed, Rates(edited_share=0.5))
        edited += sum(1 for g in case.pairs if g.edits)
        for g in case.pairs:
            for e in g.edits:
                assert e.after in case.new.paragraph(g.new[0]).text or g.noise
    assert edited > 0


def test_history_chains_versions(seed_doc):
    versions = history(seed_doc, 3, seed=1)
    assert len(versions) == 3 and versions[0] is seed_doc
    assert versions[1].to_json() != versions[2].to_json()
