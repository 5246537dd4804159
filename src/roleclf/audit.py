"""`audit`: duplicates, conflicting and suspect labels, and thin cells of a labeled dataset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._validation import as_text_list
from .duplicates import exact_duplicates, near_duplicates, normalise
from .errors import DataError
from .evaluation import out_of_fold_proba
from .model import RoleClassifier

__all__ = ["AuditReport", "audit", "confident_label_issues"]


def confident_label_issues(labels: pd.Series, proba: pd.DataFrame) -> pd.DataFrame:
    """Find rows whose out-of-fold probabilities confidently point to another label.

    The confident-learning rule (Northcutt et al., 2021): each label's threshold is the
    mean probability of that label over the rows that carry it. A row is a suspected
    label error when some other label reaches its own threshold and, among the labels
    that do, has the highest probability. Suspects are ranked by the probability of
    their given label, lowest first.

    Parameters
    ----------
    labels : pandas.Series
        The given labels.
    proba : pandas.DataFrame
        Out-of-fold probabilities, one column per label, aligned with ``labels``.

    Returns
    -------
    pandas.DataFrame
        ``given``, ``suggested``, ``given_proba``, ``suggested_proba``; index of the rows.

    Examples
    --------
    >>> labels = pd.Series(["a", "a", "a", "b", "b"])
    >>> proba = pd.DataFrame({"a": [.9, .8, .1, .2, .3], "b": [.1, .2, .9, .8, .7]})
    >>> confident_label_issues(labels, proba)["suggested"].tolist()
    ['b']
    """
    p = proba.to_numpy()
    columns = list(proba.columns)
    given = np.array([columns.index(v) for v in labels])
    thresholds = np.array(
        [p[given == k, k].mean() if (given == k).any() else 1.0 for k in range(len(columns))]
    )
    above = np.where(p >= thresholds - 1e-12, p, -1.0)
    confident = above.argmax(axis=1)
    has = above.max(axis=1) >= 0
    rows = np.flatnonzero(has & (confident != given))
    out = pd.DataFrame(
        {
            "given": [columns[k] for k in given[rows]],
            "suggested": [columns[k] for k in confident[rows]],
            "given_proba": p[rows, given[rows]],
            "suggested_proba": p[rows, confident[rows]],
        },
        index=labels.index[rows],
    )
    return out.sort_values("given_proba", kind="stable")


@dataclass(frozen=True, eq=False)
class AuditReport:
    """What :func:`audit` found in a labeled dataset.

    Attributes
    ----------
    data : pandas.DataFrame
        The audited rows.
    exact_duplicates : pandas.DataFrame
        Rows whose text equals an earlier row's (ignoring case and punctuation):
        ``duplicate_of`` and whether the labels ``conflict``.
    near_duplicates : pandas.DataFrame
        Pairs with word-trigram Jaccard similarity at or above the threshold.
    label_issues : pandas.DataFrame
        Suspected label errors, from :func:`confident_label_issues`, with a column
        ``reviewed``: True where a person checked the row and kept its label.
    counts : dict of str to pandas.DataFrame
        Row counts per label and each of ``domain`` and ``style`` (where present).
    thin_cells : pandas.DataFrame
        The (column, value, label) cells with fewer rows than ``thin``.

    Examples
    --------
    >>> import roleclf
    >>> report = roleclf.audit(roleclf.load_dataset())
    >>> report.passed
    True
    """

    data: pd.DataFrame
    exact_duplicates: pd.DataFrame
    near_duplicates: pd.DataFrame
    label_issues: pd.DataFrame
    counts: dict[str, pd.DataFrame]
    thin_cells: pd.DataFrame
    thin: int

    @property
    def conflicting_labels(self) -> pd.DataFrame:
        """The exact duplicates whose label differs from the earlier row's."""
        return self.exact_duplicates[self.exact_duplicates["conflict"]]

    @property
    def passed(self) -> bool:
        """True when there are no exact duplicates (and so no conflicting labels)."""
        return self.exact_duplicates.empty

    def flagged(self) -> pd.DataFrame:
        """Return every flagged row once per finding: ``row``, ``issue``, ``detail``, text, label.

        Examples
        --------
        >>> import roleclf
        >>> list(roleclf.audit(roleclf.load_dataset()).flagged().columns)
        ['row', 'issue', 'detail', 'text', 'label']
        """
        parts = [
            pd.DataFrame(
                {
                    "row": self.exact_duplicates.index,
                    "issue": np.where(
                        self.exact_duplicates["conflict"], "conflicting label", "exact duplicate"
                    ),
                    "detail": [
                        f"same text as row {r}" for r in self.exact_duplicates["duplicate_of"]
                    ],
                }
            ),
            pd.DataFrame(
                {
                    "row": self.near_duplicates["row"],
                    "issue": "near duplicate",
                    "detail": [
                        f"similarity {s:.2f} with row {r}"
                        for r, s in zip(
                            self.near_duplicates["similar_to"],
                            self.near_duplicates["similarity"],
                            strict=True,
                        )
                    ],
                }
            ),
            pd.DataFrame(
                {
                    "row": self.label_issues.index,
                    "issue": "suspected label error",
                    "detail": [
                        f"{g} {gp:.2f} but {s} {sp:.2f}"
                        for g, s, gp, sp, _ in self.label_issues.itertuples(index=False)
                    ],
                }
            ),
        ]
        out = pd.concat(parts, ignore_index=True)
        out = out[
            ~out["row"].isin(self.label_issues.index[self.label_issues["reviewed"]])
            | (out["issue"] != "suspected label error")
        ]
        out["text"] = self.data.loc[out["row"], "text"].to_numpy()
        out["label"] = self.data.loc[out["row"], "label"].to_numpy()
        return out

    def summary(self) -> dict[str, Any]:
        """Return the counts of each finding.

        Examples
        --------
        >>> import roleclf
        >>> roleclf.audit(roleclf.load_dataset()).summary()["exact_duplicates"]
        0
        """
        return {
            "rows": len(self.data),
            "labels": self.data["label"].value_counts().to_dict(),
            "exact_duplicates": len(self.exact_duplicates),
            "conflicting_labels": len(self.conflicting_labels),
            "near_duplicate_rows": self.near_duplicates["row"].nunique(),
            "suspected_label_errors": int((~self.label_issues["reviewed"]).sum()),
            "reviewed_and_kept": int(self.label_issues["reviewed"].sum()),
            "thin_cells": len(self.thin_cells),
        }

    def __str__(self) -> str:
        """Return the report as readable tables."""
        s = self.summary()
        lines = [
            f"{s['rows']} rows; labels: " + ", ".join(f"{k} {v}" for k, v in s["labels"].items()),
            f"exact duplicates: {s['exact_duplicates']}, of which with conflicting labels: "
            f"{s['conflicting_labels']}",
            f"near-duplicate rows (word-trigram Jaccard): {s['near_duplicate_rows']} "
            f"({s['near_duplicate_rows'] / max(s['rows'], 1):.1%})",
            f"suspected label errors (confident learning, out-of-fold): "
            f"{s['suspected_label_errors']} (and {s['reviewed_and_kept']} reviewed and kept)",
        ]
        flagged = self.flagged()
        if not flagged.empty:
            shown = flagged.assign(text=flagged["text"].str.slice(0, 70))
            lines += ["", shown.head(40).to_string(index=False)]
            if len(flagged) > 40:
                lines.append(f"... and {len(flagged) - 40} more (write them all with --csv)")
        for name, table in self.counts.items():
            lines += ["", f"rows per {name} and label", table.to_string()]
        if self.thin_cells.empty:
            lines += ["", f"thin cells (fewer than {self.thin} rows): none"]
        else:
            cells = ", ".join(
                f"{c}={v}/{lab} ({n})" for c, v, lab, n in self.thin_cells.itertuples(index=False)
            )
            lines += ["", f"thin cells (fewer than {self.thin} rows): {cells}"]
        verdict = "passed" if self.passed else "FAILED: exact duplicates or conflicting labels"
        lines += ["", f"audit {verdict}"]
        return "\n".join(lines)

    def __repr__(self) -> str:
        found = ", ".join(f"{k}={v}" for k, v in self.summary().items() if k != "labels")
        return f"AuditReport({found}, passed={self.passed})"

    def _repr_html_(self) -> str:
        s = self.summary()
        items = "".join(f"<li>{k.replace('_', ' ')}: {v}</li>" for k, v in s.items())
        return (
            f"<div><ul>{items}</ul>{self.flagged().head(50).to_html(index=False)}"
            + "".join(t.to_html() for t in self.counts.values())
            + "</div>"
        )


