"""Print the data card's tables (data/README.md) from the bundled dataset.

Usage: python scripts/data_card_tables.py
"""

from __future__ import annotations

import pandas as pd

import roleclf


def main() -> None:
    data = roleclf.load_dataset()
    words = data["text"].str.split().str.len()
    print(
        f"{len(data):,} rows; words per row: min {words.min()}, median {words.median():.0f}, "
        f"max {words.max()}\n"
    )
    print(data["label"].value_counts().rename("rows").to_frame().to_markdown(), "\n")
    for column in ("style", "domain"):
        table = pd.crosstab(data[column], data["label"], margins=True, margins_name="all")
        print(f"rows per {column} and label\n")
        print(table.to_markdown(), "\n")


if __name__ == "__main__":
    main()
