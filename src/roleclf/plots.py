"""Figures of a model's quality and of job postings' role mix (needs matplotlib).

Install the extra with ``pip install "roleclf[plots]"``. ``import roleclf`` never imports
matplotlib; the functions here import it when called. Each function draws on the ``ax`` it
is given, or on a new figure, and returns the Axes (or Figure); none calls ``plt.show``.

Examples
--------
>>> import matplotlib; matplotlib.use("Agg")
>>> import roleclf
>>> from roleclf import plots
>>> clf = roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"], ["product", "project"])
>>> report = roleclf.evaluate(clf, ["the roadmap", "the budget"], ["product", "project"])
>>> plots.plot_confusion_matrix(report).get_title()
'Confusion matrix, held-out evaluation (n=2)'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from ._html import label_colour
from .errors import RoleclfError
from .evaluation import EvaluationReport
from .jobs import VERDICTS, VerdictRule, check_columns
from .model import RoleClassifier

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = [
    "calibration_bins",
    "expected_calibration_error",
    "plot_calibration",
    "plot_confusion_matrix",
    "plot_label_scores",
    "plot_role_mix",
    "plot_top_terms",
    "require_matplotlib",
    "save_evaluation_plots",
    "top_terms",
]

_MISSING = 'plots need matplotlib: pip install "roleclf[plots]"'
_METRICS = (("precision", "precision", 0.45), ("recall", "recall", 0.7), ("f1", "F1", 1.0))
_NO_SHARE = "#c7c7c7"


def require_matplotlib() -> None:
    """Raise :class:`~roleclf.errors.RoleclfError` unless matplotlib can be imported.

    Examples
    --------
    >>> require_matplotlib()  # nothing happens when matplotlib is installed
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError as err:
        raise RoleclfError(_MISSING) from err


def _new_axes(figsize: tuple[float, float]) -> Axes:
    require_matplotlib()
    import matplotlib.pyplot as plt

    return plt.figure(figsize=figsize, layout="constrained").add_subplot()


def _canvas(ax: Axes) -> Figure | SubFigure:
    return ax.figure


# ---------------------------------------------------------------- evaluation reports


def plot_confusion_matrix(
    report: EvaluationReport, ax: Axes | None = None, normalize: bool = False
) -> Axes:
    """Draw the confusion matrix as a heatmap, each cell annotated.

    Parameters
    ----------
    report : EvaluationReport
        The scores to draw (``report.confusion``: true labels on rows, predicted on columns).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure otherwise.
    normalize : bool
        Show each row's shares (recall per true label) instead of counts.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import roleclf
    >>> clf = roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"],
    ...                                            ["product", "project"])
    >>> report = roleclf.evaluate(clf, ["roadmap", "budget", "roadmap"],
    ...                           ["product", "project", "project"])
    >>> ax = plot_confusion_matrix(report)
    >>> [t.get_text() for t in ax.texts]
    ['1', '0', '1', '1']
    >>> [t.get_text() for t in plot_confusion_matrix(report, normalize=True).texts]
    ['1.00', '0.00', '0.50', '0.50']
    """
    labels = [str(k) for k in report.labels]
    counts = report.confusion.to_numpy(dtype=float)
    if normalize:
        totals = counts.sum(axis=1, keepdims=True)
        values = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
        top = 1.0
    else:
        values = counts
        top = max(float(counts.max(initial=0.0)), 1.0)
    if ax is None:
        side = 2.2 + 1.1 * len(labels)
        ax = _new_axes((side + 1.2, side))
    image = ax.imshow(values, cmap="Blues", vmin=0.0, vmax=top)
    for i in range(len(labels)):
        for j in range(len(labels)):
            text = f"{values[i, j]:.2f}" if normalize else f"{int(counts[i, j])}"
            colour = "white" if values[i, j] > 0.55 * top else "black"
            ax.text(j, i, text, ha="center", va="center", color=colour, fontsize=11)
    ticks = np.arange(len(labels))
    ax.set_xticks(ticks, labels)
    ax.set_yticks(ticks, labels)
    for tick in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        tick.set_color(label_colour(tick.get_text()))
        tick.set_fontweight("bold")
    ax.set_xlabel("predicted label")
    ax.set_ylabel("true label")
    what = "row shares" if normalize else "counts"
    ax.set_title(f"Confusion matrix, {report.method} (n={len(report.y_true)})")
    colorbar = _canvas(ax).colorbar(image, ax=ax, shrink=0.8)
    colorbar.set_label(what)
    return ax


