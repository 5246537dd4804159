"""The dataset rules: what check_data.py checks, inside our own tests (shared/ does not ship)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import roleclf
from roleclf import DataError
from roleclf.dataset import dataset_path, dataset_sha256, read_labeled_csv
from roleclf.duplicates import exact_duplicates, near_duplicates

STYLES = {"verb_phrase", "jd_bullet", "resume_line", "sentence", "terse"}
MINIMUM = {"product": 1800, "project": 1800, "other": 1400}


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return roleclf.load_dataset()


def test_columns_and_labels(data: pd.DataFrame) -> None:
    assert list(data.columns) == ["text", "label", "domain", "style"]
    assert set(data["label"]) == set(roleclf.LABELS)
    assert set(data["style"]) == STYLES
    assert data["domain"].str.fullmatch(r"[a-z][a-z ]*[a-z]").all()


def test_size_and_balance(data: pd.DataFrame) -> None:
    assert len(data) >= 5000
    counts = data["label"].value_counts()
    for label, minimum in MINIMUM.items():
        assert counts[label] >= minimum, label


def test_every_label_spans_domains_and_styles(data: pd.DataFrame) -> None:
    for label, rows in data.groupby("label"):
        assert rows["domain"].nunique() >= 14, label
        assert set(rows["style"]) == STYLES, label


def test_rows_are_one_statement_of_2_to_40_words(data: pd.DataFrame) -> None:
    words = data["text"].str.split().str.len()
    assert words.between(2, 40).all(), data.loc[~words.between(2, 40), "text"].tolist()
    assert not data["text"].str.contains("\n").any()
    assert (data["text"] == data["text"].str.strip()).all()


def test_no_exact_duplicates(data: pd.DataFrame) -> None:
    pairs = exact_duplicates(data["text"].tolist())
    assert [(data.text[a], data.text[b]) for a, b in pairs] == []


def test_at_most_one_percent_near_duplicates(data: pd.DataFrame) -> None:
    pairs = near_duplicates(data["text"].tolist(), threshold=0.6)
    assert len({j for _, j, _ in pairs}) <= 0.01 * len(data)


def test_the_guide_hard_cases_are_on_both_sides(data: pd.DataFrame) -> None:
    text = data["text"].str.lower()
    for word in ("roadmap", "backlog", "requirements", "scope", "sprint", "stakeholder"):
        labels = set(data.loc[text.str.contains(word), "label"])
        assert {"product", "project"} <= labels, word


def test_the_dataset_path_and_hash_are_stable() -> None:
    assert dataset_path().is_file()
    assert dataset_sha256() == dataset_sha256()


def test_reading_a_bad_file_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("text,label\na good row,product\nanother,sales\n")
    with pytest.raises(DataError, match=r"row 2: label 'sales' is not one of"):
        read_labeled_csv(path, labels=roleclf.LABELS)
    assert len(read_labeled_csv(path)) == 2  # any labels when none are imposed
    path.write_bytes(b"text,label\nok,product\nbad \xff byte,project\n")
    with pytest.raises(DataError, match=r"not UTF-8 text at byte offset 26"):
        read_labeled_csv(path)
    path.write_text("")
    with pytest.raises(DataError, match="not a readable CSV"):
        read_labeled_csv(path)
