from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import roleclf
from roleclf.audit import confident_label_issues
from roleclf.cli import main

REVIEWED = Path(__file__).resolve().parents[1] / "data" / "audit_reviewed.csv"


def _frame() -> pd.DataFrame:
    product = [f"interview {w} customers about pricing needs" for w in "abcdefghij"]
    project = [f"track the {w} budget and schedule milestones" for w in "abcdefghij"]
    rows = [(t, "product") for t in product] + [(t, "project") for t in project]
    rows += [
        ("Interview A customers about pricing needs!", "project"),  # conflicting duplicate
        ("track the b budget and schedule milestones", "project"),  # plain duplicate
        ("track the k budget and schedule milestones", "product"),
    ]  # suspect label
    frame = pd.DataFrame(rows, columns=["text", "label"])
    frame["domain"] = ["software"] * 12 + ["energy"] * 11
    return frame.set_axis(range(100, 123))


def test_audit_finds_duplicates_conflicts_suspects_and_thin_cells() -> None:
    report = roleclf.audit(_frame(), thin=5, estimator=roleclf.RoleClassifier(min_df=1))
    assert not report.passed
    assert report.exact_duplicates.loc[120, "duplicate_of"] == 100
    assert report.conflicting_labels.index.tolist() == [120]
    assert report.exact_duplicates.loc[121, "conflict"] == False  # noqa: E712
    assert 122 in report.label_issues.index
    assert report.label_issues.loc[122, "suggested"] == "project"
    # near duplicates are named by the frame's own index
    pairs = set(
        zip(report.near_duplicates["row"], report.near_duplicates["similar_to"], strict=True)
    )
    assert {(120, 100), (121, 111)} <= pairs
    assert ("domain", "energy", "product", 1) in set(
        report.thin_cells.itertuples(index=False, name=None)
    )
    flagged = report.flagged()
    assert {"conflicting label", "exact duplicate", "suspected label error"} <= set(
        flagged["issue"]
    )
    assert flagged.loc[flagged["row"] == 122, "text"].item().startswith("track the k")
    text = str(report)
    assert "audit FAILED" in text and "rows per domain and label" in text


def test_reviewed_rows_are_not_flagged_again() -> None:
    frame = _frame()
    reviewed = pd.DataFrame(
        {"text": ["TRACK the k budget and schedule milestones"], "label": ["product"]}
    )
    report = roleclf.audit(frame, estimator=roleclf.RoleClassifier(min_df=1), reviewed=reviewed)
    assert report.label_issues.loc[122, "reviewed"]
    assert 122 not in set(report.flagged().query("issue == 'suspected label error'")["row"])
    assert report.summary()["reviewed_and_kept"] == 1


def test_confident_learning_rule_uses_per_label_thresholds() -> None:
    labels = pd.Series(["a", "a", "a", "b", "b", "b"], index=list("uvwxyz"))
    proba = pd.DataFrame(
        {"a": [0.9, 0.7, 0.45, 0.5, 0.2, 0.1], "b": [0.1, 0.3, 0.55, 0.5, 0.8, 0.9]},
        index=labels.index,
    )
    # thresholds: a = mean(.9, .7, .45) = .683, b = mean(.5, .8, .9) = .733
    # w has b .55 < .733 and a .45 < .683: nothing is confident, so it is not flagged
    assert confident_label_issues(labels, proba).empty
    proba.loc["w"] = [0.2, 0.8]
    issues = confident_label_issues(labels, proba)
    assert issues.index.tolist() == ["w"]
    assert issues.loc["w", "given_proba"] == pytest.approx(0.2)


def test_our_dataset_passes_with_every_suspect_reviewed() -> None:
    reviewed = pd.read_csv(REVIEWED, dtype=str, keep_default_na=False)
    report = roleclf.audit(roleclf.load_dataset(), reviewed=reviewed)
    assert report.passed
    assert report.near_duplicates["row"].nunique() <= 0.01 * len(report.data)
    assert report.flagged().query("issue == 'suspected label error'").empty


def test_cli_exit_status_guards_a_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    _frame().to_csv(bad, index=False)
    out = tmp_path / "flagged.csv"
    assert main(["audit", str(bad), "--csv", str(out)]) == 1
    flagged = pd.read_csv(out)
    # rows are counted from 1 on the command line: the conflicting copy is data row 21
    assert flagged.loc[flagged["issue"] == "conflicting label", "row"].tolist() == [21]
    good = tmp_path / "good.csv"
    _frame().iloc[:20].to_csv(good, index=False)
    assert main(["audit", str(good)]) == 0
    assert "audit passed" in capsys.readouterr().out
