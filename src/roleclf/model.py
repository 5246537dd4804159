"""`RoleClassifier`: TF-IDF word n-grams and logistic regression, as a scikit-learn estimator."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Self

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from ._validation import as_label_list, as_text_list
from .dataset import read_labeled_csv
from .explanation import Explanation

__all__ = ["RoleClassifier"]


def training_sha256(texts: Iterable[str], labels: Iterable[str]) -> str:
    """Return a SHA-256 over the training texts and labels, in order.

    Examples
    --------
    >>> training_sha256(["a"], ["x"]) == training_sha256(["a"], ["y"])
    False
    """
    digest = hashlib.sha256()
    for text, label in zip(texts, labels, strict=True):
        digest.update(f"{len(text)}:{text}\x1f{label}\x1e".encode())
    return digest.hexdigest()


class RoleClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Classify work statements with TF-IDF word n-grams and logistic regression.

    A scikit-learn estimator: ``get_params``, ``set_params`` and ``clone`` work, and it fits
    inside ``GridSearchCV``. It takes any set of string labels. Text in which the model
    knows no term (empty, symbols, another language) gets probability 1 for
    ``unknown_label`` when that is one of the labels, and equal probabilities otherwise,
    never a confident answer drawn from the class prior.

    Parameters
    ----------
    ngram_range : tuple of int
        Word n-gram lengths of the TF-IDF features.
    min_df : int or float
        Ignore terms in fewer documents than this (a count, or a share of documents).
    sublinear_tf : bool
        Use ``1 + log(tf)`` term frequencies.
    C : float
        Inverse regularisation strength of the logistic regression.
    class_weight : "balanced", dict or None
        Class weights of the logistic regression.
    max_iter : int
        Iterations of the solver.
    tol : float
        The solver's stopping tolerance. The default is 100 times tighter than
        scikit-learn's, so that the fit reaches the optimum: at scikit-learn's 1e-4 the
        solver stops early, and editing a single training row changed the labels of about
        1% of unrelated statements.
    unknown_label : str or None
        The label for text with no known term (``"other"`` by default).
    random_state : int
        Seed of the solver, so that training is repeatable.

    Attributes
    ----------
    pipeline_ : sklearn.pipeline.Pipeline
        The fitted pipeline, steps ``tfidf`` and ``clf`` (also as ``pipeline``).
    classes_ : numpy.ndarray
        The labels, sorted.
    training_sha256_ : str
        SHA-256 of the training texts and labels.

    Examples
    --------
    >>> clf = RoleClassifier(min_df=1).fit(
    ...     ["size the market", "interview users", "track the budget", "update the gantt chart"],
    ...     ["product", "product", "project", "project"],
    ... )
    >>> clf.predict(["interview more users"]).tolist()
    ['product']
    """

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 2),
        min_df: int | float = 2,
        sublinear_tf: bool = True,
        C: float = 10.0,  # noqa: N803 (scikit-learn's name)
        class_weight: str | Mapping[str, float] | None = "balanced",
        max_iter: int = 5000,
        tol: float = 1e-6,
        unknown_label: str | None = "other",
        random_state: int = 0,
    ) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.tol = tol
        self.unknown_label = unknown_label
        self.random_state = random_state

    def _make_pipeline(self) -> Pipeline:
        vectorizer = TfidfVectorizer(
            ngram_range=tuple(self.ngram_range),
            min_df=self.min_df,
            sublinear_tf=self.sublinear_tf,
            strip_accents="unicode",
            lowercase=True,
        )
        clf = LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            tol=self.tol,
            random_state=self.random_state,
        )
        return Pipeline([("tfidf", vectorizer), ("clf", clf)])

    def fit(self, X: Iterable[str], y: Iterable[str]) -> Self:  # noqa: N803
        """Train on statements ``X`` with labels ``y``.

        Parameters
        ----------
        X : sequence of str
            The statements.
        y : sequence of str
            One label per statement; at least two distinct labels. (Integer labels are
            accepted too, as scikit-learn's model-selection tools pass encoded labels.)

        Returns
        -------
        RoleClassifier
            ``self``, fitted.

        Examples
        --------
        >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
        >>> clf.classes_.tolist()
        ['product', 'project']
        """
        texts = as_text_list(X, name="X")
        labels = as_label_list(y)
        if len(texts) != len(labels):
            raise ValueError(f"X has {len(texts)} statements but y has {len(labels)} labels")
        if len(set(labels)) < 2:
            raise ValueError(f"y needs at least two distinct labels, got {sorted(set(labels))}")
        self.pipeline_ = self._make_pipeline().fit(texts, labels)
        self.classes_: NDArray[Any] = self.pipeline_.named_steps["clf"].classes_
        self.training_sha256_ = training_sha256(texts, labels)
        return self

    @property
    def pipeline(self) -> Pipeline:
        """The fitted scikit-learn ``Pipeline`` (steps ``tfidf`` and ``clf``)."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_

    def _features(self, X: Any) -> Any:  # noqa: N803
        texts = as_text_list(X, name="X")
        vectorizer = self.pipeline.named_steps["tfidf"]
        if not texts:  # scikit-learn refuses empty batches; an empty answer is well defined
            return sparse.csr_matrix((0, len(vectorizer.vocabulary_)))
        return vectorizer.transform(texts)

    def _proba_from_features(self, features: Any) -> NDArray[np.float64]:
        if features.shape[0] == 0:
            return np.empty((0, len(self.classes_)))
        proba: NDArray[np.float64] = self.pipeline.named_steps["clf"].predict_proba(features)
        unknown = np.asarray(features.getnnz(axis=1) == 0)
        if unknown.any():
            proba[unknown] = self._unknown_proba()
        return proba

    def _unknown_proba(self) -> NDArray[np.float64]:
        classes = list(self.classes_)
        if self.unknown_label in classes:
            one_hot: NDArray[np.float64] = np.eye(len(classes))[classes.index(self.unknown_label)]
            return one_hot
        return np.full(len(classes), 1.0 / len(classes))

    def predict_proba(self, X: Iterable[str]) -> NDArray[np.float64]:  # noqa: N803
        """Return the probability of each label, columns in the order of ``classes_``.

        Examples
        --------
        >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
        >>> clf.predict_proba(["roadmap"]).sum()
        np.float64(1.0)
        """
        return self._proba_from_features(self._features(X))

    def predict(self, X: Iterable[str]) -> NDArray[Any]:  # noqa: N803
        """Return the most probable label of each statement.

        Examples
        --------
        >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
        >>> clf.predict(["the budget"]).tolist()
        ['project']
        """
        proba = self.predict_proba(X)
        return np.asarray(self.classes_[proba.argmax(axis=1)])

    def decision_function(self, X: Iterable[str]) -> NDArray[np.float64]:  # noqa: N803
        """Return the linear score of each label (one column for two labels), as scikit-learn.

        Examples
        --------
        >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
        >>> clf.decision_function(["budget"]).shape
        (1,)
        """
        scores: NDArray[np.float64] = self.pipeline.named_steps["clf"].decision_function(
            self._features(X)
        )
        return scores

    def explain(self, text: str, top: int = 5) -> Explanation:
        """Explain the label of one statement by the terms that pushed it.

        Each term's weight toward a label is its TF-IDF value times the label's
        coefficient; a label's weights summed, plus its intercept, give its decision score.

        Parameters
        ----------
        text : str
            One statement.
        top : int
            How many terms to show per label.

        Returns
        -------
        Explanation

        Examples
        --------
        >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
        >>> clf.explain("the roadmap").label
        'product'
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {type(text).__name__}: {text!r:.60}")
        if top < 0:
            raise ValueError(f"top must be 0 or more, got {top}")
        features = self._features([text])
        proba = self._proba_from_features(features)[0]
        clf = self.pipeline.named_steps["clf"]
        names = self.pipeline.named_steps["tfidf"].get_feature_names_out()
        row = features.tocsr()
        columns, values = row.indices, row.data
        coef = np.asarray(clf.coef_)[:, columns] * values
        intercept = np.asarray(clf.intercept_, dtype=float)
        if coef.shape[0] == 1:  # two labels: scikit-learn keeps one row, for classes_[1]
            coef = np.vstack([-coef, coef])
            intercept = np.array([-intercept[0], intercept[0]])
        labels = [str(c) for c in self.classes_]
        contributions = pd.DataFrame(
            coef.T, index=pd.Index(names[columns], name="term"), columns=labels
        )
        return Explanation(
            text=text,
            label=labels[int(proba.argmax())],
            probabilities=dict(zip(labels, proba.tolist(), strict=True)),
            intercepts=dict(zip(labels, intercept.tolist(), strict=True)),
            contributions=contributions,
            top=top,
        )

    def save(self, path: str | Path) -> None:
        """Write the fitted model to ``path`` as a skops file (loading it runs no code).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> clf = RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "model.skops"
        >>> clf.save(target)
        >>> RoleClassifier.load(target).predict(["roadmap"]).tolist()
        ['product']
        """
        from .persistence import save_model

        save_model(self, path)

    @classmethod
    def load(cls, path: str | Path) -> RoleClassifier:
        """Read a model written by :meth:`save`; refuses files with unexpected types.

        Examples
        --------
        >>> RoleClassifier.load("no/such/file.skops")
        Traceback (most recent call last):
        ...
        roleclf.errors.ModelFileError: no/such/file.skops: no such model file
        """
        from .persistence import load_model

        return load_model(path)

    @classmethod
    def from_csv(cls, path: str | Path, **params: Any) -> RoleClassifier:
        """Train on a CSV file with ``text`` and ``label`` columns.

        Parameters
        ----------
        path : str or Path
            The CSV file; any string labels.
        **params
            Parameters of :class:`RoleClassifier`.

        Examples
        --------
        >>> from roleclf.dataset import dataset_path
        >>> RoleClassifier.from_csv(dataset_path()).classes_.tolist()
        ['other', 'product', 'project']
        """
        frame = read_labeled_csv(path)
        return cls(**params).fit(frame["text"], frame["label"])
