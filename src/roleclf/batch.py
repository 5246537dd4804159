"""Label files of job postings in chunks (resumably, locally or on Dask), or re-decide them."""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ._version import __version__
from .default import default_model
from .errors import DataError, RoleclfError
from .jobs import STATEMENT_COLUMNS, SUMMARY_COLUMNS, VerdictRule, check_columns, label_frame
from .model import RoleClassifier
from .readers import Chunk, detect_format, iter_chunks
from .writers import PartWriter

__all__ = ["FileReport", "label_chunk", "label_file", "redecide_file"]


@dataclass(frozen=True)
class FileReport:
    """What a file run did: postings, chunks, chunks resumed, time, verdict counts."""

    postings: int
    chunks: int
    resumed_chunks: int
    seconds: float
    verdicts: dict[str, int] = field(default_factory=dict)

    @property
    def postings_per_second(self) -> float:
        """Postings labeled per second of this run."""
        return self.postings / self.seconds if self.seconds else float("nan")


@lru_cache(maxsize=4)
def _load(path: str | None) -> RoleClassifier:
    return default_model() if path is None else RoleClassifier.load(path)


def label_chunk(
    frame: pd.DataFrame,
    first_row: int,
    text_column: str,
    id_column: str | None,
    model: RoleClassifier | str | None,
    rule: VerdictRule | None = None,
) -> dict[str, pd.DataFrame]:
    """Label one chunk of postings; number them from ``first_row`` in a ``row`` column.

    This is the unit of work of every engine. ``model`` is a model, a model file's path
    (loaded once per process) or ``None`` for the default model; ``rule`` the verdict's
    thresholds (the defaults if ``None``).

    Examples
    --------
    >>> texts = pd.DataFrame({"description": ["Track the budget.", "We offer a pension."]})
    >>> out = label_chunk(texts, 7, "description", None, None)
    >>> out["postings"][["row", "verdict"]].values.tolist()
    [[7, 'project'], [8, 'unclear']]
    """
    clf = model if isinstance(model, RoleClassifier) else _load(model)
    local = frame.reset_index(drop=True)
    summary, long = label_frame(local, text_column, id_column, model=clf, rule=rule)
    summary.insert(0, "row", summary.index + first_row)
    long = long.rename(columns={"posting": "row"})
    long["row"] += first_row
    return {"postings": summary.reset_index(drop=True), "statements": long}


def _model_identity(model: RoleClassifier | str | None) -> str:
    clf = model if isinstance(model, RoleClassifier) else _load(model)
    return f"{clf.training_sha256_}:{sorted(clf.get_params().items())}"


def _outputs(
    output: str | Path, statements_output: str | Path | None, fmt: str
) -> dict[str, tuple[Path, str]]:
    outputs = {"postings": (Path(output), detect_format(output, None) if Path(output).suffix
                            else fmt)}  # fmt: skip
    if statements_output is not None:
        outputs["statements"] = (Path(statements_output), detect_format(statements_output))
    for path, _ in outputs.values():
        if not path.parent.is_dir():
            raise DataError(f"{path}: the folder {path.parent} does not exist")
    return outputs


