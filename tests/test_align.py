"""Paragraph alignment (lineage.compare.align) on hand-made texts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lineage.compare.align import (
    GAP_THRESHOLD,
    MATCH_THRESHOLD,
    HeadingMatch,
    Match,
    align_headings,
    align_texts,
    longest_chain,
)
from lineage.compare.similarity import paragraph_similarity

# Ten distinct paragraphs in the drafting style (invented text).
P = [
    "我们重申对建立以人为本、具有包容性和着眼于发展的信息社会的承诺。",
    "我们认识到数字技术为实现可持续发展目标带来了前所未有的机遇。",
    "我们关切地注意到国家之间和国家内部仍然存在严重的数字鸿沟。",
    "我们鼓励各国政府加强宽带基础设施建设，特别是在农村和偏远地区。",
    "我们强调必须保护网上隐私，尊重言论自由和其他人权。",
    "我们决定将互联网治理论坛作为联合国的常设论坛，并请秘书长提供支持。",
    "我们欢迎区域组织为能力建设作出的贡献，并促请捐助方提供资金。",
    "我们确认数据治理对于数字经济的重要性，鼓励在这方面开展国际合作。",
    "我们请科学和技术促进发展委员会每年报告本成果文件的执行进展。",
    "我们决定在2035年举行下一次全面审查，并请大会主席作出安排。",
]


def kinds(matches: list[Match]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(m.kind, m.old, m.new) for m in matches]


def covers_all(matches: list[Match], n_old: int, n_new: int) -> bool:
    olds = sorted(i for m in matches for i in m.old)
    news = sorted(j for m in matches for j in m.new)
    return olds == list(range(n_old)) and news == list(range(n_new))


def test_identical_lists_are_unchanged():
    got = align_texts(P, P, "zh")
    assert kinds(got) == [("unchanged", (k,), (k,)) for k in range(len(P))]


def test_insertion_and_deletion_are_placed_and_never_forced():
    old = P[:6]
    new = P[:2] + P[3:6] + ["我们承诺为青年创造数字就业机会，并支持他们创业。"]
    got = align_texts(old, new, "zh")
    # Old 2 was deleted: reported right after the pair of old 1, where it stood.
    assert kinds(got) == [
        ("unchanged", (0,), (0,)),
        ("unchanged", (1,), (1,)),
        ("deleted", (2,), ()),
        ("unchanged", (3,), (2,)),
        ("unchanged", (4,), (3,)),
        ("unchanged", (5,), (4,)),
        ("inserted", (), (5,)),
    ]


def test_edited_paragraph_is_modified():
    new = list(P)
    new[3] = new[3].replace("鼓励", "促请").replace("加强", "进一步加强")
    got = align_texts(P, new, "zh")
    assert got[3].kind == "modified" and got[3].old == (3,) and got[3].new == (3,)
    assert MATCH_THRESHOLD <= got[3].similarity < 1.0


def test_far_move_also_edited():
    new = list(P)
    moved = new.pop(1).replace("认识到", "确认")
    new.insert(8, moved)
    got = align_texts(P, new, "zh")
    assert ("moved", (1,), (8,)) in kinds(got)
    assert all(m.kind in ("unchanged", "moved") for m in got)
    assert sum(m.kind == "moved" for m in got) == 1


def test_near_move():
    new = list(P)
    new.insert(5, new.pop(2))
    got = align_texts(P, new, "zh")
    assert [m for m in got if m.kind == "moved"] == [Match((2,), (5,), "moved", 1.0)]


def test_split_found_by_containment():
    whole = P[3][:-1] + "，并" + P[4][2:]
    old = P[:3] + [whole] + P[5:]
    new = P[:3] + [P[3], P[4]] + P[5:]
    got = align_texts(old, new, "zh")
    assert ("split", (3,), (3, 4)) in kinds(got)
    assert covers_all(got, len(old), len(new))


def test_merge_found_by_containment():
    old = list(P)
    new = P[:6] + [P[6] + P[7]] + P[8:]
    got = align_texts(old, new, "zh")
    assert ("merged", (6, 7), (6,)) in kinds(got)
    assert covers_all(got, len(old), len(new))


def test_unrelated_paragraphs_in_the_same_place_stay_apart():
    new = list(P)
    new[4] = "我们承诺为青年创造数字就业机会，并支持他们创业。"
    assert paragraph_similarity(P[4], new[4], "zh") < GAP_THRESHOLD
    got = align_texts(P, new, "zh")
    assert ("deleted", (4,), ()) in kinds(got) and ("inserted", (), (4,)) in kinds(got)


def test_heavy_rewrite_in_place_is_modified():
    # Half the paragraph rewritten: below the global threshold, but in the same gap.
    new = list(P)
    new[6] = "我们欢迎区域组织作出贡献，请它们每两年向大会报告一次工作情况。"
    s = paragraph_similarity(P[6], new[6], "zh")
    assert GAP_THRESHOLD <= s < MATCH_THRESHOLD
    assert ("modified", (6,), (6,)) in kinds(align_texts(P, new, "zh"))


def test_english_word_scores():
    old = ["We reaffirm our commitment to the vision of the summit.",
           "We encourage all States to bridge the digital divides.",
           "We decide to hold the next review in 2035."]
    new = ["We reaffirm our strong commitment to the vision of the summit.",
           "We decide to hold the next review in 2035.",
           "We urge all States to close the digital divides."]
    got = align_texts(old, new, "en")
    # Swapping two paragraphs moves one of them; the edited one leaves the spine.
    assert kinds(got) == [("modified", (0,), (0,)), ("unchanged", (2,), (1,)),
                          ("moved", (1,), (2,))]


def test_spine_prefers_longest_chain_then_similarity():
    # (new, old, similarity): the chain 0-0, 2-1, 3-3 beats anything using 1-2.
    units = [(0, 0, 1.0), (1, 2, 1.0), (2, 1, 0.9), (3, 3, 1.0)]
    chain = longest_chain(units)
    assert len(chain) == 3 and 0 in chain and 3 in chain
    # Swapped neighbours: the edited one (lower similarity) leaves the chain.
    assert longest_chain([(0, 1, 0.8), (1, 0, 1.0)]) == {1}


def test_headings_renamed_in_place():
    old = ["导言", "弥合所有数字鸿沟", "互联网治理"]
    new = ["导言", "缩小所有数字鸿沟", "数据治理", "互联网治理"]
    got = align_headings(old, new, "zh")
    assert got == [
        HeadingMatch(0, 0, "unchanged", 1.0),
        HeadingMatch(1, 1, "modified", got[1].similarity),
        HeadingMatch(None, 2, "inserted"),
        HeadingMatch(2, 3, "unchanged", 1.0),
    ]
    # A heading replaced at the same place of the structure counts as renamed.
    anchored = align_headings(["资金机制"], ["筹资"], "zh", {(0, 0)})
    assert anchored[0].kind == "modified"
    assert align_headings(["资金机制"], ["筹资"], "zh")[0].kind == "deleted"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, len(P) - 1), max_size=8),
       st.lists(st.integers(0, len(P) - 1), max_size=8))
def test_every_index_once_in_new_order(old_ids, new_ids):
    old = [P[k] for k in old_ids]
    new = [P[k] for k in new_ids]
    got = align_texts(old, new, "zh")
    assert covers_all(got, len(old), len(new))
    firsts = [min(m.new) for m in got if m.new]
    assert firsts == sorted(firsts)
    assert got == align_texts(old, new, "zh")  # deterministic
