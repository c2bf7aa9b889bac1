"""Line breaking, justification and pagination of a UN-style document into drawing operations.

Everything here is plain data: the renderer (``render.py``) only draws the ``Op`` records of
``page.py``.

Layout conventions copied from Word-made UN documents:
- one column, paragraphs justified; Chinese lines stretch the spacing between *every*
  character (each CJK character is placed on its own), English lines stretch word spaces;
- operative paragraphs hang their number at the left margin, the text indented;
  preambular paragraphs are indented on their first line; sub-items hang their label;
- footnotes go to the bottom of the page holding their mark, under a short rule, smaller;
  a paragraph may break across pages with footnotes between its halves;
- running header and footer (``furniture.py``) on every page but the first, which has the
  masthead (``masthead.py``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .furniture import Furniture, draw_furniture
from .page import (
    BODY_BOTTOM,
    BODY_TOP,
    HANG,
    LEFT,
    RIGHT,
    SUB_HANG,
    Ctx,
    Fonts,
    GlyphsOp,
    Measure,
    Op,
    Page,
    RuleOp,
    TextOp,
)
from .textrun import Atom, tokenize

__all__ = ["Block", "FootnoteSpec", "LaidOut", "layout_document"]


@dataclass
class Block:
    """One flow element of the body.

    ``kind``: ``operative`` (hanging ``label``), ``preamble`` (first line indented),
    ``subitem`` (hanging label, deeper indent), ``heading`` (bold, keeps with next),
    ``center``/``center_bold`` (titles), ``plain`` (flush left), ``right`` (closing lines),
    ``spaced`` (letter-spaced title). ``pid`` is the Document paragraph id it belongs to.
    """

    kind: str
    text: str
    label: str | None = None
    marks: list[tuple[int, str]] = field(default_factory=list)
    pid: str | None = None
    space_before: float = 6.0


@dataclass
class FootnoteSpec:
    number: str
    text: str



@dataclass
class LaidOut:
    pages: list[Page]
    para_pages: dict[str, list[int]]
    footnote_pages: dict[str, list[int]]




# ---------------------------------------------------------------------------------------------
# lines
@dataclass
class _Placed:
    atom: Atom
    x: float  # relative to the line start
    width: float


@dataclass
class _Line:
    placed: list[_Placed]
    x0: float  # absolute left of the line
    marks: list[str]
    height: float
    space_before: float = 0.0
    pid: str | None = None
    keep_with_next: bool = False
    extra: list[tuple[float, str, bool]] = field(default_factory=list)  # (x, label, bold)
    size: float = 12.0
    bold: bool = False


class _Typesetter:
    def __init__(self, fonts: Fonts, measure: Measure, hyphenate: Callable[[str], list[int]] | None):
        self.f = fonts
        self.measure = measure
        self.hyphenate = hyphenate

    def font_for(self, atom: Atom, bold: bool) -> str:
        if atom.kind == "cjk":
            return self.f.cjk_bold if bold else self.f.cjk
        return self.f.latin_bold if bold else self.f.latin

    def atom_width(self, atom: Atom, size: float, bold: bool) -> float:
        if atom.kind == "mark":
            return self.measure(atom.text, self.f.latin, size * 0.6)
        w = self.measure(atom.text, self.font_for(atom, bold), size)
        if atom.kind == "cjk":
            w += self.f.cjk_track * size / 12.0
        return w

    def sep_width(self, atom: Atom, size: float) -> float:
        if atom.sep == "gap":
            return 0.25 * size
        if atom.sep == "space":
            return self.measure(" ", self.f.latin, size)
        return 0.0

    def break_lines(self, atoms: list[Atom], widths: list[float], first_w: float, rest_w: float,
                    size: float, bold: bool) -> list[list[tuple[Atom, float]]]:
        """Greedy line filling that only breaks where ``Atom.can_break`` allows; English words
        that do not fit may be hyphenated."""
        lines: list[list[tuple[Atom, float]]] = []
        cur: list[tuple[Atom, float]] = []
        cur_w = 0.0
        avail = first_w
        queue = list(zip(atoms, widths))
        k = 0
        while k < len(queue):
            atom, w = queue[k]
            add = w + (self.sep_width(atom, size) if cur else 0.0)
            if not cur or cur_w + add <= avail + 0.01:
                cur.append((atom, w))
                cur_w += add
                k += 1
                continue
            # Try hyphenating an English word into the remaining room.
            if self.hyphenate and atom.kind == "latin" and atom.can_break:
                split = self._hyphen_split(atom, avail - cur_w - self.sep_width(atom, size), size, bold)
                if split is not None:
                    head, tail = split
                    cur.append((head, self.atom_width(head, size, bold)))
                    queue[k] = (tail, self.atom_width(tail, size, bold))
                    lines.append(cur)
                    cur, cur_w, avail = [], 0.0, rest_w
                    continue
            # Back up to the last allowed break inside the current line.
            j = len(cur)
            while j > 0 and not (atom if j == len(cur) else cur[j][0]).can_break:
                j -= 1
            if j == len(cur):
                lines.append(cur)
                cur, cur_w, avail = [], 0.0, rest_w
                continue
            if j == 0:  # nothing breakable: overfull line, accept it
                cur.append((atom, w))
                cur_w += add
                k += 1
                continue
            carry = cur[j:]
            lines.append(cur[:j])
            cur, avail = [], rest_w
            cur_w = 0.0
            for a, aw in carry:
                cur_w += aw + (self.sep_width(a, size) if cur else 0.0)
                cur.append((a, aw))
        if cur:
            lines.append(cur)
        return lines

    def _hyphen_split(self, atom: Atom, room: float, size: float, bold: bool) -> tuple[Atom, Atom] | None:
        assert self.hyphenate is not None
        best = None
        for cut in self.hyphenate(atom.text):
            head = Atom("latin", atom.text[:cut] + "-", atom.sep, atom.can_break)
            if self.atom_width(head, size, bold) <= room:
                best = (head, Atom("latin", atom.text[cut:], "", True))
        # The hyphen is drawn but is not part of the gold text (the atom's text is).
        return best

    def justify(self, line: list[tuple[Atom, float]], width: float, size: float, last: bool,
                align: str) -> list[_Placed]:
        natural = []
        x = 0.0
        for i, (a, w) in enumerate(line):
            if i:
                x += self.sep_width(a, size)
            natural.append(_Placed(a, x, w))
            x += w
        slack = width - x
        if align == "center":
            for p in natural:
                p.x += slack / 2
            return natural
        if align == "right":
            for p in natural:
                p.x += slack
            return natural
        if last or slack <= 0 or align == "left":
            return natural
        if self.f.english:
            slots = [i for i, (a, _) in enumerate(line) if i and a.sep == "space"]
        else:
            # Word stretches every gap between characters of a justified Chinese line, except
            # around footnote marks, which stay attached to their character.
            slots = [i for i, (a, _) in enumerate(line) if i and a.kind != "mark"
                     and line[i - 1][0].kind != "mark"]
        if not slots:
            return natural
        per = slack / len(slots)
        shift = 0.0
        slot_set = set(slots)
        for i, p in enumerate(natural):
            if i in slot_set:
                shift += per
            p.x += shift
        return natural

    def set_block(self, text: str, marks: list[tuple[int, str]], x_first: float, x_rest: float,
                  right: float, size: float, leading: float, bold: bool = False,
                  align: str = "justify") -> list[_Line]:
        atoms = tokenize(text, marks)
        widths = [self.atom_width(a, size, bold) for a in atoms]
        raw = self.break_lines(atoms, widths, right - x_first, right - x_rest, size, bold)
        out: list[_Line] = []
        for i, line in enumerate(raw):
            x0 = x_first if i == 0 else x_rest
            placed = self.justify(line, right - x0, size, i == len(raw) - 1, align)
            marks_here = [p.atom.text for p in placed if p.atom.kind == "mark"]
            out.append(_Line(placed, x0, marks_here, leading, size=size, bold=bold))
        return out


def _line_ops(ts: _Typesetter, line: _Line, y: float) -> list[Op]:
    ops: list[Op] = []
    size = line.size
    cjk_xs: list[float] = []
    cjk_text = ""

    def flush() -> None:
        nonlocal cjk_xs, cjk_text
        if cjk_text:
            ops.append(GlyphsOp(cjk_xs, y, cjk_text, ts.f.cjk_bold if line.bold else ts.f.cjk, size))
        cjk_xs, cjk_text = [], ""

    for i, p in enumerate(line.placed):
        a = p.atom
        x = line.x0 + p.x
        if a.kind == "cjk":
            cjk_xs.append(x)
            cjk_text += a.text
            continue
        flush()
        if a.kind == "mark":
            ops.append(TextOp(x, y + size * 0.38, a.text, ts.f.latin, size * 0.6))
            continue
        s = a.text
        nxt = line.placed[i + 1].atom if i + 1 < len(line.placed) else None
        if nxt is not None and nxt.sep == "space":
            s += " "  # Word draws the space glyph; the justified next word starts further on
        ops.append(TextOp(x, y, s, ts.font_for(a, line.bold), size))
    flush()
    for lx, label, bold in line.extra:
        ops.append(TextOp(lx, y, label, ts.f.latin_bold if bold else ts.f.latin, size))
    return ops


# ---------------------------------------------------------------------------------------------
# blocks -> lines
def _block_lines(ts: _Typesetter, b: Block) -> list[_Line]:
    f = ts.f
    size, lead = f.size, f.leading
    if b.kind == "operative":
        lines = ts.set_block(b.text, b.marks, LEFT + HANG, LEFT + HANG, RIGHT, size, lead)
        if lines and b.label:
            lines[0].extra.append((LEFT, b.label, False))
    elif b.kind == "preamble":
        indent = 2 * size if not f.english else HANG
        lines = ts.set_block(b.text, b.marks, LEFT + HANG + indent, LEFT + HANG, RIGHT, size, lead)
    elif b.kind == "subitem":
        lines = ts.set_block(b.text, b.marks, LEFT + HANG + SUB_HANG, LEFT + HANG + SUB_HANG, RIGHT, size, lead)
        if lines and b.label:
            lines[0].extra.append((LEFT + HANG, b.label, False))
    elif b.kind == "heading":
        # A long label (the resolution number "80/173.") pushes the text right of it.
        x = LEFT + max(HANG, ts.measure(b.label or "", f.latin_bold, size) + 8.0)
        lines = ts.set_block(b.text, b.marks, x, x, RIGHT, size, lead, bold=True, align="left")
        if b.label:
            lines[0].extra.append((LEFT, b.label, True))
        for ln in lines:
            ln.keep_with_next = True
    elif b.kind in ("center", "center_bold"):
        lines = ts.set_block(b.text, b.marks, LEFT + HANG, LEFT + HANG, RIGHT - HANG, size, lead,
                             bold=b.kind == "center_bold", align="center")
        for ln in lines:
            ln.keep_with_next = True
    elif b.kind == "right":
        lines = ts.set_block(b.text, b.marks, LEFT, LEFT, RIGHT, size, lead, align="right")
    else:  # plain
        lines = ts.set_block(b.text, b.marks, LEFT + HANG, LEFT + HANG, RIGHT, size, lead, align="left"
                             if len(b.text) < 20 else "justify")
    for ln in lines:
        ln.pid = b.pid
    if lines:
        lines[0].space_before = b.space_before
    return lines


def _footnote_lines(ts: _Typesetter, fn: FootnoteSpec) -> list[_Line]:
    f = ts.f
    return ts.set_block(fn.text, [], LEFT + 18, LEFT + 18, RIGHT, f.fn_size, f.fn_leading)



def layout_document(blocks: list[Block], footnotes: list[FootnoteSpec], fonts: Fonts,
                    measure: Measure, furn: Furniture,
                    hyphenate: Callable[[str], list[int]] | None = None) -> LaidOut:
    """Set ``blocks`` into pages; footnotes go to the page of their first mark."""
    ts = _Typesetter(fonts, measure, hyphenate)
    lines: list[_Line] = []
    for b in blocks:
        lines.extend(_block_lines(ts, b))
    fn_by_num = {fn.number: fn for fn in footnotes}
    fn_lines = {fn.number: _footnote_lines(ts, fn) for fn in footnotes}

    pages: list[Page] = []
    para_pages: dict[str, list[int]] = {}
    fn_pages: dict[str, list[int]] = {}

    def new_page() -> tuple[Page, float]:
        page = Page(len(pages) + 1)
        pages.append(page)
        top = BODY_TOP
        if page.number == 1 and furn.masthead is not None:
            top = furn.masthead(Ctx(fonts, measure, page))
        return page, top

    page, y = new_page()
    at_top = True
    page_fns: list[str] = []
    placed_fns: set[str] = set()

    def fn_height(nums: list[str]) -> float:
        if not nums:
            return 0.0
        return 14.0 + sum(len(fn_lines[n]) * fonts.fn_leading + 2.0 for n in nums)

    def finish(page: Page, nums: list[str]) -> None:
        if not nums:
            return
        h = fn_height(nums)
        top = BODY_BOTTOM + h
        page.ops.append(RuleOp(LEFT, top - 4, LEFT + 144, top - 4, 0.5))
        yy = top - 4 - fonts.fn_leading
        for num in nums:
            for i, ln in enumerate(fn_lines[num]):
                if i == 0:  # the footnote's own number, raised like the mark in the text
                    page.ops.append(TextOp(LEFT + 6, yy + fonts.fn_size * 0.35, num, fonts.latin,
                                           fonts.fn_size * 0.7))
                page.ops.extend(_line_ops(ts, ln, yy))
                yy -= fonts.fn_leading
            yy -= 2.0
            fn_pages.setdefault(num, []).append(page.number)
            placed_fns.add(num)

    i = 0
    while i < len(lines):
        ln = lines[i]
        # A heading or title keeps with the first line after it.
        group = [ln]
        j = i
        while lines[j].keep_with_next and j + 1 < len(lines):
            j += 1
            group.append(lines[j])
        need = sum(g.height + (g.space_before if (k or not at_top) else 0.0) for k, g in enumerate(group))
        new_fns = [m for g in group for m in g.marks if m in fn_by_num and m not in placed_fns
                   and m not in page_fns]
        if not at_top and y - need < BODY_BOTTOM + fn_height(page_fns + new_fns):
            finish(page, page_fns)
            page, y = new_page()
            at_top, page_fns = True, []
            continue
        for k, g in enumerate(group):
            if k or not at_top:
                y -= g.space_before
            y -= g.height
            page.ops.extend(_line_ops(ts, g, y + g.height - g.size))
            if g.pid is not None:
                pl = para_pages.setdefault(g.pid, [])
                if page.number not in pl:
                    pl.append(page.number)
            for m in g.marks:
                if m in fn_by_num and m not in placed_fns and m not in page_fns:
                    page_fns.append(m)
            at_top = False
        i = j + 1
    finish(page, page_fns)
    for p in pages:
        draw_furniture(p, len(pages), furn, Ctx(fonts, measure, p))
    return LaidOut(pages, para_pages, fn_pages)

