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

from newsprobe import Store
from newsprobe.cli.main import cli
from newsprobe.ingest.feeds import looks_like_feed

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
        (folder / f"a{number:03d}.txt").write_text(
            f"Report {number}\n\nThe convoy {number} was shelled near the border on Monday, officials said.\n",
            encoding="utf-8")
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


def test_ingest_killed_halfway_resumes_with_every_article_once(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "in", 300)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "newsprobe", "ingest", str(folder), "--db", str(db), "--only", "signals",
               "--batch-size", "1"]
    environment = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = _wait_for_rows(db, 20, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert 20 <= stored < 300, "the run should be killed halfway through"
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert finished.returncode == 0, finished.stderr
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
        fts = connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert len(ids) == len(set(ids)) == 300 and fts == 300
    assert "0 updated" in finished.stderr and "0 failed" in finished.stderr


def _wait_for_rows(db: Path, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(db) as connection:
                stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            stored = 0
        if stored >= count:
            return int(stored)
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
