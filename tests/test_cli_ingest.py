"""`newsprobe ingest`, `reanalyze` and `db upgrade` through the real CLI, on real stores."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from newsprobe import Store
from newsprobe.cli.main import cli
from newsprobe.ingest.feeds import looks_like_feed
from newsprobe.store.engine import open_engine

pytestmark = pytest.mark.issue(13)
SRC = Path(__file__).resolve().parents[1] / "src"
FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test Wire</title>
<item><title>Shelling near Kherson</title><link>http://127.0.0.1:9/a</link>
<pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Artillery hit the port of Kherson on Monday, officials said.</p><p>Two died.</p>]]>
</content:encoded></item>
<item><title>Entry without content</title><link>http://127.0.0.1:9/b</link></item>
</channel></rss>
"""


def _articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        # The repeated sentence gives each analysis a derived row (a duplicate_passage signal).
        sentence = (f"The convoy {number} was shelled near the border on Monday, officials said, and two trucks "
                    "burned on the road to the crossing.")
        (folder / f"a{number:03d}.txt").write_text(
            f"Report {number}\n\n{sentence} Aid workers waited.\n\n{sentence}\n", encoding="utf-8")
    return folder


def test_ingest_stores_reports_and_skips_what_is_stored(runner: CliRunner, tmp_path: Path, store_url: str) -> None:
    folder = _articles(tmp_path / "in", 3)
    (folder / "broken.json").write_text("{not json\n", encoding="utf-8")
    first = runner.invoke(cli, ["ingest", str(folder), "--db", store_url, "--only", "signals"])
    assert first.exit_code == 1, first.output
    assert "3 new, 0 updated, 0 unchanged, 1 failed" in first.output and "[E005]" in first.output
    again = runner.invoke(cli, ["ingest", str(folder / "a000.txt"), str(folder / "a001.txt"), "--db", store_url,
                                "--only", "signals"])
    assert again.exit_code == 0 and "0 new, 0 updated, 2 unchanged, 0 failed" in again.output
    with Store(store_url) as store:
        assert store.count() == 3


