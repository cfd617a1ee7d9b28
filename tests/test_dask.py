"""``bilingual.dask``: the records of a run on a Dask cluster (two local workers) equal
the command's, and the JSON Lines files it writes join into the command's output."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from _inputs import INPUTS, ROOT, sources
from distributed import Client, LocalCluster

from bilingual import writers
from bilingual.dask import read, to_jsonl
from bilingual.errors import ConfigError
from bilingual.options import Options
from bilingual.output import Target
from bilingual.pipeline import process_sources


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two workers in this process (threads: they start in a second, and the records
    still go through the scheduler as on a real cluster)."""
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def test_bag_records_equal_the_one_process_records(client: Client) -> None:
    """Every example and fixture, cut into small partitions: the same records, in order."""
    options = Options(simplify="tw2s")
    bag = read([str(p) for p in INPUTS], options, chunk_chars=200)
    assert bag.npartitions > len(INPUTS)
    got = client.compute(bag).result()  # type: ignore[no-untyped-call]
    assert got == list(process_sources(sources(INPUTS, full=True), options))


def test_jsonl_files_join_into_the_cli_output(client: Client, tmp_path: Path) -> None:
    """``to_jsonl`` writes one file per partition; joined in order they are the bytes
    ``bilingual split`` prints."""
    inputs = [str(ROOT / "examples" / "headlines.txt"), str(ROOT / "examples" / "thread.txt")]
    options = Options(layout="pairs")
    names = to_jsonl(read(inputs, options, chunk_chars=100), str(tmp_path / "part-*.jsonl"),
                     options)  # fmt: skip
    assert len(names) > 2
    joined = b"".join(Path(name).read_bytes() for name in names)
    cli = subprocess.run([sys.executable, "-m", "bilingual", "split", *inputs, "--layout", "pairs"],
                         capture_output=True, check=True)  # fmt: skip
    assert joined == cli.stdout
    assert joined.count(b"\n") > 2


def test_dedup_is_refused() -> None:
    """``dedup`` needs the whole run in one place: a clear error, not a silent no-op."""
    with pytest.raises(ConfigError, match="dedup"):
        read([str(INPUTS[0])], Options(dedup=True))


def test_writer_and_bag_agree_without_a_cluster() -> None:
    """The bag computes with Dask's default scheduler too (no cluster needed)."""
    path = str(ROOT / "examples" / "interview.txt")
    options = Options()
    bag = read([path], options, chunk_chars=50)
    records = bag.compute(scheduler="sync")  # type: ignore[no-untyped-call]
    buf = io.StringIO()
    writers.get("jsonl").write(records, Target(stream=buf), options)
    cli = subprocess.run([sys.executable, "-m", "bilingual", "split", path],
                         capture_output=True, check=True)  # fmt: skip
    assert buf.getvalue().encode("utf-8") == cli.stdout
