"""The front matter of a resolution or draft: masthead lines, titles, and where the preamble
starts.

A converter or a text layer gives the masthead as loose lines (organ, symbol, distribution,
date, session, agenda item and its title, the adoption line, the resolution number and title,
the General Assembly's formula, an outcome document's own title). Each is recognised with the
pure parsers of :mod:`lineage.read.masthead`; the preamble is the free text after the last
title-like line ("anchor").
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from lineage.read import masthead as mh
from lineage.read.textjoin import Block, Cleaner, Inline, block_inline, join_inline
from lineage.script.punctuation import CLAUSE_END

__all__ = ["Front", "read_front", "is_masthead_line", "is_furniture_line", "is_closing_line"]

_GA_FORMULA = re.compile(r"^\s*(?:大\s*会|The\s+General\s+Assembly|L[’']Assemblée\s+générale|La\s+Asamblea\s+General)\s*[,，:：]?\s*$",
                         re.IGNORECASE)
# The issuing body named in a masthead (not a paragraph, not a title).
_ORGAN = re.compile(
    r"^\s*(?:联合国|United\s+Nations|Nations\s+Unies|Naciones\s+Unidas|General\s+Assembly|"
    r"Security\s+Council|安全理事会|Economic\s+and\s+Social\s+Council|经济及社会理事会|"
    r"Human\s+Rights\s+Council|人权理事会|第[一二三四五六]委员会|"
    r"(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee|World\s+Summit\s+on\s+the\s+Information\s+Society|"
    r"信息社会世界(?:峰会|首脑会议))\s*$",
    re.IGNORECASE,
)
# Where the language note starts (searched, not matched from a run of spaces before it, which
# would try every start in a long run of spaces: quadratic on hostile input).
_LANG_NOTE_START = re.compile(r"(?:Original|原文)\s*[:：]", re.IGNORECASE)
_SYMBOL_LABEL = re.compile(r"^(?:Document|文件|Symbol|文号)\s*[:：]?$", re.IGNORECASE)
_LANG_NOTE = re.compile(
    r"^\s*(?:(?:\S+\s*/\s*)?(?:Original|原文)\s*[:：].*|Chinese|English|French|Spanish|Russian|Arabic|中文)\s*$",
    re.IGNORECASE,
)
# A job number (25-21063 (C)), alone or with the page mark beside it (2/21 25-21063).
# A translation carries two dates after it (``25-19876 (C) 251125 261125``).
_JOB_NUMBER = re.compile(
    r"^\s*(?:\d{1,3}\s*/\s*\d{1,3}\s+)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\S+)?\s*$")
_PAGE_MARK = re.compile(r"^\s*(?:\d{1,3}\s*/\s*\d{1,3}|Page\s+\d+(?:\s+of\s+\d+)?|第\s*\d+\s*页)\s*$",
                        re.IGNORECASE)
_ADOPTED_HEAD = re.compile(r"^Resolution\s+adopted\s+by\s+the\s+[A-Z][\w ]+$")
_ADOPTED_ON = re.compile(r"^on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})$")
# The names end at a printed character and no two whitespace quantifiers stand in a row: on a
# line of spaces either would backtrack in time quadratic in its length (tests/test_linear_time.py).
_SPONSORS = re.compile(
    r"^(.*?\S)\s*[:：]\s*(?:\*+\s*)?(?:revised\s+)?(?:draft\s+(?:resolution|decision)|amendments?\s+to\s+draft\s+\w+.*)$",
    re.IGNORECASE | re.DOTALL)
_DRAFT_LINE = re.compile(r"(?:决议草案|Draft\s+resolution|Draft\s+decision|决定草案)", re.IGNORECASE)
# A resolution whose one (unnumbered) operative paragraph adopts the text printed after it:
# "Adopts the Doha Political Declaration ..., as contained in the annex to the present
# resolution." A preambular paragraph never opens with such a verb (preambles open with
# participles and adjectives: "Recalling", "Deeply concerned").
_ADOPTING_VERB = re.compile(r"^\s*(?:Adopts|Approves|Endorses|Adopte|Approuve|Aprueba|Hace\s+suya|通过|核可|赞同)(?:\s|(?<=[^\x00-\x7f]))")
# ... and it points at that text: the annex, "the following", or a colon before it.
_ADOPTED_TEXT = re.compile(r"(?:\bannex(?:ed)?\b|\bannexe\b|\banexo\b|\bthe\s+following\b|附件|如下|下列|[:：]\s*$)",
                           re.IGNORECASE)


@dataclass
class Front:
    """What the front matter says. ``adopted`` is the adoption date of a resolution, ``date``
    the masthead's; the title comes, in this order of trust, from an all-bold block, the
    resolution number line, the line after "Draft resolution ...", the first short free line,
    or the title of the text a draft adopts ("Adopts the following outcome document:")."""

    symbol: str | None = None
    title: str | None = None
    date: str | None = None
    adopted: str | None = None
    session: str | None = None
    agenda: list[str] = field(default_factory=list)
    distribution: str | None = None
    number_title: str | None = None
    bold_title: str | None = None
    draft_title: str | None = None
    title_candidate: str | None = None
    adopted_title: str | None = None
    formula: str | None = None
    sponsors: str | None = None


def _date_beside_language_note(s: str) -> bool:
    """A date with the language note after it on one line, as a text layer may merge the
    masthead corner's lines: "4 September 2025 Original: English" (A/C.3/80/L.1)."""
    m = _LANG_NOTE_START.search(s)
    return m is not None and m.start() > 0 and mh.is_date_line(s[:m.start()])


