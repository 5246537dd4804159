"""How often do careful human readers agree with the benchmark's job titles, and roleclf with both?

Usage: python scripts/benchmark_readings.py [--benchmarks ../shared/benchmarks]
       [--readings docs/benchmark_readings.csv]

The benchmark's runner scores the masked posting verdict against each posting's title, and
its README warns that titles are an imperfect truth. To learn how imperfect, two readers per
posting (independent sessions that had the labeling guide, the title masked as the runner
masks it, and no model) gave each of the 134 product- and project-titled postings the verdict
the text asks for: ``product``, ``project``, ``hybrid``, ``unclear``, or ``unsure`` between two
of them. ``docs/benchmark_readings.csv`` holds their verdicts by the posting's row in
``job_postings.csv`` (``unsure_a`` and ``unsure_b`` name the two verdicts an unsure reader
hesitated between) and no text of the postings.

Prints the readers' agreement, the title against the readers' shared verdict, the ceiling a
reader's verdict puts on the runner's figure, and roleclf's masked verdicts against the title
and the readers. For measuring only: nothing chooses a setting from these readings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

import roleclf

READINGS = Path(__file__).resolve().parents[1] / "docs" / "benchmark_readings.csv"


def share(hits: pd.Series) -> str:
    """Return ``k/n = ratio`` for a boolean series."""
    return f"{int(hits.sum())}/{len(hits)} = {hits.mean():.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("../shared/benchmarks"))
    ap.add_argument("--readings", type=Path, default=READINGS)
    args = ap.parse_args()
    sys.path.insert(0, str(args.benchmarks))
    import run  # the benchmark's runner: its reader and its title mask

    postings = run.read("job_postings.csv")
    r = pd.read_csv(args.readings, keep_default_na=False)
    r["title"] = [postings[i]["role"] for i in r["row"]]
    masked = [run.TITLE.sub("[role]", postings[i]["description"]) for i in r["row"]]
    r["roleclf"] = roleclf.label_jobs(pd.DataFrame({"description": masked}))["verdict"].to_numpy()
    a, b, title = r["reader_a"], r["reader_b"], r["title"]
    shared = a.where(a == b, "readers differ")

    def names_title(x: str) -> pd.Series:
        """Whether reader ``x`` gave the title's role, or was unsure between it and another."""
        hesitated = pd.Series(
            [t in u.split("|") for u, t in zip(r[f"unsure_{x}"], title, strict=True)]
        )
        return (r[f"reader_{x}"] == title) | ((r[f"reader_{x}"] == "unsure") & hesitated)

    print(f"{len(r)} postings; readers agree on {share(a == b)}, "
          f"Cohen's kappa {cohen_kappa_score(a, b):.2f}\n")  # fmt: skip
    print("title (rows) against the readers' shared verdict (columns)\n")
    print(pd.crosstab(title, shared).to_markdown(), "\n")
    print("| verdict matches the title | postings |\n|---|---|")
    clear = (a == title) & (b == title)
    rows = {
        "both readers": clear,
        "at least one reader": (a == title) | (b == title),
        "at least one reader, or one unsure between the title's role and another": (
            names_title("a") | names_title("b")
        ),
        "roleclf, titles masked (the runner's figure)": r["roleclf"] == title,
    }
    for name, hits in rows.items():
        print(f"| {name} | {share(hits)} |")
    agreed = (a == b) & (a != "unsure")
    print(
        f"\nroleclf on the postings where both readers read the title's role: "
        f"{share(r['roleclf'][clear] == title[clear])}"
    )
    print(f"roleclf against the readers' shared verdict (both sure): "
          f"{share(r['roleclf'][agreed] == a[agreed])}\n")  # fmt: skip
    print("where both readers read the title's role: title (rows) against roleclf (columns)\n")
    print(pd.crosstab(title[clear], r["roleclf"][clear]).to_markdown())


if __name__ == "__main__":
    main()
