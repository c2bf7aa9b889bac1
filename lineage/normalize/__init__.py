"""Normalisation (STUB: interface only; the normalisation work replaces the body).

Public interface other stages rely on:

- ``normalize(text, profile="display"|"compare", language=None) -> Normalized``
- ``Normalized.text``: the normalised text.
- ``Normalized.original``: the input text.
- ``Normalized.offsets``: ``len(text) + 1`` non-decreasing ints; normalised span ``[i, j)``
  comes from original span ``[offsets[i], offsets[j])``; ``offsets[len(text)] == len(original)``.
- ``Normalized.changes``: list of ``Change(step, start, end, before, after)``, spans in the
  original text, one per place a step changed something.
- ``Normalized.original_span(i, j) -> tuple[int, int]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Change", "Normalized", "normalize", "PROFILES"]

PROFILES = ("display", "compare")


@dataclass(frozen=True)
class Change:
    step: str
    start: int
    end: int
    before: str
    after: str


@dataclass
class Normalized:
    original: str
    text: str
    offsets: list[int]
    changes: list[Change] = field(default_factory=list)

    def original_span(self, i: int, j: int) -> tuple[int, int]:
        return self.offsets[i], self.offsets[j]


def normalize(text: str, profile: str = "display", language: str | None = None) -> Normalized:
    return Normalized(original=text, text=text, offsets=list(range(len(text) + 1)))
