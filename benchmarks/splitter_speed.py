"""Speed of the statement splitter: postings per second, and linear time on hostile input.

Usage: python benchmarks/splitter_speed.py

Prints CPU-time postings per second on our example postings and on synthetic postings built
from the dataset, then, for inputs built to provoke quadratic behaviour, the time at 1x and
10x the size and their ratio: about 10 means linear time, about 100 would mean quadratic.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import roleclf
from roleclf.segment import split_statements

ROOT = Path(__file__).resolve().parents[1]
HOSTILE: dict[str, Callable[[int], str]] = {
    "unclosed tags": lambda n: "<a " * n + "x" * n,
    "comment-like": lambda n: ("<!-- x " + "y" * 100) * (n // 25),
    "dash runs": lambda n: "a - B " * n,
    "glued camel case": lambda n: "AbcDef" * n,
    "numbered items": lambda n: " ".join(f"{i % 9 + 1}. item" for i in range(n)),
    "short sentences": lambda n: "word. " * n,
    "long spaces": lambda n: "x." + " " * (10 * n) + "Y",
}


def cpu_seconds(texts: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            split_statements(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    examples = pd.read_csv(ROOT / "examples" / "postings.csv")["description"].tolist()
    data = roleclf.load_dataset()["text"].tolist()
    synthetic = ["\n".join(f"• {s}" for s in data[i : i + 25]) for i in range(0, 25 * 2000, 25)]
    for name, texts in (("examples/postings.csv", examples), ("synthetic bullets", synthetic)):
        seconds = cpu_seconds(texts)
        print(f"{name}: {len(texts):,} postings, {len(texts) / seconds:,.0f} postings/s (CPU)")
    print("\n| hostile input | 1x chars | 1x ms | 10x ms | ratio |")
    print("|---|---|---|---|---|")
    for name, make in HOSTILE.items():
        small, large = make(2_000), make(20_000)
        a, b = cpu_seconds([small]), cpu_seconds([large])
        print(
            f"| {name} | {len(small):,} | {a * 1e3:.1f} | {b * 1e3:.1f} | {b / max(a, 1e-9):.1f} |"
        )


if __name__ == "__main__":
    main()
