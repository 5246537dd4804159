"""The quick functions: classify statements with the default model or one you pass."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ._validation import as_text_list
from .default import default_model
from .explanation import Explanation
from .model import RoleClassifier

__all__ = ["classify", "classify_many", "explain", "predict_proba"]


def _model(model: RoleClassifier | None) -> RoleClassifier:
    return default_model() if model is None else model


def classify(text: str, *, model: RoleClassifier | None = None) -> str:
    """Return the label of one statement: ``"product"``, ``"project"`` or ``"other"``.

    Parameters
    ----------
    text : str
        One statement.
    model : RoleClassifier, optional
        A model of your own; the default model otherwise.

    Examples
    --------
    >>> import roleclf
    >>> roleclf.classify("manage sprint timelines")
    'project'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {type(text).__name__}: {text!r:.60}")
    return classify_many([text], model=model)[0]


def classify_many(texts: Iterable[str], *, model: RoleClassifier | None = None) -> list[str]:
    """Return the label of each statement, in order.

    Parameters
    ----------
    texts : sequence of str
        The statements (a list, tuple, array or Series; not a bare string).
    model : RoleClassifier, optional
        A model of your own; the default model otherwise.

    Examples
    --------
    >>> import roleclf
    >>> roleclf.classify_many(["draft the product vision", "track the budget"])
    ['product', 'project']
    """
    return [str(label) for label in _model(model).predict(as_text_list(texts))]


def predict_proba(texts: Iterable[str], *, model: RoleClassifier | None = None) -> pd.DataFrame:
    """Return each statement's probability of each label.

    Parameters
    ----------
    texts : sequence of str
        The statements; a pandas Series keeps its index in the result.
    model : RoleClassifier, optional
        A model of your own; the default model otherwise.

    Returns
    -------
    pandas.DataFrame
        One row per statement, one column per label; each row sums to 1.

    Examples
    --------
    >>> import roleclf
    >>> proba = roleclf.predict_proba(["allocate resources"])
    >>> list(proba.columns), bool(proba.sum(axis=1).round(6).eq(1).all())
    (['other', 'product', 'project'], True)
    """
    clf = _model(model)
    items = as_text_list(texts)
    index = texts.index if isinstance(texts, pd.Series) else None
    return pd.DataFrame(
        clf.predict_proba(items), index=index, columns=[str(c) for c in clf.classes_]
    )


def explain(text: str, top: int = 5, *, model: RoleClassifier | None = None) -> Explanation:
    """Explain the label of one statement by the terms that pushed it.

    Examples
    --------
    >>> import roleclf
    >>> roleclf.explain("manage sprint timelines", top=3).label
    'project'
    """
    return _model(model).explain(text, top=top)
