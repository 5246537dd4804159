from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import roleclf

GOLDEN = Path(__file__).parent / "data" / "golden.csv"


def test_golden_statements_keep_their_hand_checked_labels() -> None:
    """A regression guard: a change that flips one of these must be deliberate.

    A flip accepted on purpose is written in the ``near_miss`` column with the reason; such a
    statement must still give its true label at least 0.4, so that it stays a near miss and
    does not become a confident error.
    """
    golden = pd.read_csv(GOLDEN, keep_default_na=False)
    assert len(golden) >= 40
    assert set(golden["label"]) == {"product", "project", "other"}
    proba = roleclf.predict_proba(golden["text"])
    predicted = proba.idxmax(axis=1).to_numpy()
    own = proba.to_numpy()[np.arange(len(golden)), proba.columns.get_indexer(golden["label"])]
    near = golden["near_miss"].to_numpy() != ""
    wrong = golden.loc[~near & (predicted != golden["label"].to_numpy()), "text"].tolist()
    assert wrong == []
    assert near.sum() <= 2, "more than two accepted near misses: fix the data instead"
    assert (own[near] >= 0.4).all(), golden.loc[near & (own < 0.4), "text"].tolist()


@pytest.mark.parametrize(
    ("name", "fewest", "bar"),
    [
        # 155 requirement lines. One that names product or project work, concrete or general
        # ("5+ years of project management experience"), takes that work's label; one that
        # names only a title held, years, a degree, a tool or a trait is ``other`` (data
        # card, rounds 15 and 16).
        ("heldout_requirements.csv", 29, 0.95),
        # 80 statements of 2 to 4 words: notes, headings, checklist items (data card, round 17).
        ("heldout_short.csv", 22, 0.95),
        # 80 role-summary sentences ("The [role] will run ..."), 32 with the masked title
        # token "[role]" (data card, round 18).
        ("heldout_summary.csv", 25, 0.95),
        # 90 statements of the work in plain words, without the textbook terms (data card,
        # round 18).
        ("heldout_plain.csv", 25, 0.95),
        # 90 statements that name delivery or product work without the words "project" and
        # "product", and sentences that use the word "role" (data card, round 19).
        ("heldout_role_words.csv", 30, 0.95),
        # 75 formal task statements (occupational-database register): budgets, staff, risks
        # and contracts of projects; buyer, rival and price research; and their `other`
        # neighbours (data card, round 20).
        ("heldout_formal.csv", 25, 0.95),
        # 90 statements of technical work named by its content: overseeing its delivery
        # (project, mostly without project-management words), doing it by hand or running
        # it day to day (`other`), and choosing what to offer (product) (data card, round
        # 21). The hardest set: 70 of 90 right before that round, 83 after, so a lower bar.
        ("heldout_oversight.csv", 30, 0.9),
        # 90 statements from program ads: driving a program's execution (project), deciding
        # what a program offers its members (product), "program" as software or as a service
        # run day to day (`other`) (data card, round 22). 84 of 90 before that round, 85 after.
        ("heldout_programs.csv", 30, 0.93),
        # 89 lines naming the disciplines: project or product management as work done
        # (project, product) or only as a credential, tool, department or title (`other`)
        # (data card, round 22). 82 of 89 before that round, 85 after.
        ("heldout_disciplines.csv", 29, 0.94),
        # 60 bare lines of the same kind ("Project management experience essential"):
        # 33 of 60 before round 22, 54 after.
        ("heldout_disciplines_bare.csv", 20, 0.88),
        # 90 compound lines: one clause of product or project work among tools, traits,
        # certificates, industries and technical nouns, and their `other` neighbours (only
        # the trimmings; projects as the setting of hands-on work) (data card, round 23).
        # 78 of 90 before that round, 86 after.
        ("heldout_compound.csv", 30, 0.93),
        # 60 lines naming a discipline beside traits ("project management ability and
        # attention to detail"), and traits or credentials alone (`other`): 46 of 60 before
        # round 23, 58 after.
        ("heldout_traits.csv", 20, 0.93),
        # 60 lines of projects named by their discipline: leading, costing or staffing them
        # (project), hands-on work on them, ongoing operations, line management (`other`),
        # deciding what the discipline's products offer (product) (data card, round 24).
        # 60 of 60 before that round and after: a guard of the rule.
        ("heldout_disciplines_projects.csv", 18, 0.96),
        # 59 lines about features, releases and launches: delivering decided ones (project,
        # in product words), hands-on work on them (`other`), deciding which and why
        # (product) (data card, round 25). 54 of 59 before that round, 58 after.
        ("heldout_features.csv", 17, 0.94),
        # 45 lines about leading teams: toward deciding what to build and why (product),
        # toward delivering defined work (project), people leadership with no work named or
        # leading the hands-on work itself (`other`) (data card, round 26). 44 of 45 before
        # that round and after: a guard of the rule.
        ("heldout_leadership.csv", 15, 0.93),
    ],
)
def test_held_out_statements_are_read_by_the_work_they_name(
    name: str, fewest: int, bar: float
) -> None:
    """Statements written apart from the training data, blind-labeled, never added to it.

    A check of generalisation, so a bar on accuracy rather than every row.
    """
    held_out = pd.read_csv(GOLDEN.with_name(name))
    assert held_out["label"].value_counts().min() >= fewest
    training = set(roleclf.load_dataset()["text"].str.lower())
    assert not training & set(held_out["text"].str.lower())
    predicted = np.array(roleclf.classify_many(held_out["text"]))
    assert (predicted == held_out["label"].to_numpy()).mean() >= bar


