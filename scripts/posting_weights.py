"""How much product and project work do real postings carry, against our example postings?

Usage: python scripts/posting_weights.py [--benchmarks ../shared/benchmarks]

For every product- and project-titled posting of the external benchmark (titles masked the
way its runner masks them) and every realistic example posting of ours
(examples/postings.csv, by intended role), prints the median confidence-weighted count of
product and project statements (what the verdict's ``min_role_weight`` bar is compared with)
and how many fall under the bar. For measuring only: nothing here chooses a setting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import roleclf
from roleclf.jobs import MIN_ROLE_WEIGHT


def role_weights(texts: list[str]) -> pd.Series:
    """Return each posting's confidence-weighted count of product and project statements."""
    jobs = roleclf.label_jobs(pd.DataFrame({"description": texts}))
    return jobs["product_weight"] + jobs["project_weight"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("../shared/benchmarks"))
    args = ap.parse_args()
    sys.path.insert(0, str(args.benchmarks))
    import run  # the benchmark's runner: its reader and its title mask

    real = pd.DataFrame(run.read("job_postings.csv"))
    ours = pd.read_csv("examples/postings.csv")
    ours = ours[ours["set"] == "realistic"]
    print(f"bar (MIN_ROLE_WEIGHT): {MIN_ROLE_WEIGHT}\n")
    print("| postings | role | n | median weight | under the bar |")
    print("|---|---|---|---|---|")
    for role in ("project", "product"):
        masked = [run.TITLE.sub("[role]", t) for t in real.loc[real["role"] == role, "description"]]
        mine = ours.loc[ours["intended"] == role, "description"].tolist()
        for name, texts in (("benchmark, titles masked", masked), ("ours, realistic", mine)):
            w = role_weights(texts)
            under = int((w < MIN_ROLE_WEIGHT).sum())
            print(
                f"| {name} | {role} | {len(w)} | {w.median():.1f} | "
                f"{under} ({under / len(w):.0%}) |"
            )


if __name__ == "__main__":
    main()
