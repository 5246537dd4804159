"""Scoring a model: cross-validation on labeled data, or a fitted model on held-out data."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from ._validation import as_text_list
from .errors import DataError
from .model import RoleClassifier

__all__ = ["EvaluationReport", "cross_validate", "evaluate", "out_of_fold_proba"]


@dataclass(frozen=True, eq=False)
class EvaluationReport:
    """Scores of predicted labels against true ones.

    Attributes
    ----------
    method : str
        How the predictions were made, e.g. ``"stratified 5-fold cross-validation"``.
    labels : list of str
        The labels, in the order of the tables.
    accuracy, macro_f1 : float
        Share of statements labeled right; unweighted mean of the per-label F1 over the
        labels that occur among the true or predicted labels.
    per_label : pandas.DataFrame
        ``precision``, ``recall``, ``f1`` and ``support`` per label.
    confusion : pandas.DataFrame
        Counts, true labels as rows and predicted labels as columns.
    y_true, y_pred : list of str
        The labels compared.
    proba : pandas.DataFrame or None
        The probabilities behind ``y_pred`` (out-of-fold for cross-validation), one column
        per label, where known.

    Examples
    --------
    >>> import roleclf
    >>> report = roleclf.evaluate(
    ...     roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"]),
    ...     ["the roadmap", "the budget"], ["product", "project"])
    >>> report.accuracy
    1.0
    """

    method: str
    labels: list[str]
    accuracy: float
    macro_f1: float
    per_label: pd.DataFrame
    confusion: pd.DataFrame
    y_true: list[str]
    y_pred: list[str]
    proba: pd.DataFrame | None = None

    @classmethod
    def from_predictions(
        cls,
        y_true: Sequence[str],
        y_pred: Sequence[str],
        labels: Sequence[str],
        method: str,
        proba: pd.DataFrame | None = None,
    ) -> EvaluationReport:
        """Score ``y_pred`` against ``y_true`` over ``labels``."""
        labels = list(labels)
        seen = set(y_true) | set(y_pred)
        p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
        per_label = pd.DataFrame(
            {"precision": p, "recall": r, "f1": f, "support": s}, index=pd.Index(labels)
        )
        matrix = confusion_matrix(y_true, y_pred, labels=labels)
        confusion = pd.DataFrame(
            matrix,
            index=pd.Index(labels, name="true"),
            columns=pd.Index(labels, name="predicted"),
        )
        return cls(
            method=method,
            labels=labels,
            accuracy=float(accuracy_score(y_true, y_pred)),
            macro_f1=float(np.mean([f1 for f1, k in zip(f, labels, strict=True) if k in seen])),
            per_label=per_label,
            confusion=confusion,
            y_true=list(y_true),
            y_pred=list(y_pred),
            proba=proba,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as plain Python data (JSON-ready)."""
        return {
            "method": self.method,
            "n": len(self.y_true),
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_label": self.per_label.to_dict(orient="index"),
            "confusion": self.confusion.to_dict(orient="index"),
        }

    def __str__(self) -> str:
        """Return the report as a readable table."""
        per_label = self.per_label.to_string(
            formatters={c: "{:.3f}".format for c in ("precision", "recall", "f1")}
        )
        return (
            f"{self.method}, {len(self.y_true)} statements\n"
            f"accuracy {self.accuracy:.3f}   macro-F1 {self.macro_f1:.3f}\n\n"
            f"{per_label}\n\nconfusion matrix (rows: true, columns: predicted)\n"
            f"{self.confusion.to_string()}"
        )

    def _repr_html_(self) -> str:
        return (
            f"<div><p><b>{html.escape(self.method)}</b>, {len(self.y_true)} statements: "
            f"accuracy {self.accuracy:.3f}, macro-F1 {self.macro_f1:.3f}</p>"
            f"{self.per_label.to_html(float_format='{:.3f}'.format)}"
            f"{self.confusion.to_html()}</div>"
        )


def _folds(folds: int, seed: int) -> StratifiedKFold:
    return StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)


def out_of_fold_proba(
    texts: Iterable[str],
    labels: Iterable[str],
    *,
    estimator: RoleClassifier | None = None,
    folds: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Return each statement's probabilities from a model that never saw it in training.

    Examples
    --------
    >>> import roleclf
    >>> data = roleclf.load_dataset()
    >>> out_of_fold_proba(data["text"], data["label"]).shape[1]
    3
    """
    texts, y = as_text_list(texts), as_text_list(labels, name="labels")
    estimator = clone(estimator) if estimator is not None else RoleClassifier()
    proba = cross_val_predict(estimator, texts, y, cv=_folds(folds, seed), method="predict_proba")
    return pd.DataFrame(proba, columns=sorted(set(y)))


def cross_validate(
    texts: Iterable[str],
    labels: Iterable[str],
    *,
    estimator: RoleClassifier | None = None,
    folds: int = 5,
    seed: int = 0,
) -> EvaluationReport:
    """Score a fresh model by stratified k-fold cross-validation.

    Parameters
    ----------
    texts, labels : sequence of str
        The labeled statements.
    estimator : RoleClassifier, optional
        The settings to evaluate (cloned, never fitted in place); defaults otherwise.
    folds : int
        Number of folds.
    seed : int
        Seed of the fold shuffle.

    Examples
    --------
    >>> import roleclf
    >>> data = roleclf.load_dataset()
    >>> roleclf.cross_validate(data["text"], data["label"]).macro_f1 > 0.8
    True
    """
    y = as_text_list(labels, name="labels")
    proba = out_of_fold_proba(texts, y, estimator=estimator, folds=folds, seed=seed)
    predicted = proba.columns[proba.to_numpy().argmax(axis=1)].tolist()
    return EvaluationReport.from_predictions(
        y, predicted, list(proba.columns), f"stratified {folds}-fold cross-validation", proba
    )


def evaluate(
    model: RoleClassifier, texts: Iterable[str], labels: Iterable[str]
) -> EvaluationReport:
    """Score a fitted model on labeled statements it was not trained on.

    Examples
    --------
    >>> import roleclf
    >>> clf = roleclf.RoleClassifier(min_df=1)
    >>> clf = clf.fit(["a roadmap", "a budget"], ["product", "project"])
    >>> roleclf.evaluate(clf, ["roadmap"], ["product"]).macro_f1
    1.0
    """
    y = as_text_list(labels, name="labels")
    known = [str(c) for c in model.classes_]
    proba = pd.DataFrame(model.predict_proba(as_text_list(texts)), columns=known)
    predicted = proba.columns[proba.to_numpy().argmax(axis=1)].tolist()
    unknown = sorted(set(y) - set(known))
    if unknown:
        raise DataError(f"label {unknown[0]!r} is not one the model knows ({', '.join(known)})")
    return EvaluationReport.from_predictions(y, predicted, known, "held-out evaluation", proba)
