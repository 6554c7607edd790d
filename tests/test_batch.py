"""`newsprobe batch` on a real Dask LocalCluster (worker processes) into a real store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster, Worker

from newsprobe.batch import BatchOptions, BatchSummary, PipelinePlugin, run_batch
from newsprobe.batch.worker import PLUGIN_NAME, analyze_chunk
from newsprobe.cli.main import cli
from newsprobe.errors import NewsprobeError
from newsprobe.ingest import read_articles
from newsprobe.model import Analysis
from newsprobe.pipeline import ANALYZERS
from newsprobe.settings import Options
from newsprobe.store import Store

pytestmark = pytest.mark.issue(17)

# Cheap analyzers keep the workers light; the pipeline they run is the same code path as the full one.
LIGHT = Options(only=("signals", "quantities"))
SRC = Path(__file__).resolve().parents[1] / "src"
PLACES = ("Raqqa", "Mosul", "Kharkiv", "Idlib", "Aleppo", "Donetsk", "Homs", "Kherson", "Tikrit", "Sirte")

CRASHING_ANALYZER = '''
class Crash:
    name = "crash"
    version = "v1"
    requires = ()
    assigns = ()
    languages = ()

    def __call__(self, analysis):
        if "EXPLODE" in analysis.article.text:
            raise RuntimeError("boom")
'''


def _article(number: int) -> str:
    place = PLACES[number % len(PLACES)]
    return (f"Report {number} from {place}\n\nAt least {number + 3} fighters were killed near {place} on "
            f"Monday, officials said. More than a dozen vehicles were destroyed in the {number}th attack.\n")


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(_article(number), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalCluster]:
    """Two worker processes, which can import a crashing analyzer written for these tests."""
    modules = tmp_path_factory.mktemp("modules")
    (modules / "crashing_analyzer.py").write_text(textwrap.dedent(CRASHING_ANALYZER), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(modules))  # the spawned workers start with this process's sys.path
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
            yield local


def _options(cluster: LocalCluster, **changes: object) -> BatchOptions:
    settings: dict[str, object] = {"scheduler": cluster.scheduler_address, "chunk_size": 2, "analysis": LIGHT}
    return BatchOptions(**{**settings, **changes})  # type: ignore[arg-type]


def test_batch_stores_every_article_once_and_resumes(cluster: LocalCluster, tmp_path: Path, store_url: str) -> None:
    corpus = _corpus(tmp_path / "corpus", 9)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    with Store(store_url) as store:
        first = run_batch([str(corpus)], store, _options(cluster))
        assert (first.new, first.unchanged, store.count()) == (9, 0, 9)
        assert [failure.code for failure in first.failures] == ["E001"]
        stored = store.get(first_id := min(store.ids()))
        assert stored is not None and stored.id == first_id and stored.quantities
        # The client reads without detecting languages; the workers detect them.
        assert stored.article.language == "en" and stored.article.language_score
        again = run_batch([str(corpus)], store, _options(cluster))
        assert (again.new, again.updated, again.unchanged, store.count()) == (0, 0, 9, 9)


def test_batch_models_load_once_per_worker(cluster: LocalCluster, tmp_path: Path) -> None:
    with Store(str(tmp_path / "news.db")) as store, Client(cluster) as client:
        run_batch([str(_corpus(tmp_path / "corpus", 6))], store, _options(cluster, chunk_size=1))
        built = client.run(_pipeline_id)
        articles = [item for item in read_articles([str(_corpus(tmp_path / "more", 6))], LIGHT)]
        analyses = client.gather([client.submit(analyze_chunk, [article], pure=False) for article in articles])
        assert all(isinstance(result[0], Analysis) for result in analyses)
        # Every task used the pipeline its worker's plugin built when the run registered it.
        assert client.run(_pipeline_id) == built and None not in built.values()


def _pipeline_id(dask_worker: Worker) -> int | None:
    """Identity of the pipeline the worker's plugin holds (`client.run` passes the worker)."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return id(plugin.pipeline) if isinstance(plugin, PipelinePlugin) and plugin.pipeline else None


