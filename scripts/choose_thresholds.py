"""Choose the job verdict's thresholds on our hand-written example postings.

Usage: python scripts/choose_thresholds.py [--model-params JSON] [--data CSV]

Labels every statement of examples/postings.csv once, then scores every pair of
HYBRID_MIN_SHARE (the smaller of the product and project shares from which a posting is
hybrid) and MIN_ROLE_FRACTION (below which it is unclear: the confidence-weighted count of
its product and project statements labeled with at least MIN_STATEMENT_CONFIDENCE, which
scripts/verdict_cv.py chooses, per statement of the posting) by how often the verdict equals
the posting's intended role, on all postings and on each of the two example sets:

- ``rich``: 120 postings with full responsibility sections, whose ``unclear`` postings are
  non-PM roles salted with PM-sounding lines (hard on purpose);
- ``realistic``: 554 postings written to look like real ads: thin responsibilities among
  boilerplate, lost line breaks, ordinary non-PM roles as ``unclear``; since stop 25 also
  ads near the boundary (product and project ads with a few lines of the other kind of
  work, uneven hybrids, non-PM roles with a PM-sounding line or two).

The rule: among the pairs within ONE_POSTING_NOISE of the best accuracy on all postings, take
the best on the realistic set (real postings are thin), then the best on all, then on the
product and project postings. Prints the top pairs, the accuracy along MIN_ROLE_FRACTION at
the chosen share per set and for PM roles (intended product, project or hybrid) and non-PM
roles apart (the trade-off a bar makes), and the confusion matrix; the chosen values are the
constants in roleclf/jobs.py. ``--model-params '{"C": 30, "class_weight": null}'`` scores a
model trained with other settings instead of the default model (how a settings change would
move the verdicts; data/README.md, model settings). ``--data CSV`` trains the model on another
data file, such as an earlier round's (``git show COMMIT:data/labeled_tasks.csv > old.csv``),
to replay the choice with that round's model.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

import roleclf
from roleclf.dataset import read_labeled_csv
from roleclf.jobs import VerdictRule

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "postings.csv"
ONE_POSTING_NOISE = 0.01
SHARES = np.round(np.arange(0.15, 0.46, 0.05), 2)
BARS = {
    "fraction": np.round(np.arange(0.02, 0.301, 0.01), 2),
    "weight": np.arange(0.25, 4.01, 0.25),
}


def rule_of(share: float, bar: str, value: float) -> VerdictRule:
    """Return the rule with this share and one bar for ``unclear``: ``fraction`` or ``weight``."""
    bars = {"min_role_fraction": 0.0, "min_role_weight": 0.0, f"min_role_{bar}": value}
    return VerdictRule(hybrid_min_share=share, **bars)


def score_pairs(
    labeled: pd.DataFrame, postings: pd.DataFrame, bar: str = "fraction"
) -> pd.DataFrame:
    """Score every pair of thresholds on labeled postings against their intended verdicts.

    ``bar="weight"`` scores the bar on the weights' sum that decided ``unclear`` before stop 25.
    """
    intended = postings["intended"].to_numpy()
    realistic = (postings["set"] == "realistic").to_numpy()
    pm = np.isin(intended, ["product", "project"])
    rows = []
    for share in SHARES:
        for value in BARS[bar]:
            hits = rule_of(share, bar, value).apply(labeled).to_numpy() == intended
            rows.append(
                (share, value, hits.mean(), hits[realistic].mean(),
                 hits[~realistic].mean(), hits[pm].mean())
            )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["hybrid_min_share", f"min_role_{bar}", "accuracy", "realistic", "rich",
                 "accuracy_product_project"],
    )  # fmt: skip


def choose(table: pd.DataFrame) -> pd.DataFrame:
    """Return the pairs within ONE_POSTING_NOISE of the best accuracy, the chosen one first."""
    near_best = table["accuracy"] >= table["accuracy"].max() - ONE_POSTING_NOISE
    return table[near_best].sort_values(
        ["realistic", "accuracy", "accuracy_product_project"], ascending=False
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model-params", type=json.loads, help="RoleClassifier settings, as JSON")
    ap.add_argument("--data", help="train on this labeled CSV (e.g. an earlier round's data)")
    args = ap.parse_args()
    model = None
    if args.model_params is not None or args.data is not None:
        data = roleclf.load_dataset() if args.data is None else read_labeled_csv(args.data)
        model = roleclf.RoleClassifier(**(args.model_params or {}))
        model.fit(data["text"], data["label"])
    postings = pd.read_csv(EXAMPLES)
    labeled = roleclf.label_jobs(postings, model=model)
    intended = postings["intended"].to_numpy()
    realistic = (postings["set"] == "realistic").to_numpy()
    roles = intended != "unclear"

    def verdicts(fraction: float, share: float) -> list[str]:
        return rule_of(share, "fraction", fraction).apply(labeled).tolist()

    table = choose(score_pairs(labeled, postings))
    print(f"{len(postings)} example postings: {postings['intended'].value_counts().to_dict()}")
    print(f"sets: {postings['set'].value_counts().to_dict()}\n")
    print(f"pairs within {ONE_POSTING_NOISE} of the best accuracy, chosen first:\n")
    print(table.head(10).to_markdown(index=False, floatfmt=".3f"))
    best = table.iloc[0]
    share = best.hybrid_min_share
    along = pd.DataFrame(
        {
            name: [
                np.equal(verdicts(f, share), intended)[mask].mean() for f in BARS["fraction"][::2]
            ]
            for name, mask in (
                ("all", slice(None)),
                ("realistic", realistic),
                ("rich", ~realistic),
                ("PM roles", roles),
                ("non-PM", ~roles),
            )
        },
        index=pd.Index(BARS["fraction"][::2], name="min_role_fraction"),
    )
    print(f"\naccuracy along min_role_fraction at hybrid_min_share {share}, per set and role")
    print(along.round(3).to_markdown())
    chosen = pd.Series(verdicts(best.min_role_fraction, share), name="verdict")
    print(f"\nconfusion at {share} / {best.min_role_fraction} (rows: intended, columns: verdict)")
    print(pd.crosstab(postings["intended"], chosen))


if __name__ == "__main__":
    main()
