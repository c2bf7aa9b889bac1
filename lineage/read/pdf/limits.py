"""Resource limits for reading an untrusted PDF (docs/security.md, "PDF").

Before any PDF library sees the file, :func:`prescan` reads its bytes once:

- every Flate stream is inflated in bounded chunks and counted, never kept: a stream that
  inflates past ``MAX_STREAM_BYTES``, or streams that together inflate past
  ``MAX_DECODED_BYTES``, stop the reading (a decompression bomb costs a second, not gigabytes);
- objects whose whole body is a reference (``6 0 obj 6 0 R endobj``) are followed as a chain:
  a chain that comes back to itself is a reference cycle (pdfminer loops on one forever), and
  a chain longer than ``MAX_REFERENCE_DEPTH`` is refused too.

While the pages are read (``sandbox``), a page that takes longer than ``PAGE_SECONDS`` or
needs more than ``MEMORY_BYTES`` stops the extraction; so does a page with more than
``MAX_PAGE_GLYPHS`` glyphs (what the layout would hold in memory for one page).

Every breach is a :class:`~lineage.errors.PdfLimitError` naming the limit.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from lineage.errors import PdfLimitError

__all__ = ["Limits", "LIMITS", "prescan"]

_MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 512 * _MIB
    max_stream_bytes: int = 128 * _MIB
    max_decoded_bytes: int = 1024 * _MIB
    max_reference_depth: int = 64
    max_page_glyphs: int = 200_000
    page_seconds: float = 30.0
    memory_bytes: int = 2048 * _MIB


LIMITS = Limits()

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
# An indirect object whose body is nothing but a reference to another object: found from the
# rare literal ``obj`` (a pattern that starts with digits would be tried at every digit of the
# file's binary streams), then its number read from the few bytes before.
_ALIAS = re.compile(rb"obj\s{0,64}(\d{1,10})\s{1,64}(\d{1,5})\s{1,64}R\s{0,64}endobj")
_OBJ_NUMBER = re.compile(rb"(\d{1,10})\s{1,64}(\d{1,5})\s{1,64}$")
_CHUNK = 1 << 16


def _mib(n: int) -> str:
    return f"{n // _MIB} MiB"


def prescan(path: Path, limits: Limits = LIMITS) -> None:
    """Check the bytes of the PDF at ``path`` against the stream and reference limits."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise PdfLimitError(f"the file is {size // _MIB} MiB, over the limit of {_mib(limits.max_file_bytes)} "
                            "per PDF (limit: file size)", path)
    data = path.read_bytes()
    _check_streams(data, path, limits)
    _check_aliases(data, path, limits)


def _check_streams(data: bytes, path: Path, limits: Limits) -> None:
    total = 0
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        pos = start
        if data[max(0, m.start() - 3):m.start()] == b"end":
            continue  # "endstream"
        inflated, used = _inflated_size(data, start, limits.max_stream_bytes)
        if inflated > limits.max_stream_bytes:
            raise PdfLimitError(
                f"a stream at byte {start} inflates past {_mib(limits.max_stream_bytes)} "
                "(limit: decompressed bytes per stream; a decompression bomb?)", path)
        total += inflated
        if total > limits.max_decoded_bytes:
            raise PdfLimitError(
                f"the streams inflate past {_mib(limits.max_decoded_bytes)} in all "
                "(limit: decompressed bytes per PDF)", path)
        pos = start + max(used, 0)


def _inflated_size(data: bytes, start: int, cap: int) -> tuple[int, int]:
    """How many bytes the zlib stream at ``start`` inflates to (stopping just past ``cap``)
    and how many input bytes it used. Not zlib (another filter, encryption): (0, 0)."""
    d = zlib.decompressobj()
    out = 0
    pos = start
    try:
        while not d.eof and out <= cap:
            chunk = d.unconsumed_tail or data[pos:pos + _CHUNK]
            if not d.unconsumed_tail:
                pos += len(chunk)
            if not chunk:
                break
            out += len(d.decompress(chunk, _MIB))
    except zlib.error:
        if out == 0:
            return 0, 0
    used = pos - start - len(d.unused_data) - len(d.unconsumed_tail)
    return out, used


def _check_aliases(data: bytes, path: Path, limits: Limits) -> None:
    alias: dict[tuple[int, int], tuple[int, int]] = {}
    for m in _ALIAS.finditer(data):
        head = _OBJ_NUMBER.search(data, max(0, m.start() - 80), m.start())
        if head:
            alias[(int(head.group(1)), int(head.group(2)))] = (int(m.group(1)), int(m.group(2)))
    for start in alias:
        seen = {start}
        ref = alias[start]
        depth = 1
        while ref in alias:
            if ref in seen:
                raise PdfLimitError(f"object {start[0]} {start[1]} R leads back to itself through references "
                                    "(limit: reference cycles are refused)", path)
            seen.add(ref)
            ref = alias[ref]
            depth += 1
            if depth > limits.max_reference_depth:
                raise PdfLimitError(f"object {start[0]} {start[1]} R is a chain of more than "
                                    f"{limits.max_reference_depth} references (limit: object-reference depth)",
                                    path)
