from __future__ import annotations

import numpy as np
import pytest

import roleclf
from roleclf import RoleClassifier


@pytest.mark.parametrize(
    "text",
    [
        "manage sprint timelines",
        "Interview customers; then write the PRD for search!",
        "Café opening: track the budget, the risks and the schedule",
    ],
)
def test_weights_plus_intercept_give_the_decision_score(text: str) -> None:
    model = roleclf.default.default_model()
    exp = model.explain(text)
    scores = model.decision_function([text])[0]
    for label, score in zip(model.classes_, scores, strict=True):
        assert exp.decision_scores[label] == pytest.approx(score, abs=1e-9)


def test_terms_shown_occur_in_the_text() -> None:
    model = roleclf.default.default_model()
    text = "Coordinate the vendors and keep the rollout on schedule"
    exp = model.explain(text, top=4)
    analyse = model.pipeline.named_steps["tfidf"].build_analyzer()
    tokens = set(analyse(text))
    for label, terms in exp.top_terms.items():
        assert len(terms) <= 4
        weights = [w for _, w in terms]
        assert weights == sorted(weights, reverse=True)
        assert all(w > 0 for w in weights), label
        assert {t for t, _ in terms} <= tokens
    assert exp.label == "project"
    assert exp.label == max(exp.probabilities, key=exp.probabilities.__getitem__)


def test_binary_models_explain_both_labels(tiny: RoleClassifier) -> None:
    clf = RoleClassifier(min_df=1).fit(
        ["bake bread", "fix the sink", "bake cake", "fix a pipe"],
        ["baker", "plumber", "baker", "plumber"],
    )
    exp = clf.explain("bake and fix")
    score = clf.decision_function(["bake and fix"])[0]
    assert exp.decision_scores["plumber"] == pytest.approx(score)
    assert exp.decision_scores["baker"] == pytest.approx(-score)


def test_unknown_text_explains_with_no_terms(tiny: RoleClassifier) -> None:
    exp = tiny.explain("qqq zzz")
    assert exp.label == "other"
    assert exp.contributions.empty
    assert "no term of this text is known" in str(exp)


def test_text_and_html_renderings(tiny: RoleClassifier) -> None:
    exp = tiny.explain("interview customers & track the <budget>", top=2)
    text = str(exp)
    assert text.startswith(f"label: {exp.label}")
    assert "interview" in text and "budget" in text
    page = exp._repr_html_()
    assert "&lt;" in page and "<budget>" not in page  # escaped
    assert page.count("<span title=") >= 3  # highlighted words in place
    assert repr(exp).startswith("Explanation(label=")
    data = exp.to_dict()
    assert data["top_terms"]["project"][0][0] in {"track", "budget", "the budget", "track the"}
    np.testing.assert_allclose(sum(data["probabilities"].values()), 1.0)


def test_explain_rejects_non_text_and_negative_top(tiny: RoleClassifier) -> None:
    with pytest.raises(TypeError, match="must be a string"):
        tiny.explain(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="top"):
        tiny.explain("x", top=-1)
