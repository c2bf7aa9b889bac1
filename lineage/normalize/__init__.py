"""Normalisation: rewrite text so that differences of presentation (script slips, width,
layout spaces, line breaks) do not show as changes, keeping a map back to the original.

Public interface other stages rely on:

- ``normalize(text, profile="display"|"compare", language=None) -> Normalized``
- ``Normalized.text``: the normalised text.
- ``Normalized.original``: the input text.
- ``Normalized.offsets``: ``len(text) + 1`` non-decreasing ints; normalised span ``[i, j)``
  comes from original span ``[offsets[i], offsets[j])``; ``offsets[len(text)] == len(original)``.
- ``Normalized.changes``: list of ``Change(step, start, end, before, after)``, spans in the
  original text, one per place a step changed something.
- ``Normalized.original_span(i, j) -> tuple[int, int]``.

Added here: ``Normalized.plan`` (the names of the steps that changed something, in order),
``Normalized.explain()`` (one line per change), ``apply_plan(text, plan)`` (replay a plan),
``STEPS`` (name -> :class:`Step`) and ``PROFILE_STEPS`` (profile -> step names).

Each step is a small function ``text -> list[Edit]`` (see ``lineage.normalize.edits``); the
driver applies a step's edits, keeps them in a log, and derives from the log the changes
(located in the original text) and the offset map when they are first asked for.
``docs/normalisation.md`` describes every step with an example.
"""
from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
from typing import Callable, Iterable, Sequence

from lineage.normalize.chinese import SIMPLIFY_TRIGGERS, beyond_bmp, simplify_edits
from lineage.normalize.edits import Edit, StepMap, apply_edits, compose_offsets
from lineage.normalize.punctuation import (
    DASHES,
    DOUBLE_QUOTES,
    MIDDLE_DOTS,
    SINGLE_QUOTES,
    cjk_full_stop,
    dashes,
    ellipses,
    middle_dots,
    quotes,
)
from lineage.normalize.unicode_steps import (
    INVISIBLE,
    LOOKALIKE_BLOCKS,
    WIDE_FORMS,
    cjk_punctuation,
    invisible,
    lookalikes,
    nfc,
    width,
)
from lineage.normalize.whitespace import (
    OTHER_SPACES,
    cjk_spaces,
    collapse_spaces,
    has_space,
    join_all_lines,
    join_lines,
    may_collapse,
    mixed_spaces,
)
from lineage.script.chars import LINEBREAK

__all__ = [
    "Change",
    "Edit",
    "Normalized",
    "normalize",
    "apply_plan",
    "PROFILES",
    "PROFILE_STEPS",
    "STEPS",
    "Step",
]


def simplify(text: str) -> list[Edit]:
    """Traditional to simplified Chinese with OpenCC, on Han characters only:
    ``中小微型企業`` -> ``中小微型企业``."""
    return simplify_edits(text)


# Multi-character triggers, compiled: the regex engine finds a literal of two or three
# characters several times faster than the `in` operator does.
_DOUBLE_HYPHEN = re.compile("--")
_THREE_DOTS = re.compile("\\.\\.\\.")
_THREE_STOPS = re.compile("\u3002\u3002\u3002")


def _dots(text: str) -> bool:
    # Two literal searches: an alternation of the two would defeat the engine's fast scan.
    return _THREE_DOTS.search(text) is not None or _THREE_STOPS.search(text) is not None


@dataclass(frozen=True)
class Step:
    """A named step. ``triggers`` is a regex character-class body: the step cannot change a
    text that holds none of these characters (None: it may change any text; empty: only
    ``also`` can tell). ``also`` is a cheap test of the current text for triggers a class
    cannot express (``--``, ``...``) or would make slow to scan (a space, which English text
    is full of; characters beyond the Basic Multilingual Plane); the step runs when either
    says it may apply. With ``by_chars`` the function takes the
    trigger characters that may occur as a second argument and searches only for those."""

    name: str
    func: Callable[..., list[Edit]]
    triggers: str | None = None
    also: Callable[[str], object] | None = None
    by_chars: bool = False