def plot_label_scores(report: EvaluationReport, ax: Axes | None = None) -> Axes:
    """Draw precision, recall and F1 of each label as grouped bars, values annotated.

    Bars take the label's colour; the metric is told by the shade (lightest: precision,
    darkest: F1). The title gives the macro-F1.

    Parameters
    ----------
    report : EvaluationReport
        The scores to draw (``report.per_label``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure otherwise.

    Returns
    -------
    matplotlib.axes.Axes
        With one bar container per metric, in the order precision, recall, F1.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import roleclf
    >>> clf = roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"],
    ...                                            ["product", "project"])
    >>> report = roleclf.evaluate(clf, ["roadmap", "budget"], ["product", "project"])
    >>> ax = plot_label_scores(report)
    >>> ax.get_title()
    'Scores per label, held-out evaluation: macro-F1 1.000'
    >>> [float(bar.get_height()) for bar in ax.containers[2]]  # F1 of product, project
    [1.0, 1.0]
    """
    require_matplotlib()
    from matplotlib.patches import Patch

    labels = [str(k) for k in report.labels]
    if ax is None:
        ax = _new_axes((max(5.5, 1.9 * len(labels) + 1.5), 4.2))
    x = np.arange(len(labels))
    width = 0.8 / len(_METRICS)
    colours = [label_colour(k) for k in labels]
    for i, (column, name, alpha) in enumerate(_METRICS):
        heights = report.per_label[column].to_numpy(dtype=float)
        bars = ax.bar(
            x + (i - (len(_METRICS) - 1) / 2) * width,
            heights,
            width * 0.92,
            color=colours,
            alpha=alpha,
            edgecolor="white",
            label=name,
        )
        ax.bar_label(bars, labels=[f"{h:.2f}" for h in heights], padding=2, fontsize=8)
    support = report.per_label["support"].to_numpy()
    ax.set_xticks(x, [f"{k}\n(n={int(n)})" for k, n in zip(labels, support, strict=True)])
    for tick, k in zip(ax.get_xticklabels(), labels, strict=True):
        tick.set_color(label_colour(k))
    ax.set_ylim(0, 1.25)  # room for the values and the legend above the bars
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.set_ylabel("score")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [Patch(facecolor="0.35", alpha=alpha, label=name) for _, name, alpha in _METRICS]
    ax.legend(handles=handles, loc="upper center", ncols=3, fontsize=8, frameon=False)
    ax.set_title(f"Scores per label, {report.method}: macro-F1 {report.macro_f1:.3f}")
    return ax


def _coefficients(model: RoleClassifier) -> tuple[list[str], NDArray[np.float64], NDArray[Any]]:
    clf = model.pipeline.named_steps["clf"]
    names = np.asarray(model.pipeline.named_steps["tfidf"].get_feature_names_out())
    coef = np.asarray(clf.coef_, dtype=float)
    if coef.shape[0] == 1:  # two labels: one row, toward classes_[1]
        coef = np.vstack([-coef[0], coef[0]])
    return [str(c) for c in model.classes_], coef, names


def top_terms(model: RoleClassifier | None = None, top: int = 15) -> dict[str, pd.Series]:
    """Return, per label, the terms with the largest coefficients toward it, largest first.

    Parameters
    ----------
    model : RoleClassifier, optional
        A fitted model; the default model otherwise.
    top : int
        Terms per label.

    Returns
    -------
    dict of str to pandas.Series
        Coefficients indexed by term, one Series per label in the order of ``classes_``.

    Examples
    --------
    >>> import roleclf
    >>> clf = roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"],
    ...                                            ["product", "project"])
    >>> top_terms(clf, top=1)["product"].index.tolist()
    ['roadmap']
    """
    if top < 1:
        raise ValueError(f"top must be 1 or more, got {top}")
    labels, coef, names = _coefficients(_resolve(model))
    result = {}
    for label, row in zip(labels, coef, strict=True):
        order = np.argsort(-row, kind="stable")[:top]
        result[label] = pd.Series(row[order], index=pd.Index(names[order], name="term"))
    return result


