from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from roleclf import DataError
from roleclf.readers import detect_format, iter_chunks, record_blocks


def test_formats_come_from_the_extension_or_are_given() -> None:
    assert detect_format("a.CSV") == "csv"
    assert detect_format("a.pq") == "parquet"
    assert detect_format("a.txt", "jsonl") == "jsonl"
    with pytest.raises(DataError, match="pass --format"):
        detect_format("a.txt")
    with pytest.raises(DataError, match="unknown format 'xml'"):
        detect_format("a.csv", "xml")


def test_quoted_newlines_never_split_a_record(tmp_path: Path) -> None:
    rows = [f'"line one of {i}\nline ""two"", of {i}"' for i in range(50)]
    path = tmp_path / "q.csv"
    path.write_text("description\n" + "\n".join(rows) + "\n")
    for size in (7, 64, 1000, 1 << 20):
        blocks = list(record_blocks(path, size, quoted=True))
        assert b"".join(b for _, b in blocks) == path.read_bytes()
        chunks = list(iter_chunks(path, "csv", chunk_bytes=size))
        texts = pd.concat([c.frame for c in chunks])["description"].tolist()
        assert texts == [f'line one of {i}\nline "two", of {i}' for i in range(50)]
        assert [c.first_row for c in chunks] == sorted(c.first_row for c in chunks)


def test_chunks_number_rows_from_one_in_order(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text("".join(f'{{"id": {i}, "description": "posting {i}"}}\n' for i in range(30)))
    chunks = list(iter_chunks(path, "jsonl", chunk_bytes=100))
    assert len(chunks) > 3
    frame = pd.concat([c.frame for c in chunks])
    assert frame.index.tolist() == list(range(1, 31))
    assert frame["id"].tolist() == list(range(30))


def test_parquet_is_read_in_row_batches(tmp_path: Path) -> None:
    path = tmp_path / "p.parquet"
    pd.DataFrame({"description": [f"p{i}" for i in range(25)]}).to_parquet(path)
    chunks = list(iter_chunks(path, "parquet", chunk_rows=10))
    assert [(c.first_row, len(c.frame)) for c in chunks] == [(1, 10), (11, 10), (21, 5)]


def test_bad_bytes_are_named_by_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    good = b"description\n" + b"fine text\n" * 40
    path.write_bytes(good + b"caf\xe9 au lait\n")
    with pytest.raises(DataError, match=rf"bytes at offset {len(good) + 3} are not valid utf-8"):
        list(iter_chunks(path, "csv", chunk_bytes=64))
    chunks = list(iter_chunks(path, "csv", chunk_bytes=64, encoding="latin-1"))
    assert pd.concat([c.frame for c in chunks])["description"].iloc[-1] == "café au lait"


def test_malformed_input_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,description\n1,ok\n2,ok\n3,too,many\n")
    with pytest.raises(DataError, match="line 4"):
        list(iter_chunks(path, "csv"))
    path = tmp_path / "bad.jsonl"
    path.write_text('{"description": "ok"}\n{"description": broken}\n')
    with pytest.raises(DataError, match="line 2: not valid JSON"):
        list(iter_chunks(path, "jsonl"))
    path.write_text('{"description": "ok"}\n[1, 2]\n')
    with pytest.raises(DataError, match="line 2: a JSON object was expected"):
        list(iter_chunks(path, "jsonl"))


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        list(iter_chunks(tmp_path / "absent.csv", "csv"))
    (tmp_path / "x.parquet").write_text("not parquet")
    with pytest.raises(DataError, match="not a readable Parquet file"):
        list(iter_chunks(tmp_path / "x.parquet", "parquet"))


def test_a_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfdescription\nhello\n")
    assert list(next(iter_chunks(path, "csv")).frame.columns) == ["description"]
