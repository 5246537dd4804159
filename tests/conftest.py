from __future__ import annotations

import pytest

import roleclf

TINY_TEXTS = [
    "interview customers about onboarding pain",
    "size the market for the new segment",
    "write the product requirements for search",
    "track the budget against the plan",
    "update the gantt chart and milestones",
    "log risks in the risk register",
    "fix the login bug in the api",
    "health insurance and a pension plan",
    "bachelor degree required",
]
TINY_LABELS = ["product"] * 3 + ["project"] * 3 + ["other"] * 3


@pytest.fixture(scope="session")
def tiny() -> roleclf.RoleClassifier:
    return roleclf.RoleClassifier(min_df=1).fit(TINY_TEXTS, TINY_LABELS)
