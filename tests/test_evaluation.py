from __future__ import annotations

import pytest

import roleclf
from roleclf import DataError, EvaluationReport
from roleclf.evaluation import out_of_fold_proba


def test_report_from_known_predictions() -> None:
    true = ["a", "a", "b", "b", "c"]
    pred = ["a", "b", "b", "b", "a"]
    report = EvaluationReport.from_predictions(true, pred, ["a", "b", "c"], "test")
    assert report.accuracy == pytest.approx(3 / 5)
    assert report.per_label.loc["a", "precision"] == pytest.approx(1 / 2)
    assert report.per_label.loc["b", "recall"] == pytest.approx(1.0)
    assert report.per_label.loc["b", "f1"] == pytest.approx(0.8)
    assert report.per_label.loc["c", "f1"] == 0.0
    assert report.macro_f1 == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert report.confusion.loc["c", "a"] == 1
    assert report.confusion.to_numpy().sum() == 5
    text = str(report)
    assert "macro-F1 0.433" in text and "confusion matrix" in text
    assert report.to_dict()["per_label"]["c"]["support"] == 1
    assert "<table" in report._repr_html_()


def test_cross_validation_never_scores_a_statement_the_model_trained_on() -> None:
    texts = [f"alpha{i} shared" for i in range(10)] + [f"beta{i} shared" for i in range(10)]
    labels = ["a"] * 10 + ["b"] * 10
    # every statement's distinctive word is unseen in the other folds: only "shared" is known
    proba = out_of_fold_proba(texts, labels, folds=5)
    assert proba.shape == (20, 2)
    assert proba.to_numpy().max() < 0.75
    report = roleclf.cross_validate(texts, labels, folds=5)
    assert report.method == "stratified 5-fold cross-validation"
    assert len(report.y_pred) == 20


def test_evaluate_scores_a_fitted_model(tiny: roleclf.RoleClassifier) -> None:
    report = roleclf.evaluate(
        tiny, ["interview customers", "log risks", "fix a bug"], ["product", "project", "other"]
    )
    assert report.accuracy == 1.0
    with pytest.raises(DataError, match="label 'sales' is not one the model knows"):
        roleclf.evaluate(tiny, ["sell"], ["sales"])