def _classify_front_line(line: str, front: Front) -> str | None:
    """Record what a masthead line says; return its role, or None for ordinary text."""
    s = line.strip()
    if not s:
        return "blank"
    if (d := mh.parse_adoption_date(s)):
        front.adopted = front.adopted or d
        return "adopted"
    # The same heading printed as two blocks: "Resolution adopted by the General Assembly"
    # and "on 4 November 2025".
    if _ADOPTED_HEAD.match(s):
        return "adopted"
    if (m := _ADOPTED_ON.match(s)) and (d := mh.parse_date(m.group(1))):
        front.adopted = front.adopted or d
        return "adopted"
    if (dist := mh.parse_distribution(s)):
        front.distribution = front.distribution or dist
        # A text layer may merge the corner's lines into this one: "Distr.: Limited
        # 5 December 2025 Original: English", "Distr.: General A/80/L.41". In a masthead line
        # any date is the masthead's, any symbol the document's.
        rest = re.sub(r"Distr\.?\s*[:：]?\s*\w+", "", s).strip()
        front.date = front.date or mh.parse_date(rest)
        if (sym := mh.find_symbol(rest)):
            front.symbol = front.symbol or mh.strip_language_suffix(sym)
        return "masthead"
    if mh.is_date_line(s) or _date_beside_language_note(s):
        front.date = front.date or mh.parse_date(s)
        return "masthead"
    if (sess := mh.session_line(s)):
        front.session = front.session or sess
        return "masthead"
    if (items := mh.agenda_line(s)):
        front.agenda = front.agenda or items
        return "agenda"
    if mh.is_symbol_line(s) and (sym := mh.find_symbol(s)):
        front.symbol = front.symbol or mh.strip_language_suffix(sym)
        return "masthead"
    if (sym := _symbol_beside_label(s)):
        # A text layer puts the organ and the symbol in the top-right corner on one line.
        front.symbol = front.symbol or mh.strip_language_suffix(sym)
        return "masthead"
    if (res := mh.parse_resolution_number(s)):
        front.number_title = res[1] or front.number_title
        front.symbol = front.symbol or res[0]
        return "anchor"
    if mh.parse_draft_reference(s):
        return "masthead"
    if _GA_FORMULA.match(s):
        return "formula"
    if _ORGAN.match(s) or _LANG_NOTE.match(s):
        return "masthead"
    if (m := _SPONSORS.match(s)):
        # "Algeria, Austria, ... and Zambia:* draft resolution": the sponsors of a draft.
        front.sponsors = front.sponsors or m.group(1).strip()
        return "draft"
    if _DRAFT_LINE.search(s) and len(s) < 200 and s[-1] not in CLAUSE_END:
        return "draft"
    return None


def _symbol_beside_label(line: str) -> str | None:
    """``联合国 A/RES/80/173``, ``Document WSIS-05/TUNIS/DOC/6(Rev.1)-C`` -> the symbol."""
    # Spans, not the symbol's spelling: the printed one may be full-width or spaced.
    spans = mh.symbol_spans(line)
    for start, end, sym in spans[:1] + spans[-1:]:
        if start == 0 or end == len(line):
            rest = (line[:start] + line[end:]).strip()
            if _ORGAN.match(rest) or _GA_FORMULA.match(rest) or _SYMBOL_LABEL.match(rest):
                return sym
    return None


