"""Choose the job verdict's thresholds on our hand-written example postings.

Usage: python scripts/choose_thresholds.py

Labels every statement of examples/postings.csv once, then scores every pair of
HYBRID_MIN_SHARE (the smaller of the product and project shares from which a posting is
hybrid) and MIN_ROLE_WEIGHT (the confidence-weighted count of product and project statements
below which it is unclear) by how often the verdict equals the posting's intended role.
Prints the best settings, the accuracy along MIN_ROLE_WEIGHT at the best share, and the
confusion matrix; the chosen values are the constants in roleclf/jobs.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from roleclf.jobs import _verdict, label_statements

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "postings.csv"


def main() -> None:
    postings = pd.read_csv(EXAMPLES)
    statements, _ = label_statements(postings["description"].tolist())
    weights = (
        statements[statements["label"].isin(["product", "project"])]
        .pivot_table(index="posting", columns="label", values="confidence", aggfunc="sum")
        .reindex(index=range(len(postings)), columns=["product", "project"])
        .fillna(0.0)
    )
    rows = []
    for share in np.arange(0.15, 0.46, 0.05):
        for weight in np.arange(0.25, 4.01, 0.25):
            verdicts = [_verdict(a, b, share, weight) for a, b in weights.to_numpy()]
            hits = np.equal(verdicts, postings["intended"]).mean()
            pm = postings["intended"].isin(["product", "project"]).to_numpy()
            rows.append(
                (round(share, 2), weight, hits, np.equal(verdicts, postings["intended"])[pm].mean())
            )
    table = pd.DataFrame(
        rows,
        columns=["hybrid_min_share", "min_role_weight", "accuracy", "accuracy_product_project"],
    )
    table = table.sort_values(["accuracy", "accuracy_product_project"], ascending=False)
    print(f"{len(postings)} example postings: {postings['intended'].value_counts().to_dict()}\n")
    print(table.head(15).to_markdown(index=False, floatfmt=".3f"))
    best = table.iloc[0]
    along = table[table["hybrid_min_share"] == best.hybrid_min_share].sort_values("min_role_weight")
    print(f"\naccuracy along min_role_weight at hybrid_min_share {best.hybrid_min_share}")
    print(along.set_index("min_role_weight")["accuracy"].round(3).to_string())
    verdicts = [
        _verdict(a, b, best.hybrid_min_share, best.min_role_weight) for a, b in weights.to_numpy()
    ]
    print("\nconfusion at the best setting (rows: intended, columns: verdict)")
    print(pd.crosstab(postings["intended"], pd.Series(verdicts, name="verdict")))


if __name__ == "__main__":
    main()
