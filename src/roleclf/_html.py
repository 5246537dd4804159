"""Small HTML pieces shared by the rich notebook displays: label colours, bars, highlights."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping

import pandas as pd

_FIXED = {"product": "#3b75af", "project": "#e0803a", "other": "#8c8c8c"}
_PALETTE = ("#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#ccb974", "#64b5cd")
TOKEN = re.compile(r"(?u)\b\w\w+\b")
"""scikit-learn's default token pattern, which the model's vectorizer uses."""


def label_colour(label: str) -> str:
    """Return the display colour of a label (fixed for the three built-in labels).

    Examples
    --------
    >>> label_colour("product")
    '#3b75af'
    """
    if label in _FIXED:
        return _FIXED[label]
    return _PALETTE[sum(label.encode()) % len(_PALETTE)]


def label_badge(label: str) -> str:
    """Return a coloured badge showing ``label``."""
    return (
        f'<span style="background:{label_colour(label)};color:#fff;border-radius:3px;'
        f'padding:1px 6px;font-weight:600">{html.escape(label)}</span>'
    )


def bar(shares: Mapping[str, float], width: int = 160) -> str:
    """Return one horizontal stacked bar, a segment per label sized by its share."""
    segments = "".join(
        f'<span title="{html.escape(k)} {v:.0%}" style="display:inline-block;height:10px;'
        f'width:{v * width:.1f}px;background:{label_colour(k)}"></span>'
        for k, v in shares.items()
        if v > 0
    )
    return f'<span style="display:inline-block;background:#eee;width:{width}px">{segments}</span>'


def probability_rows(probabilities: Mapping[str, float]) -> str:
    """Return table rows of label, probability and a small bar."""
    return "".join(
        f"<tr><td>{label_badge(k)}</td><td style='text-align:right'>{v:.3f}</td>"
        f"<td>{bar({k: v}, 120)}</td></tr>"
        for k, v in sorted(probabilities.items(), key=lambda kv: -kv[1])
    )


def _normalise(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def highlight(text: str, contributions: pd.DataFrame) -> str:
    """Return ``text`` as HTML with each word shaded by the label its terms pushed toward.

    A word's push toward a label is the sum, over the n-gram terms that contain it, of the
    term's weight divided by the term's length in words.

    Parameters
    ----------
    text : str
        The statement.
    contributions : pandas.DataFrame
        Weights, one row per term (index) and one column per label.
    """
    spans = [(m.start(), m.end(), _normalise(m.group())) for m in TOKEN.finditer(text)]
    words = [w for _, _, w in spans]
    push: list[dict[str, float]] = [dict.fromkeys(contributions.columns, 0.0) for _ in spans]
    weights = contributions.to_dict(orient="index")
    for n in {len(str(term).split()) for term in contributions.index}:
        for i in range(len(words) - n + 1):
            row = weights.get(" ".join(words[i : i + n]))
            if row is None:
                continue
            for j in range(i, i + n):
                for label, weight in row.items():
                    push[j][str(label)] += float(weight) / n
    scale = max((max(p.values(), default=0.0) for p in push), default=0.0) or 1.0
    out, last = [], 0
    for (start, end, _), scores in zip(spans, push, strict=True):
        out.append(html.escape(text[last:start]))
        label, weight = max(scores.items(), key=lambda kv: kv[1], default=("", 0.0))
        word = html.escape(text[start:end])
        if weight > 0:
            alpha = int(40 + 180 * min(weight / scale, 1.0))
            out.append(
                f'<span title="{html.escape(label)} +{weight:.2f}" '
                f'style="background:{label_colour(label)}{alpha:02x};border-radius:2px">'
                f"{word}</span>"
            )
        else:
            out.append(word)
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)
