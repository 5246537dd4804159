from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

import roleclf
from roleclf import plots
from roleclf.cli import main
from roleclf.jobs import HYBRID_MIN_SHARE

from .conftest import TINY_LABELS, TINY_TEXTS

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def report() -> roleclf.EvaluationReport:
    """A report with known counts and probabilities (not all right)."""
    y_true = ["product"] * 4 + ["project"] * 3 + ["other"] * 2
    y_pred = ["product", "product", "product", "project", "project", "project", "other"]
    y_pred += ["other", "product"]
    proba = pd.DataFrame(
        {
            "other": [0.1, 0.1, 0.2, 0.1, 0.2, 0.1, 0.5, 0.8, 0.3],
            "product": [0.8, 0.6, 0.5, 0.3, 0.1, 0.2, 0.2, 0.1, 0.4],
            "project": [0.1, 0.3, 0.3, 0.6, 0.7, 0.7, 0.3, 0.1, 0.3],
        }
    )
    labels = ["other", "product", "project"]
    return roleclf.EvaluationReport.from_predictions(y_true, y_pred, labels, "test", proba)


# ------------------------------------------------------------------ matplotlib is optional


def test_import_roleclf_does_not_import_matplotlib() -> None:
    code = "import sys, roleclf, roleclf.plots; print('matplotlib' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"


def test_without_matplotlib_the_error_says_what_to_install(
    report: roleclf.EvaluationReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes `import matplotlib` fail
    with pytest.raises(roleclf.RoleclfError, match=r'pip install "roleclf\[plots\]"'):
        plots.plot_confusion_matrix(report)
    with pytest.raises(roleclf.RoleclfError, match="plots need matplotlib"):
        plots.save_evaluation_plots(report, "unused")


# ------------------------------------------------------------------ confusion matrix


def test_confusion_heatmap_annotates_the_reports_counts(report: roleclf.EvaluationReport) -> None:
    ax = plots.plot_confusion_matrix(report)
    counts = report.confusion.to_numpy()
    assert [t.get_text() for t in ax.texts] == [str(n) for n in counts.ravel()]
    assert [t.get_text() for t in ax.get_xticklabels()] == report.labels
    assert [t.get_text() for t in ax.get_yticklabels()] == report.labels
    assert np.array_equal(np.asarray(ax.images[0].get_array()), counts)
    assert "true" in ax.get_ylabel() and "predicted" in ax.get_xlabel()


def test_confusion_heatmap_normalised_shows_row_shares(report: roleclf.EvaluationReport) -> None:
    _fig, ax = plt.subplots()
    assert plots.plot_confusion_matrix(report, ax=ax, normalize=True) is ax
    counts = report.confusion.to_numpy()
    shares = counts / counts.sum(axis=1, keepdims=True)
    assert [t.get_text() for t in ax.texts] == [f"{v:.2f}" for v in shares.ravel()]
    # product row: 3 of 4 right, 1 predicted project
    assert [t.get_text() for t in ax.texts][3:6] == ["0.00", "0.75", "0.25"]


# ------------------------------------------------------------------ label scores


def test_label_score_bars_are_the_reports_numbers(report: roleclf.EvaluationReport) -> None:
    ax = plots.plot_label_scores(report)
    assert len(ax.containers) == 3
    for container, column in zip(ax.containers, ("precision", "recall", "f1"), strict=True):
        heights = [bar.get_height() for bar in container]
        assert heights == pytest.approx(report.per_label[column].tolist())
    assert f"macro-F1 {report.macro_f1:.3f}" in ax.get_title()
    annotated = [t.get_text() for t in ax.texts]
    assert f"{report.per_label.loc['product', 'recall']:.2f}" in annotated
    assert len(annotated) == 9
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "other\n(n=2)",
        "product\n(n=4)",
        "project\n(n=3)",
    ]


# ------------------------------------------------------------------ top terms


def _expected_terms(model: roleclf.RoleClassifier, row: np.ndarray, top: int) -> list[str]:
    names = model.pipeline.named_steps["tfidf"].get_feature_names_out()
    return [str(names[i]) for i in np.argsort(-row, kind="stable")[:top]]


def test_top_terms_panels_list_the_largest_coefficients_in_order(
    tiny: roleclf.RoleClassifier,
) -> None:
    figure = plots.plot_top_terms(tiny, top=5)
    coef = tiny.pipeline.named_steps["clf"].coef_
    assert [ax.get_title() for ax in figure.axes] == tiny.classes_.tolist()
    for k, ax in enumerate(figure.axes):
        expected = _expected_terms(tiny, coef[k], 5)
        assert [t.get_text() for t in ax.get_yticklabels()] == expected
        widths = [bar.get_width() for bar in ax.patches]
        assert widths == pytest.approx(sorted(coef[k], reverse=True)[:5])
        assert ax.get_ylim()[0] > ax.get_ylim()[1]  # inverted: the first term on top


