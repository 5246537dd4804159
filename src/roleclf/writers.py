"""Writing results chunk by chunk so that a run can resume and never leaves half a file."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import DataError

__all__ = ["PartWriter"]

_MANIFEST = "manifest.json"


def _write_atomic(path: Path, write: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PartWriter:
    r"""Write each chunk's results as numbered part files, then assemble the outputs.

    Parts live in a folder ``OUTPUT.parts`` beside the first output, with a manifest of the
    run's settings. Every part is written to a temporary name and renamed, so a part that
    exists is whole. :meth:`finish` joins the parts into each output through a temporary
    file that is renamed at the end, and removes the folder: an output file is either
    complete or absent.

    Parameters
    ----------
    outputs : mapping of str to (Path, str)
        Each output's name (e.g. ``"postings"``, ``"statements"``), path and format
        (``csv``, ``parquet`` or ``jsonl``).
    manifest : mapping
        The settings of the run (input, its size and time, columns, chunking, model); a
        resumed run must have the same.
    resume : bool
        Keep the parts of an interrupted run with the same manifest.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
    >>> writer = PartWriter({"postings": (out, "csv")}, {"run": 1}, resume=False)
    >>> writer.write(0, {"postings": pd.DataFrame({"a": [1]})})
    >>> writer.write(1, {"postings": pd.DataFrame({"a": [2]})})
    >>> writer.finish()
    >>> out.read_text()
    'a\n1\n2\n'
    """

    def __init__(
        self, outputs: Mapping[str, tuple[Path, str]], manifest: Mapping[str, Any], *, resume: bool
    ) -> None:
        self.outputs = {k: (Path(p), fmt) for k, (p, fmt) in outputs.items()}
        first = next(iter(self.outputs.values()))[0]
        self.folder = first.with_name(first.name + ".parts")
        wanted = json.loads(json.dumps(dict(manifest), default=str))
        manifest_path = self.folder / _MANIFEST
        if resume and manifest_path.is_file():
            found = json.loads(manifest_path.read_text())
            if found != wanted:
                changed = sorted(
                    k for k in wanted.keys() | found.keys() if wanted.get(k) != found.get(k)
                )
                raise DataError(
                    f"cannot resume: {', '.join(changed)} changed since the interrupted run "
                    f"(its parts are in {self.folder}); run again without --resume"
                )
        else:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True)
            manifest_path.write_text(json.dumps(wanted, indent=1, sort_keys=True))

    def _part(self, name: str, index: int) -> Path:
        return self.folder / f"{index:07d}.{name}.{self.outputs[name][1]}"

    def done(self) -> int:
        """Return how many chunks, counted from the first, are completely written."""
        last = next(iter(self.outputs))  # written last, so it marks a chunk as complete
        count = 0
        while self._part(last, count).is_file():
            count += 1
        return count

    def write(self, index: int, frames: Mapping[str, pd.DataFrame]) -> None:
        """Write chunk ``index``'s frame for each output (the first output last)."""
        for name in reversed(list(self.outputs)):
            frame, fmt = frames[name], self.outputs[name][1]
            part = self._part(name, index)
            if fmt == "csv":
                _write_atomic(part, lambda p, f=frame: f.to_csv(p, index=False, header=index == 0))
            elif fmt == "jsonl":
                _write_atomic(part, lambda p, f=frame: f.to_json(
                    p, orient="records", lines=True, force_ascii=False))  # fmt: skip
            else:
                _write_atomic(part, lambda p, f=frame: f.to_parquet(p, index=False))

    def finish(self) -> None:
        """Assemble every output from its parts, atomically, and remove the parts."""
        for name, (path, fmt) in self.outputs.items():
            parts = sorted(self.folder.glob(f"*.{name}.{fmt}"))
            if fmt == "parquet":
                _write_atomic(path, lambda p, parts=parts: _join_parquet(parts, p))
            else:
                _write_atomic(path, lambda p, parts=parts: _join_text(parts, p))
        shutil.rmtree(self.folder)


def _join_text(parts: list[Path], target: str) -> None:
    with open(target, "wb") as out:
        for part in parts:
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out)
            if part.stat().st_size and not _ends_with_newline(part):
                out.write(b"\n")


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def _join_parquet(parts: list[Path], target: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # a column may be all null in one part (string then) or int in one and float in another
    unified = pa.unify_schemas([pq.read_schema(p) for p in parts], promote_options="permissive")
    schema = pa.schema(
        pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type) for f in unified
    )
    with pq.ParquetWriter(target, schema) as writer:
        for part in parts:
            writer.write_table(pq.read_table(part).cast(schema))
