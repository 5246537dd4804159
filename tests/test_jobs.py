from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import roleclf
from roleclf import DataError
from roleclf.jobs import (
    HYBRID_MIN_SHARE,
    MIN_ROLE_FRACTION,
    MIN_ROLE_WEIGHT,
    MIN_STATEMENT_CONFIDENCE,
    VERDICTS,
    VerdictRule,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "postings.csv"

PRODUCT = [
    "Own the product roadmap for the mobile app",
    "Interview customers about their needs",
    "Decide which features to build next based on market research",
    "Run A/B tests on the onboarding flow and decide what to change",
]
PROJECT = [
    "Keep the rollout on schedule and within budget",
    "Maintain the risk register",
    "Send the weekly status report to the steering committee",
    "Track milestones against the delivery plan",
]
BOILER = [
    "We offer a generous pension and 30 days of holiday",
    "We are an equal opportunity employer",
    "5+ years of experience required",
]


def posting(*groups: list[str]) -> str:
    return "About us\n" + "\n".join(f"- {s}" for g in groups for s in g) + "\n"


def test_a_product_posting() -> None:
    job = roleclf.label_job_description(posting(PRODUCT, BOILER))
    assert job.verdict == "product"
    assert job.counts == {"product": 4, "project": 0, "other": 4}
    assert job.shares == {"product": 1.0, "project": 0.0}
    assert job.statements["text"].tolist()[1:5] == PRODUCT


def test_a_posting_asking_for_both_is_hybrid_and_shares_sum_to_one() -> None:
    job = roleclf.label_job_description(posting(PRODUCT, PROJECT, BOILER))
    assert job.verdict == "hybrid"
    assert job.shares["product"] + job.shares["project"] == pytest.approx(1.0)
    sure = job.statements[job.statements["confidence"] >= MIN_STATEMENT_CONFIDENCE]
    conf = sure.groupby("label")["confidence"].sum()
    assert job.weights == pytest.approx({"product": conf["product"], "project": conf["project"]})
    assert job.shares["product"] == pytest.approx(
        conf["product"] / (conf["product"] + conf["project"])
    )


@pytest.mark.parametrize("text", ["", "   \n\t", "•••", posting(BOILER)])
def test_empty_or_boilerplate_text_is_unclear_not_an_error(text: str) -> None:
    job = roleclf.label_job_description(text)
    assert job.verdict == "unclear"
    assert job.error is None
    assert job.counts["product"] + job.counts["project"] <= 1


def test_verdict_rule() -> None:
    rule = VerdictRule()
    assert rule == VerdictRule(MIN_ROLE_WEIGHT, HYBRID_MIN_SHARE, MIN_ROLE_FRACTION)
    assert rule.verdict(0.0, 0.0, 10) == "unclear"
    assert VerdictRule(0, 0.3, 0).verdict(0.0, 0.0, 10) == "unclear"  # no work, no verdict
    assert rule.verdict(0.0, 0.0, 0) == "unclear"  # nor without statements
    at = MIN_ROLE_FRACTION * 20  # the weight that makes a posting of 20 statements
    assert rule.verdict(at * 0.9, 0.0, 20) == "unclear"
    assert rule.verdict(at, 0.0, 20) == "product"
    assert rule.verdict(0.2, at, 20) == "project"
    assert rule.verdict(at * 0.9, 0.0, 10) == "product"  # the same work in a shorter posting
    assert VerdictRule(min_role_weight=at).verdict(at * 0.9, 0.0, 10) == "unclear"
    low = HYBRID_MIN_SHARE * 4 / (1 - HYBRID_MIN_SHARE)
    assert rule.verdict(4.0, low * 1.01, 20) == "hybrid"
    assert rule.verdict(4.0, low * 0.99, 20) == "product"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_role_weight": -1}, "min_role_weight must be a number of 0 or more, got -1"),
        ({"min_role_weight": float("nan")}, "min_role_weight must be"),
        ({"min_role_weight": "2"}, "min_role_weight must be"),
        ({"hybrid_min_share": 0.6}, "hybrid_min_share must be a number from 0 to 0.5, got 0.6"),
        ({"min_role_fraction": 1.5}, "min_role_fraction must be a number from 0 to 1, got 1.5"),
    ],
)
def test_a_bad_rule_is_refused_by_name(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        VerdictRule(**kwargs)  # type: ignore[arg-type]


def test_a_rule_of_your_own_changes_the_verdicts() -> None:
    salted = posting(PRODUCT[:1], BOILER * 3)  # one product line among ten statements
    mixed = posting(PRODUCT, PROJECT)
    frame = pd.DataFrame({"description": [salted, mixed]}, index=[10, 20])
    assert roleclf.label_jobs(frame)["verdict"].tolist() == ["unclear", "hybrid"]
    lower = VerdictRule(min_role_fraction=0.05)
    assert roleclf.label_jobs(frame, rule=lower)["verdict"].tolist() == ["product", "hybrid"]
    assert roleclf.label_job_description(salted, rule=lower).verdict == "product"
    higher = VerdictRule(min_role_weight=10.0)
    assert roleclf.label_jobs(frame, rule=higher)["verdict"].tolist() == ["unclear", "unclear"]
    never_hybrid = roleclf.label_jobs(frame, rule=VerdictRule(hybrid_min_share=0.5))
    assert never_hybrid.loc[20, "verdict"] in ("product", "project")


def test_a_rule_applied_to_labeled_postings_equals_labeling_with_it() -> None:
    texts = [posting(PRODUCT[:k], PROJECT[:m], BOILER) for k in range(4) for m in range(4)]
    frame = pd.DataFrame({"description": texts}, index=[f"p{i}" for i in range(len(texts))])
    labeled = roleclf.label_jobs(frame)
    long = roleclf.label_jobs(frame, statements=True)
    role = long[long["label"].isin(["product", "project"])]
    role = role[role["confidence"] >= MIN_STATEMENT_CONFIDENCE]
    summed = role.pivot_table(index="posting", columns="label", values="confidence",
                              aggfunc="sum").reindex(labeled.index).fillna(0.0)  # fmt: skip
    assert labeled["product_weight"].to_numpy() == pytest.approx(summed["product"].to_numpy())
    assert labeled["project_weight"].to_numpy() == pytest.approx(summed["project"].to_numpy())
    assert VerdictRule().apply(labeled).equals(labeled["verdict"])
    seen = set()
    for rule in (VerdictRule(0.5, 0.1), VerdictRule(1.5), VerdictRule(6.0, 0.45)):
        again = roleclf.label_jobs(frame, rule=rule)["verdict"]
        assert rule.apply(labeled).equals(again)
        seen.add(tuple(again))
    assert len(seen) == 3  # the rules decide differently on these postings


def test_our_example_postings_get_their_intended_verdict() -> None:
    # The thresholds were chosen on these postings (scripts/choose_thresholds.py: 0.915 on all
    # 674 in stop 26); a model or rule change that loses many of them must be a decision.
    postings = pd.read_csv(EXAMPLES)
    verdicts = roleclf.label_jobs(postings, id_column="posting_id")["verdict"]
    hits = pd.Series(verdicts.to_numpy() == postings["intended"].to_numpy())
    assert hits.mean() >= 0.9
    per_verdict = hits.groupby(postings["intended"]).mean()
    assert sorted(per_verdict.index) == sorted(VERDICTS)
    assert per_verdict.min() >= 0.75, per_verdict


def test_statements_weigh_their_confidence_above_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    unsure = "Run beta programmes with early customers before general release"
    text = posting([unsure, PROJECT[0]], BOILER)
    job = roleclf.label_job_description(text)
    rows = job.statements.set_index("text")
    assert rows.loc[unsure, "label"] == "product"  # labeled product, but not surely
    assert 0.5 < rows.loc[unsure, "confidence"] < 0.7
    assert MIN_STATEMENT_CONFIDENCE == 0.0  # as shipped, every statement weighs its confidence
    conf = rows["confidence"]
    assert job.weights == pytest.approx({"product": conf[unsure], "project": conf[PROJECT[0]]})
    monkeypatch.setattr(roleclf.jobs, "MIN_STATEMENT_CONFIDENCE", 0.7)  # the floor of stop 17
    floored = roleclf.label_job_description(text)
    assert floored.counts["product"] == 1 and floored.weights["product"] == 0.0
    assert floored.shares == {"product": 0.0, "project": 1.0}
    alone = roleclf.label_job_description(posting([unsure], BOILER))
    assert alone.counts["product"] == 1 and math.isnan(alone.shares["product"])
    assert alone.verdict == "unclear"
    assert "no product or project statement of confidence 0.7+" in repr(alone)


def test_a_rule_names_what_it_cannot_apply_to() -> None:
    rule = VerdictRule()
    with pytest.raises(DataError, match="column 'project_weight' is missing"):
        rule.apply(pd.DataFrame({"product_weight": [1.0], "n_statements": [3]}))
    with pytest.raises(DataError, match="column 'n_statements' is missing"):
        rule.apply(pd.DataFrame({"product_weight": [1.0], "project_weight": [0.0]}))
    bad = pd.DataFrame(
        {"product_weight": [1.0, -2.0], "project_weight": [0.0, 1.0], "n_statements": [3, 3]},
        index=["a", "b"],
    )
    with pytest.raises(DataError, match=r"column 'product_weight', row 'b': -2\.0 is not a num"):
        rule.apply(bad)
    bad = pd.DataFrame(
        {"product_weight": [1.0], "project_weight": ["lots"], "n_statements": [3]}, index=[7]
    )
    with pytest.raises(DataError, match="column 'project_weight', row 7: 'lots' is not a number"):
        rule.apply(bad)
    assert rule.apply(bad.iloc[:0]).empty


def test_profile_displays() -> None:
    job = roleclf.label_job_description(posting(PRODUCT, ["Keep costs < 5% over budget & risks"]))
    assert repr(job).startswith("JobProfile(verdict=")
    data = job.to_dict()
    assert data["verdict"] == job.verdict and len(data["statements"]) == len(job.statements)
    page = job._repr_html_()
    assert page.count("<li") == len(job.statements)
    assert "costs &lt; 5% over budget &amp; risks" in page  # statements are escaped
    empty = roleclf.label_job_description("")
    assert empty.to_dict()["shares"] == {"product": None, "project": None}
    assert empty.to_dict()["weights"] == {"product": 0.0, "project": 0.0}
    assert "no product or project statements" in repr(empty)
    assert math.isnan(empty.shares["product"])


def test_label_jobs_keeps_order_index_and_every_row() -> None:
    frame = pd.DataFrame(
        {
            "id": ["x1", "x2", "x3", "x4", "x5"],
            "description": [posting(PROJECT), None, 42, posting(PRODUCT), ""],
        },
        index=[50, 40, 30, 20, 10],
    )
    out = roleclf.label_jobs(frame, text_column="description", id_column="id")
    assert list(out.index) == [50, 40, 30, 20, 10]
    assert out["id"].tolist() == ["x1", "x2", "x3", "x4", "x5"]
    assert out["verdict"].tolist() == ["project", "unclear", "unclear", "product", "unclear"]
    assert out["error"].tolist() == [None, "missing text", "not text: int", None, None]
    assert out.loc[50, "top_project"] in PROJECT
    assert pd.isna(out.loc[50, "top_product"])
    assert out.loc[20, "n_product"] == 4
    assert np.isnan(out.loc[40, "product_share"])
    none = roleclf.label_jobs(frame.loc[[40, 10]])  # no statement at all: weights still float
    assert none[["product_weight", "project_weight"]].dtypes.tolist() == [np.float64] * 2


def test_label_jobs_long_form() -> None:
    frame = pd.DataFrame({"description": [posting(PRODUCT), posting(PROJECT)]}, index=["a", "b"])
    long = roleclf.label_jobs(frame, statements=True)
    assert list(long.columns) == ["posting", "position", "text", "label", "confidence"]
    assert long["posting"].tolist() == ["a"] * 5 + ["b"] * 5
    assert long.groupby("posting")["position"].apply(list).tolist() == [[0, 1, 2, 3, 4]] * 2
    summary = roleclf.label_jobs(frame)
    counts = long.groupby(["posting", "label"]).size().unstack(fill_value=0)
    assert counts["product"].tolist() == summary["n_product"].tolist()


def test_label_jobs_names_a_missing_column() -> None:
    with pytest.raises(DataError, match="column 'text' is missing"):
        roleclf.label_jobs(pd.DataFrame({"description": ["x"]}), text_column="text")


def test_scraped_text_with_lost_line_breaks() -> None:
    text = (
        "We'd love to say hello?What You Will Be DoingOwning the roadmap for our claims app. "
        "Interviewing customers every week.Associate Product ManagerRef: 32337New York"
    )
    job = roleclf.label_job_description(text)
    texts = job.statements["text"].tolist()
    assert texts[:3] == [
        "We'd love to say hello?",
        "What You Will Be Doing",
        "Owning the roadmap for our claims app.",
    ]
    assert texts[-3:] == ["Associate Product Manager", "Ref: 32337", "New York"]
    assert job.statements["label"].iloc[2] == "product"