_STEP_LIST = [
    Step("invisible", invisible, INVISIBLE),
    Step("lookalikes", lookalikes, LOOKALIKE_BLOCKS),
    Step("nfc", nfc),
    Step("simplify", simplify, SIMPLIFY_TRIGGERS, beyond_bmp),
    Step("width", width, WIDE_FORMS),
    Step("cjk_punctuation", cjk_punctuation, ",:;!?", by_chars=True),
    Step("cjk_full_stop", cjk_full_stop, "."),
    Step("quotes", quotes, DOUBLE_QUOTES + SINGLE_QUOTES, by_chars=True),
    Step("dashes", dashes, DASHES, _DOUBLE_HYPHEN.search, by_chars=True),
    Step("ellipses", ellipses, "\u2026\u22ef", _dots),
    Step("middle_dots", middle_dots, MIDDLE_DOTS, by_chars=True),
    Step("join_lines", join_lines, LINEBREAK),
    Step("join_all_lines", join_all_lines, LINEBREAK),
    Step("collapse_spaces", collapse_spaces, OTHER_SPACES, may_collapse),
    Step("cjk_spaces", cjk_spaces, "", has_space),
    Step("mixed_spaces", mixed_spaces, "", has_space),
]

#: Every step by name; the name is also the key in explanations and plans.
STEPS: dict[str, Step] = {step.name: step for step in _STEP_LIST}

#: The steps of each profile, in the order they run. `display` only repairs what the
#: extraction or encoding broke; `compare` also folds every difference of presentation.
#: In `compare` the line steps run first, on the characters `display` sees (a full-width
#: ``（`` or ``１`` is Chinese punctuation there, its ASCII fold is not): both profiles make
#: the same line joins, so `compare` of the `display` text is `compare` of the text. Then
#: `width` before `nfc` (a full-width ``ａ`` and a combining accent compose once folded), the
#: punctuation folds, and `mixed_spaces` after `cjk_punctuation` (which makes an ASCII ``,``
#: next to Chinese full width, a CJK character) so that a second pass finds no new space to
#: remove.
PROFILE_STEPS: dict[str, tuple[str, ...]] = {
    "display": ("invisible", "lookalikes", "nfc", "join_lines", "collapse_spaces", "cjk_spaces"),
    "compare": (
        "invisible",
        "lookalikes",
        "join_all_lines",
        "collapse_spaces",
        "width",
        "nfc",
        "simplify",
        "cjk_punctuation",
        "cjk_full_stop",
        "mixed_spaces",
        "quotes",
        "dashes",
        "ellipses",
        "middle_dots",
    ),
}

PROFILES = tuple(PROFILE_STEPS)

# Languages whose Han characters must not be converted to simplified Chinese.
_NO_SIMPLIFY = ("ja", "ko")


@dataclass(frozen=True)
class Change:
    """One place a step changed: ``before`` (the step's input there) became ``after``;
    ``[start, end)`` is the span in the ORIGINAL text it comes from."""

    step: str
    start: int
    end: int
    before: str
    after: str