def test_top_terms_of_a_two_label_model_use_both_signs_of_the_one_row() -> None:
    model = roleclf.RoleClassifier(min_df=1).fit(TINY_TEXTS[:6], TINY_LABELS[:6])
    coef = model.pipeline.named_steps["clf"].coef_
    assert coef.shape[0] == 1
    figure = plots.plot_top_terms(model, top=3)
    product, project = figure.axes
    assert (product.get_title(), project.get_title()) == ("product", "project")
    assert [t.get_text() for t in product.get_yticklabels()] == _expected_terms(model, -coef[0], 3)
    assert [t.get_text() for t in project.get_yticklabels()] == _expected_terms(model, coef[0], 3)
    assert all(bar.get_width() > 0 for ax in figure.axes for bar in ax.patches)


def test_top_terms_rejects_top_below_one(tiny: roleclf.RoleClassifier) -> None:
    with pytest.raises(ValueError, match="top"):
        plots.plot_top_terms(tiny, top=0)


# ------------------------------------------------------------------ calibration


def test_ece_of_perfectly_calibrated_data_is_zero() -> None:
    confidence, truth = [], []
    for c in (0.55, 0.65, 0.75, 0.85, 0.95):  # in each bin, exactly c of the rows are right
        right = round(20 * c)
        confidence += [c] * 20
        truth += ["a"] * right + ["b"] * (20 - right)
    proba = pd.DataFrame({"a": confidence, "b": 1 - np.asarray(confidence)})
    assert plots.expected_calibration_error(truth, proba) == pytest.approx(0.0, abs=1e-12)


def test_ece_of_sampled_calibrated_data_is_small() -> None:
    rng = np.random.default_rng(0)
    confidence = rng.uniform(0.5, 1.0, 20_000)
    right = rng.uniform(size=confidence.size) < confidence
    proba = np.column_stack([confidence, 1 - confidence])
    truth = np.where(right, 0, 1)  # an array's columns are the labels 0 and 1
    assert plots.expected_calibration_error(truth, proba) < 0.02


def test_ece_of_a_miscalibrated_case_is_the_hand_computed_value() -> None:
    # 4 statements at confidence 0.9, 2 right (gap 0.4); 2 at 0.7, 1 right (gap 0.2)
    proba = pd.DataFrame({"a": [0.9, 0.9, 0.1, 0.1, 0.7, 0.3], "b": [0.1, 0.1, 0.9, 0.9, 0.3, 0.7]})
    truth = ["a", "b", "b", "a", "a", "a"]
    expected = 4 / 6 * 0.4 + 2 / 6 * 0.2
    assert plots.expected_calibration_error(truth, proba) == pytest.approx(expected)
    # one bin: |accuracy 3/6 - mean confidence 5/6|
    assert plots.expected_calibration_error(truth, proba, n_bins=1) == pytest.approx(1 / 3)
    # the same as an array with labels 0, 1
    codes = [0 if t == "a" else 1 for t in truth]
    assert plots.expected_calibration_error(codes, proba.to_numpy()) == pytest.approx(expected)


def test_ece_rejects_bad_input() -> None:
    proba = pd.DataFrame({"a": [0.9], "b": [0.1]})
    with pytest.raises(ValueError, match="n_bins"):
        plots.expected_calibration_error(["a"], proba, n_bins=0)
    with pytest.raises(ValueError, match="rows"):
        plots.expected_calibration_error(["a", "b"], proba)
    with pytest.raises(ValueError, match="'c' is not a column"):
        plots.expected_calibration_error(["c"], proba)


def test_calibration_plot_of_a_report(report: roleclf.EvaluationReport) -> None:
    assert report.proba is not None
    ax = plots.plot_calibration(report, n_bins=5)
    ece = plots.expected_calibration_error(report.y_true, report.proba, n_bins=5)
    assert f"ECE {ece:.3f}" in ax.get_title()
    table = plots.calibration_bins(report.y_true, report.proba, n_bins=5).dropna()
    (model_line,) = [line for line in ax.lines if line.get_label() == "model"]
    assert np.asarray(model_line.get_xdata()) == pytest.approx(table["confidence"].to_numpy())
    assert np.asarray(model_line.get_ydata()) == pytest.approx(table["accuracy"].to_numpy())
    (diagonal,) = [line for line in ax.lines if line.get_label() == "perfectly calibrated"]
    assert list(diagonal.get_xdata()) == list(diagonal.get_ydata()) == [0, 1]
    (counts,) = [other for other in ax.figure.axes if other is not ax]
    assert sum(bar.get_height() for bar in counts.patches) == len(report.y_true)


def test_calibration_needs_probabilities(report: roleclf.EvaluationReport) -> None:
    bare = roleclf.EvaluationReport.from_predictions(
        report.y_true, report.y_pred, report.labels, "no proba"
    )
    with pytest.raises(ValueError, match="no probabilities"):
        plots.plot_calibration(bare)
    with pytest.raises(ValueError, match="needs proba"):
        plots.plot_calibration(report.y_true)


# ------------------------------------------------------------------ role mix


def _band(ax: plt.Axes) -> tuple[float, float]:
    (band,) = [p for p in ax.patches if p.get_gid() == "hybrid-band"]
    xs = band.get_patch_transform().transform(band.get_path().vertices)[:, 0]
    return float(xs.min()), float(xs.max())


