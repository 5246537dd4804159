from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from roleclf import DataError
from roleclf.writers import PartWriter


def frames(i: int) -> dict[str, pd.DataFrame]:
    return {"postings": pd.DataFrame({"row": [i], "top": [None if i == 0 else f"t{i}"]})}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_parts_assemble_into_one_file_and_vanish(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    writer = PartWriter({"postings": (out, fmt)}, {"a": 1}, resume=False)
    for i in range(3):
        writer.write(i, frames(i))
    assert not out.exists()  # nothing is visible before the end
    writer.finish()
    reader = {
        "csv": pd.read_csv,
        "parquet": pd.read_parquet,
        "jsonl": lambda p: pd.read_json(p, lines=True),
    }[fmt]
    back = reader(out)
    assert back["row"].tolist() == [0, 1, 2]
    assert back["top"].tolist()[1:] == ["t1", "t2"]
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_resume_keeps_complete_parts_only_with_the_same_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    writer = PartWriter({"postings": (out, "csv")}, {"size": 10}, resume=False)
    writer.write(0, frames(0))
    writer.write(1, frames(1))
    (writer.folder / "0000002.postings.csv.partial").write_text("torn")
    again = PartWriter({"postings": (out, "csv")}, {"size": 10}, resume=True)
    assert again.done() == 2
    with pytest.raises(DataError, match="cannot resume: size changed"):
        PartWriter({"postings": (out, "csv")}, {"size": 11}, resume=True)
    fresh = PartWriter({"postings": (out, "csv")}, {"size": 11}, resume=False)
    assert fresh.done() == 0


def test_parquet_parts_of_other_column_types_join_under_one(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    writer = PartWriter({"postings": (out, "parquet")}, {"a": 1}, resume=False)
    writer.write(0, {"postings": pd.DataFrame({"w": [0], "top": [None]})})
    writer.write(1, {"postings": pd.DataFrame({"w": [2.5], "top": ["t"]})})
    writer.finish()
    back = pd.read_parquet(out)
    assert back["w"].tolist() == [0.0, 2.5]
    assert back["top"].isna().tolist() == [True, False] and back["top"].iloc[1] == "t"