def test_batch_crashing_article_is_recorded_and_the_rest_stored(
    cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "corpus", 5)
    (corpus / "bomb.txt").write_text("Bomb\n\nThis article makes the analyzer EXPLODE on purpose.\n", encoding="utf-8")
    monkeypatch.setitem(ANALYZERS, "crash", "crashing_analyzer:Crash")
    with Client(cluster) as client:
        client.run(_register_crash)
    options = _options(cluster, analysis=Options(only=("signals", "crash")))
    with Store(str(tmp_path / "news.db")) as store:
        summary = run_batch([str(corpus)], store, options)
        assert (summary.new, store.count()) == (5, 5)
        assert [(f.code, Path(f.source).name) for f in summary.failures] == [("E016", "bomb.txt")]
        assert "RuntimeError: boom" in summary.failures[0].message


def _register_crash() -> None:
    from newsprobe.pipeline import ANALYZERS

    ANALYZERS["crash"] = "crashing_analyzer:Crash"


def test_batch_killed_worker_loses_and_duplicates_nothing(cluster: LocalCluster, tmp_path: Path, store_url: str) -> None:
    corpus = _corpus(tmp_path / "corpus", 24)
    with Client(cluster) as client:
        pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one(summary: BatchSummary) -> None:
        if summary.done and not killed:
            killed.append(next(iter(pids.values())))
            os.kill(killed[0], signal.SIGKILL)

    with Store(store_url) as store:
        summary = run_batch([str(corpus)], store, _options(cluster, chunk_size=1, in_flight=4), kill_one)
        assert killed and summary.failures == []
        assert (summary.new, store.count(), len(set(store.ids()))) == (24, 24, 24)
    with Client(cluster) as client:
        client.wait_for_workers(2, timeout=60)
        assert killed[0] not in client.run(os.getpid).values()


def test_cli_batch_on_a_local_cluster(runner: CliRunner, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 4)
    db = tmp_path / "news.db"
    args = ["batch", str(corpus), "--db", str(db), "--workers", "2", "--only", "signals"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "4 new, 0 updated, 0 unchanged" in result.output
    again = runner.invoke(cli, args)
    assert "0 new, 0 updated, 4 unchanged" in again.output, again.output


def test_cli_batch_unreachable_scheduler(runner: CliRunner, tmp_path: Path) -> None:
    args = ["batch", str(_corpus(tmp_path / "corpus", 1)), "--db", str(tmp_path / "n.db"),
            "--scheduler", "tcp://127.0.0.1:9", "--only", "signals"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 and "[E601]" in result.output, result.output


@pytest.mark.issue(18)
def test_batch_client_killed_mid_run_then_rerun_stores_every_article_once(
    cluster: LocalCluster, tmp_path: Path, store_url: str
) -> None:
    """A real SIGKILL of the `newsprobe batch` process (the one writer) halfway; the re-run loses and
    duplicates nothing."""
    corpus = _corpus(tmp_path / "corpus", 60)
    command = [sys.executable, "-m", "newsprobe", "batch", str(corpus), "--db", store_url,
               "--scheduler", cluster.scheduler_address, "--chunk-size", "1", "--only", "signals"]
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    client = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = _wait_until_stored(store_url, 10, client)
    client.send_signal(signal.SIGKILL)
    client.wait(timeout=30)
    assert stored < 60, "the client should be killed halfway through"
    rerun = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with Store(store_url) as store:
        assert (store.count(), len(set(store.ids()))) == (60, 60)


def _wait_until_stored(url: str, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with Store(url) as store:
                stored = store.count()
        except NewsprobeError:  # the store is not created yet
            stored = 0
        if stored >= count:
            return stored
        time.sleep(0.05)
    raise AssertionError(f"batch ended or stalled before storing {count} articles")
