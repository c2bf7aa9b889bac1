"""Hyphenation points for the English fixture.

Not a real hyphenation dictionary: a crude vowel-consonant rule is enough to make some English
lines end in ``commu-`` / ``nications`` the way Word's automatic hyphenation does, which is
what an extractor must undo. Only plain alphabetic words are split, so a word that contains a
hyphen of its own (``high-level``) never ends a line with its hyphen and the gold text stays
unambiguous.
"""
from __future__ import annotations

__all__ = ["hyphen_points"]

_VOWELS = set("aeiouy")


def hyphen_points(word: str) -> list[int]:
    """Offsets where ``word`` may be split (at least 3 letters before, 4 after)."""
    core = word.rstrip(".,;:")
    if len(core) < 8 or not core.isalpha() or not core.islower():
        return []
    cuts = []
    for i in range(3, len(core) - 3):
        a, b, c = core[i - 1], core[i], core[i + 1]
        # Split vowel|consonant-vowel ("commu|ni") and consonant|consonant ("har|ness").
        if (a in _VOWELS and b not in _VOWELS and c in _VOWELS) or \
                (a not in _VOWELS and b not in _VOWELS and a != b and a not in "hwy" and b not in "hr"):
            cuts.append(i)
    return cuts
