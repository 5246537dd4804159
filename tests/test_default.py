from __future__ import annotations

from pathlib import Path

import pytest
import sklearn

import roleclf
from roleclf import default
from roleclf.dataset import dataset_sha256
from roleclf.persistence import FORMAT_VERSION


def test_cache_is_keyed_by_versions_data_and_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    name = default.default_model_path().name
    assert f"roleclf{roleclf.__version__}" in name
    assert f"sklearn{sklearn.__version__}" in name
    assert dataset_sha256()[:16] in name
    assert f"format{FORMAT_VERSION}" in name  # a new file format, a new cache

    class Retuned(roleclf.RoleClassifier):
        def __init__(self, *, C: float = 1.0) -> None:  # noqa: N803
            super().__init__(C=C)

    monkeypatch.setattr(default, "RoleClassifier", Retuned)
    assert default.default_model_path().name != name  # new default settings, new cache


def test_first_use_trains_and_caches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ROLECLF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(default, "_LOADED", {})
    model = default.default_model()
    assert default.default_model_path().is_file()
    assert default.default_model() is model  # kept in memory after first use
    data = roleclf.load_dataset()
    assert (
        model.training_sha256_
        == roleclf.RoleClassifier()
        .fit(data["text"][:0].tolist() + data["text"].tolist(), data["label"].tolist())
        .training_sha256_
    )


def test_stale_caches_are_removed_when_a_new_one_is_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROLECLF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(default, "_LOADED", {})
    stale = tmp_path / "default-roleclf0.0.1-sklearn1.0-data0000.skops"
    stale.write_bytes(b"old")
    mine = tmp_path / "my-own-model.skops"
    mine.write_bytes(b"keep")
    default.default_model()
    assert not stale.exists() and mine.exists()
    assert default.default_model_path().exists()


def test_a_stale_or_damaged_cache_is_never_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROLECLF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(default, "_LOADED", {})
    path = default.default_model_path()
    path.write_bytes(b"garbage")
    with pytest.warns(UserWarning, match="damaged model cache"):
        model = default.default_model()
    assert model.predict(["manage sprint timelines"]).tolist() == ["project"]
    # another roleclf or scikit-learn version, or other data, looks under another name
    monkeypatch.setattr(default, "__version__", "999.0")
    assert default.default_model_path() != path


def test_an_unwritable_cache_warns_and_still_works(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ROLECLF_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(default, "_LOADED", {})
    with pytest.warns(UserWarning, match="could not cache"):
        model = default.default_model()
    assert model.classes_.tolist() == ["other", "product", "project"]