def audit(
    frame: pd.DataFrame,
    *,
    near_threshold: float = 0.6,
    thin: int = 10,
    folds: int = 5,
    seed: int = 0,
    estimator: RoleClassifier | None = None,
    reviewed: pd.DataFrame | None = None,
) -> AuditReport:
    """Audit a labeled dataset.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``text`` and ``label``; ``domain`` and ``style`` are counted if present.
        Findings name rows by the frame's index (the command line counts data rows from 1).
    near_threshold : float
        Word-trigram Jaccard similarity from which two rows are near duplicates.
    thin : int
        A (domain or style, label) cell with fewer rows than this is named as thin.
    folds, seed : int
        Cross-validation that gives each row out-of-fold probabilities.
    estimator : RoleClassifier, optional
        The model settings used for the out-of-fold probabilities.
    reviewed : pandas.DataFrame, optional
        Rows a person has checked and kept (columns ``text`` and ``label``): a suspect
        with the same text (ignoring case and punctuation) and label is not flagged again.

    Returns
    -------
    AuditReport

    Examples
    --------
    >>> import roleclf
    >>> roleclf.audit(roleclf.load_dataset()).summary()["conflicting_labels"]
    0
    """
    missing = [c for c in ("text", "label") if c not in frame.columns]
    if missing:
        raise DataError(f"column {missing[0]!r} is missing (columns: {', '.join(frame.columns)})")
    if not frame.index.is_unique:
        raise DataError("the frame's index has repeated labels; rows must be identifiable")
    data, row = frame, frame.index
    texts = as_text_list(data["text"], name="text")
    labels = as_text_list(data["label"], name="label")
    pairs = exact_duplicates(texts)
    exact = pd.DataFrame(
        {
            "duplicate_of": [row[a] for a, _ in pairs],
            "conflict": [labels[a] != labels[b] for a, b in pairs],
        },
        index=row[[b for _, b in pairs]],
    )
    near = pd.DataFrame(
        [(row[j], row[i], s) for i, j, s in near_duplicates(texts, near_threshold)],
        columns=["row", "similar_to", "similarity"],
    )
    if data["label"].nunique() > 1 and data["label"].value_counts().min() >= folds:
        proba = out_of_fold_proba(texts, labels, estimator=estimator, folds=folds, seed=seed)
        issues = confident_label_issues(data["label"], proba.set_axis(row))
    else:  # too few rows of some label to cross-validate: no suspects can be named
        issues = pd.DataFrame(columns=["given", "suggested", "given_proba", "suggested_proba"])
    kept = (
        set()
        if reviewed is None
        else set(zip(reviewed["text"].map(normalise), reviewed["label"], strict=True))
    )
    issues["reviewed"] = [
        (normalise(str(data.at[r, "text"])), data.at[r, "label"]) in kept for r in issues.index
    ]
    counts, thin_rows = {}, []
    for column in ("domain", "style"):
        if column in data.columns:
            table = pd.crosstab(data[column], data["label"])
            counts[column] = table
            for value, cells in table.iterrows():
                thin_rows += [(column, value, k, int(n)) for k, n in cells.items() if n < thin]
    return AuditReport(
        data=data,
        exact_duplicates=exact,
        near_duplicates=near,
        label_issues=issues,
        counts=counts,
        thin_cells=pd.DataFrame(thin_rows, columns=["column", "value", "label", "count"]),
        thin=thin,
    )
