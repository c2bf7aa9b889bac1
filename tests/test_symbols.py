"""UN document symbols: parsing, canonical form, order, errors."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.errors import SymbolError
from lineage.model import symbols as symbol_module
from lineage.model.symbols import (
    Modifier,
    Symbol,
    canonical_symbol,
    is_symbol,
    parse_symbol,
    symbol_sort_key,
)


@pytest.mark.parametrize(
    "typed, canonical",
    [
        ("A/80/L.41", "A/80/L.41"),
        ("A/80/L.41/Rev.1", "A/80/L.41/Rev.1"),
        ("a/80/l.41/rev.1", "A/80/L.41/Rev.1"),
        (" A / 80 / L. 41 ", "A/80/L.41"),
        ("A／80／L.41／Rev.2", "A/80/L.41/Rev.2"),  # full-width slashes
        ("Ａ/８０/Ｌ.４１", "A/80/L.41"),  # full-width letters and digits
        ("A/80/L.41 Rev.1", "A/80/L.41/Rev.1"),  # a space standing for the slash
        ("A/C.3/78/L.60/Rev.1/Corr.1", "A/C.3/78/L.60/Rev.1/Corr.1"),
        ("A/C.2/80/L.12", "A/C.2/80/L.12"),
        ("A/80/L.41/Add.1", "A/80/L.41/Add.1"),
        ("A/80/L.41/AMEND.1", "A/80/L.41/Amend.1"),
        ("A/RES/80/173", "A/RES/80/173"),
        ("a/res/70/125", "A/RES/70/125"),
        ("A/80/PV.68", "A/80/PV.68"),
        ("WSIS-05/TUNIS/DOC/6(Rev.1)", "WSIS-05/TUNIS/DOC/6(Rev.1)"),
        ("wsis–05/tunis/doc/6 (rev.1)", "WSIS-05/TUNIS/DOC/6(Rev.1)"),  # en dash, space
        ("WSIS-03/GENEVA/DOC/4", "WSIS-03/GENEVA/DOC/4"),
        ("S/RES/2222 (2015)", "S/RES/2222 (2015)"),
        ("s/res/2222(2015)", "S/RES/2222 (2015)"),
        ("E/CN.6/2024/L.3", "E/CN.6/2024/L.3"),
        ("A/HRC/RES/53/29", "A/HRC/RES/53/29"),
        ("E/CN.4/Sub.2/1998/L.1", "E/CN.4/Sub.2/1998/L.1"),
        ("A/60/687", "A/60/687"),
    ],
)
def test_canonical_form(typed: str, canonical: str) -> None:
    assert canonical_symbol(typed) == canonical
    assert canonical_symbol(canonical) == canonical


@pytest.mark.parametrize(
    "symbol, kind, session",
    [
        ("A/80/L.41", "draft", "80"),
        ("A/C.3/78/L.60/Rev.1", "draft", "78"),
        ("A/RES/80/173", "resolution", "80"),
        ("S/RES/2222 (2015)", "resolution", None),
        ("A/80/PV.68", "meeting-record", "80"),
        ("WSIS-05/TUNIS/DOC/6(Rev.1)", "summit", None),
        ("A/60/687", "document", "60"),
    ],
)
def test_kind_and_session(symbol: str, kind: str, session: str | None) -> None:
    sym = parse_symbol(symbol)
    assert sym.kind == kind
    assert sym.session == session


def test_revision_links() -> None:
    assert str(parse_symbol("A/80/L.41/Rev.2").previous_revision()) == "A/80/L.41/Rev.1"
    assert str(parse_symbol("A/80/L.41/Rev.1").previous_revision()) == "A/80/L.41"
    assert parse_symbol("A/80/L.41").previous_revision() is None
    assert parse_symbol("A/80/L.41/Corr.1").previous_revision() is None
    assert str(parse_symbol("A/80/L.41/Corr.1").modified()) == "A/80/L.41"
    assert str(parse_symbol("A/C.3/78/L.60/Rev.1/Corr.1").modified()) == "A/C.3/78/L.60/Rev.1"
    assert str(parse_symbol("WSIS-05/TUNIS/DOC/6(Rev.1)").previous_revision()) == "WSIS-05/TUNIS/DOC/6"
    assert str(parse_symbol("A/80/L.41/Rev.2").base) == "A/80/L.41"


@pytest.mark.parametrize(
    "bad, words",
    [
        ("", "empty"),
        ("   ", "empty"),
        ("A", "at least two components"),
        ("A//80", "empty component"),
        ("A/80/", "empty component"),
        ("A/Rev.1/80", "follows a Rev/Add/Corr/Amend"),
        ("A/80/L.41/Rev", "lacks its number"),
        ("A/80/L.41/Rev.0", "start at 1"),
        ("80/L.41", "must start with an organ"),
        ("A/80/L#41", "not a symbol component"),
        ("A/80/L.41REV.1", "not a symbol component"),
        ("联合国/80", "not a symbol component"),
    ],
)
def test_invalid_symbols_say_why(bad: str, words: str) -> None:
    with pytest.raises(SymbolError) as info:
        parse_symbol(bad)
    assert words in str(info.value)
    assert not is_symbol(bad)


def test_revision_order() -> None:
    typed = [
        "A/80/L.41/Rev.2",
        "A/80/L.41/Rev.1/Corr.1",
        "A/80/L.41",
        "A/80/L.41/Rev.10",
        "A/80/L.41/Rev.1",
        "A/80/L.41/Corr.1",
        "A/80/L.9",
    ]
    ordered = [str(s) for s in sorted(map(parse_symbol, typed))]
    assert ordered == [
        "A/80/L.9",  # natural order of document numbers: 9 before 41
        "A/80/L.41",
        "A/80/L.41/Corr.1",
        "A/80/L.41/Rev.1",
        "A/80/L.41/Rev.1/Corr.1",
        "A/80/L.41/Rev.2",
        "A/80/L.41/Rev.10",
    ]


def test_sort_key_puts_non_symbols_last() -> None:
    assert sorted(["zero draft", "A/80/L.41", "A/80/L.41/Rev.1"], key=symbol_sort_key) == [
        "A/80/L.41",
        "A/80/L.41/Rev.1",
        "zero draft",
    ]


# --- properties ----------------------------------------------------------------------------

# Words with a special spelling (modifiers, the mixed-case "Sub") are covered by the examples.
_word = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=5).filter(
    lambda w: w not in {"SUB", "REV", "ADD", "CORR", "AMEND"}
)
_designated = st.builds(lambda w, n: f"{w}.{n}", _word, st.integers(1, 999))
_number = st.integers(0, 9999).map(str)
_component = st.one_of(_word, _designated, _number)
_organ = st.one_of(st.sampled_from(["A", "E", "S", "A/C.3", "A/HRC", "E/CN.6"]), _word)
_modifier = st.builds(Modifier, st.sampled_from(["Rev", "Add", "Corr", "Amend"]), st.integers(1, 20))


@st.composite
def symbols(draw) -> Symbol:
    organ = draw(_organ).split("/")
    rest = draw(st.lists(_component, min_size=1, max_size=4))
    mods = tuple(draw(st.lists(_modifier, max_size=3)))
    bracketed = bool(mods) and draw(st.booleans())
    parts = tuple(organ + rest)
    return Symbol(parts, mods, bracketed)


@settings(max_examples=300)
@given(symbols())
def test_round_trip(sym: Symbol) -> None:
    text = str(sym)
    assert parse_symbol(text) == sym
    assert str(parse_symbol(text)) == text


@settings(max_examples=200)
@given(symbols(), st.sampled_from(["lower", "fullwidth", "spaces"]))
def test_tolerant_spellings_fold_to_the_canonical_one(sym: Symbol, noise: str) -> None:
    text = str(sym)
    if noise == "lower":
        typed = text.lower()
    elif noise == "fullwidth":
        typed = text.replace("/", "／")
    else:
        typed = " " + text.replace("/", " / ") + " "
    assert canonical_symbol(typed) == text


@settings(max_examples=200)
@given(symbols(), st.integers(1, 8))
def test_revisions_are_ordered(sym: Symbol, n: int) -> None:
    original = sym
    revisions = [original.with_modifier("Rev", i) for i in range(1, n + 1)]
    chain = [original, *revisions]
    assert sorted(reversed(chain)) == chain
    # every revision names the one before it as what it replaces
    for older, newer in zip(chain, chain[1:]):
        assert newer.previous_revision() == older
    # a corrigendum sorts after its base and before the next revision
    for i, base in enumerate(chain[:-1]):
        corr = base.with_modifier("Corr", 1)
        assert base < corr < chain[i + 1]


@pytest.mark.parametrize("typed", ["A/RES/80/173\u200b", "\ufeffA/RES/80/173", "A/RES/80/1\u00ad73",
                                   "A/\u2060RES/80/173"])
def test_invisible_characters_copied_with_a_symbol_are_dropped(typed: str) -> None:
    # Zero-width space, BOM, soft hyphen and word joiner ride along when a symbol is copied
    # from a web page or a PDF; the symbol is still A/RES/80/173.
    assert canonical_symbol(typed) == "A/RES/80/173"


# Pieces a symbol is typed from, canonical or not: the canonical spellings take the short way
# through the parser (one match), the others the checks of every component. Both must agree.
_PIECES = ["A", "E", "S", "a", "RES", "res", "80", "1", "0", "07", "12A", "L.41", "l.41", "L.041", "C.3",
           "CN.6", "PV.68", "Sub.2", "SUB.2", "SUB", "WSIS-05", "TUNIS", "DOC", "Rev.1", "REV.1", "rev.2",
           "Rev.0", "Rev.01", "Rev", "REV", "Add.1", "ADD.1", "Corr.2", "CORR", "CORR-2", "Amend.3",
           "AMEND.3", "REVIEW", "ADDITIONAL", "SUBWAY", "REV-1", "ADD-X", "Rev.12", "rev.3a", "X-", "-X", "1.2", "A.1B", "Ｌ.４１", "", " ", "L. 41"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=7), st.sampled_from(["", "(Rev.1)", " (2015)", " "]))
def test_the_short_way_for_canonical_symbols_agrees_with_the_long_way(pieces: list[str], tail: str) -> None:
    text = "/".join(pieces) + tail
    try:
        long_way: object = symbol_module._parse_any_symbol(text)
    except SymbolError as exc:
        long_way = str(exc)
    symbol_module._parse_symbol.cache_clear()
    try:
        short_way: object = symbol_module._parse_symbol(text)
    except SymbolError as exc:
        short_way = str(exc)
    assert short_way == long_way
    if isinstance(long_way, Symbol) and str(long_way) == text and "(" not in text and "Sub" not in text:
        assert symbol_module._CANONICAL_RE.fullmatch(text)  # the usual spelling takes the short way


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=7), st.sampled_from(["", "(Rev.1)", " (2015)", " "]))
def test_a_canonical_spelling_is_its_own_key(pieces: list[str], tail: str) -> None:
    text = "/".join(pieces) + tail
    try:
        printed = str(symbol_module._parse_any_symbol(text))
    except SymbolError:
        with pytest.raises(SymbolError):
            canonical_symbol(text)
        return
    assert canonical_symbol(text) == printed