class Normalized:
    """The result of a normalisation. ``offsets`` and ``changes`` are derived from the log
    of edits on first use (building them costs more than normalising a long text, and most
    callers only look up a few spans: ``original_span`` does not need them)."""

    __slots__ = ("original", "text", "plan", "_log", "_offsets", "_changes")

    def __init__(
        self,
        original: str,
        text: str,
        offsets: list[int] | None = None,
        changes: list[Change] | None = None,
        plan: tuple[str, ...] = (),
        log: Sequence[tuple[str, str, Sequence[Edit]]] = (),
    ) -> None:
        self.original = original
        self.text = text
        self.plan = plan
        # (step name, step input, edits) for every step that changed something, in order.
        self._log = tuple(log)
        self._offsets = offsets
        self._changes = changes
        if offsets is None and not self._log:
            if text != original:
                raise ValueError("a changed text needs its offsets or its log of edits")

    @property
    def offsets(self) -> list[int]:
        if self._offsets is None:
            self._derive()
        return self._offsets  # type: ignore[return-value]

    @property
    def changes(self) -> list[Change]:
        if self._changes is None:
            self._derive()
        return self._changes  # type: ignore[return-value]

    def _derive(self) -> None:
        offsets: Sequence[int] = range(len(self.original) + 1)
        changes: list[Change] = []
        for name, text, edits in self._log:
            changes += [
                Change(name, offsets[s], offsets[e], text[s:e], after) for s, e, after in edits
            ]
            offsets = compose_offsets(offsets, edits)
        if self._offsets is None:
            self._offsets = list(offsets)
        if self._changes is None:
            self._changes = changes

    def original_span(self, i: int, j: int) -> tuple[int, int]:
        """The original span the normalised span ``[i, j)`` comes from."""
        if self._offsets is not None:
            return self._offsets[i], self._offsets[j]
        return self._back(i), self._back(j)

    def _back(self, p: int) -> int:
        if not 0 <= p <= len(self.text):
            raise IndexError(f"position {p} outside the normalised text (0..{len(self.text)})")
        for _name, _text, edits in reversed(self._log):
            p = StepMap(edits).back(p)
        return p

    def explain(self) -> list[str]:
        """One line per change, in the order of the original text (changes at the same place
        in the order the steps ran): ``step start-end: 'before' -> 'after'``."""
        return [
            f"{c.step} {c.start}-{c.end}: {c.before!r} -> {c.after!r}"
            for c in sorted(self.changes, key=lambda c: c.start)
        ]

    def __repr__(self) -> str:
        return f"Normalized(text={self.text!r}, plan={self.plan!r})"


