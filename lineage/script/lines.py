"""Joining printed lines, and THE line-end hyphen policy: one rule for every input route
(PDF lines, plain text, Markdown, ``normalize``).

Between two lines of one paragraph the gap is invisible, so a rule decides what stands there
(:func:`join_break`). ``left`` is the text before the break up to its last printed character,
``right`` the text after it from its first printed character:

1. a hyphen (``-``, U+2010, U+2011) between two letters: the hyphen stays and nothing is put
   between (``Secretary-|General`` -> ``Secretary-General``) unless the evidence says a
   typesetter inserted it (:func:`hyphen_kept`), then it goes (``develop-|ment`` ->
   ``development``);
2. a CJK character on either side (a neutral character such as ``“`` or ``）`` counts as
   CJK when the text next to it is): nothing (``发展中国|家``, ``决议，|A/60/687``), except one
   space between an ideograph and a Latin letter or digit, the gap Word's autospacing prints
   (``第|70/125`` -> ``第 70/125``, as ``2025 年`` is printed on one line);
3. a hyphen, dash or slash ending the line: nothing when it is glued to what precedes it
   (``2021–|2025``, ``COVID-|19``, ``(Part I)/|Corr.1``), one space when a space precedes it
   (``dimensions –|economic``);
4. otherwise one space (``the|Internet``).

The hyphen policy. Word does not hyphenate UN documents: a hyphen at a line end is almost
always part of the word, so it is kept unless the evidence says otherwise. The evidence, in
order (the first that speaks decides):

1. a capital after the hyphen (``non-|Governmental``, ``Secretary-|General``): a word of its
   own, keep;
2. the document's own words: the hyphenated form printed elsewhere keeps the hyphen, the
   joined form printed elsewhere drops it;
3. a corpus word set, when the caller passes one, the same way;
4. the same vowel either side (``re-|establishment``, ``pre-|existing``): English keeps a
   hyphen there to part the vowels, keep;
5. an English word list (pyspellchecker's frequency list, see ``docs/dependencies.md``): the
   joined form is a word and a half is not (``implementa-|tion``) -> drop. When both halves
   are words too (``in-|formation``, ``non-|governmental``), whether the document's
   typesetter hyphenates decides (:attr:`Words.hyphenates`): a document whose line-end
   hyphens show no certain hyphenation (Word, every UN document of the pool) keeps the
   hyphen; a typeset one (A/RES/70/125) drops it unless both halves are words far more
   frequent than the joined one (``follow-|up``: ``followup`` is listed, rarely; ``follow``
   and ``up`` are common words), which is a compound split at its own hyphen -> keep;
6. nothing known: keep. A word that appears nowhere is never made (``e-|strategies`` stays
   ``e-strategies``, ``eighty-|second`` stays ``eighty-second``).

Every function here looks at a bounded window around the break (at most
:data:`CONTEXT` characters), so joining a text is linear in its length.
"""
from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path

from lineage.script.chars import (
    is_cjk,
    is_cjk_letter,
    is_latin_alnum,
    is_neutral,
    is_space,
)

__all__ = [
    "CONTEXT",
    "DASHES",
    "HYPHENS",
    "Words",
    "collect_words",
    "english_words",
    "hyphen_kept",
    "is_layout_space",
    "join_break",
    "joins_tight",
    "line_separator",
]

#: Hyphen forms that may end a line inside a word: hyphen-minus, HYPHEN, NON-BREAKING HYPHEN.
HYPHENS = "-\u2010\u2011"
#: Dashes: figure dash, en dash, em dash, horizontal bar, minus sign.
DASHES = "\u2012\u2013\u2014\u2015\u2212"
#: How far from a break the rules look (characters).
CONTEXT = 64

_LETTERS = re.compile(r"[^\W\d_]+")
_LETTERS_BEFORE_HYPHEN = re.compile(f"([^\\W\\d_]+)[{HYPHENS}]\\Z")
_WORDS = re.compile(f"[^\\W\\d_]+(?:[{HYPHENS}][^\\W\\d_]+)*")
_HYPHEN_FOLD = str.maketrans({"\u2010": "-", "\u2011": "-"})
# Both halves of a compound are common words, the joined form a rarity: the list's floor.
_VOWELS = frozenset("aeiou")
_RARE_JOINED = 0.01


