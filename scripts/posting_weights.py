"""How much product and project work do real postings carry, against our example postings?

Usage: python scripts/posting_weights.py [--benchmarks ../shared/benchmarks]

For every product- and project-titled posting of the external benchmark (titles masked the
way its runner masks them) and every realistic example posting of ours
(examples/postings.csv, by intended role), prints the median confidence-weighted count of
product and project statements, the median number of statements, the median weight per
statement (what the verdict's ``min_role_fraction`` bar is compared with) and how many fall
under the bar. For measuring only: nothing here chooses a setting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import roleclf
from roleclf.jobs import MIN_ROLE_FRACTION


def role_weights(texts: list[str]) -> pd.DataFrame:
    """Return each posting's weight of product and project statements, and its statements."""
    jobs = roleclf.label_jobs(pd.DataFrame({"description": texts}))
    weight = jobs["product_weight"] + jobs["project_weight"]
    return pd.DataFrame({"weight": weight, "statements": jobs["n_statements"]})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("../shared/benchmarks"))
    args = ap.parse_args()
    sys.path.insert(0, str(args.benchmarks))
    import run  # the benchmark's runner: its reader and its title mask

    real = pd.DataFrame(run.read("job_postings.csv"))
    ours = pd.read_csv("examples/postings.csv")
    ours = ours[ours["set"] == "realistic"]
    print(f"bar (MIN_ROLE_FRACTION): {MIN_ROLE_FRACTION}\n")
    print("| postings | role | n | median weight | median statements | median weight per "
          "statement | under the bar |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for role in ("project", "product"):
        masked = [run.TITLE.sub("[role]", t) for t in real.loc[real["role"] == role, "description"]]
        mine = ours.loc[ours["intended"] == role, "description"].tolist()
        for name, texts in (("benchmark, titles masked", masked), ("ours, realistic", mine)):
            w = role_weights(texts)
            fraction = w["weight"] / w["statements"].clip(lower=1)
            under = int((fraction < MIN_ROLE_FRACTION).sum())
            print(
                f"| {name} | {role} | {len(w)} | {w['weight'].median():.1f} | "
                f"{w['statements'].median():.0f} | {fraction.median():.2f} | "
                f"{under} ({under / len(w):.0%}) |"
            )


if __name__ == "__main__":
    main()
