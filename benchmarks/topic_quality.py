"""Precision and recall of the topic term lists on paragraphs a person labelled, which the
lists were not tuned on (issue 14): the English A/RES/80/173 and the two real excerpts.

    .venv/bin/python benchmarks/topic_quality.py

Labels: tests/data/topics/labels-*.tsv (how they were made is in their header). For each
topic: true positives, false positives, false negatives, precision and recall per document
set, and the paragraphs the terms got wrong (to read, not to tune on).
"""
from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lineage.model.document import Document  # noqa: E402
from lineage.read import read_document  # noqa: E402
from lineage.trace.topics import get_topic, match_document  # noqa: E402

LABELS = REPO / "tests" / "data" / "topics"
SOURCES = {
    "A/RES/80/173 en": REPO / "tests" / "pdfs" / "real" / "A-RES-80-173.en.gold.json",
    "a_res_70_125_en_pdfpage4_excerpt.txt": REPO / "tests" / "data" / "reference" / "a_res_70_125_en_pdfpage4_excerpt.txt",
    "tunis_agenda_zh_excerpt.txt": REPO / "tests" / "data" / "reference" / "tunis_agenda_zh_excerpt.txt",
}


def load_document(name: str) -> Document:
    path = SOURCES[name]
    if path.suffix == ".json":
        return Document.from_dict(json.loads(path.read_text(encoding="utf-8")))
    return read_document(path)


def read_labels() -> tuple[list[str], dict[str, dict[str, dict[str, bool]]]]:
    """Topics, and document -> paragraph -> topic -> label."""
    out: dict[str, dict[str, dict[str, bool]]] = defaultdict(dict)
    topics: list[str] = []
    for path in sorted(LABELS.glob("labels-*.tsv")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            topics = [k for k in row if k not in ("document", "paragraph")]
            out[row["document"]][row["paragraph"]] = {t: row[t] == "1" for t in topics}
    return topics, out


def measure() -> dict[str, dict[str, dict]]:
    """topic -> set name ("A/RES/80/173 en", "excerpts", "all") -> counts and misses."""
    topics, labels = read_labels()
    result: dict[str, dict[str, dict]] = {}
    for name in topics:
        topic = get_topic(name)
        sets: dict[str, dict] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "missed": [], "wrong": []})
        for doc_name, paras in labels.items():
            found = {h.id for h in match_document(topic, load_document(doc_name))}
            group = doc_name if doc_name.startswith("A/RES/80/173") else "excerpts"
            for pid, labelled in paras.items():
                gold, got = labelled[name], pid in found
                for key in (group, "all"):
                    s = sets[key]
                    if gold and got:
                        s["tp"] += 1
                    elif got:
                        s["fp"] += 1
                        s["wrong"].append(f"{doc_name}:{pid}")
                    elif gold:
                        s["fn"] += 1
                        s["missed"].append(f"{doc_name}:{pid}")
        result[name] = dict(sets)
    return result


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def main() -> int:
    result = measure()
    print(f"{'topic':<18}{'set':<18}{'labelled':>9}{'found':>7}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}")
    for topic, sets in result.items():
        for key in ("A/RES/80/173 en", "excerpts", "all"):
            s = sets.get(key)
            if s is None:
                continue
            tp, fp, fn = s["tp"], s["fp"], s["fn"]
            print(f"{topic:<18}{key:<18}{tp + fn:>9}{tp + fp:>7}{tp:>5}{fp:>5}{fn:>5}"
                  f"{ratio(tp, tp + fp):>7}{ratio(tp, tp + fn):>7}")
    print()
    for topic, sets in result.items():
        s = sets["all"]
        if s["missed"]:
            print(f"{topic} missed: {', '.join(s['missed'])}")
        if s["wrong"]:
            print(f"{topic} wrongly found: {', '.join(s['wrong'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
