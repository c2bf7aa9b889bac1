"""UN document symbols: parse, validate, print and order them.

A symbol is a path of ``/``-separated components: the issuing organ and its subsidiary bodies
(``A``, ``A/C.3``, ``E/CN.6``, ``A/HRC``), a series (``RES``, ``PV.68``, ``L.41``), a session or
year, a number, then modifiers that make a new text out of an existing one: ``Rev.N`` (a
revised text that replaces the previous one), ``Add.N`` (addendum), ``Corr.N`` (corrigendum),
``Amend.N`` (amendment). Summit documents carry their modifiers in brackets
(``WSIS-05/TUNIS/DOC/6(Rev.1)``); Security Council resolutions end with the year in brackets
(``S/RES/2222 (2015)``).

Input is tolerant (spaces, full-width characters, lower case, en or em dashes); output is one
canonical form, so ``str(parse_symbol(s))`` is the key every other module uses.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, total_ordering

from lineage.errors import SymbolError

__all__ = [
    "MODIFIER_KINDS",
    "Modifier",
    "Symbol",
    "parse_symbol",
    "canonical_symbol",
    "is_symbol",
    "document_key",
    "symbol_sort_key",
    "implied_year",
]

# Modifier spelling as printed. The order within a base (see ``Modifier.rank``) is the usual
# order of issue: addenda and corrigenda to a text come before the revision that replaces it.
MODIFIER_KINDS = ("Add", "Corr", "Amend", "Rev")
_MODIFIER_BY_UPPER = {k.upper(): k for k in MODIFIER_KINDS}

# Components that are printed in mixed case in official symbols; everything else is upper case.
_MIXED_CASE = {"SUB": "Sub", **_MODIFIER_BY_UPPER}

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-")
_SLASHES = dict.fromkeys(map(ord, "\u2044\u2215\u29f8"), "/")

_MODIFIER_RE = re.compile(r"(?i)^(add|corr|amend|rev)\.(\d+)$")
_BRACKETED_MODIFIER_RE = re.compile(r"(?i)\((add|corr|amend|rev)\.(\d+)\)$")
_YEAR_RE = re.compile(r"\((\d{4})\)$")
# A component: a word (letters first, then letters/digits/hyphens) with an optional ".N"
# designation (``C.3``, ``L.41``, ``PV.68``, ``CN.6``, ``CONF.171``), or a plain number.
_COMPONENT_RE = re.compile(r"^(?:[A-Z][A-Za-z0-9-]*(?:\.\d+[A-Z]?)?|\d+[A-Z]?)$")
_ORGAN_RE = re.compile(r"^[A-Z][A-Z0-9-]*(?:\.\d+[A-Z]?)?$")
# "A/80/L.41 Rev.1": a space before a modifier stands for its slash.
_SPACED_MODIFIER_RE = re.compile(r"(?i)(?<=[^\s/(])\s+(?=(?:add|corr|amend|rev)\s*\.)")
_SPACE_RE = re.compile(r"\s+")
_BARE_MODIFIER_RE = re.compile(r"(?i)(add|corr|amend|rev)\.?")
_MODIFIER_INITIALS = "aAcCrR"
# A symbol already in its canonical spelling (what a corpus's manifest and links hold): upper-case
# ASCII components, then ``/Rev.N``-style modifiers. Such a text parses to exactly these parts,
# so :func:`_parse_symbol` takes it apart with one match instead of checking each component
# (17 µs a symbol under load; a corpus of 10,000 documents parses 10,000 of them). A component
# whose word is a modifier or ``SUB`` (``ADD.1``, ``SUB.2``) is spelled otherwise when
# canonical and goes the long way (the look-ahead: such a word, then no more of a word).
_CANONICAL_COMPONENT = r"(?!(?:SUB|ADD|CORR|AMEND|REV)(?![A-Z0-9-]))"
_CANONICAL_RE = re.compile(rf"({_CANONICAL_COMPONENT}[A-Z][A-Z0-9-]*(?:\.[0-9]+[A-Z]?)?"
                           rf"(?:/(?:{_CANONICAL_COMPONENT}[A-Z][A-Z0-9-]*(?:\.[0-9]+[A-Z]?)?|[0-9]+[A-Z]?))+)"
                           r"((?:/(?:Add|Corr|Amend|Rev)\.[1-9][0-9]*)*)")


_RANK = {kind: rank for rank, kind in enumerate(MODIFIER_KINDS)}


@total_ordering
@dataclass(frozen=True)
class Modifier:
    """One ``Rev.N`` / ``Add.N`` / ``Corr.N`` / ``Amend.N``."""

    kind: str
    number: int

    def __str__(self) -> str:
        return f"{self.kind}.{self.number}"

    @property
    def rank(self) -> int:
        return MODIFIER_KINDS.index(self.kind)

    def _key(self) -> tuple[int, int]:
        return (_RANK[self.kind], self.number)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Modifier):
            return NotImplemented
        return self._key() < other._key()


@lru_cache(maxsize=1 << 16)  # components repeat across a corpus: A, RES, 80, L.41
def _natural_key(component: str) -> tuple:
    """``L.9`` before ``L.41``: digits compare as numbers, the rest as text."""
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.findall(r"\d+|\D+", component))


@total_ordering
@dataclass(frozen=True)
class Symbol:
    """A parsed symbol. ``parts`` are the base components (canonical spelling), ``modifiers``
    the revision/addendum/corrigendum chain in order, ``bracketed`` whether the modifiers are
    printed ``6(Rev.1)`` (summit style) rather than ``/Rev.1``, ``year`` the bracketed year of a
    Security Council resolution."""

    parts: tuple[str, ...]
    modifiers: tuple[Modifier, ...] = ()
    bracketed: bool = False
    year: str | None = None

    def __str__(self) -> str:
        text = "/".join(self.parts)
        if self.modifiers:
            if self.bracketed:
                text += "".join(f"({m})" for m in self.modifiers)
            else:
                text += "".join(f"/{m}" for m in self.modifiers)
        if self.year:
            text += f" ({self.year})"
        return text

    def __repr__(self) -> str:
        return f"Symbol({str(self)!r})"

    # --- what the symbol says -------------------------------------------------------------
    @property
    def organ(self) -> str:
        return self.parts[0]

    @property
    def kind(self) -> str:
        """``resolution``, ``draft`` (an L-document), ``meeting-record`` (PV), ``summit`` or
        ``document``."""
        if "RES" in self.parts:
            return "resolution"
        if any(p.startswith("L.") or p == "L" for p in self.parts):
            return "draft"
        if any(p.startswith("PV.") for p in self.parts):
            return "meeting-record"
        if self.organ.startswith("WSIS-"):
            return "summit"
        return "document"

    @property
    def session(self) -> str | None:
        """The session (General Assembly: ``80`` in ``A/80/L.41`` and ``A/RES/80/173``), taken
        as the first purely numeric component that is not the last one; None if there is none."""
        numeric = [i for i, p in enumerate(self.parts) if p.isdigit()]
        for i in numeric:
            if i < len(self.parts) - 1:
                return self.parts[i]
        return None

    @property
    def base(self) -> Symbol:
        """The original text this one derives from (all modifiers removed)."""
        return Symbol(self.parts, (), self.bracketed, self.year)

    @property
    def is_revision(self) -> bool:
        return bool(self.modifiers) and self.modifiers[-1].kind == "Rev"

    def previous_revision(self) -> Symbol | None:
        """The symbol this one replaces if it is a revision: ``Rev.2`` -> ``Rev.1``,
        ``Rev.1`` -> the original, ``Add.1/Rev.1`` -> ``Add.1``. None for anything else."""
        if not self.is_revision:
            return None
        last = self.modifiers[-1]
        head = self.modifiers[:-1]
        if last.number > 1:
            head = head + (Modifier("Rev", last.number - 1),)
        return Symbol(self.parts, head, self.bracketed, self.year)

    def modified(self) -> Symbol | None:
        """The text a trailing ``Add``/``Corr``/``Amend`` applies to; None otherwise."""
        if not self.modifiers or self.modifiers[-1].kind == "Rev":
            return None
        return Symbol(self.parts, self.modifiers[:-1], self.bracketed, self.year)

    @property
    def implied_year(self) -> str | None:
        """The year the symbol implies (``YYYY``), for a document the corpus has no date of:
        a Security Council resolution's bracketed year; ``WSIS-05`` -> 2005; a General
        Assembly session N opens in September of 1945 + N and adopts most of its texts in
        that year (``A/RES/70/125`` -> 2015, ``A/80/L.41`` -> 2025); else a component that is
        a year (``E/CN.4/Sub.2/1998/L.1`` -> 1998). None when it says none."""
        if self.year:
            return self.year
        organ = self.organ
        if organ.startswith("WSIS-") and organ[5:].isdigit() and len(organ) == 7:
            return f"20{organ[5:]}"
        for p in self.parts[1:]:
            if len(p) == 4 and p.isdigit() and 1945 <= int(p) <= 2200:
                return p
        session = self.session
        if organ == "A" and session is not None and 0 < int(session) < 250:
            return str(1945 + int(session))
        return None

    def with_modifier(self, kind: str, number: int) -> Symbol:
        if kind not in MODIFIER_KINDS:
            raise SymbolError(f"unknown modifier {kind!r} (expected one of {', '.join(MODIFIER_KINDS)})")
        if number < 1:
            raise SymbolError(f"modifier number must be 1 or more, got {number}")
        return Symbol(self.parts, self.modifiers + (Modifier(kind, number),), self.bracketed, self.year)

    # --- order ----------------------------------------------------------------------------
    def sort_key(self) -> tuple:
        return (
            tuple(map(_natural_key, self.parts)),
            self.year or "",
            tuple((_RANK[m.kind], m.number) for m in self.modifiers) if self.modifiers else (),
            self.bracketed,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Symbol):
            return NotImplemented
        return self.sort_key() < other.sort_key()


def _clean(text: str) -> str:
    """Fold the ways people type symbols to one spelling: full-width forms (NFKC), other
    slashes and dashes, invisible format characters, spaces (kept only before a bracketed Security Council year)."""
    if not text.isascii():  # the folds below change only characters beyond ASCII
        text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_SLASHES)
        # Invisible format characters (zero-width space, soft hyphen, BOM) come along when a
        # symbol is copied from a web page or a PDF; they are not part of it.
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    if _SPACE_RE.search(text) is None:
        return text  # nothing below would change it (the usual case: a symbol as printed)
    text = _SPACED_MODIFIER_RE.sub("/", text.strip())
    return _SPACE_RE.sub("", text)


def _canonical_component(raw: str) -> str:
    upper = raw.upper()
    if "." in upper:
        head, _, tail = upper.partition(".")
        return f"{_MIXED_CASE.get(head, head)}.{tail}"
    return _MIXED_CASE.get(upper, upper)


def parse_symbol(text: str) -> Symbol:
    """Parse a symbol typed any usual way; raise :class:`SymbolError` saying what is wrong."""
    if not isinstance(text, str):
        raise SymbolError(f"a symbol must be text, got {type(text).__name__}")
    return _parse_symbol(text)


# A corpus names each symbol many times (its entry, the links to it, the graph's keys and
# order): parse each spelling once. Symbols are immutable; the bound keeps memory flat.
_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_CACHE_SIZE)
def _parse_symbol(text: str) -> Symbol:
    m = _CANONICAL_RE.fullmatch(text)
    if m is None:
        return _parse_any_symbol(text)
    base, mods = m.groups()
    return Symbol(tuple(base.split("/")), tuple(Modifier(*_split_modifier(raw)) for raw in mods[1:].split("/")) if mods else ())


def _split_modifier(raw: str) -> tuple[str, int]:
    kind, _, number = raw.partition(".")
    return kind, int(number)


def _parse_any_symbol(text: str) -> Symbol:
    """The parse of a symbol in any spelling (see :func:`parse_symbol`)."""
    original = text
    text = _clean(text)
    if not text:
        raise SymbolError("empty document symbol")

    def fail(reason: str) -> SymbolError:
        return SymbolError(f"invalid document symbol {original.strip()!r}: {reason}")

    year = None
    m = _YEAR_RE.search(text)
    if m:
        year = m.group(1)
        text = text[: m.start()]

    raw_parts = text.split("/")
    if any(p == "" for p in raw_parts):
        raise fail("empty component (doubled or trailing '/')")

    # Summit style: modifiers in brackets glued to the last component, ``6(Rev.1)``.
    bracketed_mods: list[Modifier] = []
    last = raw_parts[-1]
    while True:
        bm = _BRACKETED_MODIFIER_RE.search(last)
        if not bm:
            break
        bracketed_mods.insert(0, Modifier(_MODIFIER_BY_UPPER[bm.group(1).upper()], int(bm.group(2))))
        last = last[: bm.start()]
    if bracketed_mods:
        if not last:
            raise fail("bracketed modifier without a document number before it")
        raw_parts[-1] = last

    parts: list[str] = []
    modifiers: list[Modifier] = []
    for raw in raw_parts:
        # Only a component that starts as a modifier word can be one (they start with a, c or
        # r); most components skip both modifier patterns.
        maybe_modifier = raw[:1] in _MODIFIER_INITIALS or not raw.isascii()
        mm = _MODIFIER_RE.match(raw) if maybe_modifier else None
        if mm:
            number = int(mm.group(2))
            if number < 1:
                raise fail(f"{raw!r}: modifier numbers start at 1")
            modifiers.append(Modifier(_MODIFIER_BY_UPPER[mm.group(1).upper()], number))
            continue
        if modifiers:
            raise fail(f"{raw!r} follows a Rev/Add/Corr/Amend modifier; only modifiers may come after one")
        if maybe_modifier and _BARE_MODIFIER_RE.fullmatch(raw):
            raise fail(f"{raw!r} lacks its number (write e.g. 'Rev.1')")
        comp = _canonical_component(raw)
        if not _COMPONENT_RE.match(comp):
            raise fail(f"{raw!r} is not a symbol component (letters, digits, '-' and '.N')")
        parts.append(comp)

    if bracketed_mods and modifiers:
        raise fail("modifiers both after '/' and in brackets")
    if not parts:
        raise fail("no document part before the modifiers")
    if not _ORGAN_RE.match(parts[0]):
        raise fail(f"it must start with an organ such as A, E, S or WSIS-05, not {parts[0]!r}")
    if len(parts) < 2:
        raise fail("a symbol has at least two components, e.g. 'A/80/L.41'")
    return Symbol(tuple(parts), tuple(bracketed_mods or modifiers), bool(bracketed_mods), year)


def canonical_symbol(text: str) -> str:
    """The canonical spelling of ``text`` (raises :class:`SymbolError` if it is not a symbol)."""
    if isinstance(text, str) and _CANONICAL_RE.fullmatch(text):
        return text  # already spelled so (what parsing and printing it would give)
    return str(parse_symbol(text))


def is_symbol(text: str) -> bool:
    try:
        parse_symbol(text)
    except SymbolError:
        return False
    return True


# Cached: a manifest of 50,000 entries asks for each symbol's key several times (the entry,
# its links, the whole-manifest checks, the graph), and the links name the same few symbols.
@lru_cache(maxsize=_CACHE_SIZE)
def document_key(text: str) -> str:
    """What identifies a document: the canonical symbol when ``text`` is one, else the text
    with its runs of spaces made one (informal drafts have names, not symbols, and ``lineage
    add`` stores them so)."""
    try:
        return canonical_symbol(text)
    except SymbolError:
        return " ".join(text.split())


def symbol_sort_key(text: str) -> tuple:
    """Sort key for symbol strings; text that is not a symbol sorts after all symbols."""
    try:
        return (0, parse_symbol(text).sort_key(), "")
    except SymbolError:
        return (1, (), text)


def implied_year(text: str) -> str | None:
    """:attr:`Symbol.implied_year` of ``text``; None when it is not a symbol (an informal
    draft's name) or implies no year."""
    try:
        return parse_symbol(text).implied_year
    except SymbolError:
        return None
