"""The Dask engine: the same per-chunk labeling, as tasks over ``dask.dataframe`` partitions."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from .batch import FileReport, label_chunk
from .default import default_model
from .errors import RoleclfError
from .jobs import VerdictRule, check_columns, label_frame
from .model import RoleClassifier
from .readers import detect_format, parse_records, read_range, record_blocks
from .writers import PartWriter

__all__ = ["label_file_dask", "label_jobs_dask"]

INSTALL_HINT = 'the Dask engine needs the dask extra: pip install "roleclf[dask]"'


def _dask() -> Any:
    try:
        import dask.dataframe as dd
        import distributed  # noqa: F401
    except ImportError:
        raise RoleclfError(INSTALL_HINT) from None
    return dd


def label_jobs_dask(
    frame: Any,
    text_column: str,
    id_column: str | None,
    *,
    statements: bool,
    model: RoleClassifier | None,
    rule: VerdictRule | None = None,
) -> Any:
    """Return :func:`roleclf.label_jobs` of a ``dask.dataframe.DataFrame``, lazily.

    Examples
    --------
    >>> import dask.dataframe as dd, pandas as pd, roleclf
    >>> jobs = dd.from_pandas(pd.DataFrame({"description": ["Own the roadmap."] * 4}),
    ...                       npartitions=2)
    >>> roleclf.label_jobs(jobs).compute()["n_product"].tolist()
    [1, 1, 1, 1]
    """
    _dask()
    check_columns(list(frame.columns), text_column, id_column)
    clf = default_model() if model is None else model
    empty = frame._meta.iloc[:0]
    meta = label_frame(empty, text_column, id_column, model=clf)[1 if statements else 0]
    return frame.map_partitions(
        _partition, text_column, id_column, statements, clf, rule, meta=meta
    )


def _partition(
    part: pd.DataFrame, text_column: str, id_column: str | None, statements: bool,
    model: RoleClassifier, rule: VerdictRule | None,
) -> pd.DataFrame:  # fmt: skip
    return label_frame(part, text_column, id_column, model=model, rule=rule)[1 if statements else 0]


def _partitions(source: Path, fmt: str, encoding: str, chunk_bytes: int) -> Any:
    """Return the file as a ``dask.dataframe``.

    CSV and JSON Lines are partitioned into the local engine's chunks, Parquet by row group.
    """
    dd = _dask()
    if fmt == "parquet":
        return dd.read_parquet(str(source))
    blocks: list[tuple[int, int, list[str] | None, int]] = []
    columns: list[str] | None = None
    line = 1
    for offset, raw in record_blocks(source, chunk_bytes, quoted=fmt == "csv"):
        if fmt == "csv" and columns is None:
            head = parse_records(raw, offset, fmt, columns=None, encoding=encoding,
                                 first_line=1, path=source)  # fmt: skip
            columns = [str(c) for c in head.columns]
            blocks.append((offset, len(raw), None, line))
        else:
            blocks.append((offset, len(raw), columns, line))
        line += raw.count(b"\n")
    if not blocks:
        return None
    return dd.from_map(_read_block, blocks, path=str(source), fmt=fmt, encoding=encoding)


def _read_block(
    block: tuple[int, int, list[str] | None, int], path: str, fmt: str, encoding: str
) -> pd.DataFrame:
    offset, length, columns, line = block
    frame = read_range(path, fmt, offset, length, columns=columns, encoding=encoding,
                       first_line=line)  # fmt: skip
    return frame.reset_index(drop=True)


def _in_order(client: Any, tasks: Iterator[Any], window: int) -> Iterator[Any]:
    futures: deque[Any] = deque()
    for task in tasks:
        futures.append(client.compute(task))
        if len(futures) >= window:
            yield futures.popleft().result()
    while futures:
        yield futures.popleft().result()


def label_file_dask(
    input_path: str | Path,
    output: str | Path,
    *,
    text_column: str = "description",
    id_column: str | None = None,
    fmt: str | None = None,
    statements_output: str | Path | None = None,
    encoding: str = "utf-8",
    scheduler: str | None = None,
    workers: int = 2,
    model: RoleClassifier | str | None = None,
    rule: VerdictRule | None = None,
    chunk_bytes: int = 4 << 20,
) -> FileReport:
    """Label a postings file on a Dask cluster: :func:`roleclf.label_file` with ``engine="dask"``.

    The file is split into the same chunks as the local engine, each a partition of a
    ``dask.dataframe``; every partition is labeled by :func:`~roleclf.batch.label_chunk` as
    a Dask task, and the results are written in input order. With no ``scheduler``, a local
    cluster of ``workers`` processes is started.
    """
    from .batch import _empty_result, _outputs

    _dask()
    from dask.delayed import delayed
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    source = Path(input_path)
    in_fmt = detect_format(source, fmt)
    outputs = _outputs(output, statements_output, in_fmt)
    if not source.is_file():
        raise RoleclfError(f"{source}: no such file")
    clf = model if isinstance(model, RoleClassifier) else (
        default_model() if model is None else RoleClassifier.load(model))  # fmt: skip
    frame = _partitions(source, in_fmt, encoding, chunk_bytes)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    writer = PartWriter(outputs, {"input": str(source), "engine": "dask"}, resume=False)
    total = count = 0
    verdicts: Counter[str] = Counter()
    try:
        parts = [] if frame is None else frame.to_delayed()
        if frame is not None:
            check_columns(list(frame.columns), text_column, id_column)
        remote = client.scatter(clf, broadcast=True)
        tasks = (
            delayed(label_chunk)(part, 0, text_column, id_column, remote, rule) for part in parts
        )
        for index, result in enumerate(_in_order(client, tasks, window=2 * workers + 2)):
            for name in ("postings", "statements"):
                result[name]["row"] += total + 1
            total += len(result["postings"])
            verdicts.update(result["postings"]["verdict"])
            writer.write(index, {k: result[k] for k in outputs})
            count = index + 1
        if count == 0:
            writer.write(0, _empty_result(text_column, id_column, clf, rule))
        writer.finish()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return FileReport(total, count, 0, time.perf_counter() - started, dict(verdicts))
