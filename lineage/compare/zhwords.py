"""Chinese words as jieba cuts them (its dictionary, no HMM), without loading jieba per run.

jieba keeps its dictionary (349,046 words; 498,113 keys with every prefix) in one dict that it
loads on each run: 0.9 s of CPU and 57 MiB, for a diff that asks about a few dozen positions.
Here the same keys and counts live in a cache file, split into one bucket per first character;
a lookup loads only the buckets of the characters it meets (a Chinese diff of two resolutions
loads a few hundred of them). The file is built once per dictionary file (jieba's bundled
``dict.txt``, read as jieba reads it, without importing jieba) in the cache folder
(:mod:`lineage.read.cache`); where none can be written the dictionary is held in memory instead.

The segmentation is jieba's accurate mode without its HMM guesser: the dictionary words that
start at each character form a graph; the path whose words have the highest product of
frequencies (``log(count or 1) - log(total)`` per word; on a tie the longer word) is the cut;
single ASCII letters or digits in a row are glued into one word. ``tests/test_zhwords.py``
checks that the cuts equal ``jieba.Tokenizer().cut(..., HMM=False)`` on every run of the
corpus's Chinese texts.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import math
import os
import re
from functools import lru_cache
from pathlib import Path

from lineage.read.cache import cache_dir, write_cache
from lineage.script.chars import SEGMENTER_RUN

__all__ = ["ASCII_ALNUM", "HAN_RUN", "ZhDictionary", "jieba_dictionary", "parse_dictionary", "run_boundaries"]

# jieba's blocks (``jieba.re_han_default``): it cuts each run of these on its own and yields
# every other character as a word of its own.
HAN_RUN = re.compile(f"[{SEGMENTER_RUN}]+")
# Single characters of this class in a row are one word (jieba's ``re_eng``).
ASCII_ALNUM = re.compile("[a-zA-Z0-9]")

_MAGIC = b"lineage-zhwords/2\n"
_LENGTH_BYTES = 8


def _jieba_dict_file() -> Path:
    """jieba's bundled dictionary, found without importing jieba (whose import alone costs
    0.15 s: it loads pkg_resources and its HMM tables)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def parse_dictionary(dict_file: Path) -> tuple[dict[str, int], int]:
    """Keys (words and their prefixes, count 0 for a prefix that is no word) and total count,
    as jieba's ``Tokenizer.gen_pfdict`` computes them from lines ``WORD COUNT [TAG]`` (a word
    listed twice keeps its last count; the total counts both)."""
    freq: dict[str, int] = {}
    total = 0
    with open(dict_file, "rb") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip().decode("utf-8")
            try:
                word, count_text = line.split(" ")[:2]
                count = int(count_text)
            except ValueError:
                raise ValueError(f"{dict_file}:{number}: not 'WORD COUNT': {line!r}") from None
            freq[word] = count
            total += count
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return freq, total


def _serialise(freq: dict[str, int], total: int) -> bytes:
    buckets: dict[str, dict[str, int]] = {}
    for key, count in freq.items():
        buckets.setdefault(key[0], {})[key] = count
    blobs: list[bytes] = []
    index: dict[str, tuple[int, int]] = {}
    at = 0
    for first in sorted(buckets):
        blob = marshal.dumps(buckets[first])
        index[first] = (at, len(blob))
        blobs.append(blob)
        at += len(blob)
    header = marshal.dumps((total, max(map(len, freq)), index, at))
    return b"".join([_MAGIC, len(header).to_bytes(_LENGTH_BYTES, "little"), header, *blobs])


class ZhDictionary:
    """jieba's prefix dictionary: ``get(key)`` is the count of word ``key``, 0 when ``key``
    only begins some word, None when it begins none. ``data`` is the serialised form (the
    cache file's bytes); from a ``path``, only its header is kept and buckets are read when
    first needed. A file that is not whole (truncated, another format) raises ValueError."""

    def __init__(self, data: bytes, path: Path | None = None, size: int | None = None) -> None:
        if data[:len(_MAGIC)] != _MAGIC:
            raise ValueError("not a lineage Chinese word dictionary")
        start = len(_MAGIC) + _LENGTH_BYTES
        header = int.from_bytes(data[len(_MAGIC):start], "little")
        try:
            self.total, self.longest, self._index, body = marshal.loads(data[start:start + header])
        except (EOFError, TypeError, ValueError):
            raise ValueError("damaged header") from None
        self._body = start + header
        if (len(data) if size is None else size) != self._body + body:
            raise ValueError("not the size its header says")
        self.log_total = math.log(self.total)
        self._path = path
        self._data = None if path is not None else data
        self._buckets: dict[str, dict[str, int]] = {}

    @classmethod
    def from_file(cls, path: Path) -> ZhDictionary:
        """Read the header now and each bucket when it is first needed."""
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(len(_MAGIC) + _LENGTH_BYTES)
            length = int.from_bytes(head[len(_MAGIC):], "little")
            if head[:len(_MAGIC)] != _MAGIC or length > size:
                raise ValueError("not a lineage Chinese word dictionary")
            return cls(head + f.read(length), path, size)

    def _bucket(self, first: str) -> dict[str, int]:
        bucket = self._buckets.get(first)
        if bucket is None:
            where = self._index.get(first)
            if where is None:
                bucket = {}
            else:
                offset, length = where
                if self._data is not None:
                    blob = self._data[self._body + offset:self._body + offset + length]
                else:
                    assert self._path is not None  # _data is None only when read from a path
                    with open(self._path, "rb") as f:
                        f.seek(self._body + offset)
                        blob = f.read(length)
                bucket = marshal.loads(blob)
            self._buckets[first] = bucket
        return bucket

    def get(self, key: str) -> int | None:
        return self._bucket(key[0]).get(key) if key else None


@lru_cache(maxsize=1)
def jieba_dictionary() -> ZhDictionary:
    """jieba's default dictionary, from the cache (built on first use)."""
    source = _jieba_dict_file()
    stat = source.stat()
    key = hashlib.sha256(f"{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    name = f"zhwords-{key}.bin"
    try:
        return ZhDictionary.from_file(cache_dir() / name)
    except (OSError, ValueError):
        pass  # not built yet, or damaged: build it again
    data = _serialise(*parse_dictionary(source))
    path = write_cache(name, data)
    return ZhDictionary(data) if path is None else ZhDictionary.from_file(path)


def run_boundaries(run: str, words: ZhDictionary) -> list[int]:
    """Offsets in ``run`` (a whole match of :data:`HAN_RUN`) where jieba's words start, 0 first."""
    n = len(run)
    get = words.get
    # best[k]: (log-probability of the best cut of run[k:], end of its first word - 1)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    log_total = words.log_total
    for k in range(n - 1, -1, -1):
        ends = []
        i = k
        count = get(run[k])
        while count is not None:
            if count:
                ends.append(i)
            i += 1
            if i >= n:
                break
            count = get(run[k:i + 1])
        if not ends:
            ends.append(k)
        best[k] = max((math.log(get(run[k:x + 1]) or 1) - log_total + best[x + 1][0], x) for x in ends)
    starts: list[int] = []
    x = 0
    glued = False  # the previous word is a single ASCII letter or digit
    while x < n:
        y = best[x][1] + 1
        single = y - x == 1 and ASCII_ALNUM.match(run, x) is not None
        if not (single and glued):
            starts.append(x)
        glued = single
        x = y
    return starts
