"""The pdfium character source: the same :class:`~lineage.read.pdf.records.PageData` as the
pdfplumber source (``plumber``), read through pdfium's text API (``pypdfium2.raw``), about
twenty times faster.

Geometry is pdfminer's, so that the layout logic sees the same numbers whichever engine read
the page: a glyph's box runs from its origin to origin + advance width horizontally and from
baseline + font descent to that + font size vertically, transformed by the glyph's matrix and
the page rotation; ``top`` is measured from the top of the (rotated) MediaBox.

pdfium's text page is an interpretation of the glyphs, which this module undoes:
- characters it generated (spaces and line breaks it guessed) are skipped;
- a line-end hyphen it marked (code 0x2) is given back as ``-``;
- a glyph without a Unicode value becomes pdfminer's ``(cid:N)`` placeholder, so the garbage
  test (``script.is_garbage``) treats both engines alike.
"""
from __future__ import annotations

import ctypes
import re
import struct
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Container, Iterator

import pypdfium2  # noqa: F401  (importing the package initialises the pdfium library)
import pypdfium2.raw as pdfium

from lineage.errors import PdfError
from lineage.read.pdf.records import Char, PageData, Rule
from lineage.read.pdf.rules import is_rule, page_share

__all__ = ["open_document", "iter_pages", "page_record", "PdfiumDocument"]

# pdfium's page object types (fpdf_edit.h).
_TEXT, _PATH, _IMAGE, _SHADING, _FORM = 1, 2, 3, 4, 5
# Path segment types (fpdf_edit.h).
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2
# Form XObjects nest; deeper than this is no real document (and a cycle pdfium did not catch).
MAX_FORM_DEPTH = 32
# pdfium's default page size when a page has no /MediaBox (US Letter), as viewers use.
_LETTER = (0.0, 0.0, 612.0, 792.0)

_ERRORS = {
    1: "truncated or corrupt PDF (pdfium: unknown error)",
    2: "cannot open the file",
    3: "truncated or corrupt PDF (pdfium: not in PDF format or corrupted)",
    4: "encrypted: the PDF needs a password to open (a user password); cannot extract its text",
    5: "encrypted with a method that cannot be read (pdfium: unsupported security scheme)",
    6: "truncated or corrupt PDF (pdfium: page not found or content error)",
}


class PdfiumDocument:
    """An open pdfium document handle; :meth:`close` is safe to call twice and never raises."""

    def __init__(self, handle: object, path: Path) -> None:
        self.handle = handle
        self.path = path
        # The last page read, held open until the next one is read (see iter_pages); closed
        # before the document, whoever stops first.
        self.held: object = None

    def page_count(self) -> int:
        return int(pdfium.FPDF_GetPageCount(self.handle))

    def hold(self, page: object) -> None:
        """Keep ``page`` open in place of the page held so far (which is closed)."""
        held, self.held = self.held, page
        if held is not None:
            pdfium.FPDF_ClosePage(held)

    def close(self) -> None:
        if self.handle is not None:
            self.hold(None)
            handle, self.handle = self.handle, None
            pdfium.FPDF_CloseDocument(handle)


@contextmanager
def open_document(path: Path) -> Iterator[PdfiumDocument]:
    """Open ``path`` with pdfium. Permissions-only encryption (empty user password) opens."""
    handle = pdfium.FPDF_LoadDocument((str(path) + "\x00").encode("utf-8", "surrogateescape"), None)
    if not handle:
        code = int(pdfium.FPDF_GetLastError())
        raise PdfError(_ERRORS.get(code, f"truncated or corrupt PDF (pdfium error {code})"), path)
    doc = PdfiumDocument(handle, path)
    try:
        yield doc
    finally:
        doc.close()


