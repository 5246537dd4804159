"""Finding exact and near-duplicate statements (word-trigram Jaccard similarity)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

__all__ = ["exact_duplicates", "near_duplicates", "normalise", "trigrams"]

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Return ``text`` lowercased, as its runs of letters and digits joined by spaces.

    Examples
    --------
    >>> normalise("  Own the ROADMAP -- Q3! ")
    'own the roadmap q3'
    """
    return " ".join(_WORD.findall(text.lower()))


def trigrams(text: str) -> frozenset[str]:
    """Return the word trigrams of the normalised text (the whole text if shorter).

    Examples
    --------
    >>> sorted(trigrams("plan the next sprint"))
    ['plan the next', 'the next sprint']
    """
    words = normalise(text).split()
    if len(words) < 3:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + 3]) for i in range(len(words) - 2))


def exact_duplicates(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Return ``(first, later)`` position pairs of texts equal after :func:`normalise`.

    Examples
    --------
    >>> exact_duplicates(["Plan it.", "track it", "plan IT"])
    [(0, 2)]
    """
    first: dict[str, int] = {}
    pairs = []
    for i, text in enumerate(texts):
        key = normalise(text)
        if key in first:
            pairs.append((first[key], i))
        else:
            first[key] = i
    return pairs


def near_duplicates(
    texts: Sequence[str], threshold: float = 0.6, *, max_postings: int = 200
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, similarity)`` for pairs ``i < j`` whose trigram Jaccard is ``>= threshold``.

    Texts of fewer than two trigrams are compared only by :func:`exact_duplicates`.
    Trigrams shared by more than ``max_postings`` texts are too common to pair on.

    Examples
    --------
    >>> near_duplicates(["run the weekly status call with the vendor",
    ...                  "run the weekly status call with the vendors", "size the market"])
    [(0, 1, 0.7143)]
    """
    grams = [trigrams(t) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(grams):
        for gram in g:
            postings[gram].append(j)
    pairs = []
    for i, g in enumerate(grams):
        if len(g) < 2:
            continue
        shared: dict[int, int] = defaultdict(int)
        for gram in g:
            hits = postings[gram]
            if len(hits) <= max_postings:
                for j in hits:
                    if j > i:
                        shared[j] += 1
        for j, common in shared.items():
            similarity = common / len(g | grams[j])
            if similarity >= threshold:
                pairs.append((i, j, round(similarity, 4)))
    return pairs
