"""Properties of the normalisation on generated text mixing CJK, Latin, digits, spaces,
full-width forms, line breaks and the artefacts the steps repair."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lineage.normalize import PROFILE_STEPS, STEPS, apply_plan, normalize
from lineage.normalize.edits import apply_edits

# Single characters and short tokens that exercise every step. Han characters are ones whose
# simplified form does not depend on the neighbouring characters (no OpenCC phrase).
TOKENS = [
    *"中小微型企業业发發会議议年月日大",
    *"abcxyzAIN",
    *"0127",
    " ", "  ", "\u3000", "\t", "\u00a0",
    "\n", "\n\n", "\r\n", " \n ", "\u2028",
    *"（）１２ａＡ，：；！？％",
    *",.:;!?()/-",
    "—", "–", "——", "--", "…", "……", "...", "。", "、", "《", "》",
    "“", "”", "‘", "’", "「", "」", "・",
    "\u00ad", "\u200b", "\ufeff", "\u2f08", "\uf9d1", "\u2ec5", "e\u0301", "\u0301",
    "(a)", "（b）", "(iv)", "infor-\nmation", "multi-\nstakeholder", "2025 年", "第 70/125 号",
    "A/CONF.157/24 (Part I)", "Internet Governance Forum",
]

texts = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
profiles = st.sampled_from(sorted(PROFILE_STEPS))


@settings(max_examples=300, deadline=None)
@given(texts, profiles)
@example("中\n.", "compare")  # found by Hypothesis: the line join made a new ``中.``
def test_idempotent(text: str, profile: str) -> None:
    once = normalize(text, profile).text
    assert normalize(once, profile).text == once


@settings(max_examples=300, deadline=None)
@given(texts, profiles)
def test_offset_map_invariants(text: str, profile: str) -> None:
    n = normalize(text, profile)
    offsets = n.offsets
    assert len(offsets) == len(n.text) + 1
    assert offsets[-1] == len(text)
    assert all(0 <= a <= b <= len(text) for a, b in zip(offsets, offsets[1:]))
    # the lazy lookup agrees with the materialised list
    fresh = normalize(text, profile)
    assert [fresh.original_span(i, i + 1) for i in range(len(n.text))] == [
        (offsets[i], offsets[i + 1]) for i in range(len(n.text))
    ]
    # Where it is well defined (letters, digits, ideographs: their folding does not depend on
    # the neighbours), the original span of a character normalises to that character.
    for i, ch in enumerate(n.text):
        if ch.isalnum():
            piece = text[offsets[i]:offsets[i + 1]]
            assert normalize(piece, profile).text[:1] == ch, (i, ch, piece)


@settings(max_examples=200, deadline=None)
@given(texts, profiles)
def test_changes_located_in_original(text: str, profile: str) -> None:
    n = normalize(text, profile)
    for change in n.changes:
        assert 0 <= change.start <= change.end <= len(text)
        assert change.before != change.after
    assert set(n.plan) == {c.step for c in n.changes}


@settings(max_examples=200, deadline=None)
@given(texts, profiles)
def test_plan_replay(text: str, profile: str) -> None:
    n = normalize(text, profile)
    replay = apply_plan(text, n.plan)
    assert replay.text == n.text
    assert replay.changes == n.changes


@settings(max_examples=200, deadline=None)
@given(texts, profiles)
def test_skipping_steps_by_trigger_changes_nothing(text: str, profile: str) -> None:
    # The driver skips a step when none of its trigger characters is present; running every
    # step unconditionally must give the same text.
    current = text
    for name in PROFILE_STEPS[profile]:
        current = apply_edits(current, STEPS[name].func(current))
    assert normalize(text, profile).text == current


@settings(max_examples=200, deadline=None)
@given(texts)
# Found by Hypothesis: `display` composed the accent before joining the lines, `compare` after,
# and the hyphen rule saw two different words (``matioń``, ``mation``).
@example("infor-\nmation\u0301")
def test_compare_ignores_what_display_keeps(text: str) -> None:
    # compare is a coarser equivalence: normalising the display text gives the same result.
    assert normalize(normalize(text, "display").text, "compare").text == normalize(text, "compare").text