def label_file(
    input_path: str | Path,
    output: str | Path,
    *,
    text_column: str = "description",
    id_column: str | None = None,
    fmt: str | None = None,
    statements_output: str | Path | None = None,
    encoding: str = "utf-8",
    jobs: int = 1,
    resume: bool = False,
    progress: bool = False,
    model: RoleClassifier | str | None = None,
    rule: VerdictRule | None = None,
    chunk_bytes: int = 4 << 20,
    chunk_rows: int = 5000,
    engine: str = "local",
    scheduler: str | None = None,
) -> FileReport:
    r"""Label every posting of a CSV, Parquet or JSON Lines file and write the results.

    The input is read in chunks (about ``chunk_bytes`` of CSV or JSON Lines, or
    ``chunk_rows`` Parquet rows), so memory stays flat whatever the file's size. Each
    output row carries ``row``, the posting's data row in the input (from 1), and the
    ``id_column`` if given; no row is dropped or reordered. Outputs are written through
    part files and renamed into place at the end; ``resume`` continues an interrupted
    run from its last complete chunk, giving the same bytes as an uninterrupted run.

    Parameters
    ----------
    input_path, output : str or Path
        The postings file and the results file; formats from the extensions.
    text_column, id_column : str
        The column of posting text, and an optional column of posting ids.
    fmt : str, optional
        The input's format (``csv``, ``parquet``, ``jsonl``) if its extension does not say.
    statements_output : str or Path, optional
        Also write the long form, one row per statement.
    encoding : str
        The text encoding of CSV and JSON Lines input.
    jobs : int
        Local processes to label with (joblib); results are written in input order.
    resume : bool
        Continue an interrupted run with the same input and settings.
    progress : bool
        Show a progress bar on standard error.
    model : RoleClassifier, str or None
        A model, a saved model's path, or ``None`` for the default model.
    rule : VerdictRule, optional
        The verdict's thresholds; the defaults otherwise.
    chunk_bytes, chunk_rows : int
        The size of a chunk of CSV or JSON Lines input, and of Parquet input.
    engine : {"local", "dask"}
        ``"dask"`` runs the same per-chunk work as Dask tasks over ``dask.dataframe``
        partitions (the ``dask`` extra), with the same output bytes; ``jobs`` is then the
        number of workers of the local cluster started when no ``scheduler`` is given.
        ``resume`` and ``progress`` are local-engine features.
    scheduler : str, optional
        The address of a running Dask scheduler, whose workers can read ``input_path``.

    Returns
    -------
    FileReport

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "jobs.csv").write_text(
    ...     'id,description\nj1,"Own the roadmap.\nInterview customers.\nSize the market.\n'
    ...     'Decide what to build next."\nj2,\n')
    >>> label_file(folder / "jobs.csv", folder / "out.csv", id_column="id").postings
    2
    >>> pd.read_csv(folder / "out.csv")[["row", "id", "verdict", "error"]].values.tolist()
    [[1, 'j1', 'product', nan], [2, 'j2', 'unclear', 'missing text']]
    """
    if engine not in ("local", "dask"):
        raise RoleclfError(f"engine must be 'local' or 'dask', not {engine!r}")
    if engine == "dask":
        if resume:
            raise RoleclfError("resuming works with the local engine only")
        from .distributed import label_file_dask

        return label_file_dask(
            input_path, output, text_column=text_column, id_column=id_column, fmt=fmt,
            statements_output=statements_output, encoding=encoding, scheduler=scheduler,
            workers=max(jobs, 1), model=model, rule=rule, chunk_bytes=chunk_bytes,
        )  # fmt: skip
    started = time.perf_counter()
    source = Path(input_path)
    in_fmt = detect_format(source, fmt)
    outputs = _outputs(output, statements_output, in_fmt)
    if not source.is_file():
        raise DataError(f"{source}: no such file")
    model_arg = str(model) if isinstance(model, (str, Path)) else model
    rule = VerdictRule() if rule is None else rule
    stat = source.stat()
    manifest = {
        "input": str(source.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
        "format": in_fmt, "text_column": text_column, "id_column": id_column,
        "encoding": encoding, "chunk_bytes": chunk_bytes, "chunk_rows": chunk_rows,
        "model": _model_identity(model_arg), "rule": asdict(rule), "roleclf": __version__,
        "columns": {"postings": SUMMARY_COLUMNS, "statements": STATEMENT_COLUMNS},
        "outputs": {k: [str(p), f] for k, (p, f) in outputs.items()},
    }  # fmt: skip
    writer = PartWriter(outputs, manifest, resume=resume)
    skip = writer.done() if resume else 0
    chunks = _checked(iter_chunks(source, in_fmt, chunk_bytes=chunk_bytes,
                                  chunk_rows=chunk_rows, encoding=encoding),
                      text_column, id_column)  # fmt: skip
    bar = _progress_bar(source, in_fmt, enabled=progress)
    total = count = 0
    verdicts: Counter[str] = Counter()
    try:
        for index, chunk, result in _run(
            chunks, skip, jobs, text_column, id_column, model_arg, rule
        ):
            if result is not None:
                writer.write(index, {k: result[k] for k in outputs})
                verdicts.update(result["postings"]["verdict"])
            total += len(chunk.frame)
            count = index + 1
            bar.update((chunk.end - bar.n) if in_fmt != "parquet" else len(chunk.frame))
            bar.set_postfix_str(f"{total:,} postings", refresh=False)
        if count == 0:
            writer.write(0, _empty_result(text_column, id_column, model_arg, rule))
        writer.finish()
    finally:
        bar.close()
    return FileReport(total, count, skip, time.perf_counter() - started, dict(verdicts))


def redecide_file(
    input_path: str | Path,
    output: str | Path,
    rule: VerdictRule,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    progress: bool = False,
    chunk_bytes: int = 4 << 20,
    chunk_rows: int = 5000,
) -> FileReport:
    r"""Decide the verdicts of a file written by :func:`label_file` again, under ``rule``.

    Each posting's verdict is re-decided from its ``product_weight``, ``project_weight`` and
    ``n_statements`` columns (:meth:`VerdictRule.apply`), without labeling any text: every
    other column and every row is written back as read, in order, so the output is what
    :func:`label_file` writes with ``rule``. The file is read in chunks, and the output is
    written through part files renamed into place at the end; it may be the input itself.

    Parameters
    ----------
    input_path, output : str or Path
        The labeled file, and where to write it, in the same format (from the extensions).
    rule : VerdictRule
        The thresholds to decide by.
    fmt : str, optional
        The input's format (``csv``, ``parquet`` or ``jsonl``) when its extension does not say.
    encoding : str
        Of CSV and JSON Lines input.
    progress : bool
        Show a progress bar.
    chunk_bytes, chunk_rows : int
        Chunk sizes, as for :func:`label_file`.

    Returns
    -------
    FileReport
        Postings, chunks, time and the new verdict counts.

    Raises
    ------
    DataError
        The file cannot be read, or a weight or ``n_statements`` column is missing or holds
        something other than a number of 0 or more (the message names the column and the
        data row, from 1).

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"product_weight": [1.2, 3.0], "project_weight": [0.0, 0.2],
    ...               "n_statements": [10, 12], "verdict": ["unclear", "product"]}
    ...              ).to_csv(folder / "a.csv", index=False)
    >>> rule = VerdictRule(min_role_fraction=0.1)
    >>> redecide_file(folder / "a.csv", folder / "b.csv", rule).verdicts
    {'product': 2}
    """
    started = time.perf_counter()
    source = Path(input_path)
    in_fmt = detect_format(source, fmt)
    outputs = _outputs(output, None, in_fmt)
    if outputs["postings"][1] != in_fmt:  # CSV cells are read as text: keep them text
        raise DataError(f"{output}: write the input's format ({in_fmt}) when re-deciding")
    if not source.is_file():
        raise DataError(f"{source}: no such file")
    bar = _progress_bar(source, in_fmt, enabled=progress)
    writer = PartWriter(outputs, {"input": str(source.resolve()), "rule": asdict(rule)},
                        resume=False)  # fmt: skip
    total = count = 0
    verdicts: Counter[str] = Counter()
    try:
        chunks = iter_chunks(source, in_fmt, chunk_bytes=chunk_bytes, chunk_rows=chunk_rows,
                             encoding=encoding)  # fmt: skip
        for count, chunk in enumerate(chunks, 1):
            frame = chunk.frame.assign(verdict=rule.apply(chunk.frame))
            writer.write(count - 1, {"postings": frame.reset_index(drop=True)})
            verdicts.update(frame["verdict"])
            total += len(frame)
            bar.update((chunk.end - bar.n) if in_fmt != "parquet" else len(frame))
        if count == 0:
            raise DataError(f"{source}: empty file, with no columns")
        writer.finish()
    finally:
        bar.close()
        shutil.rmtree(writer.folder, ignore_errors=True)
    return FileReport(total, count, 0, time.perf_counter() - started, dict(verdicts))


def _empty_result(
    text_column: str,
    id_column: str | None,
    model: RoleClassifier | str | None,
    rule: VerdictRule | None,
) -> dict[str, pd.DataFrame]:
    """Return the results of no postings: an input with no rows still gets its columns."""
    empty = pd.DataFrame({text_column: pd.Series([], dtype=object)})
    if id_column is not None:
        empty[id_column] = pd.Series([], dtype=object)
    return label_chunk(empty, 1, text_column, id_column, model, rule)


def _checked(chunks: Iterator[Chunk], text_column: str, id_column: str | None) -> Iterator[Chunk]:
    for chunk in chunks:
        check_columns(list(chunk.frame.columns), text_column, id_column)
        yield chunk


def _run(
    chunks: Iterator[Chunk],
    skip: int,
    jobs: int,
    text_column: str,
    id_column: str | None,
    model: RoleClassifier | str | None,
    rule: VerdictRule,
) -> Iterator[tuple[int, Chunk, dict[str, pd.DataFrame] | None]]:
    """Yield each chunk in order with its results (None for chunks already written)."""
    if jobs <= 1:
        for index, chunk in enumerate(chunks):
            done = index < skip
            yield index, chunk, None if done else label_chunk(
                chunk.frame, chunk.first_row, text_column, id_column, model, rule)  # fmt: skip
        return
    from joblib import Parallel, delayed

    if model is None:
        default_model()  # build the cache once, so the workers only load it
    pending: list[tuple[int, Chunk]] = []

    def tasks() -> Iterator[Any]:
        for index, chunk in enumerate(chunks):
            pending.append((index, chunk))
            if index >= skip:
                yield delayed(label_chunk)(chunk.frame, chunk.first_row, text_column,
                                           id_column, model, rule)  # fmt: skip

    results = Parallel(n_jobs=jobs, return_as="generator", pre_dispatch="2*n_jobs")(tasks())
    for result in results:
        while pending and pending[0][0] < skip:
            yield (*pending.pop(0), None)
        index, chunk = pending.pop(0)
        yield index, chunk, result
    for index, chunk in pending:  # chunks after the last task are all already written
        yield index, chunk, None


class _NoBar:
    """Stands in for a progress bar when none is shown."""

    n = 0

    def update(self, n: int) -> None:
        self.n += n

    def set_postfix_str(self, text: str, refresh: bool = True) -> None:
        """Do nothing."""

    def close(self) -> None:
        """Do nothing."""


def _progress_bar(source: Path, fmt: str, *, enabled: bool) -> Any:
    if not enabled:  # tqdm.auto warns in notebooks without ipywidgets even when disabled
        return _NoBar()
    from tqdm.auto import tqdm

    if fmt == "parquet":
        import pyarrow.parquet as pq

        total, unit = pq.ParquetFile(source).metadata.num_rows, " postings"
    else:
        total, unit = os.path.getsize(source), "B"
    return tqdm(total=total, unit=unit, unit_scale=unit == "B", desc=source.name,
                dynamic_ncols=True)  # fmt: skip