def is_masthead_line(line: str) -> bool:
    """Is ``line`` one of the masthead's own lines (date, session, agenda item, symbol,
    distribution, resolution number, the GA formula...)? Plain-text readers cut blocks there."""
    return _classify_front_line(line, Front()) not in (None, "blank")


# The barcode's human-readable line under it on a first page (``*2519876*``).
_BARCODE = re.compile(r"^\s*\*\d{6,8}\*\s*$")


def is_furniture_line(line: str) -> bool:
    """Page furniture that a converter or a text layer leaves in the flow: a job number
    (``25-21063 (C)``), a page mark (``2/21``, ``Page 3``), a barcode line (``*2519876*``)."""
    return bool(_JOB_NUMBER.match(line) or _PAGE_MARK.match(line) or _BARCODE.match(line))


def is_closing_line(line: str) -> str | None:
    """The closing lines of a resolution: ``"date"`` for the adoption date alone on its line,
    ``"meeting"`` for the plenary meeting; None otherwise."""
    s = line.strip()
    if mh.is_date_line(s):
        return "date"
    if mh.parse_meeting(s) is not None:
        return "meeting"
    return None


def _unpunctuated(text: str) -> bool:
    """Text that does not end a clause: a title, not a paragraph. A block of white space
    only (a converter's ``&nbsp;`` line) is neither."""
    s = text.strip()
    return bool(s) and s[-1] not in CLAUSE_END


def _free_text_role(text: str, front: Front, roles: list[str | None], after_draft: bool,
                    after_agenda: bool, after_number: bool, adopted_follows: bool = False) -> str | None:
    """The role of a text block none of whose lines is a masthead line, from what came
    before it; records the titles it is in ``front``. ``adopted_follows``: what follows the
    block is a text it may adopt: an annex, or the numbered paragraphs with no free text
    between (only headings, titles, masthead or closing lines)."""
    if roles and roles[-1] == "anchor" and after_number and front.number_title and _unpunctuated(text):
        # The title after the resolution number, wrapped onto another line.
        front.number_title = join_inline([Inline(front.number_title), Inline(text)]).text
        return "anchor"
    if after_agenda and _unpunctuated(text):
        return "masthead"  # the agenda item's title
    if after_draft and _unpunctuated(text):
        front.draft_title = front.draft_title or text.strip()
        return "anchor"
    if roles and roles[-1] == "formula" and text.rstrip().endswith((":", "：")):
        # "Adopts the following outcome document:" right after the formula; a preambular
        # paragraph ending in a colon further down (one that quotes a question) is text.
        front.formula = front.formula or text.strip()
        return "anchor"
    if adopted_follows and _ADOPTING_VERB.match(text) and _ADOPTED_TEXT.search(text):
        # The adopting paragraph of a resolution whose numbered paragraphs are the adopted
        # text's (an annexed declaration): metadata, not a preambular paragraph. Not an anchor:
        # preambular paragraphs before it stay.
        front.formula = front.formula or text.strip()
        return "adopting"
    if None not in roles and len(text) <= 250 and _unpunctuated(text):
        # Short unpunctuated lines before any free text: a title (plain text has no bold to
        # mark it); the last one, nearest the paragraphs, is the document's.
        front.title_candidate = text.strip()
        return "anchor"
    return None


def _only_front_lines(b: Block, clean: Cleaner) -> bool:
    """Every line of ``b`` is a masthead or closing line (no free text)."""
    lines = [t for t in (clean(line).text.strip() for line in b.lines) if t]
    return all(is_masthead_line(t) or is_closing_line(t) for t in lines)


def _before_annex(blocks: list[Block], clean: Cleaner) -> set[int]:
    """Indices of the text blocks followed by an annex label (``Annex`` heading, alone or with
    the annexed text's title), only closing lines between. One pass from the end."""
    out: set[int] = set()
    annex_next = False  # the next block that is not closing lines is an annex heading
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        if b.kind in ("heading", "bold"):
            first = clean(b.lines[0]).text.strip() if b.lines else ""
            annex_next = mh.is_annex_label(first) or mh.is_annex_label(first.split(None, 1)[0] if first else "")
        elif b.kind == "text" and not _closing_only(b, clean):
            if annex_next:
                out.add(i)
            annex_next = False
    return out


