"""Saving and loading models as skops files, which can never run code when loaded."""

from __future__ import annotations

import copy
import json
import os
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

import sklearn
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from ._version import __version__
from .errors import ModelFileError
from .model import RoleClassifier

__all__ = ["load_model", "save_model"]

FORMAT = "roleclf-model"
#: Version 2 stores the vectorizer's vocabulary as one JSON text: skops writes a dict as one
#: node per entry, and the default model's 50,000 terms took seconds to check and load.
FORMAT_VERSION = 2
_READABLE_VERSIONS = (1, 2)


def save_model(model: RoleClassifier, path: str | Path) -> None:
    """Write a fitted model to ``path`` as a skops file, atomically.

    The file records the format, the roleclf and scikit-learn versions, the labels and
    the SHA-256 of the training data, next to the fitted pipeline, whose vocabulary is
    stored apart as one JSON text so that loading takes milliseconds.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
    >>> save_model(clf, pathlib.Path(tempfile.mkdtemp()) / "m.skops")
    """
    tfidf = copy.copy(model.pipeline.named_steps["tfidf"])
    vocabulary = tfidf.__dict__.pop("vocabulary_")
    pipeline = copy.copy(model.pipeline)
    pipeline.steps = [("tfidf", tfidf), *model.pipeline.steps[1:]]
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "roleclf_version": __version__,
        "sklearn_version": sklearn.__version__,
        "labels": [str(c) for c in model.classes_],
        "training_sha256": model.training_sha256_,
        "params": model.get_params(),
        "pipeline": pipeline,
        "vocabulary": json.dumps(vocabulary, ensure_ascii=False),
    }
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    os.close(fd)
    try:
        sio.dump(payload, tmp, compression=zipfile.ZIP_DEFLATED)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_payload(payload: Any, path: str | Path) -> None:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not a roleclf model file")
    if payload.get("format_version") not in _READABLE_VERSIONS:
        raise ModelFileError(
            f"{path}: model format version {payload.get('format_version')!r} is not one "
            f"this roleclf reads ({', '.join(map(str, _READABLE_VERSIONS))})"
        )
    pipeline = payload.get("pipeline")
    steps = getattr(pipeline, "steps", None)
    if (
        not isinstance(pipeline, Pipeline)
        or [name for name, _ in steps or []] != ["tfidf", "clf"]
        or not isinstance(pipeline.named_steps["tfidf"], TfidfVectorizer)
        or not isinstance(pipeline.named_steps["clf"], LogisticRegression)
    ):
        raise ModelFileError(f"{path}: the model is not a TF-IDF and logistic-regression pipeline")
    labels = [str(c) for c in pipeline.named_steps["clf"].classes_]
    if payload.get("labels") != labels:
        raise ModelFileError(f"{path}: the recorded labels do not match the model's")


def _vocabulary(payload: dict[str, Any], path: str | Path) -> dict[str, int]:
    """Read the stored vocabulary, checking that it maps terms onto the model's columns."""
    try:
        vocabulary = json.loads(payload["vocabulary"])
    except (KeyError, TypeError, ValueError):
        vocabulary = None
    n_features = getattr(payload["pipeline"].named_steps["clf"], "n_features_in_", 0)
    if (
        not isinstance(vocabulary, dict)
        or not all(isinstance(column, int) for column in vocabulary.values())
        or sorted(vocabulary.values()) != list(range(n_features))
    ):
        raise ModelFileError(f"{path}: the vocabulary is missing or does not match the model")
    return vocabulary


def load_model(path: str | Path) -> RoleClassifier:
    """Read a model written by :func:`save_model`.

    Only the types of a TF-IDF and logistic-regression pipeline are accepted, so a
    file can never make loading run code.

    Raises
    ------
    ModelFileError
        The file is missing, is not a skops file, holds types other than those
        expected, or does not hold a roleclf model.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "m.skops"
    >>> save_model(clf, target)
    >>> load_model(target).classes_.tolist()
    ['product', 'project']
    """
    if not Path(path).is_file():
        raise ModelFileError(f"{path}: no such model file")
    try:
        untrusted = sio.get_untrusted_types(file=path)
        if untrusted:
            raise ModelFileError(
                f"{path}: refusing to load, the file holds types a roleclf model never "
                f"has: {', '.join(untrusted)}"
            )
        payload = sio.load(path)
    except ModelFileError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError) as err:
        raise ModelFileError(f"{path}: not a readable skops model file ({err})") from None
    except Exception as err:  # skops raises its own types for untrusted content
        raise ModelFileError(f"{path}: refusing to load ({type(err).__name__}: {err})") from None
    _check_payload(payload, path)
    if payload["format_version"] >= 2:  # version 1 kept the vocabulary in the pipeline
        payload["pipeline"].named_steps["tfidf"].vocabulary_ = _vocabulary(payload, path)
    if payload.get("sklearn_version") != sklearn.__version__:
        warnings.warn(
            f"{path} was saved with scikit-learn {payload.get('sklearn_version')}, this is "
            f"{sklearn.__version__}; predictions may differ",
            stacklevel=2,
        )
    model = RoleClassifier(**payload["params"])
    model.pipeline_ = payload["pipeline"]
    model.classes_ = model.pipeline_.named_steps["clf"].classes_
    model.training_sha256_ = str(payload["training_sha256"])
    return model
