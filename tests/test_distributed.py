from __future__ import annotations

import builtins
from pathlib import Path

import pandas as pd
import pytest

import roleclf
from roleclf import RoleclfError
from roleclf.batch import label_file

from .test_batch import postings

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


def test_label_jobs_on_a_dask_frame_is_lazy_and_equal() -> None:
    frame = postings(20)
    lazy = roleclf.label_jobs(dd.from_pandas(frame, npartitions=3), id_column="job_id")
    assert isinstance(lazy, dd.DataFrame)
    expected = roleclf.label_jobs(frame, id_column="job_id")
    pd.testing.assert_frame_equal(lazy.compute(), expected, check_dtype=False)
    rule = roleclf.VerdictRule(min_role_weight=1.0)
    lowered = roleclf.label_jobs(dd.from_pandas(frame, npartitions=3), rule=rule).compute()
    pd.testing.assert_frame_equal(lowered, roleclf.label_jobs(frame, rule=rule), check_dtype=False)
    long = roleclf.label_jobs(dd.from_pandas(frame, npartitions=3), statements=True).compute()
    assert len(long) == roleclf.label_jobs(frame, statements=True).shape[0]


def test_dask_engine_on_a_two_worker_cluster_matches_the_local_engine(tmp_path: Path) -> None:
    source = tmp_path / "jobs.csv"
    postings(40).to_csv(source, index=False)
    label_file(
        source,
        tmp_path / "local.csv",
        id_column="job_id",
        statements_output=tmp_path / "local_s.csv",
        chunk_bytes=600,
        rule=roleclf.VerdictRule(min_role_weight=1.0),  # a rule of one's own reaches the workers
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        report = label_file(
            source,
            tmp_path / "dask.csv",
            engine="dask",
            id_column="job_id",
            statements_output=tmp_path / "dask_s.csv",
            scheduler=cluster.scheduler_address,
            chunk_bytes=600,
            rule=roleclf.VerdictRule(min_role_weight=1.0),
        )
    assert report.postings == 40 and report.chunks > 1
    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert (tmp_path / "dask_s.csv").read_bytes() == (tmp_path / "local_s.csv").read_bytes()


def test_without_dask_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from roleclf import distributed as engine

    real = builtins.__import__

    def no_dask(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith(("dask", "distributed")):
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(RoleclfError, match=r'pip install "roleclf\[dask\]"'):
        engine.label_jobs_dask(object(), "description", None, statements=False, model=None)