def _closing_only(b: Block, clean: Cleaner) -> bool:
    """Every line of ``b`` is a closing line (meeting, date)."""
    lines = [t for t in (clean(line).text.strip() for line in b.lines) if t]
    return bool(lines) and all(is_closing_line(t) for t in lines)


def read_front(blocks: list[Block], clean: Cleaner, numbered_follow: bool = True) -> tuple[Front, list[Block]]:
    """Read the masthead and titles; return them and the blocks of the preamble (text and
    headings after the last title-like line). ``numbered_follow``: numbered paragraphs come
    after these blocks (only then can the last free text be an adopting paragraph whose
    adopted text they are; a resolution of one unnumbered paragraph keeps it)."""
    front = Front()
    blocks = list(blocks)
    roles: list[str | None] = []
    free_text = False  # a text block that is no masthead line nor title came before
    after_draft = False
    after_agenda = False
    after_number = False
    after_formula = False  # the block before is "Adopts the following outcome document:"
    free = [i for i, b in enumerate(blocks) if b.kind == "text" and not _only_front_lines(b, clean)]
    last_free = free[-1] if free and numbered_follow else -1
    # Blocks an annex label follows (closing lines between): the adopted text comes next.
    before_annex = _before_annex(blocks, clean)
    for i, b in enumerate(blocks):
        text = block_inline(b, clean).text
        if b.kind == "bold" and free_text:
            # A title stands before the text: a bold block after free text is a heading
            # of it (a draft decision's list, A/C.3/80/L.60), and taking it for the title
            # would leave out everything between.
            b = blocks[i] = dataclasses.replace(b, kind="heading")
        if b.kind == "bold" and _classify_front_line(text, Front()) in (None, "blank"):
            # (A bold line that the masthead parsers know, the sponsors' "...: draft decision"
            # or "80/2. Title", is read as such below, not taken for the title.)
            front.bold_title = text.strip()
            roles.append("anchor")
            after_draft = after_agenda = after_number = False
            continue
        line_roles = [_classify_front_line(clean(line).text, front) for line in b.lines]
        line_roles = [r for r in line_roles if r != "blank"]
        role: str | None
        if line_roles and all(r is not None for r in line_roles):
            role = "anchor" if "anchor" in line_roles else line_roles[-1]
        else:
            role = None
        if role is None and b.kind in ("heading", "bold") and after_draft and _unpunctuated(text):
            # A converter makes a heading of the title printed after "Draft resolution".
            front.draft_title = front.draft_title or text.strip()
            role = "anchor"
        if role is None and b.kind in ("heading", "bold") and after_formula and _unpunctuated(text):
            # A draft whose only title is that of the text it adopts (A/80/L.41: "Draft
            # resolution submitted by ...", the formula, then the outcome document's title).
            # It stays a heading; the title is the last resort after the draft line's.
            front.adopted_title = front.adopted_title or text.strip()
        if role is None and b.kind == "text" and not _closing_only(b, clean):
            # (The closing lines, which A/RES/80/5 prints before its annex, are no title.)
            role = _free_text_role(text, front, roles, after_draft, after_agenda, after_number,
                                   i == last_free or i in before_annex)
        # (An adopting paragraph is free text too: a bold block after it titles the adopted text.)
        free_text = free_text or (b.kind == "text" and role in (None, "adopting"))
        after_draft = role == "draft"
        after_agenda = role == "agenda"
        after_formula = role == "anchor" and front.formula is not None and text.strip() == front.formula
        is_number_line = any(mh.parse_resolution_number(clean(ln).text) for ln in b.lines)
        # Stays set across the wrapped lines of the title that follows the number.
        after_number = role == "anchor" and (is_number_line or after_number)
        roles.append(role)

    front.title = (front.bold_title or front.number_title or front.draft_title or front.title_candidate
                   or front.adopted_title)
    anchors = [i for i, r in enumerate(roles) if r in ("anchor", "formula")]
    if anchors:
        start = anchors[-1] + 1
    else:
        known = [i for i, r in enumerate(roles) if r not in (None, "adopting")]
        start = known[-1] + 1 if known else 0
    # Masthead lines (including headings the converter made of them) never join the preamble.
    preamble = [b for i, b in enumerate(blocks) if i >= start and roles[i] is None]
    return front, preamble