def iter_pages(doc: PdfiumDocument, path: Path, share: tuple[int, int] = (0, 1)) -> Iterator[PageData]:
    """Yield pages one at a time; each page's pdfium objects are released before the next.
    ``share``: ``(part, count)``, only every ``count``-th page from index ``part``."""
    n = doc.page_count()
    if n <= 0:
        raise PdfError("the PDF has no pages (its page tree is empty)", path)
    fonts = _Fonts()
    try:
        for i in range(share[0], n, share[1]):
            page = pdfium.FPDF_LoadPage(doc.handle, i)
            if not page:
                raise PdfError(f"page {i + 1}: truncated or corrupt PDF (pdfium cannot load the page)", path)
            try:
                record = page_record(page, i + 1, fonts)
            finally:
                # The page stays open while the next is read, so that the fonts the two share
                # are alive throughout and keep their addresses (see _Fonts).
                doc.hold(page)
            yield record
    finally:
        if doc.handle is not None:
            doc.hold(None)


def _page_frame(page: object) -> tuple[tuple[float, float, float, float, float, float], float, float]:
    """The matrix from PDF user space to the displayed page (rotation applied, MediaBox
    corner at the origin; pdfminer's page CTM) and the displayed width and height."""
    # The page's box as pdfium resolves it: /MediaBox inherited from the page tree (US Letter
    # when there is none), cut to /CropBox when the page has one. (FPDFPage_GetMediaBox reads
    # the page's own dictionary only and misses an inherited box.)
    box = pdfium.FS_RECTF()
    if pdfium.FPDF_GetPageBoundingBox(page, box):
        x0, x1 = sorted((box.left, box.right))
        y0, y1 = sorted((box.bottom, box.top))
    else:
        x0, y0, x1, y1 = _LETTER
    rot = int(pdfium.FPDFPage_GetRotation(page)) % 4
    if rot == 1:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1), y1 - y0, x1 - x0
    if rot == 2:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1), x1 - x0, y1 - y0
    if rot == 3:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0), y1 - y0, x1 - x0
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0), x1 - x0, y1 - y0