def test_ingest_reads_feed_entries(runner: CliRunner, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    db = tmp_path / "feed.db"
    result = runner.invoke(cli, ["ingest", str(feed), "--db", str(db), "--only", "signals", "--timeout", "2"])
    assert "1 new" in result.output and "1 failed" in result.output and "[E007]" in result.output
    with Store(str(db)) as store:
        [summary] = store.articles().items
    assert (summary.title, summary.outlet, summary.published) == (
        "Shelling near Kherson", "Test Wire", "2025-06-03T10:00:00Z")


# Tables derived from an analysis: each row belongs to a stored article.
DERIVED = ("analyses", "techniques", "entities", "places", "quantities", "claims", "events", "event_actors",
           "article_countries", "signals")


@pytest.mark.issue(18)
def test_ingest_killed_twice_resumes_with_every_article_once(tmp_path: Path, store_url: str) -> None:
    """SIGKILL mid-run, twice, on SQLite (WAL) and PostgreSQL; the re-run stores the rest: each article once,
    none lost, each with its whole analysis (the same rows as an uninterrupted run) and no orphan rows."""
    folder = _articles(tmp_path / "in", 300)
    command = [sys.executable, "-m", "newsprobe", "ingest", str(folder), "--db", store_url, "--only", "signals",
               "--batch-size", "1"]
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    for kill_at in (20, 60):
        process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stored = _wait_for_rows(store_url, kill_at, process)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert kill_at <= stored < 300, "the run should be killed halfway through"
        assert _orphans(store_url) == 0
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert finished.returncode == 0, finished.stderr
    assert "0 updated" in finished.stderr and "0 failed" in finished.stderr
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    subprocess.run([*command[:6], reference, *command[7:]], env=environment, capture_output=True, check=True)
    assert _rows_per_article(store_url) == _rows_per_article(reference)
    assert _orphans(store_url) == 0 and len(_rows_per_article(store_url)) == 300
    assert all(rows[-1] >= 1 for rows in _rows_per_article(store_url).values())  # each kept its signal rows
    if store_url.startswith("sqlite"):
        with sqlite3.connect(store_url.removeprefix("sqlite:///")) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 300


def _query(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def _rows_per_article(url: str) -> dict[str, tuple[int, ...]]:
    """Each stored article's row count in every derived table (unique ids: a duplicate would fail the SELECT)."""
    counts = ", ".join(f"(SELECT count(*) FROM {table} t WHERE t.article_id = a.id)" for table in DERIVED)
    rows = _query(url, f"SELECT a.id, {counts} FROM articles a")
    assert len(rows) == len({row[0] for row in rows})
    return {str(row[0]): tuple(int(str(value)) for value in row[1:]) for row in rows}


def _orphans(url: str) -> int:
    """Derived rows without their article, and articles without their analysis."""
    orphans = sum(int(str(_query(url, f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                                      f"(SELECT 1 FROM articles a WHERE a.id = t.article_id)")[0][0]))
                  for table in DERIVED)
    bare = _query(url, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                       "(SELECT 1 FROM analyses n WHERE n.article_id = a.id)")[0][0]
    return orphans + int(str(bare))


def _wait_for_rows(url: str, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            stored = int(str(_query(url, "SELECT count(*) FROM articles")[0][0]))
        except SQLAlchemyError:  # not created yet
            stored = 0
        if stored >= count:
            return stored
        time.sleep(0.02)
    raise AssertionError(f"ingest ended or stalled before storing {count} articles")


def test_reanalyze_redoes_older_analyses(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    folder = _articles(tmp_path / "in", 2)
    runner.invoke(cli, ["ingest", str(folder), "--db", db, "--only", "signals"])
    with Store(db) as store:
        old = store.get_many(store.ids())
        store.add_many([a.model_copy(update={"analyzers": {"signals": "signals.v0"}}) for a in old])
    result = runner.invoke(cli, ["reanalyze", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 stored article(s) need reanalysis" in result.output and "0 new, 2 updated" in result.output


def test_db_commands_refuse_what_is_not_a_store(runner: CliRunner, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("just notes " * 200, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(text_file), "--db", str(text_file)])
    assert result.exit_code == 2 and "[E502]" in result.output
    upgraded = runner.invoke(cli, ["db", "upgrade", "--db", str(tmp_path / "new.db")])
    assert upgraded.exit_code == 0 and "migrated from revision none to 0002" in upgraded.output
    again = runner.invoke(cli, ["db", "upgrade", "--db", str(tmp_path / "new.db")])
    assert "is up to date (schema revision 0002)" in again.output
    missing = runner.invoke(cli, ["reanalyze", "--db", str(tmp_path / "absent.db")])
    assert missing.exit_code == 2 and "[E506]" in missing.output


def test_ingest_reads_atom_content(runner: CliRunner, tmp_path: Path) -> None:
    feed = tmp_path / "atom.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>'
        '<entry><title>Depot struck</title><link href="http://127.0.0.1:9/x"/><updated>2025-06-04T08:00:00Z</updated>'
        '<content type="html">&lt;p&gt;A drone struck a fuel depot near the river on Tuesday.&lt;/p&gt;</content>'
        "</entry></feed>", encoding="utf-8")
    db = str(tmp_path / "atom.db")
    result = runner.invoke(cli, ["ingest", str(feed), "--db", db, "--only", "signals"])
    assert result.exit_code == 0 and "1 new" in result.output, result.output
    with Store(db) as store:
        [analysis] = store.get_many(store.ids())
    assert analysis.article.outlet == "Atom Desk" and analysis.article.url == "http://127.0.0.1:9/x"
    assert "fuel depot near the river" in analysis.article.text and analysis.article.title == "Depot struck"


@pytest.mark.parametrize(("text", "feed"), [
    (FEED, True), ("<rss version='2.0'><channel></channel></rss>", True),
    ("How feeds work\n\nA <rss> element wraps a channel; <feed> is Atom's root.", False),
    ("<!DOCTYPE html><html><body><feed>no</feed></body></html>", False),
])
def test_feeds_are_recognised_by_their_root(text: str, feed: bool) -> None:
    assert looks_like_feed(text) is feed