class Words:
    """What a document (and optionally a corpus) writes: lower-case words, hyphenated
    compounds with their hyphens (and every two-part piece of a longer one:
    ``multi-stakeholder-led`` gives ``multi-stakeholder`` and ``stakeholder-led``), and
    whether its typesetter hyphenates (:attr:`hyphenates`). :meth:`from_texts` reads the
    texts on first use, so a text without a line-end hyphen costs nothing."""

    __slots__ = ("_document", "_texts", "_hyphenates", "corpus")

    def __init__(self, document: Iterable[str] = (), corpus: Iterable[str] = ()) -> None:
        self._texts: Iterable[str] | None = None
        self._document: frozenset[str] | None = frozenset(document)
        self._hyphenates: bool | None = None
        self.corpus = frozenset(corpus)

    @classmethod
    def from_texts(cls, texts: Iterable[str], corpus: Iterable[str] = ()) -> Words:
        """The words of ``texts`` (a document's lines in reading order, or its whole text);
        an iterator is read on first use only."""
        words = cls((), corpus)
        words._texts, words._document = texts, None
        return words

    @property
    def document(self) -> frozenset[str]:
        if self._document is None:
            self._read()
        assert self._document is not None
        return self._document

    @property
    def hyphenates(self) -> bool | None:
        """Whether the document's typesetter breaks words with a hyphen at a line end: at
        least a third of its line-end hyphens before a lower-case letter are certain
        hyphenation (:func:`_certain_hyphenation`; in a typeset document most are, in A/80/L.17,
        from Word, one of nine). None for word sets given without their texts (nothing known)."""
        if self._document is None:
            self._read()
        return self._hyphenates

    def _read(self) -> None:
        out: set[str] = set()
        breaks = certain = 0
        previous = ""
        for text in self._texts or ():
            _add_words(out, text)
            for line in text.split("\n"):
                head = _LETTERS_BEFORE_HYPHEN.search(previous, max(0, len(previous) - CONTEXT))
                tail = _LETTERS.match(line.lstrip(), 0, CONTEXT) if head else None
                if head and tail and tail.group()[0].islower():
                    breaks += 1
                    certain += _certain_hyphenation(head.group(1), tail.group())
                previous = line.rstrip()
        self._document, self._texts = frozenset(out), None
        self._hyphenates = certain > 0 and 3 * certain >= breaks


def collect_words(texts: Iterable[str]) -> set[str]:
    """The lower-case words of ``texts``, hyphenated compounds whole and in two-part pieces."""
    out: set[str] = set()
    for text in texts:
        _add_words(out, text)
    return out


def _add_words(out: set[str], text: str) -> None:
    for w in _WORDS.findall(text):
        w = w.lower().translate(_HYPHEN_FOLD)
        out.add(w)
        if "-" in w:
            parts = w.split("-")
            out.update(f"{a}-{b}" for a, b in pairwise(parts))


def _certain_hyphenation(head: str, tail: str) -> bool:
    """A line-end ``head-|tail`` only a typesetter makes: the joined form is a word of the
    list and one half is not (``implementa-|tion``, ``so-|ciety``). Over the 543 PDFs of
    session 80 (Word, no hyphenation) one file has one such break (``trans-|shipment``, of its
    nine line-end hyphens); in a typeset one most line-end hyphens are such breaks."""
    listed = english_words()
    joined = f"{head}{tail}".lower()
    return bool(listed.get(joined)) and not (listed.get(head.lower()) and listed.get(tail.lower()))


_NO_WORDS = Words()


