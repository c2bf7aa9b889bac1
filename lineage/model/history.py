"""Every version in one report: records that serialise to ``lineage.history/1``.

A :class:`History` follows each paragraph of the last version back through every earlier
version (``lineage diff V1 V2 V3 ...``): where it came from, and what each revision did to
it. Built by :func:`lineage.report.versions.build_history` from the comparisons of
consecutive versions; rendered by :mod:`lineage.report.versions` (text, Markdown) and
:mod:`lineage.report.versions_html`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lineage.model.document import dumps

__all__ = ["HISTORY_SCHEMA", "CHANGE_WORDS", "VersionInfo", "StepSummary", "PathStep", "ParagraphHistory",
           "RemovedParagraph", "History"]

HISTORY_SCHEMA = "lineage.history/1"

CHANGE_WORDS = {"inserted": "inserted", "modified": "reworded", "moved": "moved", "split": "split off",
                "merged": "merged", "unchanged": "unchanged"}
"""How a paragraph's story names each pair kind (``inserted in Rev.1, reworded in Rev.2``)."""


@dataclass(frozen=True)
class VersionInfo:
    """One version of the chain; ``label`` is what the report calls it (its symbol, else its
    file name; made unique)."""

    label: str
    symbol: str | None
    title: str | None
    date: str | None
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "symbol": self.symbol, "title": self.title, "date": self.date,
                "source": self.source}


@dataclass(frozen=True)
class StepSummary:
    """The comparison of version ``to - 1`` with version ``to``: pairs counted by kind."""

    to: int
    counts: tuple[tuple[str, int], ...]

    @property
    def changed(self) -> bool:
        return any(n for kind, n in self.counts if kind != "unchanged")

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.to - 1, "to": self.to, "summary": dict(self.counts)}


@dataclass(frozen=True)
class PathStep:
    """A paragraph in one version: its id there (None: not yet in the text) and how it came
    from the version before (``present`` in the first version, ``absent`` before it existed,
    else a pair kind of ``lineage.diff/1``); ``ops`` is that step's redline (empty when
    unchanged or absent)."""

    version: int
    id: str | None
    change: str
    ops: tuple[tuple[str, str], ...] = ()

    @property
    def changed(self) -> bool:
        return self.change not in ("present", "absent", "unchanged")

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "id": self.id, "change": self.change,
                "ops": [{"op": op, "text": text} for op, text in self.ops]}


@dataclass(frozen=True)
class ParagraphHistory:
    """A paragraph of the last version and its path through all versions (one step each)."""

    id: str
    text: str
    section: str | None
    path: tuple[PathStep, ...]
    story: str

    @property
    def origin(self) -> int:
        """The first version the paragraph is in."""
        return next(s.version for s in self.path if s.change != "absent")

    @property
    def changed_in(self) -> tuple[int, ...]:
        return tuple(s.version for s in self.path if s.changed)

    @property
    def ever_changed(self) -> bool:
        return bool(self.changed_in)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "section": self.section, "origin": self.origin,
                "changed_in": list(self.changed_in), "story": self.story,
                "path": [s.to_dict() for s in self.path]}


@dataclass(frozen=True)
class RemovedParagraph:
    """A paragraph that left the text on the way: its id and text in the last version that
    had it (``last_version``), and the version without it (``removed_in``)."""

    id: str
    text: str
    last_version: int
    removed_in: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "last_version": self.last_version,
                "removed_in": self.removed_in}


@dataclass(frozen=True)
class History:
    versions: tuple[VersionInfo, ...]
    steps: tuple[StepSummary, ...]
    paragraphs: tuple[ParagraphHistory, ...]
    removed: tuple[RemovedParagraph, ...]

    @property
    def changed(self) -> bool:
        return any(s.changed for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": HISTORY_SCHEMA,
            "versions": [v.to_dict() for v in self.versions],
            "steps": [s.to_dict() for s in self.steps],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "removed": [r.to_dict() for r in self.removed],
        }

    def to_json(self) -> str:
        return dumps(self.to_dict())
