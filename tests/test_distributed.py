"""Extraction on a Dask cluster gives byte-identical results to a local run."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is a dev dependency")

ROOT = Path(__file__).resolve().parent.parent


def ingest(tmp: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--raw", str(tmp.parent / "raw"),
                           "--extracted", str(tmp / "extracted"), "--db", str(tmp / "archive.db"), "--quiet", *extra],
                          capture_output=True, text=True, cwd=ROOT)


def test_cluster_run_is_byte_identical_to_a_local_run(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "omsk-2023.txt", raw)
    (raw / "gomel-2023.txt").write_text("Гомель\n\nВ мае делегация Омска посетила Гомель. Прошло 12 встреч.\n",
                                        encoding="utf-8")
    (tmp_path / "local").mkdir()
    (tmp_path / "cluster").mkdir()
    assert ingest(tmp_path / "local").returncode == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = ingest(tmp_path / "cluster", "--scheduler", cluster.scheduler_address)
        ran_there = cluster.scheduler.task_prefixes.get("extract_file")
        assert ran_there is not None and sum(ran_there.state_counts.values()) >= 2, "extraction ran on the cluster"
    assert out.returncode == 0, out.stdout + out.stderr
    local = sorted((tmp_path / "local" / "extracted").glob("*.json"))
    assert [p.name for p in local] == ["gomel-2023.json", "manifest.json", "omsk-2023.json"]
    for p in local:
        assert (tmp_path / "cluster" / "extracted" / p.name).read_bytes() == p.read_bytes()
