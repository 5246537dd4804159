"""Reading postings files (CSV, Parquet, JSON Lines) in chunks, with errors that say where."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import DataError

__all__ = ["Chunk", "detect_format", "iter_chunks", "parse_records", "read_range", "record_blocks"]

FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl",
           ".ndjson": "jsonl", ".json": "jsonl"}  # fmt: skip
_LINE = re.compile(r"line (\d+)")


def detect_format(path: str | Path, given: str | None = None) -> str:
    """Return ``csv``, ``parquet`` or ``jsonl``: ``given``, or from the file's extension.

    Examples
    --------
    >>> detect_format("jobs.ndjson"), detect_format("jobs.txt", "csv")
    ('jsonl', 'csv')
    """
    if given is not None:
        if given not in set(FORMATS.values()):
            raise DataError(f"unknown format {given!r}: use csv, parquet or jsonl")
        return given
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise DataError(f"{path}: cannot tell the format from the extension; pass --format")
    return fmt


@dataclass(frozen=True)
class Chunk:
    """A run of consecutive postings read from a file.

    ``frame`` holds them, indexed by data row from 1; ``first_row`` is the first one's number;
    ``end`` is where the chunk ends in the file: a byte offset for CSV and JSON Lines, a row
    for Parquet.
    """

    frame: pd.DataFrame
    first_row: int
    end: int


def record_blocks(
    path: str | Path, chunk_bytes: int, *, quoted: bool
) -> Iterator[tuple[int, bytes]]:
    r"""Yield ``(offset, bytes)`` blocks of a file that each end at a record boundary.

    A record ends at a newline; with ``quoted`` (CSV), only at a newline preceded by an even
    number of double quotes since the range began, so newlines inside quoted cells never
    split a record.

    Examples
    --------
    >>> import tempfile, os
    >>> fd, name = tempfile.mkstemp()
    >>> _ = os.write(fd, b'a,"x\ny"\nb,z\n'); os.close(fd)
    >>> list(record_blocks(name, 3, quoted=True))
    [(0, b'a,"x\ny"\n'), (8, b'b,z\n')]
    """
    with open(path, "rb") as f:
        offset, pending = 0, b""
        while True:
            block = f.read(chunk_bytes)
            pending += block
            if not block:
                if pending:
                    yield offset, pending
                return
            data = np.frombuffer(pending, dtype=np.uint8)
            newlines = np.flatnonzero(data == 10)
            if quoted and len(newlines):
                quotes = np.cumsum(data == 34)
                newlines = newlines[quotes[newlines] % 2 == 0]
            if len(newlines) == 0:
                continue
            end = int(newlines[-1]) + 1
            yield offset, pending[:end]
            offset, pending = offset + end, pending[end:]


def _decode(raw: bytes, offset: int, encoding: str, path: str | Path) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise DataError(
            f"{path}: the bytes at offset {offset + err.start} are not valid {encoding}; "
            "pass --encoding (for example latin-1 or cp1252)"
        ) from None
    except LookupError:
        raise DataError(f"unknown encoding {encoding!r}") from None


def read_range(
    path: str | Path,
    fmt: str,
    offset: int,
    length: int,
    *,
    columns: list[str] | None,
    encoding: str = "utf-8",
    first_line: int = 1,
) -> pd.DataFrame:
    r"""Parse the records in ``length`` bytes at ``offset`` of a CSV or JSON Lines file.

    ``columns`` are the CSV header's names (``None`` when the range starts with the header);
    ``first_line`` is the file line the range starts on, for error messages.

    Examples
    --------
    >>> import tempfile, os
    >>> fd, name = tempfile.mkstemp()
    >>> _ = os.write(fd, b'description\n"a, b"\n'); os.close(fd)
    >>> read_range(name, "csv", 0, 19, columns=None)["description"].tolist()
    ['a, b']
    """
    with open(path, "rb") as f:
        f.seek(offset)
        raw = f.read(length)
    return parse_records(
        raw, offset, fmt, columns=columns, encoding=encoding, first_line=first_line, path=path
    )


def parse_records(
    raw: bytes,
    offset: int,
    fmt: str,
    *,
    columns: list[str] | None,
    encoding: str,
    first_line: int,
    path: str | Path,
) -> pd.DataFrame:
    r"""Parse whole CSV or JSON Lines records from ``raw``, the bytes at ``offset`` of ``path``.

    Examples
    --------
    >>> parse_records(b"x\n1\n", 0, "csv", columns=None, encoding="utf-8", first_line=1,
    ...               path="f.csv")["x"].tolist()
    ['1']
    """
    if offset == 0 and raw.startswith(b"\xef\xbb\xbf") and encoding.lower() in {"utf-8", "utf8"}:
        raw, offset = raw[3:], 3
    text = _decode(raw, offset, encoding, path)
    try:
        if fmt == "csv":
            return pd.read_csv(
                io.StringIO(text), header=None if columns else 0, names=columns, dtype=str,
                keep_default_na=False, na_values=[""],
            )  # fmt: skip
        return _read_json_lines(text)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=columns or [])
    except (pd.errors.ParserError, ValueError) as err:
        found = _LINE.search(str(err))
        where = f"line {first_line + int(found.group(1)) - 1}: " if found else ""
        raise DataError(f"{path}: {where}{_first_sentence(err)}") from None


def _first_sentence(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def _read_json_lines(text: str) -> pd.DataFrame:
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"line {number}: not valid JSON ({err.msg})") from None
        if not isinstance(record, dict):
            raise ValueError(f"line {number}: a JSON object was expected")
        records.append(record)
    return pd.DataFrame.from_records(records)


def _open_error(path: str | Path, err: OSError) -> DataError:
    return DataError(f"{path}: cannot read: {err.strerror or err}")


def iter_chunks(
    path: str | Path,
    fmt: str,
    *,
    chunk_bytes: int = 4 << 20,
    chunk_rows: int = 5000,
    encoding: str = "utf-8",
) -> Iterator[Chunk]:
    r"""Yield the file's postings in chunks, in order, without reading it whole.

    CSV and JSON Lines are cut into byte ranges of about ``chunk_bytes`` that end at record
    boundaries (quoted newlines in CSV cells are kept); Parquet is read in batches of
    ``chunk_rows`` rows.

    Raises
    ------
    DataError
        The file cannot be read, is not valid in its format, or has bytes that are not
        valid in ``encoding`` (the message names the line or the byte offset).

    Examples
    --------
    >>> import tempfile, os
    >>> fd, name = tempfile.mkstemp(suffix=".csv")
    >>> _ = os.write(fd, b"description\nx\ny\n"); os.close(fd)
    >>> [(c.first_row, len(c.frame)) for c in iter_chunks(name, "csv", chunk_bytes=14)]
    [(1, 1), (2, 1)]
    """
    try:
        if fmt == "parquet":
            yield from _parquet_chunks(path, chunk_rows)
            return
        columns: list[str] | None = None
        row, line = 1, 1
        for offset, raw in record_blocks(path, chunk_bytes, quoted=fmt == "csv"):
            frame = parse_records(
                raw, offset, fmt, columns=columns, encoding=encoding, first_line=line, path=path
            )
            line += raw.count(b"\n")
            if fmt == "csv" and columns is None:
                columns = [str(c) for c in frame.columns]
            yield Chunk(
                frame.set_axis(pd.RangeIndex(row, row + len(frame))), row, offset + len(raw)
            )
            row += len(frame)
    except OSError as err:
        raise _open_error(path, err) from None


def _parquet_chunks(path: str | Path, chunk_rows: int) -> Iterator[Chunk]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
    except (pa.ArrowInvalid, pa.ArrowIOError) as err:
        raise DataError(f"{path}: not a readable Parquet file ({err})") from None
    row = 1
    for batch in source.iter_batches(batch_size=chunk_rows):
        frame = batch.to_pandas()
        yield Chunk(frame.set_axis(pd.RangeIndex(row, row + len(frame))), row, row + len(frame) - 1)
        row += len(frame)
