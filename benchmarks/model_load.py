"""How long a new process takes to get the model: loading a model file, and the CLI's start-up.

Usage: python benchmarks/model_load.py

Saves the default model (training it first if it is not cached yet) with ``save_model``
and, for comparison, as skops writes a fitted pipeline directly (the vocabulary as one node
per term, as model files of format version 1 did). Prints each file's size and load time
(best of 5), then the wall time of ``roleclf classify`` in a new process and of
``import roleclf`` alone (best of 3), which is the floor the model load adds to.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import skops.io as sio

from roleclf.default import default_model
from roleclf.persistence import load_model, save_model


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Return the shortest of ``runs`` timings of ``work()``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    model = default_model()
    folder = Path(tempfile.mkdtemp())
    ours, direct = folder / "model.skops", folder / "pipeline.skops"
    save_model(model, ours)
    sio.dump({"pipeline": model.pipeline}, direct)
    ours_s = best_of(5, lambda: load_model(ours))
    direct_s = best_of(5, lambda: sio.load(direct, trusted=sio.get_untrusted_types(file=direct)))
    for name, path, seconds in (("save_model", ours, ours_s), ("skops, direct", direct, direct_s)):
        print(f"{name}: {path.stat().st_size / 1e6:.1f} MB, loads in {seconds * 1000:,.0f} ms")
    print(f"load_model is {direct_s / ours_s:.0f} times faster than loading the pipeline direct")
    command = [sys.executable, "-m", "roleclf.cli", "classify", "manage sprint timelines"]
    cli = best_of(3, lambda: subprocess.run(command, check=True, capture_output=True))
    imports = best_of(3, lambda: subprocess.run([sys.executable, "-c", "import roleclf"]))
    print(f"roleclf classify, new process: {cli:.2f} s; import roleclf alone: {imports:.2f} s")


if __name__ == "__main__":
    main()