def test_role_mix_histogram_and_hybrid_band() -> None:
    jobs = pd.DataFrame(
        {
            "product_share": [0.05, 0.5, 0.92, 0.97, np.nan, np.nan, 0.2],
            "verdict": ["project", "hybrid", "product", "product", "unclear", "unclear", "unclear"],
        }
    )
    ax = plots.plot_role_mix(jobs, bins=10)
    assert _band(ax) == pytest.approx((HYBRID_MIN_SHARE, 1 - HYBRID_MIN_SHARE))
    own = plots.plot_role_mix(jobs, rule=roleclf.VerdictRule(hybrid_min_share=0.4))
    assert _band(own) == pytest.approx((0.4, 0.6))
    bars = [p for p in ax.patches if p.get_gid() != "hybrid-band" and isinstance(p, Rectangle)]
    assert sum(bar.get_height() for bar in bars) == 5  # the postings with a share
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "product: 2",
        "project: 1",
        "hybrid: 1",
        "unclear: 3 (2 with no share)",
    ]
    assert "7 postings" in ax.get_title()
    band_label = [t.get_text() for t in ax.texts]
    assert any("hybrid" in t and f"{HYBRID_MIN_SHARE:.0%}" in t for t in band_label)


def test_role_mix_of_a_label_jobs_result(tiny: roleclf.RoleClassifier) -> None:
    postings = pd.DataFrame(
        {
            "description": [
                "Interview customers about onboarding pain. Size the market.",
                "Track the budget against the plan. Update the gantt chart and milestones.",
                "Interview customers. Track the budget. Log risks in the risk register.",
                None,
            ]
        }
    )
    jobs = roleclf.label_jobs(postings, model=tiny)
    ax = plots.plot_role_mix(jobs)
    bars = [p for p in ax.patches if p.get_gid() != "hybrid-band"]
    assert sum(bar.get_height() for bar in bars) == jobs["product_share"].notna().sum()
    counts = jobs["verdict"].value_counts()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == f"product: {counts.get('product', 0)}"
    assert legend[3].startswith(f"unclear: {counts.get('unclear', 0)}")


def test_role_mix_needs_the_label_jobs_columns() -> None:
    with pytest.raises(roleclf.DataError, match="product_share"):
        plots.plot_role_mix(pd.DataFrame({"verdict": ["product"]}))


# ------------------------------------------------------------------ files and the CLI

NAMES = ["confusion_matrix.png", "label_scores.png", "top_terms.png", "calibration.png"]


def test_save_evaluation_plots_writes_four_pngs(
    report: roleclf.EvaluationReport, tiny: roleclf.RoleClassifier, tmp_path: Path
) -> None:
    folder = tmp_path / "new" / "plots"
    paths = plots.save_evaluation_plots(report, folder, model=tiny)
    assert paths == [folder / name for name in NAMES]
    for path in paths:
        assert path.stat().st_size > 1000
        assert path.read_bytes()[:8] == PNG
    assert plt.get_fignums() == []  # nothing left open


def test_save_evaluation_plots_skips_calibration_without_probabilities(
    report: roleclf.EvaluationReport, tiny: roleclf.RoleClassifier, tmp_path: Path
) -> None:
    bare = roleclf.EvaluationReport.from_predictions(
        report.y_true, report.y_pred, report.labels, "no proba"
    )
    paths = plots.save_evaluation_plots(bare, tmp_path, model=tiny)
    assert [p.name for p in paths] == NAMES[:3]


@pytest.fixture
def pets_csv(tmp_path: Path) -> Path:
    data = tmp_path / "pets.csv"
    rows = ["text,label"]
    rows += [f"feed the cat {w},cat" for w in "abcdefgh"]
    rows += [f"walk the dog {w},dog" for w in "abcdefgh"]
    data.write_text("\n".join(rows) + "\n")
    return data


def test_cli_evaluate_writes_the_plots(
    pets_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "figures"
    assert main(["evaluate", str(pets_csv), "--folds", "2", "--plots", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "stratified 2-fold cross-validation" in out
    assert out.splitlines()[-4:] == [f"wrote {folder / name}" for name in NAMES]
    for name in NAMES:
        assert (folder / name).read_bytes()[:8] == PNG


def test_cli_evaluate_plots_of_a_saved_model(
    pets_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "pets.skops"
    roleclf.RoleClassifier.from_csv(pets_csv).save(model)
    folder = tmp_path / "figures"
    args = ["evaluate", str(pets_csv), "--model", str(model), "--plots", str(folder)]
    assert main(args) == 0
    assert "held-out evaluation" in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == sorted(NAMES)


def test_cli_evaluate_plots_without_matplotlib_fails_early(
    pets_csv: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    folder = tmp_path / "figures"
    assert main(["evaluate", str(pets_csv), "--folds", "2", "--plots", str(folder)]) == 1
    captured = capsys.readouterr()
    assert 'pip install "roleclf[plots]"' in captured.err
    assert captured.out == ""  # failed before evaluating
    assert not folder.exists()
