"""The bundled labeled dataset, and reading labeled CSV files of one's own."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import DataError

__all__ = ["LABELS", "dataset_path", "dataset_sha256", "load_dataset", "read_labeled_csv"]

LABELS: tuple[str, ...] = ("product", "project", "other")
"""The labels of the bundled dataset, in the order roleclf reports them."""

_FILE = "labeled_tasks.csv"


def dataset_path() -> Path:
    """Return the path of the bundled ``labeled_tasks.csv``.

    An installed wheel carries the file inside the package; a source checkout (an
    editable install) reads ``data/labeled_tasks.csv`` at the repository's root, the
    single source of truth that the wheel's copy is built from.

    Examples
    --------
    >>> dataset_path().name
    'labeled_tasks.csv'
    """
    packaged = resources.files("roleclf") / "data" / _FILE
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data" / _FILE
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"the bundled dataset {_FILE} is missing from this installation")


def dataset_sha256() -> str:
    """Return the SHA-256 of the bundled dataset file, the key of the model cache.

    Examples
    --------
    >>> len(dataset_sha256())
    64
    """
    return hashlib.sha256(dataset_path().read_bytes()).hexdigest()


def _bad_utf8_offset(path: str | Path) -> int:
    try:
        Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return -1


def read_labeled_csv(path: str | Path, *, labels: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Read a CSV of labeled statements and check it.

    Parameters
    ----------
    path : str or Path
        A CSV file with at least the columns ``text`` and ``label``.
    labels : tuple of str, optional
        The allowed labels; by default any non-empty string label is allowed.

    Returns
    -------
    pandas.DataFrame
        The file's rows, with ``text`` and ``label`` as strings.

    Raises
    ------
    DataError
        The file cannot be read, a column is missing, or a row has an empty text,
        an empty label or a label outside ``labels``; the message names the row
        (data rows counted from 1, the header not counted).

    Examples
    --------
    >>> frame = read_labeled_csv(dataset_path(), labels=LABELS)
    >>> list(frame.columns[:2])
    ['text', 'label']
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text at byte offset {_bad_utf8_offset(path)}") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, IsADirectoryError) as err:
        raise DataError(f"{path}: not a readable CSV file ({err})") from None
    missing = [c for c in ("text", "label") if c not in frame.columns]
    if missing:
        raise DataError(
            f"{path}: column {missing[0]!r} is missing (columns: {', '.join(frame.columns)})"
        )
    for column in ("text", "label"):
        empty = frame.index[frame[column].str.strip() == ""]
        if len(empty):
            raise DataError(f"{path}: row {empty[0] + 1}: column {column!r} is empty")
    if labels is not None:
        bad = frame.index[~frame["label"].isin(labels)]
        if len(bad):
            row = bad[0]
            raise DataError(
                f"{path}: row {row + 1}: label {frame.at[row, 'label']!r} is not one of "
                f"{', '.join(labels)}"
            )
    return frame


def load_dataset() -> pd.DataFrame:
    """Return the bundled labeled dataset.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``label`` (``product``, ``project`` or ``other``),
        ``domain`` and ``style``; one row per hand-written statement.

    Examples
    --------
    >>> import roleclf
    >>> data = roleclf.load_dataset()
    >>> sorted(data["label"].unique())
    ['other', 'product', 'project']
    """
    return read_labeled_csv(dataset_path(), labels=LABELS)