class _SortedWords(Mapping[str, int]):
    """The word list as its own sorted lines (``"word": frequency,``), searched by bisection:
    splitting the text takes a fifth of the time of parsing it as JSON into a dict, and a
    document asks for a few dozen words (every PDF extraction pays the load, in a fresh
    child process)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def __getitem__(self, word: str) -> int:
        key = f'"{word}": '
        i = bisect_left(self._lines, key)
        # The lines are sorted, so those starting with ``key`` (one at most) come first
        # among the lines from ``key`` on.
        if i < len(self._lines) and self._lines[i].startswith(key):
            return int(self._lines[i][len(key):].rstrip(","))
        raise KeyError(word)

    def __iter__(self) -> Iterator[str]:
        return (line[1: line.index('": ')] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def _word_lines(text: str) -> list[str] | None:
    """The entry lines of the word list's JSON when it has one ``"word": frequency`` per line,
    no escapes, in sorted order (as pyspellchecker writes it); None otherwise."""
    lines = text.strip().split("\n")
    if len(lines) < 3 or lines[0] != "{" or lines[-1] != "}" or "\\" in text:
        return None
    del lines[0], lines[-1]
    if len(lines) != text.count('": ') or lines != sorted(lines):
        return None
    return lines


@functools.lru_cache(maxsize=1)
def english_words() -> Mapping[str, int]:
    """The English word list: lower-case word -> frequency (pyspellchecker's ``en``
    dictionary, about 160,000 words). Read on first use (about 0.05 s: unzip, split, order check) and kept."""
    # The package's data file, found without importing its spell-checking code (importlib's
    # resource readers are not reliable for it on every import path set-up).
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pyspellchecker is not installed", name="spellchecker")
    data = Path(spec.origin).parent / "resources" / "en.json.gz"
    text = gzip.decompress(data.read_bytes()).decode("utf-8")
    lines = _word_lines(text)
    if lines is not None:
        return _SortedWords(lines)
    words: dict[str, int] = json.loads(text)  # a list written some other way
    return words


def hyphen_kept(head: str, tail: str, words: Words | None = None) -> bool:
    """Whether the hyphen of ``head-`` at a line end before ``tail`` is part of the word
    (True) or was inserted by hyphenation (False). ``head`` and ``tail`` are the letters
    either side (``develop``, ``ment``). See the module docstring for the evidence."""
    if tail[:1].isupper() and not head.isupper():
        return True
    hyphenated = f"{head}-{tail}".lower()
    joined = f"{head}{tail}".lower()
    words = words or _NO_WORDS
    for known in (words.document, words.corpus):
        if hyphenated in known:
            return True
        if joined in known:
            return False
    if head[-1:].lower() in _VOWELS and head[-1:].lower() == tail[:1].lower():
        return True  # the hyphen parts two like vowels: re-establish, pre-existing
    listed = english_words()
    frequency = listed.get(joined)
    if not frequency:
        return True
    left, right = listed.get(head.lower(), 0), listed.get(tail.lower(), 0)
    if not (left and right):
        return False  # implementa-|tion: only hyphenation makes that
    if words.hyphenates is False:
        return True  # both halves words, and this typesetter does not hyphenate: a compound
    # Both halves common words, the joined form a rarity: a compound split at its own hyphen.
    return len(head) > 1 and len(tail) > 1 and frequency < _RARE_JOINED * min(left, right)


def _side_is_cjk(text: str, index: int, step: int) -> bool:
    """Whether the character at ``text[index]`` belongs to CJK text: it is CJK, or it is
    neutral and the nearest non-neutral character beyond it (within :data:`CONTEXT`, not
    across a space) is."""
    n = len(text)
    for _ in range(CONTEXT):
        if not 0 <= index < n:
            return False
        ch = text[index]
        if is_cjk(ch):
            return True
        if not is_neutral(ch):
            return False
        index += step
    return False


def joins_tight(left: str, right: str) -> bool:
    """Whether the end of ``left`` and the start of ``right`` are CJK text, on either side
    (a neutral character taking the script of its neighbour): no word space between them."""
    return bool(left) and bool(right) and (_side_is_cjk(left, len(left) - 1, -1) or _side_is_cjk(right, 0, 1))


def is_layout_space(before: str, after: str) -> bool:
    """Whether a space between the characters ``before`` and ``after`` is layout, not a word
    space: both are CJK, or one is CJK and the other neutral punctuation (``大 会``,
    ``题为 “变革``). A space between CJK and a Latin letter or digit is printed (``2025 年``)."""
    return (is_cjk(before) and (is_cjk(after) or is_neutral(after))) or (is_neutral(before) and is_cjk(after))


def join_break(left: str, right: str, words: Words | None = None) -> tuple[int, str]:
    """How a line ending with ``left`` joins the next, starting with ``right`` (both without
    spaces at the break; only their last/first :data:`CONTEXT` characters are looked at):
    ``(cut, sep)``: drop the last ``cut`` characters of ``left`` (1: a hyphenation hyphen),
    then put ``sep`` between. See the module docstring."""
    if not left or not right:
        return 0, ""
    a, b = left[-1], right[0]
    if a.isascii() and b.isascii() and a not in "-/":
        return 0, " "  # the common case (English), decided by rule 4 alone
    before = left[-2] if len(left) > 1 else ""
    if a in HYPHENS and before.isalpha() and b.isalpha():
        # The words composed (NFC): a letter and a combining accent after it are one letter
        # (``matio`` + ``n`` + U+0301 is ``matioń``), whether a step composed them before the
        # lines were joined (`display`) or will after (`compare`).
        head = _LETTERS_BEFORE_HYPHEN.search(unicodedata.normalize("NFC", left[-CONTEXT:]))
        tail = _LETTERS.match(unicodedata.normalize("NFC", right[:CONTEXT]))
        if head and tail and not is_cjk(head.group(1)[-1]) and not is_cjk(tail.group()[0]):
            return (0 if hyphen_kept(head.group(1), tail.group(), words) else 1), ""
    if joins_tight(left, right):
        autospace = (is_cjk_letter(a) and is_latin_alnum(b)) or (is_latin_alnum(a) and is_cjk_letter(b))
        return 0, " " if autospace else ""
    if a in HYPHENS or a in DASHES or a == "/":
        return 0, " " if (not before or is_space(before)) else ""
    return 0, " "


def line_separator(left: str, right: str, words: Words | None = None) -> str:
    """Just the separator of :func:`join_break` (for callers that know no hyphen is cut)."""
    return join_break(left, right, words)[1]