def _draw_top_terms(figure: Figure, model: RoleClassifier | None, top: int) -> Figure:
    terms = top_terms(model, top)
    axes = figure.subplots(1, len(terms), squeeze=False)[0]
    for ax, (label, weights) in zip(axes, terms.items(), strict=True):
        y = np.arange(len(weights))
        ax.barh(y, weights.to_numpy(), color=label_colour(label), height=0.75)
        ax.set_yticks(y, [str(t) for t in weights.index], fontsize=9)
        ax.invert_yaxis()  # the largest on top
        ax.set_title(label, color=label_colour(label), fontweight="bold")
        ax.set_xlabel("coefficient")
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
    figure.suptitle("Terms pushing hardest toward each label (logistic-regression coefficients)")
    return figure


def _resolve(model: RoleClassifier | None) -> RoleClassifier:
    if model is not None:
        return model
    from .default import default_model

    return default_model()


def _top_terms_size(model: RoleClassifier, top: int) -> tuple[float, float]:
    return 3.6 * len(model.classes_) + 0.8, 1.3 + 0.27 * top


def plot_top_terms(model: RoleClassifier | None = None, top: int = 15) -> Figure:
    """Draw, per label, the terms with the largest coefficients toward it.

    One horizontal-bar panel per label, the largest coefficient on top. For a two-label
    model the logistic regression keeps one row of coefficients, toward ``classes_[1]``;
    the terms toward ``classes_[0]`` are those with the most negative ones.

    Parameters
    ----------
    model : RoleClassifier, optional
        A fitted model; the default model otherwise.
    top : int
        Terms per label.

    Returns
    -------
    matplotlib.figure.Figure
        With one Axes per label, in the order of ``model.classes_``.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import roleclf
    >>> clf = roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"],
    ...                                            ["product", "project"])
    >>> figure = plot_top_terms(clf, top=1)
    >>> [(ax.get_title(), ax.get_yticklabels()[0].get_text()) for ax in figure.axes]
    [('product', 'roadmap'), ('project', 'budget')]
    """
    if top < 1:
        raise ValueError(f"top must be 1 or more, got {top}")
    require_matplotlib()
    import matplotlib.pyplot as plt

    model = _resolve(model)
    figure = plt.figure(figsize=_top_terms_size(model, top), layout="constrained")
    return _draw_top_terms(figure, model, top)


# ---------------------------------------------------------------- calibration


