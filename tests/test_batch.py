from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import roleclf
from roleclf import batch
from roleclf.batch import label_file, redecide_file
from roleclf.cli import main

from .test_jobs import BOILER, PRODUCT, PROJECT, posting


def postings(n: int) -> pd.DataFrame:
    kinds = [
        posting(PRODUCT, BOILER),
        posting(PROJECT),
        posting(PRODUCT, PROJECT),
        'A "quoted" line,\nthen a second line, with commas',
        None,
    ]
    return pd.DataFrame(
        {
            "job_id": [f"j{i:03d}" for i in range(n)],
            "description": [kinds[i % len(kinds)] for i in range(n)],
        }
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "jobs.csv"
    postings(60).to_csv(path, index=False)
    return path


def test_every_row_in_order_with_row_numbers_and_ids(source: Path, tmp_path: Path) -> None:
    report = label_file(source, tmp_path / "out.csv", id_column="job_id", chunk_bytes=500)
    assert report.postings == 60 and report.chunks > 5
    out = pd.read_csv(tmp_path / "out.csv")
    assert out["row"].tolist() == list(range(1, 61))
    assert out["job_id"].tolist() == [f"j{i:03d}" for i in range(60)]
    expected = roleclf.label_jobs(pd.read_csv(source), id_column="job_id")
    assert out["verdict"].tolist() == expected["verdict"].tolist()
    assert out["error"].fillna("").tolist() == expected["error"].fillna("").tolist()


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_other_formats_give_the_same_results(source: Path, tmp_path: Path, suffix: str) -> None:
    frame = pd.read_csv(source)
    other = tmp_path / f"jobs{suffix}"
    if suffix == ".parquet":
        frame.to_parquet(other)
    else:
        frame.to_json(other, orient="records", lines=True)
    label_file(source, tmp_path / "a.csv", chunk_bytes=700)
    label_file(other, tmp_path / f"b{suffix}", chunk_rows=7, chunk_bytes=700)
    a = pd.read_csv(tmp_path / "a.csv")
    b = (
        pd.read_parquet(tmp_path / f"b{suffix}")
        if suffix == ".parquet"
        else pd.read_json(tmp_path / f"b{suffix}", lines=True)
    )
    assert b["verdict"].tolist() == a["verdict"].tolist()
    assert b["n_statements"].tolist() == a["n_statements"].tolist()


def test_two_jobs_write_the_same_bytes_as_one(source: Path, tmp_path: Path) -> None:
    label_file(source, tmp_path / "one.csv", statements_output=tmp_path / "s1.csv", chunk_bytes=400)
    label_file(
        source, tmp_path / "two.csv", statements_output=tmp_path / "s2.csv", chunk_bytes=400, jobs=2
    )
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert (tmp_path / "s1.csv").read_bytes() == (tmp_path / "s2.csv").read_bytes()
    long = pd.read_csv(tmp_path / "s1.csv")
    assert list(long.columns) == ["row", "position", "text", "label", "confidence"]
    assert long["row"].is_monotonic_increasing


@pytest.mark.filterwarnings("ignore:.*tasks which were still being processed")
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_run_resumes_to_identical_bytes(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    whole = tmp_path / "whole.csv"
    label_file(source, whole, statements_output=tmp_path / "whole_s.jsonl", chunk_bytes=400)
    out, long = tmp_path / "out.csv", tmp_path / "out_s.jsonl"
    real = batch.PartWriter.write
    calls = {"n": 0}

    def dying_write(self: batch.PartWriter, index: int, frames: dict[str, pd.DataFrame]) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        real(self, index, frames)

    monkeypatch.setattr(batch.PartWriter, "write", dying_write)
    with pytest.raises(KeyboardInterrupt):
        label_file(source, out, statements_output=long, chunk_bytes=400, jobs=jobs)
    assert not out.exists() and not long.exists()  # never a half-written output
    monkeypatch.setattr(batch.PartWriter, "write", real)
    report = label_file(
        source, out, statements_output=long, chunk_bytes=400, jobs=jobs, resume=True
    )
    assert report.resumed_chunks == 3
    assert out.read_bytes() == whole.read_bytes()
    assert long.read_bytes() == (tmp_path / "whole_s.jsonl").read_bytes()


def test_resume_refuses_a_changed_input(source: Path, tmp_path: Path) -> None:
    copy = tmp_path / "jobs.csv"
    copy.write_bytes(source.read_bytes())
    writer_folder = tmp_path / "out.csv.parts"
    writer_folder.mkdir()
    (writer_folder / "manifest.json").write_text(json.dumps({"size": 1}))
    with pytest.raises(roleclf.DataError, match="cannot resume"):
        label_file(copy, tmp_path / "out.csv", resume=True)


def test_resume_refuses_parts_written_with_other_columns(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # parts of a run by a roleclf whose output had other columns must not be mixed in
    def interrupted(self: batch.PartWriter, index: int, frames: dict[str, pd.DataFrame]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.PartWriter, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        label_file(source, tmp_path / "out.csv", chunk_bytes=500)
    monkeypatch.undo()
    manifest = tmp_path / "out.csv.parts" / "manifest.json"
    found = json.loads(manifest.read_text())
    assert found["columns"]["postings"] == list(roleclf.label_jobs(pd.read_csv(source)).columns)
    found["columns"]["postings"].remove("product_weight")
    manifest.write_text(json.dumps(found))
    with pytest.raises(roleclf.DataError, match="cannot resume: columns changed"):
        label_file(source, tmp_path / "out.csv", chunk_bytes=500, resume=True)


def test_a_rule_of_your_own_is_applied_and_resume_keeps_it(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = roleclf.VerdictRule(min_role_weight=4.0, hybrid_min_share=0.45)
    label_file(source, tmp_path / "out.csv", rule=rule, chunk_bytes=500)
    expected = roleclf.label_jobs(pd.read_csv(source), rule=rule)["verdict"]
    assert pd.read_csv(tmp_path / "out.csv")["verdict"].tolist() == expected.tolist()
    assert expected.tolist() != roleclf.label_jobs(pd.read_csv(source))["verdict"].tolist()
    label_file(source, tmp_path / "default.csv", chunk_bytes=500)  # re-decided from the file:
    assert rule.apply(pd.read_csv(tmp_path / "default.csv")).tolist() == expected.tolist()

    def interrupted(self: batch.PartWriter, index: int, frames: dict[str, pd.DataFrame]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.PartWriter, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        label_file(source, tmp_path / "again.csv", rule=rule, chunk_bytes=500)
    monkeypatch.undo()
    with pytest.raises(roleclf.DataError, match="cannot resume: rule changed"):
        label_file(source, tmp_path / "again.csv", chunk_bytes=500, resume=True)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_redeciding_a_labeled_file_equals_labeling_it_with_the_rule(
    source: Path, tmp_path: Path, suffix: str
) -> None:
    rule = roleclf.VerdictRule(min_role_weight=4.0, hybrid_min_share=0.45)
    labeled, ruled = tmp_path / f"labeled{suffix}", tmp_path / f"ruled{suffix}"
    label_file(source, labeled, id_column="job_id", chunk_bytes=500)
    label_file(source, ruled, id_column="job_id", chunk_bytes=500, rule=rule)
    report = redecide_file(labeled, tmp_path / f"re{suffix}", rule, chunk_bytes=300, chunk_rows=7)
    assert report.postings == 60 and report.chunks > 5
    redecide_file(labeled, labeled, rule)  # in place
    for out in (tmp_path / f"re{suffix}", labeled):
        if suffix == ".parquet":
            pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(ruled))
        else:
            assert out.read_bytes() == ruled.read_bytes()
    verdicts = pd.read_parquet(ruled) if suffix == ".parquet" else None
    if verdicts is not None:
        assert report.verdicts == verdicts["verdict"].value_counts().to_dict()
    assert not list(tmp_path.glob("*.parts"))


def test_redeciding_names_the_bad_cell_and_writes_nothing(source: Path, tmp_path: Path) -> None:
    labeled = tmp_path / "labeled.csv"
    label_file(source, labeled)
    frame = pd.read_csv(labeled, dtype=str)
    frame.loc[42, "project_weight"] = "lots"  # data row 43
    frame.to_csv(tmp_path / "bad.csv", index=False)
    out = tmp_path / "out.csv"
    rule = roleclf.VerdictRule()
    with pytest.raises(roleclf.DataError, match="column 'project_weight', row 43: 'lots'"):
        redecide_file(tmp_path / "bad.csv", out, rule, chunk_bytes=300)
    frame.drop(columns="product_weight").to_csv(tmp_path / "old.csv", index=False)
    with pytest.raises(roleclf.DataError, match="column 'product_weight' is missing"):
        redecide_file(tmp_path / "old.csv", out, rule)
    with pytest.raises(roleclf.DataError, match=r"write the input's format \(csv\)"):
        redecide_file(labeled, tmp_path / "out.jsonl", rule)
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(roleclf.DataError, match="empty file"):
        redecide_file(tmp_path / "empty.csv", out, rule)
    assert not out.exists() and not list(tmp_path.glob("*.parts"))


def test_cli_redecide(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labeled, out = tmp_path / "labeled.csv", tmp_path / "out.csv"
    label_file(source, labeled)
    high = ["--min-role-weight", "4", "--hybrid-min-share", "0.45"]
    assert main(["redecide", str(labeled), "-o", str(out), *high]) == 0
    expected = roleclf.label_jobs(pd.read_csv(source), rule=roleclf.VerdictRule(4, 0.45))
    assert pd.read_csv(out)["verdict"].tolist() == expected["verdict"].tolist()
    counts = expected["verdict"].value_counts()
    printed = capsys.readouterr().out
    assert "re-decided 60 postings" in printed and f"unclear {counts['unclear']}" in printed
    assert main(["redecide", str(source), "-o", str(out)]) == 1
    assert "column 'product_weight' is missing" in capsys.readouterr().err


def test_an_empty_input_still_gets_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("description\n")
    assert label_file(path, tmp_path / "out.csv").postings == 0
    out = pd.read_csv(tmp_path / "out.csv")
    assert out.empty and "verdict" in out.columns


def test_cli_label_and_its_errors(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.parquet"
    assert main(["label", str(source), "-o", str(out), "--id-column", "job_id"]) == 0
    assert "labeled 60 postings" in capsys.readouterr().out
    assert len(pd.read_parquet(out)) == 60
    assert main(["label", str(source), "-o", str(out), "--text-column", "body"]) == 1
    assert "column 'body' is missing" in capsys.readouterr().err
    assert main(["label", str(tmp_path / "nope.csv"), "-o", str(out)]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["label", str(source), "-o", str(tmp_path / "no" / "dir.csv")]) == 1
    assert "does not exist" in capsys.readouterr().err
    high = ["--min-role-weight", "4", "--hybrid-min-share", "0.45", "--min-role-fraction", "0.2"]
    assert main(["label", str(source), "-o", str(tmp_path / "high.csv"), *high]) == 0
    expected = roleclf.label_jobs(pd.read_csv(source), rule=roleclf.VerdictRule(4, 0.45, 0.2))
    assert pd.read_csv(tmp_path / "high.csv")["verdict"].tolist() == expected["verdict"].tolist()
    for flag, value, bound in (
        ("--hybrid-min-share", "0.7", "from 0 to 0.5"),
        ("--min-role-fraction", "1.5", "from 0 to 1.0"),
        ("--min-role-weight", "-1", "of 0 or more"),
        ("--min-role-weight", "nan", "of 0 or more"),
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(["label", str(source), "-o", str(out), flag, value])
        assert exit_info.value.code == 2
        assert (
            f"argument {flag}: must be a number {bound}, got '{value}'" in capsys.readouterr().err
        )


def test_engine_choices_are_checked_before_any_work(source: Path, tmp_path: Path) -> None:
    with pytest.raises(roleclf.RoleclfError, match="engine must be 'local' or 'dask'"):
        label_file(source, tmp_path / "out.csv", engine="spark")
    with pytest.raises(roleclf.RoleclfError, match="local engine only"):
        label_file(source, tmp_path / "out.csv", engine="dask", resume=True)
    assert not (tmp_path / "out.csv").exists()
