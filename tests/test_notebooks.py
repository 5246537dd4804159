"""The notebooks in notebooks/: committed without outputs, and they run top to bottom."""

from __future__ import annotations

import importlib.util
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = [
    "01_explore_dataset.ipynb",
    "02_model_and_errors.ipynb",
    "03_label_job_postings.ipynb",
]
TIMEOUT = 600  # seconds per cell

needs_kernel = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("nbclient", "nbformat", "ipykernel")),
    reason="executing notebooks needs nbclient, nbformat and ipykernel",
)


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb")) == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    cells = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))["cells"]
    code = [(i, c) for i, c in enumerate(cells) if c["cell_type"] == "code"]
    assert code, f"{name} has no code cells"
    with_outputs = [i for i, c in code if c.get("outputs")]
    with_counts = [i for i, c in code if c.get("execution_count") is not None]
    assert not with_outputs, f"{name}: cells {with_outputs} have outputs; strip them"
    assert not with_counts, f"{name}: cells {with_counts} have execution counts; strip them"


def _kernel_manager_class() -> type:
    """Return a kernel manager that starts ipykernel's own "python3" kernel.

    That kernel runs this interpreter (``sys.executable``), so the notebooks import the
    roleclf under test, even if a user or system kernelspec named "python3" points to
    another Python; no ``python -m ipykernel install`` is needed.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class CurrentPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self) -> KernelSpecManager:
            return KernelSpecManager(kernel_dirs=[])  # only ipykernel's built-in spec

    return CurrentPythonKernelManager


@cache
def _executed(name: str) -> Any:
    """Run a copy of the notebook in its folder, once per test session, and return it."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        kernel_manager_class=_kernel_manager_class(),
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},  # the kernel's cwd
    )
    # The environment is inherited (ROLECLF_CACHE_DIR from conftest.py keeps the default
    # model's cache out of the user's cache dir); figures render without a display.
    client.execute(env={**os.environ, "MPLBACKEND": "Agg"})
    return notebook


@needs_kernel
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name: str) -> None:
    notebook = _executed(name)  # raises CellExecutionError, with the cell, on any error
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors


def _html_outputs(notebook: Any) -> list[str]:
    return [
        str(output["data"]["text/html"])
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "text/html" in output.get("data", {})
    ]


@needs_kernel
def test_job_postings_notebook_shows_job_profiles() -> None:
    html = _html_outputs(_executed("03_label_job_postings.ipynb"))
    # JobProfile's rich display starts with a bold "verdict:"; a table's column is not it.
    assert any("verdict:</b>" in h for h in html)
