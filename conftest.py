"""Shared by the tests and the doctests: keep the model cache out of the user's cache dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the default model's cache out of the user's cache dir (subprocesses inherit it)."""
    path = tmp_path_factory.mktemp("roleclf-cache")
    old = os.environ.get("ROLECLF_CACHE_DIR")
    os.environ["ROLECLF_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        del os.environ["ROLECLF_CACHE_DIR"]
    else:
        os.environ["ROLECLF_CACHE_DIR"] = old
