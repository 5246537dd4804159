"""`Explanation`: why a statement got its label, term by term."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import _html

__all__ = ["Explanation"]


@dataclass(frozen=True, eq=False)
class Explanation:
    """The label of one statement, its probabilities, and the terms that decided it.

    Attributes
    ----------
    text : str
        The statement.
    label : str
        The predicted label.
    probabilities : dict of str to float
        Probability of each label.
    intercepts : dict of str to float
        The model's intercept for each label.
    contributions : pandas.DataFrame
        Every term of the statement the model knows (index) and its weight toward each
        label (columns): TF-IDF value times coefficient. A column's sum plus the label's
        intercept is the label's decision score.
    top : int
        How many terms per label :attr:`top_terms` and the displays show.

    Examples
    --------
    >>> import roleclf
    >>> exp = roleclf.explain("manage sprint timelines", top=2)
    >>> exp.label
    'project'
    >>> [term for term, _ in exp.top_terms["project"]]  # doctest: +SKIP
    ['timelines', 'sprint timelines']
    """

    text: str
    label: str
    probabilities: dict[str, float]
    intercepts: dict[str, float]
    contributions: pd.DataFrame
    top: int = 5

    @property
    def decision_scores(self) -> dict[str, float]:
        """Each label's decision score: its term weights summed, plus its intercept."""
        sums = self.contributions.sum(axis=0)
        return {k: float(sums.get(k, 0.0)) + b for k, b in self.intercepts.items()}

    @property
    def top_terms(self) -> dict[str, list[tuple[str, float]]]:
        """For each label, up to ``top`` terms that pushed toward it, strongest first."""
        out: dict[str, list[tuple[str, float]]] = {}
        for label in self.probabilities:
            column = self.contributions[label]
            pushed = column[column > 0].sort_values(ascending=False).head(self.top)
            out[label] = [(str(term), float(w)) for term, w in pushed.items()]
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the explanation as plain Python data (JSON-ready).

        Examples
        --------
        >>> import roleclf
        >>> sorted(roleclf.explain("draft the product vision").to_dict())
        ['decision_scores', 'label', 'probabilities', 'text', 'top_terms']
        """
        return {
            "text": self.text,
            "label": self.label,
            "probabilities": self.probabilities,
            "decision_scores": self.decision_scores,
            "top_terms": {k: [list(t) for t in v] for k, v in self.top_terms.items()},
        }

    def __repr__(self) -> str:
        probs = ", ".join(f"{k}={v:.2f}" for k, v in self.probabilities.items())
        return f"Explanation(label={self.label!r}, {probs}, text={self.text[:50]!r})"

    def __str__(self) -> str:
        """Return a readable table: label, probabilities, and the top terms per label."""
        lines = [f"label: {self.label}", "probabilities:"]
        order = sorted(self.probabilities, key=lambda k: -self.probabilities[k])
        width = max(len(k) for k in order)
        lines += [f"  {k:<{width}}  {self.probabilities[k]:.3f}" for k in order]
        terms = self.top_terms
        rows = [(k, t, w) for k in order for t, w in terms[k]]
        if not rows:
            lines.append("no term of this text is known to the model")
            return "\n".join(lines)
        term_width = max(len("term"), *(len(t) for _, t, _ in rows))
        lines.append(f"top terms:\n  {'toward':<{width}}  {'term':<{term_width}}  weight")
        lines += [f"  {k:<{width}}  {t:<{term_width}}  {w:+.3f}" for k, t, w in rows]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        terms = "".join(
            f"<tr><td>{_html.label_badge(k)}</td><td>{html.escape(t)}</td>"
            f"<td style='text-align:right'>{w:+.3f}</td></tr>"
            for k, v in self.top_terms.items()
            for t, w in v
        )
        return (
            f"<div><p>{_html.label_badge(self.label)} "
            f"{_html.highlight(self.text, self.contributions)}</p>"
            f"<table><tr><th>label</th><th>probability</th><th></th></tr>"
            f"{_html.probability_rows(self.probabilities)}</table>"
            f"<table><tr><th>toward</th><th>term</th><th>weight</th></tr>{terms}</table></div>"
        )
