"""Throughput and peak memory of `roleclf label`, local (1 and 2 jobs) and Dask, at two sizes.

Usage: python benchmarks/label_throughput.py [--small 2000] [--factor 10] [--engines LIST]

The engine ``redecide`` (after ``local1``, whose output it reads) measures
`roleclf redecide`: the verdicts of the labeled file decided again under another rule.

Generates synthetic job postings from our own dataset's statements (a blurb and benefits from
`other` rows, responsibilities from `product` and `project` rows, in several layouts), writes
them to a CSV, and runs `roleclf label` on it as a subprocess, sampling the resident memory
of the whole process tree (workers included). Prints postings per second, peak memory, and the
ratio of peak memory between the large and the small input: flat memory means a ratio near 1.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import roleclf

ENGINES = {
    "local1": ["--jobs", "1"],
    "local2": ["--jobs", "2"],
    "dask": ["--engine", "dask", "--jobs", "2"],
}


def make_postings(n: int, path: Path, seed: int = 0) -> None:
    data = roleclf.load_dataset()
    rng = random.Random(seed)
    pools = {k: data.loc[data["label"] == k, "text"].tolist() for k in roleclf.LABELS}
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["posting_id", "description"])
        for i in range(n):
            mix = rng.choice([(10, 2), (2, 10), (6, 6), (0, 1)])
            duties = rng.sample(pools["product"], mix[0]) + rng.sample(pools["project"], mix[1])
            rng.shuffle(duties)
            blurb = " ".join(rng.sample(pools["other"], 4))
            extras = rng.sample(pools["other"], 8)
            layout = i % 3
            if layout == 0:
                body = "\n".join(f"• {s}" for s in duties + extras)
            elif layout == 1:
                body = " ".join(s.rstrip(".") + "." for s in duties + extras)
            else:
                body = "".join(s for s in duties + extras)  # line breaks lost in scraping
            out.writerow([f"p{i:07d}", f"About us\n{blurb}\nWhat you'll do\n{body}"])


def peak_tree_rss(pid: int) -> int:
    """Return the summed resident memory (bytes) of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run(source: Path, engine: str, folder: Path) -> tuple[float, int]:
    out = str(folder / f"out-{engine}-{source.stem}.csv")
    if engine == "redecide":
        labeled = folder / f"out-local1-{source.stem}.csv"
        if not labeled.is_file():
            raise SystemExit("engine redecide needs local1 before it in --engines")
        task = ["redecide", str(labeled), "-o", out, "--min-role-fraction", "0.1"]
    else:
        task = ["label", str(source), "-o", out, *ENGINES[engine]]
    cmd = [sys.executable, "-m", "roleclf.cli", *task, "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, peak_tree_rss(proc.pid))
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with status {proc.returncode}")
    return time.perf_counter() - start, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--engines", default="local1,local2,dask")
    args = ap.parse_args()
    roleclf.classify("warm the model cache")  # training is not part of the measurement
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sizes = [args.small, args.small * args.factor]
        files = {}
        for n in sizes:
            files[n] = folder / f"postings-{n}.csv"
            make_postings(n, files[n])
        lengths = sorted(len(t) for t in pd.read_csv(files[sizes[0]])["description"])
        print(
            f"machine: {os.cpu_count()} cores; synthetic postings of median "
            f"{lengths[len(lengths) // 2]:,} characters\n"
        )
        print("| engine | postings | seconds | postings/s | peak memory (MB) |")
        print("|---|---|---|---|---|")
        peaks: dict[str, list[int]] = {}
        for engine in args.engines.split(","):
            for n in sizes:
                seconds, peak = run(files[n], engine, folder)
                peaks.setdefault(engine, []).append(peak)
                print(
                    f"| {engine} | {n:,} | {seconds:.1f} | {n / seconds:,.0f} | "
                    f"{peak / 2**20:,.0f} |",
                    flush=True,
                )
        print()
        for engine, (small, large) in peaks.items():
            print(
                f"{engine}: peak memory at {sizes[1]:,} postings / at {sizes[0]:,} = "
                f"{large / small:.2f}"
            )


if __name__ == "__main__":
    main()