@cache
def _trigger_scan(steps: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the trigger characters of all ``steps``: a single pass over the text
    tells which steps can be skipped (one scan instead of one per step)."""
    body = "".join(STEPS[name].triggers or "" for name in steps)
    return re.compile(f"[{body}]") if body else None


_AFTER = itemgetter(2)


def _expand(body: str) -> frozenset[str]:
    """The characters of a character-class body made of single characters and ``a-b``
    ranges (trigger bodies hold no literal hyphen)."""
    chars: set[str] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            chars.update(map(chr, range(ord(body[i]), ord(body[i + 2]) + 1)))
            i += 3
        else:
            chars.add(body[i])
            i += 1
    return frozenset(chars)


@cache
def _trigger_set(name: str) -> frozenset[str]:
    return _expand(STEPS[name].triggers or "")


_Planned = tuple[str, Callable[..., list[Edit]], "frozenset[str] | None",
                 "Callable[[str], object] | None", bool]


@cache
def _planned(steps: tuple[str, ...]) -> tuple[_Planned, ...]:
    """Each step of ``steps`` with what ``_run`` needs of it, looked up once per profile:
    ``(name, func, trigger characters or None, also, by_chars)``."""
    return tuple(
        (name, STEPS[name].func,
         _trigger_set(name) if STEPS[name].triggers is not None else None,
         STEPS[name].also, STEPS[name].by_chars)
        for name in steps
    )


_Compiled = tuple["re.Pattern[str] | None", tuple[_Planned, ...], tuple[tuple[int, _Planned], ...]]


@cache
def _compiled(steps: tuple[str, ...]) -> _Compiled:
    """The trigger scan and the planned steps of ``steps``, and (with their positions) the
    steps that may change a text holding no trigger character: those without triggers and
    those with an ``also`` test."""
    planned = _planned(steps)
    quiet = tuple((k, p) for k, p in enumerate(planned) if p[2] is None or p[3] is not None)
    return _trigger_scan(steps), planned, quiet


def _run(text: str, steps: Sequence[str]) -> Normalized:
    return _run_compiled(text, *_compiled(tuple(steps)))


def _run_compiled(text: str, scan: re.Pattern[str] | None, planned: tuple[_Planned, ...],
                  quiet: tuple[tuple[int, _Planned], ...]) -> Normalized:
    original = text
    log: list[tuple[str, str, list[Edit]]] | None = None
    # Trigger characters of the current text: those of the original plus every character a
    # step has written since (a superset, so a step is never skipped wrongly).
    present = set(scan.findall(text)) if scan is not None else set()
    rest = planned
    if not present:
        # No trigger character (most paragraphs): only the steps of ``quiet`` may apply, until
        # one of them writes something; the steps after it then run as below.
        for k, (name, func, triggers, also, by_chars) in quiet:
            if triggers is None:
                edits = func(text)
            elif also(text):  # type: ignore[misc]  # quiet steps with triggers have an also
                edits = func(text, "") if by_chars else func(text)
            else:
                continue
            if edits:
                log = [(name, text, edits)]
                text = apply_edits(text, edits)
                present.update("".join(map(_AFTER, edits)))
                rest = planned[k + 1:]
                break
        else:
            return Normalized(original, original)
    for name, func, triggers, also, by_chars in rest:
        if triggers is None:
            edits = func(text)
        elif present.isdisjoint(triggers):
            if also is None or not also(text):
                continue
            edits = func(text, "") if by_chars else func(text)
        elif by_chars:
            # The trigger characters of the step that may occur in the current text.
            edits = func(text, "".join(sorted(present.intersection(triggers))))
        else:
            edits = func(text)
        if edits:
            if log is None:
                log = []
            log.append((name, text, edits))
            text = apply_edits(text, edits)
            present.update("".join(map(_AFTER, edits)))
    if log is None:
        return Normalized(original, original)
    return Normalized(original, text, None, None, tuple([entry[0] for entry in log]), log)


def _steps_for(profile: str, language: str | None) -> tuple[str, ...]:
    try:
        steps = PROFILE_STEPS[profile]
    except KeyError:
        raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}") from None
    if language and language.lower().split("-")[0] in _NO_SIMPLIFY:
        steps = tuple(s for s in steps if s != "simplify")
    return steps


@lru_cache(maxsize=64)
def _profile(profile: str, language: str | None) -> _Compiled:
    """:func:`_compiled` of a profile's steps for a language, found with one lookup."""
    return _compiled(_steps_for(profile, language))


def normalize(text: str, profile: str = "display", language: str | None = None) -> Normalized:
    """Normalise ``text`` with ``profile`` (``display`` or ``compare``). ``language`` (a BCP 47
    tag such as ``zh`` or ``en``; None: unknown) only matters for Japanese and Korean, whose
    Han characters are not converted to simplified Chinese."""
    return _run_compiled(text, *_profile(profile, language))


def apply_plan(text: str, plan: Iterable[str]) -> Normalized:
    """Run only the named steps, in order (replays ``Normalized.plan``)."""
    plan = tuple(plan)
    unknown = [name for name in plan if name not in STEPS]
    if unknown:
        raise ValueError(f"unknown step(s): {', '.join(unknown)}")
    return _run(text, plan)


class _CallableStage(types.ModuleType):
    """``lineage.normalize`` names both this stage and its main call. The front door exports
    ``normalize`` as the call, but the import system binds the attribute ``lineage.normalize``
    to this package whenever the stage is first imported; calling the package is calling
    :func:`normalize`, so ``lineage.normalize(text)`` works whichever of the two it holds."""

    def __call__(self, text: str, profile: str = "display", language: str | None = None) -> Normalized:
        return normalize(text, profile, language)


sys.modules[__name__].__class__ = _CallableStage
