"""Hand-written hostile PDFs for the resource-limit tests (tests/test_pdf_limits.py): each
one a few hundred bytes (the bomb: about a megabyte) with a correct cross-reference table,
so that the library reads the damage we meant and not a repair of it."""
from __future__ import annotations

import os
import random
import struct
import zlib
from pathlib import Path
from typing import Callable, NoReturn

__all__ = ["write_pdf", "simple_page_objects", "HOSTILE", "byte_mutants", "hang_on_page"]

_CONTENT = b"BT /F1 12 Tf 72 720 Td (Hello hostile world) Tj ET"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def write_pdf(path: Path, objects: dict[int, bytes], root: int = 1) -> Path:
    """Write objects ``{number: body}`` (body is the bytes between ``obj`` and ``endobj``)
    with an xref table that points at each."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def simple_page_objects(page: bytes | None = None, content: bytes = _CONTENT) -> dict[int, bytes]:
    """Catalog 1, Pages 2, Page 3, content 4, font 5: a one-page PDF that reads fine."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: page or b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                   b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: _stream(content),
        5: _FONT,
    }


def no_mediabox(path: Path) -> Path:
    return write_pdf(path, simple_page_objects(
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"))


def self_length(path: Path) -> Path:
    """The content stream's /Length is a reference to the stream's own object."""
    objs = simple_page_objects()
    objs[4] = b"<< /Length 4 0 R >>\nstream\n" + _CONTENT + b"\nendstream"
    return write_pdf(path, objs)


def self_mediabox(path: Path) -> Path:
    """``/MediaBox 6 0 R`` where object 6 is ``6 0 R``: a reference to itself."""
    objs = simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 4 0 R "
                               b"/Resources << /Font << /F1 5 0 R >> >> >>")
    objs[6] = b"6 0 R"
    return write_pdf(path, objs)


def self_resources(path: Path) -> Path:
    objs = simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                               b"/Resources 6 0 R >>")
    objs[6] = b"6 0 R"
    return write_pdf(path, objs)


def parent_cycle(path: Path) -> Path:
    """A Pages node that lists itself among its kids."""
    objs = simple_page_objects()
    objs[2] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    return write_pdf(path, objs)


def deep_page_tree(path: Path, depth: int = 3000) -> Path:
    """The one page under ``depth`` levels of /Pages nodes."""
    objs = simple_page_objects()
    first = 10
    objs[2] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % first
    for k in range(depth):
        num = first + k
        kid = first + k + 1 if k + 1 < depth else 3
        objs[num] = b"<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (num - 1 if k else 2, kid)
    return write_pdf(path, objs)


def deep_form_nesting(path: Path, depth: int = 3000) -> Path:
    """Form XObjects each drawing the next, ``depth`` deep, the last drawing the first."""
    objs = simple_page_objects(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                               b"/Resources << /XObject << /X 10 0 R >> /Font << /F1 5 0 R >> >> >>",
                               content=b"/X Do " + _CONTENT)
    for k in range(depth):
        nxt = 10 + (k + 1) % depth
        objs[10 + k] = _stream(b"/X Do", b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                         b"/Resources << /XObject << /X %d 0 R >> >> " % nxt)
    return write_pdf(path, objs)


def bomb(path: Path, inflated: int = 1 << 30) -> Path:
    """A content stream that inflates to ``inflated`` bytes of spaces (a whole number of MiB;
    about 1 MB on disk for 1 GiB). Made without compressing a gigabyte: after a sync flush
    the deflate state of a run of spaces repeats, so the second block's bytes stand for every
    further MiB; the trailer carries the true Adler-32."""
    chunk = b" " * (1 << 20)
    n = max(1, inflated // len(chunk))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(chunk) + comp.flush(zlib.Z_SYNC_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_SYNC_FLUSH)
    tail = comp.flush()
    adler = 1
    for _ in range(n):
        adler = zlib.adler32(chunk, adler)
    data = b"\x78\xda" + first + again * (n - 1) + tail + struct.pack(">I", adler)
    objs = simple_page_objects()
    objs[4] = _stream(data, b"/Filter /FlateDecode ")
    return write_pdf(path, objs)


HOSTILE = {
    "no-mediabox": no_mediabox,
    "self-length": self_length,
    "self-mediabox": self_mediabox,
    "self-resources": self_resources,
    "parent-cycle": parent_cycle,
    "deep-page-tree": deep_page_tree,
    "deep-form-nesting": deep_form_nesting,
}


def byte_mutants(sources: list[Path], seed: int, count: int, *,
                 in_place: bool = False) -> list[tuple[str, bytes]]:
    """``count`` seeded mutants of the PDFs ``sources`` (name, bytes): each one of them with 1
    to 20 bytes changed, runs of bytes cut out or random bytes put in. ``in_place``: bytes
    changed only, so that the cross-reference table still points at every object and the
    damage is inside objects and streams (fonts, contents)."""
    rng = random.Random(seed)
    out = []
    for k in range(count):
        src = rng.choice(sources)
        data = bytearray(src.read_bytes())
        for _ in range(rng.randint(1, 20)):
            op = 0.0 if in_place else rng.random()
            i = rng.randrange(len(data))
            if op < 0.6:
                data[i] = rng.randrange(256)
            elif op < 0.8:
                del data[i:i + rng.randint(1, 64)]
            else:
                data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        out.append((f"{src.stem}-{k}", bytes(data)))
    return out


def hang_on_page(progress: Callable[[int], None], page: int, marker: Path) -> NoReturn:
    """A reading child that never finishes page ``page`` (as pdfium looping on a malformed
    page would), its process id written to ``marker`` first (a file, or a folder to add a
    file named by it to), so that a test can check it is gone."""
    pid = str(os.getpid())
    if marker.is_dir():
        (marker / pid).touch()
    else:
        marker.write_text(pid)
    progress(page)
    while True:
        pass
