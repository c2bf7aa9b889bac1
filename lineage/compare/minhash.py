"""MinHash signatures of character shingles, and LSH band keys: the candidate filter for
near-duplicate search ("which sentences of a million reuse most of this one?").

The shingles are the n-grams of :func:`lineage.compare.reuse.ngrams` over the
:func:`~lineage.compare.reuse.comparable` form, the same ones the containment measure counts,
so a candidate found here is verified with :func:`~lineage.compare.reuse.containment`. Two
sentences whose shingle sets have Jaccard similarity ``s`` share at least one band key with
probability ``1 - (1 - s**ROWS)**BANDS``: 0.98 at s = 0.75 (a word or two changed in a
sentence), 0.50 at s = 0.48, 0.05 at s = 0.25.

Our own code rather than datasketch: datasketch pulls in numpy and scipy (tens of MB) for
what is a loop over hash values here; signatures must be stable across processes and
machines (they are stored in the index), so the base hash is CRC-32, not Python's ``hash``.
"""
from __future__ import annotations

import hashlib
import random
import zlib
from typing import Iterable

from lineage.compare.reuse import ngrams

__all__ = ["NUM_PERM", "BANDS", "ROWS", "MIN_SHINGLES", "signature", "band_keys", "text_band_keys"]

BANDS = 8
ROWS = 4
NUM_PERM = BANDS * ROWS
# Fewer shingles than this (a sub-item label, "(a)") say nothing about reuse: no signature.
MIN_SHINGLES = 8
_PRIME = (1 << 61) - 1
_rng = random.Random(20261206)  # fixed: the permutations are part of the index format
_PERMS = tuple((_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERM))


def signature(shingles: Iterable[str]) -> tuple[int, ...] | None:
    """The MinHash signature (``NUM_PERM`` values) of a set of shingles; None when there are
    fewer than ``MIN_SHINGLES``."""
    xs = {zlib.crc32(s.encode("utf-8")) for s in shingles}
    if len(xs) < MIN_SHINGLES:
        return None
    return tuple(min((a * x + b) % _PRIME for x in xs) for a, b in _PERMS)


def band_keys(sig: tuple[int, ...]) -> list[int]:
    """One signed 63-bit key per band (band number included, so bands never collide)."""
    keys = []
    for band in range(BANDS):
        part = sig[band * ROWS:(band + 1) * ROWS]
        raw = hashlib.blake2b(repr((band, part)).encode("ascii"), digest_size=8).digest()
        keys.append(int.from_bytes(raw, "big", signed=True))
    return keys


def text_band_keys(comparable_text: str, n: int) -> list[int]:
    """Band keys of a text already in :func:`~lineage.compare.reuse.comparable` form (empty
    when it is too short to sign)."""
    sig = signature(ngrams(comparable_text, n))
    return band_keys(sig) if sig is not None else []
