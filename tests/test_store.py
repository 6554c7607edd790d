"""The store on real SQLite and a real PostgreSQL: idempotent writes, reads, search, facets, events, outlets."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from newsprobe import Store
from newsprobe.errors import NewsprobeError
from newsprobe.model import Analysis
from newsprobe.store import Filters, default_url, resolve_url
from newsprobe.store.engine import include_object
from newsprobe.store.schema import metadata, signals, techniques
from store_fixtures import TEXT, VERSIONS, bare, seed_like

pytestmark = pytest.mark.issue(13)

HOSTILE_QUERIES = ['"unbalanced', "NEAR(a b)", "*", "((", "a OR", "'; DROP TABLE articles; --", "title:x",
                   "-", "\"\"", "^x", "Muayzilah)", "AND NOT OR", "\u0000", "%_", "x" * 3000]


def _rows(store: Store, table: object, article_id: str) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)  # type: ignore[arg-type]
                                  .where(table.c.article_id == article_id)).scalar_one()  # type: ignore[attr-defined]


def test_store_add_is_idempotent_and_replaces_older_versions(store_url: str) -> None:
    with Store(store_url) as store:
        analysis = seed_like()
        assert store.add(analysis) == "new"
        assert store.add(analysis) == "unchanged"
        newer = analysis.model_copy(update={"analyzers": {**VERSIONS, "events": "events.v3"}, "techniques": []})
        assert store.add(newer) == "updated"
        assert store.count() == 1 and _rows(store, techniques, "seed-1") == 0
        assert store.get("seed-1") == newer
        assert store.get("missing") is None


def test_store_add_many_keeps_the_last_of_repeated_ids(store_url: str) -> None:
    with Store(store_url) as store:
        first, second = seed_like("a"), seed_like("b", outlet="Other Wire")
        assert store.add_many([first, second, first]) == ["new", "new", "new"]
        assert store.count() == 2 and store.get_many(["b", "a", "x"]) == [second, first]


def test_store_failed_batch_leaves_the_previous_state(store_url: str) -> None:
    with Store(store_url) as store:
        store.add(seed_like("keep"))
        with store.engine.begin() as connection:
            _install_failing_trigger(connection)
        broken = seed_like("keep").model_copy(update={"analyzers": {"events": "events.v9"}})
        broken.signals[0].explanation = "boom"
        with pytest.raises(NewsprobeError) as caught:
            store.add_many([seed_like("other"), broken])
        assert caught.value.code == "E505"
        assert store.count() == 1 and store.get("keep") == seed_like("keep") and _rows(store, signals, "keep") == 1


def _install_failing_trigger(connection: object) -> None:
    """A real trigger that aborts an insert, standing in for a crash in the middle of a write."""
    if connection.dialect.name == "sqlite":  # type: ignore[attr-defined]
        connection.execute(text("CREATE TRIGGER boom BEFORE INSERT ON signals WHEN NEW.explanation = 'boom' "  # type: ignore[attr-defined]
                                "BEGIN SELECT RAISE(ABORT, 'boom'); END"))
        return
    connection.execute(text("CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.explanation = 'boom' THEN "  # type: ignore[attr-defined]
                            "RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"))
    connection.execute(text("CREATE TRIGGER boom BEFORE INSERT ON signals FOR EACH ROW EXECUTE FUNCTION boom()"))  # type: ignore[attr-defined]


def test_store_current_and_stale_follow_analyzer_versions(store_url: str) -> None:
    with Store(store_url) as store:
        russian = seed_like("ru-1", language="ru")
        russian.analyzers.pop("events")
        russian.warnings.append("events skipped: it reads en, the article is ru")
        store.add_many([seed_like("en-1"), russian])
        assert store.current_ids(["en-1", "ru-1", "none"], VERSIONS) == {"en-1", "ru-1"}
        assert store.has_current("en-1", {"signals": "signals.v1"})
        assert not store.has_current("en-1", {**VERSIONS, "events": "events.v3"})
        assert store.stale_ids({**VERSIONS, "events": "events.v3"}) == ["en-1"]
        assert store.stale_ids({"signals": "signals.v2"}, Filters(language="ru")) == ["ru-1"]


def test_store_search_ranks_highlights_and_counts_facets(store_url: str) -> None:
    with Store(store_url) as store:
        hostile = TEXT.replace("west of Abu Kamal", "<script>alert(1)</script> west of Abu Kamal")
        store.add_many([seed_like("a"), seed_like("b", outlet="Other Wire", text=hostile, published="2024-04-02"),
                        bare("c", "Bread prices\n\nBread prices rose again in the capital.")])
        results = store.search("Muayzilah")
        assert results.total == 2 and {hit.id for hit in results.hits} == {"a", "b"}
        assert all("<mark>Muayzilah</mark>" in hit.snippet for hit in results.hits)
        assert "<script>" not in results.hits[0].snippet + results.hits[1].snippet
        facets = {name: {c.value: c.count for c in counts} for name, counts in results.facets.items()}
        assert facets["technique"] == {"Name_Calling,Labeling": 2} and facets["country"] == {"SY": 2}
        assert facets["outlet"] == {"Example Front": 1, "Other Wire": 1}
        assert facets["month"] == {"2024-03": 1, "2024-04": 1} and facets["event_type"] == {"Battles": 2}
        assert store.search("Muayzilah", Filters(outlet="Other Wire")).total == 1
        assert store.search("bread -capital").total == 0 and store.search('"bread prices"').total == 1


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_store_search_reads_any_query_as_text(store_url: str, query: str) -> None:
    with Store(store_url) as store:
        store.add(seed_like())
        results = store.search(query)
        assert results.total >= 0 and store.count() == 1


def test_store_articles_pages_with_a_cursor_and_filters(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_many([seed_like(f"a{n}", published=f"2024-03-{n + 10:02d}") for n in range(5)]
                       + [seed_like("undated", published=None, outlet="Other Wire")])
        first = store.articles(limit=4)
        second = store.articles(limit=4, cursor=first.next_cursor)
        assert [a.id for a in first.items] == ["a4", "a3", "a2", "a1"] and second.next_cursor is None
        assert [a.id for a in second.items] == ["a0", "undated"]
        assert first.items[0].techniques == 1 and first.items[0].events == 1
        dated = Filters(date_from=date(2024, 3, 11), date_to=date(2024, 3, 12))
        assert [a.id for a in store.articles(dated).items] == ["a2", "a1"]
        assert [a.id for a in store.articles(Filters(outlet="Other Wire")).items] == ["undated"]
        assert store.articles(Filters(technique="Loaded_Language")).items == []
        assert len(store.articles(Filters(country="SY", event_type="Battles")).items) == 6
        assert [a.id for a in store.articles(Filters(query="Muayzilah", outlet="Other Wire")).items] == ["undated"]
        with pytest.raises(ValueError):
            store.articles(cursor="not-a-cursor")


def test_store_events_filter_on_the_event(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_many([seed_like("a"), seed_like("b", outlet="Other Wire")])
        page = store.events(Filters(country="SY"))
        assert [(e.article_id, e.rank) for e in page.items] == [("b", 0), ("a", 0)]
        event = page.items[0]
        assert (event.event_type, event.fatalities_best, event.location, event.lat) == ("Battles", 50, "Muayzilah", 34.6)
        assert len(store.events(Filters(actor="Military Forces of Russia (2000-)")).items) == 2
        assert store.events(Filters(bbox=(40.0, 34.0, 41.0, 35.0), outlet="Other Wire")).items[0].article_id == "b"
        assert store.events(Filters(bbox=(30.0, 30.0, 31.0, 31.0))).items == []
        assert store.events(Filters(date_from=date(2024, 3, 14))).items == []
        assert len(store.events(Filters(sub_event_type="Armed clash"), limit=1).items) == 1
        assert len(store.events(Filters(query="Muayzilah")).items) == 2
        assert store.events(Filters(query="bread")).items == [] and store.ids(Filters(query="bread")) == []


def test_store_outlet_profiles(store_url: str) -> None:
    with Store(store_url) as store:
        store.add_many([seed_like("a"), seed_like("b", published="2024-05-01"), seed_like("c", outlet="Other Wire")])
        front = store.outlets()[0]
        assert (front.name, front.articles, front.first_published, front.last_published) == (
            "Example Front", 2, "2024-03-14", "2024-05-01")
        assert front.techniques == {"Name_Calling,Labeling": 2} and front.techniques_per_article == 1.0
        assert front.events == 2 and front.signals == {"legal_disclaimer": 2} and front.languages == {"en": 2}


@pytest.mark.issue(14)
def test_store_rates_per_1000_words_and_by_month(store_url: str) -> None:
    longer = TEXT + " More words here, five."  # 32 + 4 words, one technique span like the others
    with Store(store_url) as store:
        store.add_many([seed_like("a"), seed_like("b", published="2024-05-01", text=longer),
                        seed_like("c", outlet="Other Wire"), seed_like("undated", published=None)])
        front = next(outlet for outlet in store.outlets() if outlet.name == "Example Front")
        assert front.words == 32 + 36 + 32 and front.techniques_per_1000_words == 30.0
        months = store.monthly_technique_rates("Example Front")
        assert [(m.month, m.words, m.techniques, m.per_1000_words) for m in months] == [
            ("2024-03", 32, 1, 31.25), ("2024-05", 36, 1, 27.778)]
        assert [(m.month, m.words) for m in store.monthly_technique_rates()] == [("2024-03", 64), ("2024-05", 36)]


def test_store_delete_removes_every_row(store_url: str) -> None:
    with Store(store_url) as store:
        store.add(seed_like())
        assert store.delete("seed-1") and not store.delete("seed-1")
        assert store.count() == 0 and store.search("Muayzilah").total == 0 and store.event_count() == 0


def test_store_schema_matches_the_migrations(store_url: str) -> None:
    with Store(store_url) as store, store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(
            connection, opts={"include_object": include_object}), metadata)
        assert differences == []


def test_store_refuses_a_newer_schema(store_url: str) -> None:
    Store(store_url).close()
    with Store(store_url) as store, store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewsprobeError) as caught:
        Store(store_url)
    assert caught.value.code == "E503" and "newer newsprobe" in caught.value.message


def test_store_refuses_files_that_are_not_stores(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("hello, this is not a database" * 100)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE birds (name TEXT)")
    for path in (text_file, other):
        with pytest.raises(NewsprobeError) as caught:
            Store(str(path))
        assert caught.value.code == "E502"
    with pytest.raises(NewsprobeError) as missing:
        Store(str(tmp_path / "absent.db"), create=False)
    assert missing.value.code == "E506"


def test_store_unreachable_server_is_one_error() -> None:
    with pytest.raises(NewsprobeError) as caught:
        Store("postgresql://nobody@127.0.0.1:9/none")
    assert caught.value.code == "E501" and "127.0.0.1" in caught.value.describe()


def test_store_analysis_round_trip_is_exact(store_url: str) -> None:
    with Store(store_url) as store:
        analysis = seed_like()
        store.add(analysis)
        assert store.get(analysis.id).to_json() == analysis.to_json()  # type: ignore[union-attr]
        assert isinstance(store.get(analysis.id), Analysis)


def test_store_concurrent_writers_store_each_article_once(store_url: str) -> None:
    analyses = [seed_like(f"c{number}") for number in range(30)]
    Store(store_url).close()

    def write() -> list[str]:
        with Store(store_url) as store:
            return list(store.add_many(analyses))

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(lambda _: write(), range(4)))
    assert [sum(run[index] == "new" for run in outcomes) for index in range(30)] == [1] * 30
    with Store(store_url) as store:
        assert store.count() == 30 and _rows(store, signals, "c7") == 1


def test_store_urls_resolve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSPROBE_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url("postgres://u@h/db") == resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("NEWSPROBE_DB")
    assert default_url().startswith("sqlite:///") and default_url().endswith("newsprobe.db")
    with pytest.raises(NewsprobeError) as caught:
        Store("mysql://u@h/db")
    assert caught.value.code == "E501"
