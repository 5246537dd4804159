"""Checking that the text a user passes in is a batch of strings."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def as_text_list(texts: Any, *, name: str = "texts") -> list[str]:
    """Return ``texts`` as a list of ``str``, or raise naming the first bad item.

    Parameters
    ----------
    texts : iterable of str
        A list, tuple, numpy array or pandas Series of strings. A bare ``str`` or
        ``bytes`` is refused: iterating it would classify single characters.
    name : str
        How the argument is called in error messages.

    Returns
    -------
    list of str

    Raises
    ------
    TypeError
        A bare string, a non-iterable, a DataFrame, or an item that is not a ``str``
        (``None``, a number, ``bytes``); the message names the item's position.
    ValueError
        An item is a missing value (NaN or ``pd.NA``).

    Examples
    --------
    >>> as_text_list(("plan the launch", "track the budget"))
    ['plan the launch', 'track the budget']
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(
            f"{name} must be a sequence of strings, got a single {type(texts).__name__}; "
            f"wrap it in a list: [{_describe(texts)}]"
        )
    if isinstance(texts, pd.DataFrame):
        raise TypeError(f"{name} must be one column of strings, got a DataFrame; select a column")
    if isinstance(texts, np.ndarray) and texts.ndim != 1:
        raise TypeError(f"{name} must be one-dimensional, got an array of shape {texts.shape}")
    if not isinstance(texts, Iterable):
        raise TypeError(f"{name} must be a sequence of strings, got {type(texts).__name__}")
    labels = list(texts.index) if isinstance(texts, pd.Series) else None
    out = list(texts)
    for i, value in enumerate(out):
        if isinstance(value, str):
            continue
        where = f"position {i}" + (f" (index {labels[i]!r})" if labels is not None else "")
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(f"{name} item at {where} is missing ({value!r}); expected a string")
        raise TypeError(
            f"{name} item at {where} is {_describe(value)} of type {type(value).__name__}; "
            "expected a string"
        )
    return out


def as_label_list(labels: Any) -> list[Any]:
    """Return ``labels`` as a list of ``str`` or ``int`` labels, or raise naming the first bad one.

    Examples
    --------
    >>> as_label_list(["product", "other"])
    ['product', 'other']
    """
    if isinstance(labels, (str, bytes)):
        raise TypeError("y must be a sequence of labels, got a single string")
    out = list(labels)
    for i, value in enumerate(out):
        if not isinstance(value, (str, int, np.integer)) or isinstance(value, bool):
            raise TypeError(
                f"y item at position {i} is {_describe(value)} of type "
                f"{type(value).__name__}; expected a string label"
            )
    return out
