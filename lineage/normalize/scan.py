"""Fast searches for the steps. A regular expression built from a character class walks the
text in Python's regex engine (several nanoseconds per character); ``str.find`` for one
character runs at memory speed. Steps whose triggers are a handful of characters therefore
look for each with ``str.find`` and only then do any per-match work."""
from __future__ import annotations

__all__ = ["find_all"]


def find_all(text: str, chars: str) -> list[int]:
    """Sorted positions of every occurrence of any of ``chars`` (single characters)."""
    found: list[int] = []
    for c in chars:
        i = text.find(c)
        while i != -1:
            found.append(i)
            i = text.find(c, i + 1)
    found.sort()
    return found
