from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
import sklearn
import skops.io as sio
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

import roleclf
from roleclf import ModelFileError, RoleClassifier
from roleclf.persistence import FORMAT, load_model

PROBE = ["interview customers", "track the budget", "fix the login bug", "unseen words qq"]


def test_save_and_load_give_identical_predictions(tiny: RoleClassifier, tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    tiny.save(path)
    loaded = RoleClassifier.load(path)
    np.testing.assert_array_equal(loaded.predict_proba(PROBE), tiny.predict_proba(PROBE))
    assert loaded.get_params() == tiny.get_params()
    assert loaded.training_sha256_ == tiny.training_sha256_


def test_file_records_versions_labels_and_data_hash(tiny: RoleClassifier, tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    tiny.save(path)
    payload = sio.load(path)
    assert payload["roleclf_version"] == roleclf.__version__
    assert payload["sklearn_version"] == sklearn.__version__
    assert payload["labels"] == ["other", "product", "project"]
    assert payload["training_sha256"] == tiny.training_sha256_
    # the vocabulary is one JSON text, not a skops node per term (which loaded slowly)
    assert "vocabulary_" not in vars(payload["pipeline"].named_steps["tfidf"])
    assert json.loads(payload["vocabulary"]) == tiny.pipeline.named_steps["tfidf"].vocabulary_


def test_files_of_format_version_1_still_load(tiny: RoleClassifier, tmp_path: Path) -> None:
    path = tmp_path / "v1.skops"
    sio.dump(
        {"format": FORMAT, "format_version": 1, "labels": ["other", "product", "project"],
         "training_sha256": tiny.training_sha256_, "params": tiny.get_params(),
         "sklearn_version": sklearn.__version__, "pipeline": tiny.pipeline},
        path,
    )  # fmt: skip
    np.testing.assert_array_equal(load_model(path).predict_proba(PROBE), tiny.predict_proba(PROBE))
    payload = sio.load(path)
    payload["format_version"] = 3
    sio.dump(payload, path)
    with pytest.raises(ModelFileError, match=r"format version 3 is not one this roleclf reads"):
        load_model(path)


@pytest.mark.parametrize(
    "vocabulary",
    [None, "not json", json.dumps(["a", "b"]), json.dumps({"roadmap": 0}), json.dumps({"a": "0"})],
)
def test_a_missing_or_mismatched_vocabulary_is_refused(
    tiny: RoleClassifier, tmp_path: Path, vocabulary: str | None
) -> None:
    path = tmp_path / "model.skops"
    tiny.save(path)
    payload = sio.load(path)
    if vocabulary is None:
        del payload["vocabulary"]
    else:
        payload["vocabulary"] = vocabulary
    sio.dump(payload, path)
    with pytest.raises(ModelFileError, match="the vocabulary is missing or does not match"):
        load_model(path)


def _rewrite_schema(src: Path, dst: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "schema.json":
                text = data.decode()
                assert old in text
                data = text.replace(old, new).encode()
            zout.writestr(item, data)


def test_a_tampered_file_that_names_other_types_is_refused(
    tiny: RoleClassifier, tmp_path: Path
) -> None:
    good, bad = tmp_path / "good.skops", tmp_path / "bad.skops"
    tiny.save(good)
    schema = json.loads(zipfile.ZipFile(good).read("schema.json"))
    assert schema  # the file is a skops zip with a JSON schema
    _rewrite_schema(good, bad, '"sklearn.linear_model._logistic"', '"subprocess"')
    with pytest.raises(ModelFileError, match=r"refusing to load.*subprocess"):
        load_model(bad)


def test_foreign_skops_files_are_refused(tiny: RoleClassifier, tmp_path: Path) -> None:
    path = tmp_path / "foreign.skops"
    forest = RandomForestClassifier(n_estimators=2).fit([[0], [1]], ["a", "b"])
    sio.dump({"model": forest}, path)
    with pytest.raises(ModelFileError, match=r"refusing to load.*sklearn\.tree"):
        load_model(path)
    sio.dump({"model": tiny.pipeline}, path)
    with pytest.raises(ModelFileError, match="not a roleclf model file"):
        load_model(path)
    tiny.save(path)
    payload = sio.load(path)
    payload["pipeline"] = Pipeline([("tfidf", TfidfVectorizer()), ("clf", LinearSVC())])
    sio.dump(payload, path)
    with pytest.raises(ModelFileError, match="not a TF-IDF and logistic-regression pipeline"):
        load_model(path)


def test_damaged_and_missing_files_are_refused(tiny: RoleClassifier, tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    tiny.save(path)
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(ModelFileError, match="not a readable skops model file"):
        load_model(path)
    text = tmp_path / "notes.txt"
    text.write_text("just text")
    with pytest.raises(ModelFileError, match="not a readable skops model file"):
        load_model(text)
    with pytest.raises(ModelFileError, match="no such model file"):
        load_model(tmp_path / "absent.skops")


def test_saving_leaves_no_temporary_files(tiny: RoleClassifier, tmp_path: Path) -> None:
    tiny.save(tmp_path / "m.skops")
    assert [p.name for p in tmp_path.iterdir()] == ["m.skops"]