def _mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, float, float, float, float, float]:
    """``m`` then ``n`` (row-vector convention, as PDF writes matrices)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class _FontInfo:
    __slots__ = ("name", "descent", "widths", "glyphs", "handle")

    def __init__(self, key: int) -> None:
        self.handle = ctypes.c_void_p(key)
        typed = ctypes.cast(key, pdfium.FPDF_FONT)
        size = pdfium.FPDFFont_GetBaseFontName(typed, None, 0)
        buf = ctypes.create_string_buffer(max(1, size))
        pdfium.FPDFFont_GetBaseFontName(typed, buf, size)
        self.name = buf.value.decode("utf-8", "replace")
        d = ctypes.c_float()
        descent = d.value if pdfium.FPDFFont_GetDescent(typed, ctypes.c_float(1000.0), d) else 0.0
        # pdfminer turns a positive /Descent (a producer's sign error) negative; so do we.
        self.descent = -abs(descent) / 1000.0
        self.widths: dict[int, float] = {}
        # Character code -> (text, advance width): see _glyph.
        self.glyphs: dict[int, tuple[str, float]] = {}

    def width(self, code: int) -> float:
        """Advance width of the character with Unicode value ``code``, per unit of font size."""
        w = self.widths.get(code)
        if w is None:
            out = ctypes.c_float()
            ok = _glyph_width(self.handle, ctypes.c_uint(code), _ONE, ctypes.byref(out))
            w = self.widths[code] = out.value if ok else 0.0
        return w


class _Fonts:
    """The fonts met on the page being read and on the page before, by the address of
    pdfium's font (``FPDF_FONT``, a ``CPDF_Font*``), with their glyph caches: asking a font
    for a glyph's width loads the glyph, about 10 us each, and consecutive pages share most
    fonts (1,860 of the 1,966 font uses of the 308-page fixture).

    An address names one font only while that font is alive: once freed, another font may
    be built at the same address, and a cache keyed by it across pages would give the new
    font the old one's widths. So the cache holds only fonts of pages that are open: a text
    object holds a reference to its font, and :func:`iter_pages` keeps the previous page
    open until the next one has been read; a font met on the previous page is therefore
    still alive, and a font met now at its address is that same font. Fonts of older pages
    are dropped (:meth:`next_page`) before their page closes."""

    __slots__ = ("current", "previous")

    def __init__(self) -> None:
        self.current: dict[int, _FontInfo] = {}
        self.previous: dict[int, _FontInfo] = {}

    def next_page(self) -> None:
        """Start a page: keep the fonts of the page just read (open until this one is read)."""
        self.previous, self.current = self.current, {}

    def get(self, key: int) -> _FontInfo:
        font = self.current.get(key)
        if font is None:
            font = self.previous.get(key)
            if font is None:
                font = _FontInfo(key)
            self.current[key] = font
        return font


def page_record(page: object, number: int, fonts: _Fonts | None = None) -> PageData:
    """Convert one pdfium page to a typed record (glyphs, thin horizontal rules, images).
    ``fonts``: the font cache of the pages read before (see :class:`_Fonts`)."""
    ctm, width, height = _page_frame(page)
    text_objects: dict[int, tuple] = {}
    if fonts is None:
        fonts = _Fonts()
    fonts.next_page()
    chars = _chars(page, ctm, height, text_objects, fonts)
    rules: list[Rule] = []
    images: list[tuple[float, float, float, float]] = []
    has_images = _walk_objects(page, ctm, height, rules, images, text_objects)
    cover = max((page_share(*box, width, height) for box in images), default=0.0)
    return PageData(number=number, width=width, height=height, chars=tuple(chars), rules=tuple(rules),
                    has_images=has_images, image_cover=cover)


def _chars(page: object, ctm: tuple[float, ...], height: float, objects: dict[int, tuple],
           fonts: _Fonts) -> list[Char]:
    text_page = pdfium.FPDFText_LoadPage(page)
    if not text_page:
        return []
    try:
        return _read_chars(text_page, ctm, height, objects, fonts)
    finally:
        pdfium.FPDFText_ClosePage(text_page)


def _address(func: Any) -> int:
    address = ctypes.cast(func, ctypes.c_void_p).value
    assert address is not None  # a symbol pypdfium2 bound: never a null pointer
    return address


def _bare(func: Any, restype: Any) -> Callable[..., Any]:
    """The same pdfium function without argument types, for the per-glyph calls: ctypes then
    passes the arguments as they are (a ``c_void_p`` handle, an ``int`` index, ``byref``
    pointers) without converting each, and pypdfium2's typed handles (a Python object per
    call) are avoided; together most of the time of a per-glyph loop. Only for functions
    whose arguments are pointers and C ints: a bare call passes a Python int as a C int.
    (:func:`_quick`: the call keeps the GIL.)"""
    return _quick(restype)(_address(func))


def _quick(restype: Any, *argtypes: Any) -> Any:
    """A function prototype whose calls keep the GIL: releasing and taking it back costs
    about a sixth of a short call (cachegrind: 2,900 -> 2,500 instructions a call), and the
    per-glyph and per-object calls are short lookups that never call back into Python."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)


