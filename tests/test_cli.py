from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

EXE = shutil.which("roleclf")
pytestmark = pytest.mark.skipif(EXE is None, reason="the roleclf entry point is not installed")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    assert EXE is not None
    return subprocess.run(
        [EXE, *args], input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def test_classify_prints_one_label_per_line() -> None:
    out = run(
        "classify", "manage sprint timelines", "draft the product vision", "we offer dental cover"
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["project", "product", "other"]


def test_classify_reads_stdin_and_prints_json_with_probabilities() -> None:
    out = run("classify", "--json", "--proba", stdin="update the risk register\nsize the market\n")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["label"] for r in records] == ["project", "product"]
    assert records[0]["text"] == "update the risk register"
    assert abs(sum(records[1]["probabilities"].values()) - 1) < 1e-3


def test_classify_proba_as_text() -> None:
    out = run("classify", "--proba", "track the budget")
    label, *probs = out.stdout.strip().split("\t")
    assert label == "project"
    assert [p.split("=")[0] for p in probs] == ["other", "product", "project"]


def test_explain_prints_a_table() -> None:
    out = run("explain", "manage sprint timelines", "--top", "3")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("label: project")
    assert "top terms:" in out.stdout and "timelines" in out.stdout


def test_train_then_evaluate_and_classify_with_the_saved_model(tmp_path: Path) -> None:
    data = tmp_path / "pets.csv"
    rows = (
        ["text,label"]
        + [f"feed the cat {w},cat" for w in "abcdefgh"]
        + [f"walk the dog {w},dog" for w in "abcdefgh"]
    )
    data.write_text("\n".join(rows) + "\n")
    model = tmp_path / "pets.skops"
    out = run("train", str(data), "-o", str(model))
    assert out.returncode == 0, out.stderr
    assert "macro-F1" in out.stdout and model.is_file()
    out = run("classify", "--model", str(model), "the dog needs a walk")
    assert out.stdout.strip() == "dog"
    out = run("evaluate", str(data), "--model", str(model))
    assert out.returncode == 0, out.stderr
    assert "accuracy 1.000" in out.stdout and "confusion matrix" in out.stdout


def test_evaluate_cross_validates_the_bundled_data() -> None:
    out = run("evaluate", "--folds", "3")
    assert out.returncode == 0, out.stderr
    assert "stratified 3-fold cross-validation" in out.stdout
    for label in ("product", "project", "other"):
        assert label in out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("train", "missing.csv", "-o", "m.skops"), "missing.csv: no such file"),
        (("classify", "--model", "missing.skops", "x"), "no such model file"),
        (("evaluate", "{bad}"), "column 'label' is missing"),
        (("evaluate", "{badlabel}"), "row 2: column 'label' is empty"),
    ],
)
def test_user_mistakes_print_one_line_and_fail(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,category\nhello world,x\n")
    badlabel = tmp_path / "badlabel.csv"
    badlabel.write_text("text,label\nhello world,product\nsecond row,\n")
    args = tuple(a.format(bad=bad, badlabel=badlabel) for a in args)
    out = run(*args)
    assert out.returncode == 1
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], out.stderr
    assert "Traceback" not in out.stderr