def _confidence(
    y_true: ArrayLike, proba: pd.DataFrame | ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    if isinstance(proba, pd.DataFrame):
        columns = np.asarray(proba.columns, dtype=object)
        values = proba.to_numpy(dtype=float)
    else:
        values = np.asarray(proba, dtype=float)
        columns = np.arange(values.shape[1]) if values.ndim == 2 else np.empty(0)
    truth = np.asarray(y_true, dtype=object).ravel()
    if values.ndim != 2 or values.shape[1] < 1:
        raise ValueError(f"proba must have one column per label, got shape {values.shape}")
    if len(truth) != len(values):
        raise ValueError(f"y_true has {len(truth)} labels but proba has {len(values)} rows")
    if len(truth) == 0:
        raise ValueError("no statements to score")
    unknown = set(truth.tolist()) - set(columns.tolist())
    if unknown:
        raise ValueError(
            f"label {sorted(map(str, unknown))[0]!r} is not a column of proba "
            f"({', '.join(map(str, columns.tolist()))})"
        )
    best = values.argmax(axis=1)
    confidence: NDArray[np.float64] = values[np.arange(len(values)), best]
    correct: NDArray[np.bool_] = columns[best] == truth
    return confidence, correct


def calibration_bins(
    y_true: ArrayLike, proba: pd.DataFrame | ArrayLike, n_bins: int = 10
) -> pd.DataFrame:
    """Return the reliability table: statements binned by their top probability.

    Bin ``i`` holds the statements whose largest probability (the confidence) is in
    ``(i / n_bins, (i + 1) / n_bins]`` (the first bin includes 0).

    Parameters
    ----------
    y_true : sequence
        The true labels.
    proba : pandas.DataFrame or array-like
        One row per statement, one column per label: a DataFrame's columns name the labels,
        an array's columns are labels ``0, 1, ...``.
    n_bins : int
        Number of equal-width bins over [0, 1].

    Returns
    -------
    pandas.DataFrame
        One row per bin: ``lower``, ``upper``, ``count``, ``confidence`` (mean top
        probability) and ``accuracy`` (share labeled right); NaN for empty bins.

    Examples
    --------
    >>> import pandas as pd
    >>> proba = pd.DataFrame({"a": [0.9, 0.2, 0.7], "b": [0.1, 0.8, 0.3]})
    >>> table = calibration_bins(["a", "b", "b"], proba, n_bins=2)
    >>> table[["count", "accuracy"]].values.tolist()
    [[0.0, nan], [3.0, 0.6666666666666666]]
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be 1 or more, got {n_bins}")
    confidence, correct = _confidence(y_true, proba)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.digitize(confidence, edges[1:-1], right=True)
    count = np.bincount(which, minlength=n_bins).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_confidence = np.bincount(which, weights=confidence, minlength=n_bins) / count
        accuracy = np.bincount(which, weights=correct.astype(float), minlength=n_bins) / count
    return pd.DataFrame(
        {
            "lower": edges[:-1],
            "upper": edges[1:],
            "count": count,
            "confidence": mean_confidence,
            "accuracy": accuracy,
        }
    )


def expected_calibration_error(
    y_true: ArrayLike, proba: pd.DataFrame | ArrayLike, n_bins: int = 10
) -> float:
    """Return the expected calibration error of the top probabilities.

    Statements are binned by their largest probability (see :func:`calibration_bins`); the
    ECE is the mean, weighted by bin size, of ``|accuracy - mean confidence|`` per bin. 0
    means that among statements given, say, 80 % confidence, 80 % are labeled right.

    Parameters
    ----------
    y_true : sequence
        The true labels.
    proba : pandas.DataFrame or array-like
        One row per statement, one column per label: a DataFrame's columns name the labels,
        an array's columns are labels ``0, 1, ...``.
    n_bins : int
        Number of equal-width bins over [0, 1].

    Returns
    -------
    float

    Examples
    --------
    >>> import pandas as pd
    >>> proba = pd.DataFrame({"a": [0.9, 0.2], "b": [0.1, 0.8]})
    >>> round(expected_calibration_error(["a", "b"], proba), 6)  # (0.1 + 0.2) / 2
    0.15
    """
    table = calibration_bins(y_true, proba, n_bins).dropna()
    weights = table["count"].to_numpy() / table["count"].sum()
    gaps = np.abs(table["accuracy"].to_numpy() - table["confidence"].to_numpy())
    return float(np.sum(weights * gaps))


def plot_calibration(
    y_true: EvaluationReport | ArrayLike,
    proba: pd.DataFrame | ArrayLike | None = None,
    n_bins: int = 10,
    ax: Axes | None = None,
) -> Axes:
    """Draw a reliability diagram: accuracy against mean confidence per bin.

    The dashed diagonal is perfect calibration; points below it are over-confident. Grey
    bars at the bottom (right axis) count the statements per bin. The title gives the
    expected calibration error (:func:`expected_calibration_error`).

    Parameters
    ----------
    y_true : EvaluationReport or sequence
        The true labels, or a report whose ``y_true`` and ``proba`` to use.
    proba : pandas.DataFrame or array-like, optional
        The probabilities, as for :func:`expected_calibration_error`; not with a report.
    n_bins : int
        Number of equal-width confidence bins.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure otherwise.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If there are no probabilities (a report without ``proba``).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> proba = pd.DataFrame({"a": [0.9, 0.2], "b": [0.1, 0.8]})
    >>> plot_calibration(["a", "b"], proba).get_title()
    'Reliability diagram: ECE 0.150 (n=2)'
    """
    if isinstance(y_true, EvaluationReport):
        if proba is not None:
            raise ValueError("give either a report or y_true and proba, not both")
        if y_true.proba is None:
            raise ValueError("the report has no probabilities (proba is None)")
        proba = y_true.proba
        y_true = y_true.y_true
    if proba is None:
        raise ValueError("plot_calibration needs proba (or an EvaluationReport with proba)")
    require_matplotlib()
    table = calibration_bins(y_true, proba, n_bins)
    ece = expected_calibration_error(y_true, proba, n_bins)
    filled = table.dropna()
    from matplotlib.ticker import MaxNLocator

    if ax is None:
        ax = _new_axes((5.6, 5.0))
    counts = ax.twinx()
    counts.bar(
        (table["lower"] + table["upper"]) / 2,
        table["count"],
        width=1.0 / n_bins * 0.9,
        color="0.6",
        alpha=0.35,
    )
    most = max(float(table["count"].max()), 1.0)
    counts.set_ylim(0, most * 4)  # the bars fill the bottom quarter
    ticks = np.asarray(MaxNLocator(nbins=3, integer=True).tick_values(0, most))
    counts.set_yticks(ticks[ticks <= most])
    counts.set_ylabel("statements per bin", color="0.45", fontsize=8)
    counts.yaxis.set_label_coords(1.1, most / 2 / (most * 4))
    counts.tick_params(axis="y", colors="0.45", labelsize=8)
    counts.spines[["top"]].set_visible(False)
    ax.set_zorder(counts.get_zorder() + 1)  # the diagram over the count bars
    ax.patch.set_visible(False)
    ax.plot([0, 1], [0, 1], linestyle="--", color="0.5", label="perfectly calibrated")
    ax.plot(
        filled["confidence"],
        filled["accuracy"],
        marker="o",
        color=label_colour("product"),
        label="model",
    )
    for x, y, text in ((0.2, 0.62, "under-confident"), (0.8, 0.42, "over-confident")):
        ax.text(x, y, text, ha="center", color="0.55", fontsize=8, style="italic")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("mean confidence (largest probability) per bin")
    ax.set_ylabel("accuracy per bin")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title(f"Reliability diagram: ECE {ece:.3f} (n={int(table['count'].sum())})")
    return ax


# ---------------------------------------------------------------- job postings


def plot_role_mix(
    jobs: pd.DataFrame, ax: Axes | None = None, bins: int = 20, rule: VerdictRule | None = None
) -> Axes:
    """Draw the histogram of the postings' product share, stacked by verdict.

    The band of ``hybrid`` shares, where the smaller of the product and project shares is
    at least the rule's ``hybrid_min_share``, is shaded. The legend counts every
    verdict, including ``unclear`` postings with no share (no product or project statement
    of confidence ``MIN_STATEMENT_CONFIDENCE`` or more), which are not in the histogram.

    Parameters
    ----------
    jobs : pandas.DataFrame
        A result of :func:`roleclf.label_jobs` (columns ``product_share`` and ``verdict``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure otherwise.
    bins : int
        Number of equal-width bins over [0, 1].
    rule : VerdictRule, optional
        The rule ``jobs`` were labeled with, for the band; the default rule otherwise.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd, roleclf
    >>> jobs = roleclf.label_jobs(pd.DataFrame({"description": [
    ...     "Own the roadmap. Interview customers. Define the product vision.",
    ...     "Track the budget. Run the status meeting. Keep the schedule on time.",
    ...     None]}))
    >>> plot_role_mix(jobs).get_title()
    'Role mix of 3 postings (2 with a product share)'
    """
    if bins < 1:
        raise ValueError(f"bins must be 1 or more, got {bins}")
    if not isinstance(jobs, pd.DataFrame) and hasattr(jobs, "compute"):  # a Dask frame
        jobs = jobs.compute()
    check_columns(list(jobs.columns), "product_share", "verdict")
    require_matplotlib()
    from matplotlib.patches import Patch

    share = pd.to_numeric(jobs["product_share"], errors="coerce").to_numpy(dtype=float)
    verdict = jobs["verdict"].astype(str).to_numpy()
    has_share = ~np.isnan(share)
    if ax is None:
        ax = _new_axes((9.0, 4.4))
    low = (VerdictRule() if rule is None else rule).hybrid_min_share
    high = 1.0 - low
    ax.axvspan(low, high, color=label_colour("hybrid"), alpha=0.15, zorder=0, gid="hybrid-band")
    ax.text(
        (low + high) / 2,
        0.97,
        f"hybrid band\n{low:.0%} to {high:.0%}",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="top",
        fontsize=8,
        color="0.35",
    )
    kinds = [*VERDICTS, *sorted(set(verdict) - set(VERDICTS))]
    layers = [(k, share[has_share & (verdict == k)]) for k in kinds]
    layers = [(k, values) for k, values in layers if len(values)]
    if layers:
        heights, _, _ = ax.hist(
            [values for _, values in layers],
            bins=bins,
            range=(0.0, 1.0),
            stacked=True,
            color=[label_colour(k) for k, _ in layers],
            edgecolor="white",
            linewidth=0.5,
        )
        tallest = float(np.max(heights))  # stacked: the last layer's tops are the totals
        ax.set_ylim(0, max(tallest, 1.0) * 1.18)  # room for the band's label
    handles = []
    for k in kinds:
        n = int(np.sum(verdict == k))
        if n == 0 and k not in VERDICTS:
            continue
        missing = int(np.sum((verdict == k) & ~has_share))
        note = f" ({missing} with no share)" if missing else ""
        handles.append(Patch(color=label_colour(k), label=f"{k}: {n}{note}"))
    ax.legend(
        handles=handles,
        title="verdict",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        title_fontsize=9,
        frameon=False,
    )
    ax.set_xlim(0, 1)
    ax.set_xticks(np.linspace(0, 1, 11), [f"{v:.0%}" for v in np.linspace(0, 1, 11)])
    ax.set_xlabel("product share (confidence-weighted; 0 % = all project, 100 % = all product)")
    ax.set_ylabel("postings")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(f"Role mix of {len(jobs)} postings ({int(has_share.sum())} with a product share)")
    return ax


# ---------------------------------------------------------------- all at once


def save_evaluation_plots(
    report: EvaluationReport, folder: str | Path, model: RoleClassifier | None = None
) -> list[Path]:
    """Write the figures of an evaluation as PNG files into ``folder`` (created if need be).

    Writes ``confusion_matrix.png``, ``label_scores.png``, ``top_terms.png`` (of ``model``,
    the default model otherwise) and, when the report has probabilities,
    ``calibration.png``. The figures are not kept: nothing is left open in pyplot, and the
    backend in use does not matter.

    Parameters
    ----------
    report : EvaluationReport
        The scores to draw.
    folder : str or Path
        Where to write the files.
    model : RoleClassifier, optional
        The model whose coefficients to draw; the default model otherwise.

    Returns
    -------
    list of Path
        The files written, in the order above.

    Examples
    --------
    >>> import tempfile, roleclf
    >>> clf = roleclf.RoleClassifier(min_df=1).fit(["a roadmap", "a budget"],
    ...                                            ["product", "project"])
    >>> report = roleclf.evaluate(clf, ["roadmap", "budget"], ["product", "project"])
    >>> [p.name for p in save_evaluation_plots(report, tempfile.mkdtemp(), model=clf)]
    ['confusion_matrix.png', 'label_scores.png', 'top_terms.png', 'calibration.png']
    """
    require_matplotlib()
    from matplotlib.figure import Figure

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    side = 2.2 + 1.1 * len(report.labels)
    figures: list[tuple[str, Figure]] = []

    figure = Figure(figsize=(side + 1.2, side), layout="constrained")
    plot_confusion_matrix(report, ax=figure.add_subplot())
    figures.append(("confusion_matrix.png", figure))

    figure = Figure(figsize=(max(5.5, 1.9 * len(report.labels) + 1.5), 4.2), layout="constrained")
    plot_label_scores(report, ax=figure.add_subplot())
    figures.append(("label_scores.png", figure))

    model = _resolve(model)
    figure = Figure(figsize=_top_terms_size(model, 15), layout="constrained")
    figures.append(("top_terms.png", _draw_top_terms(figure, model, 15)))

    if report.proba is not None:
        figure = Figure(figsize=(5.6, 5.0), layout="constrained")
        plot_calibration(report, ax=figure.add_subplot())
        figures.append(("calibration.png", figure))

    written = []
    for name, figure in figures:
        path = target / name
        figure.savefig(path, dpi=120)
        figure.clear()
        written.append(path)
    return written
