"""Small hand-built analyses for the store and API tests (text written for the tests)."""

from __future__ import annotations

from newsprobe.model import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    EventActor,
    EventDate,
    Fatalities,
    Place,
    PropagandaSummary,
    Quantity,
    Signal,
    SpanRef,
    TechniqueSpan,
)

TEXT = (
    "Militants routed near Muayzilah\n\n"
    "Government forces routed the pathetic remnants of militants near Muayzilah, west of Abu Kamal, "
    "killing around 50 of them, according to residents.\n"
    "* A terrorist organization banned in Russia."
)
VERSIONS = {"signals": "signals.v1", "events": "events.v2"}


def _at(text: str, surface: str, start: int = 0) -> tuple[int, int]:
    position = text.index(surface, start)
    return position, position + len(surface)


def seed_like(article_id: str = "seed-1", outlet: str = "Example Front", published: str | None = "2024-03-14",
              text: str = TEXT, language: str = "en") -> Analysis:
    """An analysis with one finding in every layer, in the style of the seed article."""
    article = Article.create(text, id=article_id, title=text.split("\n", 1)[0], outlet=outlet,
                             published=published, language=language)
    body = article.text
    place = Place.of(body, *_at(body, "Muayzilah", 40), name="Muayzilah", geonameid=999001, lat=34.6, lon=40.5,
                     country_code="SY", admin1="Deir ez-Zor", precision=1, score=0.9)
    return Analysis(
        article=article, analyzers=dict(VERSIONS),
        techniques=[TechniqueSpan.of(body, *_at(body, "pathetic remnants of militants"),
                                     technique="Name_Calling,Labeling", score=0.8)],
        propaganda=PropagandaSummary(counts={"Name_Calling,Labeling": 1}, score=0.4),
        entities=[Entity.of(body, *_at(body, "Government forces"), label="ACTOR",
                            canonical="Military Forces of Syria (2000-)", inter=1)],
        places=[place],
        quantities=[Quantity.of(body, *_at(body, "around 50"), low=50, best=50, high=50, hedge="around",
                                role="killed")],
        claims=[_claim(body)],
        events=[_event(body)],
        signals=[Signal.of(body, *_at(body, "* A terrorist organization banned in Russia."),
                           kind="legal_disclaimer", explanation="Russian law requires this notice.")],
    )


def _claim(body: str) -> Claim:
    start, _ = _at(body, "Government forces routed")
    return Claim.of(body, start, body.index("residents.") + len("residents."),
                    attribution=Attribution(kind="anonymous", source=SpanRef.of(body, *_at(body, "residents"))))


def _event(body: str) -> Event:
    return Event(
        event_type="Battles", sub_event_type="Armed clash", score=0.9,
        actor1=EventActor(name="Military Forces of Syria (2000-)", inter=1),
        actor2=EventActor(name="Islamic State (Syria)", inter=2),
        assoc_actor_1=[EventActor(name="Military Forces of Russia (2000-)", inter=8)],
        place_index=0, geo_precision=1, date=EventDate(date="2024-03-13", time_precision=1),
        fatalities=Fatalities(low=50, best=50, high=50),
        evidence=[SpanRef.of(body, *_at(body, "Government forces routed"))],
        sourcing=[Attribution(kind="anonymous")],
    )


def bare(article_id: str, text: str, outlet: str = "Example Wire") -> Analysis:
    """An analysis with no findings."""
    article = Article.create(text, id=article_id, title=text.split("\n", 1)[0], outlet=outlet, language="en")
    return Analysis(article=article, analyzers=dict(VERSIONS))