# Object handles come back as plain integers (keys of the per-object cache); an index is a C int.
_get_object = _bare(pdfium.FPDFText_GetTextObject, ctypes.c_size_t)
# Its answer (whether the index was valid: it always is here) is not read, so not converted.
_get_origin = _bare(pdfium.FPDFText_GetCharOrigin, None)
_get_unicode = _bare(pdfium.FPDFText_GetUnicode, ctypes.c_uint)
_map_error = _bare(pdfium.FPDFText_HasUnicodeMapError, ctypes.c_int)
_get_matrix = _bare(pdfium.FPDFText_GetMatrix, ctypes.c_int)
# Called with an object's integer key: a declared pointer argument converts it faster than
# wrapping it in a c_void_p for a bare call.
_font_size = _quick(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(
    _address(pdfium.FPDFTextObj_GetFontSize))
_get_font = _quick(ctypes.c_size_t, ctypes.c_void_p)(_address(pdfium.FPDFTextObj_GetFont))
_glyph_width = _bare(pdfium.FPDFFont_GetGlyphWidth, ctypes.c_int)
_page_object = _bare(pdfium.FPDFPage_GetObject, ctypes.c_size_t)
_object_type = _bare(pdfium.FPDFPageObj_GetType, ctypes.c_int)
# The index is an unsigned long: passed converted, as a bare call would pass a C int.
_form_object = _quick(ctypes.c_size_t, ctypes.c_void_p, ctypes.c_ulong)(
    _address(pdfium.FPDFFormObj_GetObject))
_ONE = ctypes.c_float(1.0)
_loose_box = _bare(pdfium.FPDFText_GetLooseCharBox, ctypes.c_int)
# A gap wider than this share of the glyph height between two glyphs of one text object on one
# baseline, neither a space, is checked against pdfium's own box of the first glyph (below).
_GAP_CHECK = 0.1
_new_char = tuple.__new__  # Char(...) without the named tuple's Python-level __new__


def _page_text(tp: object, n: int) -> list[int] | None:
    """The code of every character of the text page, read in one call (UTF-16 units map one
    to one onto characters unless the page has characters beyond the BMP: then None)."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = max(0, pdfium.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))) - 1)
    if got != n or _SURROGATE.search(ctypes.string_at(buf, 2 * n).decode("utf-16-le", "surrogatepass")):
        return None
    return buf[:n]


# A surrogate code unit, paired (decoded into one character beyond the BMP) or alone.
_SURROGATE = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


def _glyph(font: _FontInfo, vp: Any, i: int, code: int) -> tuple[str, float]:
    """The text and advance width (per unit of font size) of character ``i``, whose code is
    ``code``; the same for every glyph of one font and code, so asked once for each."""
    if code == 2:
        return "-", font.width(0x2D)  # pdfium marks a line-end hyphen (- or soft hyphen) with 0x2
    if _map_error(vp, i):
        # pdfium gives a glyph without a Unicode value its character code.
        text = f"(cid:{code})"
    elif 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        text = "\ufffd"  # no character (a lone surrogate): the garbage test counts it
    else:
        text = chr(code)
    return text, font.width(code)


def _read_chars(tp: Any, ctm: tuple[float, ...], height: float, objects: dict[int, tuple],
                fonts: _Fonts) -> list[Char]:
    """The glyphs of a text page; ``objects`` gets the text objects they belong to."""
    n = pdfium.FPDFText_CountChars(tp)
    # The text page's handle as a ready-made pointer argument: a c_void_p handle is turned
    # into a new argument object on every call, a reference to memory at its address is not.
    at = ctypes.c_char.from_address(ctypes.cast(tp, ctypes.c_void_p).value or 0)
    vp = ctypes.byref(at)
    codes = _page_text(tp, n)
    if codes is None:
        codes = [_get_unicode(vp, i) for i in range(n)]
    ox, oy = ctypes.c_double(), ctypes.c_double()
    p_ox, p_oy = ctypes.byref(ox), ctypes.byref(oy)
    upright_page = tuple(ctm[:4]) == (1.0, 0.0, 0.0, 1.0)
    # The out-parameters of the per-object calls side by side, read back in one unpack.
    answers = _Answers()
    p_matrix, p_size = ctypes.byref(answers), ctypes.addressof(answers) + _Answers.size.offset
    get_matrix, font_size, get_font = _get_matrix, _font_size, _get_font
    # The answers of the objects met so far on this page -> what their glyphs share: a page
    # with one text object per glyph has few distinct answers. (Font addresses stay valid
    # while the page is open.)
    shared: dict[tuple, tuple] = {}
    out: list[Char] = []
    append = out.append
    get_object, get_origin, new = _get_object, _get_origin, _new_char
    last_key = last_info = None
    a = b = c = d = fs = dy0 = dy1 = top = bottom = size = gap_limit = 0.0
    last_y: float | None = None
    upright = plain = True
    font: _FontInfo | None = None
    name = ""
    glyphs: dict[int, tuple[str, float]] = {}
    advances: dict[int, tuple[str, float, float]] = {}
    c0, c1, c2, c3, c4, c5 = ctm
    loose = pdfium.FS_RECTF()
    p_loose = ctypes.byref(loose)
    prev_key = prev_y = None  # the object and baseline of the last plain glyph appended
    prev_i = 0
    prev_x1 = 0.0  # the right edge and text of the last glyph appended
    prev_text = ""
    for i in range(n):
        key = get_object(vp, i)
        if not key:
            continue  # a space or line break pdfium generated: no glyph was printed there
        if key != last_key:
            info = objects.get(key)
            if info is None:
                # The calls first, then the unpack of what they wrote (left to right).
                asked = (get_matrix(vp, i, p_matrix), font_size(key, p_size), get_font(key), _unpack_answers(answers))
                info = shared.get(asked)
                if info is None:
                    info = shared[asked] = (*_object_info(asked, ctm, upright_page, fonts), {})
                objects[key] = info
            if info is not last_info:
                # A new kind of object (consecutive objects of one kind, as one per glyph
                # makes them, keep what was worked out for the last one, its vertical
                # extent on the baseline included).
                a, b, c, d, upright, fs, font, name, glyphs, dy0, dy1, plain, advances = info
                last_info = info
                last_y = None
            last_key = key
        code = codes[i]
        if code == 0xFFFE:
            code = _get_unicode(vp, i)  # the text buffer holds 0xFFFE for pdfium's marks
        g = advances.get(code)
        if g is None:
            # Per object kind (font, size, matrix): the text, the advance (width times size)
            # and its horizontal extent on the page (times the matrix's a), as the general
            # transform below multiplies them.
            t = glyphs.get(code)
            if t is None:
                t = glyphs[code] = _glyph(font, vp, i, code)  # type: ignore[arg-type]
            adv = t[1] * fs
            g = advances[code] = (t[0], adv, a * adv)
        text, adv, wide = g
        get_origin(vp, i, p_ox, p_oy)
        if plain:
            x0 = ox.value + c4
            x1 = x0 + wide
            if x1 < x0:
                x0, x1 = x1, x0
            uy = oy.value
            if uy != last_y:
                # The vertical extent is the same for the glyphs of one object on one
                # baseline (a whole line, most often): worked out once for them.
                Y = uy + c5
                y0, y1 = Y + d * dy0, Y + d * dy1
                if y1 < y0:
                    y0, y1 = y1, y0
                top, bottom, size = height - y1, height - y0, y1 - y0
                gap_limit = _GAP_CHECK * size
                last_y = uy
            if key == prev_key and uy == prev_y:
                if x0 - prev_x1 > gap_limit and text != " " and prev_text != " ":
                    # The width came from the font by the glyph's Unicode value, which pdfium
                    # maps back to a character code: under a ToUnicode map that gives two
                    # glyphs one value (a K printed from a glyph mapped to "u"), that is the
                    # other glyph's width, and a space would appear inside the word. pdfium's
                    # loose box of the glyph itself has its true advance; asked only where
                    # such a gap shows.
                    prev = out[-1]
                    if _loose_box(vp, prev_i, p_loose) and a > 0:
                        right = loose.right + c4
                        if right > prev[2]:
                            out[-1] = new(Char, (prev[0], prev[1], min(right, x0), *prev[3:]))
            else:
                prev_key, prev_y = key, uy
            prev_i, prev_x1, prev_text = i, x1, text
            append(new(Char, (text, x0, x1, top, bottom, size, name, upright)))
            continue
        prev_key = None
        ux, uy = ox.value, oy.value
        X = ux * c0 + uy * c2 + c4
        Y = ux * c1 + uy * c3 + c5
        x0, y0 = X + c * dy0, Y + d * dy0
        x1, y1 = X + a * adv + c * dy1, Y + b * adv + d * dy1
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        append(new(Char, (text, x0, x1, height - y1, height - y0, y1 - y0, name, upright)))
    return out


class _Answers(ctypes.Structure):
    """Where the per-object calls write: a text object's matrix (``FS_MATRIX``) and font size."""

    _fields_ = [("matrix", pdfium.FS_MATRIX), ("size", ctypes.c_float)]


# The matrix's a, b, c, d and the font size (its e and f skipped: the position is per glyph).
_unpack_answers = struct.Struct("4f8xf").unpack_from
assert struct.calcsize("4f8x") == _Answers.size.offset


def _object_info(asked: tuple[int, int, int, tuple[float, float, float, float, float]], ctm: tuple[float, ...],
                 upright_page: bool, fonts: _Fonts) -> tuple:
    """What every glyph of one text object shares, from pdfium's answers about it
    (``FPDFText_GetMatrix`` and ``FPDFTextObj_GetFontSize`` succeeded, its font, the matrix's
    four numbers and the size): its matrix (with the page frame), whether it is upright, its
    font size and font, the font's name and glyph cache, the vertical extent of its glyph
    boxes, and whether its glyphs need the general transform. ``upright_page``: the page has
    no /Rotate (user space maps to the page by a shift only)."""
    has_matrix, has_size, fkey, (ma, mb, mc, md, size) = asked
    if not has_matrix:
        ma, mb, mc, md = 1.0, 0.0, 0.0, 1.0
    if upright_page:
        # _mul with the upright frame, written out (x * 1.0 is x exactly).
        a, b, c, d = ma + mb * 0.0, ma * 0.0 + mb, mc + md * 0.0, mc * 0.0 + md
    else:
        a, b, c, d, _, _ = _mul((ma, mb, mc, md, 0.0, 0.0), (*ctm[:4], 0.0, 0.0))
    fs = size if has_size else 0.0
    font = fonts.get(fkey)
    # The glyph box in text space relative to the origin runs from (0, descent) to
    # (advance, descent + size); it goes through the glyph's matrix.
    dy0 = font.descent * fs
    # Unrotated, unskewed text on an upright page (nearly every glyph): the general
    # transform of _read_chars with its zero terms left out gives the same numbers.
    plain = upright_page and b == 0.0 and c == 0.0
    return a, b, c, d, a * d > 0 and b * c <= 0, fs, font, font.name, font.glyphs, dy0, dy0 + fs, plain


def _walk_objects(page: Any, ctm: tuple[float, ...], height: float, rules: list[Rule],
                  images: list[tuple[float, float, float, float]], text_objects: Container[int] = ()) -> bool:
    """Collect the page's rules (straight lines and rectangles, as pdfminer classifies paths)
    into ``rules`` and its images' boxes (``x0, x1, top, bottom``) into ``images``; return
    whether the page shows an image. Form XObjects are entered. ``text_objects`` are objects
    known to be text (a page may have one per word), passed over without asking pdfium."""
    has_images = False
    # The page as a ready-made pointer argument of the bare _page_object (see _read_chars).
    owner: Any = ctypes.byref(ctypes.c_char.from_address(ctypes.cast(page, ctypes.c_void_p).value or 0))
    stack: list[tuple[int, Callable[[Any, int], int], Any, tuple[float, ...], int]] = [
        (pdfium.FPDFPage_CountObjects(page), _page_object, owner, ctm, 0)]
    while stack:
        count, get, owner, frame, depth = stack.pop()
        for k in range(count):
            key = get(owner, k)
            if not key or key in text_objects:
                continue
            kind = _object_type(ctypes.c_void_p(key))
            if kind == _TEXT:
                continue
            obj = ctypes.cast(key, pdfium.FPDF_PAGEOBJECT)
            if kind == _IMAGE:
                has_images = True
                box = _image_box(obj, frame, height)
                if box is not None:
                    images.append(box)
            elif kind == _PATH:
                _path_rules(obj, frame, height, rules)
            elif kind == _FORM and depth < MAX_FORM_DEPTH:
                m = pdfium.FS_MATRIX()
                pdfium.FPDFPageObj_GetMatrix(obj, m)
                inner = _mul((m.a, m.b, m.c, m.d, m.e, m.f), frame)
                stack.append((pdfium.FPDFFormObj_CountObjects(obj), _form_object, ctypes.c_void_p(key),
                              inner, depth + 1))
    return has_images


def _image_box(obj: object, frame: tuple[float, ...], height: float) -> tuple[float, float, float, float] | None:
    """An image's box on the displayed page (``x0, x1, top, bottom``), as pdfminer gives it:
    its bounds in the coordinates of its container, through the frame of that container."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    corners = [(px * frame[0] + py * frame[2] + frame[4], px * frame[1] + py * frame[3] + frame[5])
               for px in (left.value, right.value) for py in (bottom.value, top.value)]
    xs = [q[0] for q in corners]
    ys = [q[1] for q in corners]
    return min(xs), max(xs), height - max(ys), height - min(ys)


def _path_rules(obj: object, frame: tuple[float, ...], height: float, rules: list[Rule]) -> None:
    """pdfminer paints each subpath of a path on its own: two points joined by a line is a
    line, four or five points on an axis-aligned rectangle a rectangle; their boxes are rule
    candidates (curves never are)."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill, stroke) or (not fill.value and not stroke.value):
        return  # an invisible path (a clip or `n`): pdfminer does not paint it
    m = pdfium.FS_MATRIX()
    pdfium.FPDFPageObj_GetMatrix(obj, m)
    full = _mul((m.a, m.b, m.c, m.d, m.e, m.f), frame)
    n = pdfium.FPDFPath_CountSegments(obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    sub: list[tuple[float, float]] = []
    closed = curved = False
    for k in range(n + 1):
        seg = pdfium.FPDFPath_GetPathSegment(obj, k) if k < n else None
        kind = pdfium.FPDFPathSegment_GetType(seg) if seg else _MOVETO
        if kind == _MOVETO and sub:
            if not curved:
                _subpath_rule(sub, closed, height, rules)
            sub, closed, curved = [], False, False
        if not seg:
            break
        if kind == _BEZIERTO:
            curved = True
        pdfium.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = x.value, y.value
        sub.append((px * full[0] + py * full[2] + full[4], px * full[1] + py * full[3] + full[5]))
        closed = closed or bool(pdfium.FPDFPathSegment_GetClose(seg))


def _subpath_rule(points: list[tuple[float, float]], closed: bool, height: float, rules: list[Rule]) -> None:
    if closed and len(points) > 2 and points[-1] == points[0]:
        points = points[:-1]  # a closing segment drawn back to the start
    if len(points) == 4:
        p = points
        axis = (p[0][0] == p[1][0] and p[1][1] == p[2][1] and p[2][0] == p[3][0] and p[3][1] == p[0][1]) or (
            p[0][1] == p[1][1] and p[1][0] == p[2][0] and p[2][1] == p[3][1] and p[3][0] == p[0][0])
        if not axis:
            return
    elif len(points) != 2:
        return
    xs = [q[0] for q in points]
    ys = [q[1] for q in points]
    x0, x1, top, bottom = min(xs), max(xs), height - max(ys), height - min(ys)
    if is_rule(x0, x1, top, bottom):
        rules.append(Rule(x0, x1, top, bottom))
