from __future__ import annotations

from roleclf.duplicates import exact_duplicates, near_duplicates, normalise, trigrams


def test_normalise_drops_case_and_punctuation() -> None:
    assert normalise("• Own the Q3 roadmap!") == normalise("own the q3 ROADMAP")


def test_exact_duplicates_pair_later_copies_with_the_first() -> None:
    assert exact_duplicates(["A b", "c", "a B.", "A-b"]) == [(0, 2), (0, 3)]


def test_near_duplicates_use_trigram_jaccard() -> None:
    a = "chase the vendor for the signed change order by friday"
    b = "chase the vendor for the signed change order by monday"
    c = "interview five churned customers about pricing"
    pairs = near_duplicates([a, b, c])
    common = len(trigrams(a) & trigrams(b)) / len(trigrams(a) | trigrams(b))
    assert pairs == [(0, 1, round(common, 4))]
    assert near_duplicates([a, b, c], threshold=0.95) == []


def test_short_texts_are_not_near_paired() -> None:
    assert near_duplicates(["plan sprint", "plan sprint"]) == []
