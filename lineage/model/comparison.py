"""The comparison model: plain dataclasses that serialise to ``lineage.diff/1``.

Produced by alignment + diff (``lineage.compare.documents``), consumed by the report renderers and by
``lineage diff --format json``. See ``docs/json-contract.md``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, get_args

from lineage.model.document import dumps

__all__ = [
    "DIFF_SCHEMA",
    "PAIR_KINDS",
    "OP_KINDS",
    "HEADING_KINDS",
    "OpKind",
    "EQUAL",
    "INSERT",
    "DELETE",
    "Op",
    "merge_ops",
    "Pair",
    "HeadingPair",
    "DocRef",
    "Comparison",
]

DIFF_SCHEMA = "lineage.diff/1"
PAIR_KINDS = ("unchanged", "modified", "moved", "split", "merged", "inserted", "deleted")
OpKind = Literal["equal", "insert", "delete"]
OP_KINDS: tuple[OpKind, ...] = get_args(OpKind)
EQUAL: OpKind = "equal"
INSERT: OpKind = "insert"
DELETE: OpKind = "delete"
HEADING_KINDS = ("unchanged", "modified", "inserted", "deleted")


@dataclass(frozen=True)
class Op:
    """One diff run on printed text: ``equal`` (shown with the new side's characters),
    ``delete`` (old characters) or ``insert`` (new characters). The one run type of the
    package: the word diff, the report model and every renderer speak it."""

    op: OpKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Op:
        if d["op"] not in OP_KINDS:
            raise ValueError(f"unknown op {d['op']!r}")
        return cls(op=d["op"], text=d["text"])


def merge_ops(ops: Iterable[Op]) -> list[Op]:
    """``ops`` without empty runs, neighbours of the same kind joined into one run."""
    out: list[Op] = []
    for o in ops:
        if not o.text:
            continue
        if out and out[-1].op == o.op:
            out[-1] = Op(o.op, out[-1].text + o.text)
        else:
            out.append(o if type(o) is Op else Op(o.op, o.text))
    return out


def _with_score(d: dict[str, Any], similarity: float | None, ops: list[Op] | None) -> dict[str, Any]:
    """Add the optional ``similarity`` and ``ops`` that matched pairs carry and unmatched lack."""
    if similarity is not None:
        d["similarity"] = round(similarity, 4)
    if ops is not None:
        d["ops"] = [o.to_dict() for o in ops]
    return d


def _ops_from(ops: list[dict[str, Any]] | None) -> list[Op] | None:
    return None if ops is None else [Op.from_dict(o) for o in ops]


@dataclass(frozen=True)
class Pair:
    """Old paragraph ids matched to new ones. ``similarity`` and ``ops`` are None for
    inserted and deleted pairs."""

    old: list[str]
    new: list[str]
    kind: str
    similarity: float | None = None
    ops: list[Op] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"old": list(self.old), "new": list(self.new), "kind": self.kind}
        return _with_score(d, self.similarity, self.ops)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Pair:
        if d["kind"] not in PAIR_KINDS:
            raise ValueError(f"unknown pair kind {d['kind']!r}")
        ops = d.get("ops")
        return cls(
            old=[str(x) for x in d.get("old", [])],
            new=[str(x) for x in d.get("new", [])],
            kind=d["kind"],
            similarity=d.get("similarity"),
            ops=_ops_from(ops),
        )


@dataclass(frozen=True)
class HeadingPair:
    """A section heading of the old version matched to one of the new version (added to the
    contract as the ``headings`` list; paragraphs stay in ``pairs``). ``old``/``new`` are the
    printed heading texts (None for inserted/deleted); ``*_before`` the id of the paragraph
    that follows the heading on each side; ``modified`` means renamed, with ``ops`` on the
    printed texts. ``similarity`` and ``ops`` are None for inserted and deleted headings."""

    old: str | None
    new: str | None
    kind: str
    old_before: str | None = None
    new_before: str | None = None
    similarity: float | None = None
    ops: list[Op] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "old": self.old,
            "new": self.new,
            "kind": self.kind,
            "old_before": self.old_before,
            "new_before": self.new_before,
        }
        return _with_score(d, self.similarity, self.ops)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HeadingPair:
        if d["kind"] not in HEADING_KINDS:
            raise ValueError(f"unknown heading pair kind {d['kind']!r}")
        ops = d.get("ops")
        return cls(
            old=d.get("old"),
            new=d.get("new"),
            kind=d["kind"],
            old_before=d.get("old_before"),
            new_before=d.get("new_before"),
            similarity=d.get("similarity"),
            ops=_ops_from(ops),
        )


@dataclass(frozen=True)
class DocRef:
    symbol: str | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "source": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocRef:
        return cls(symbol=d.get("symbol"), source=d["source"])


@dataclass(frozen=True)
class Comparison:
    old: DocRef
    new: DocRef
    pairs: list[Pair] = field(default_factory=list)
    headings: list[HeadingPair] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {k: 0 for k in PAIR_KINDS}
        for p in self.pairs:
            counts[p.kind] += 1
        return counts

    @property
    def changed(self) -> bool:
        """True when anything substantive differs (what ``--fail-on-change`` tests)."""
        return any(p.kind != "unchanged" for p in self.pairs) or any(
            h.kind != "unchanged" for h in self.headings
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": DIFF_SCHEMA,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "pairs": [p.to_dict() for p in self.pairs],
            "summary": self.summary(),
            "headings": [h.to_dict() for h in self.headings],
        }

    def to_json(self) -> str:
        return dumps(self.to_dict())

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Comparison:
        if d.get("schema") != DIFF_SCHEMA:
            raise ValueError(f"unsupported schema {d.get('schema')!r}, expected {DIFF_SCHEMA!r}")
        return cls(
            old=DocRef.from_dict(d["old"]),
            new=DocRef.from_dict(d["new"]),
            pairs=[Pair.from_dict(p) for p in d.get("pairs", [])],
            headings=[HeadingPair.from_dict(h) for h in d.get("headings", [])],
        )

    @classmethod
    def from_json(cls, text: str) -> Comparison:
        return cls.from_dict(json.loads(text))