def test_the_readme_examples() -> None:
    assert roleclf.classify("manage sprint timelines") == "project"
    assert roleclf.classify_many(["draft the product vision", "track the budget"]) == [
        "product",
        "project",
    ]


def test_predict_proba_is_a_frame_whose_rows_sum_to_one() -> None:
    texts = pd.Series(["own the roadmap", "track the budget", "dental plan"], index=[10, 7, "z"])
    proba = roleclf.predict_proba(texts)
    assert list(proba.columns) == ["other", "product", "project"]
    assert list(proba.index) == [10, 7, "z"]
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert proba.idxmax(axis=1).tolist() == roleclf.classify_many(texts)
    assert proba.index.equals(pd.RangeIndex(1)) is False
    assert list(roleclf.predict_proba(["a plan"]).index) == [0]


def test_empty_batches_give_empty_results() -> None:
    assert roleclf.classify_many([]) == []
    assert roleclf.predict_proba([]).shape == (0, 3)


@pytest.mark.parametrize("func", [roleclf.classify_many, roleclf.predict_proba])
def test_a_bare_string_is_refused_not_split_into_characters(func: object) -> None:
    with pytest.raises(TypeError, match="single str"):
        func("manage sprint timelines")  # type: ignore[operator]


@pytest.mark.parametrize(
    ("bad", "error"),
    [(None, ValueError), (math.nan, ValueError), (7, TypeError), (b"raw", TypeError)],
)
def test_bad_items_name_value_and_position(bad: object, error: type) -> None:
    with pytest.raises(error, match=r"position 2"):
        roleclf.classify_many(["fine", "also fine", bad])
    with pytest.raises(error, match=r"position 2"):
        roleclf.predict_proba(["fine", "also fine", bad])


@pytest.mark.parametrize("bad", [None, 3, b"bytes"])
def test_classify_takes_one_string(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a string"):
        roleclf.classify(bad)  # type: ignore[arg-type]


def test_a_model_of_ones_own_can_be_passed(tiny: roleclf.RoleClassifier) -> None:
    assert roleclf.classify("fix the bug in the api", model=tiny) == "other"
    assert roleclf.explain("log the risks", model=tiny).label == "project"


def test_explain_matches_classify() -> None:
    text = "Survey customers after onboarding to learn what they need"
    exp = roleclf.explain(text, top=3)
    assert exp.label == roleclf.classify(text) == "product"
    assert all(len(v) <= 3 for v in exp.top_terms.values())
