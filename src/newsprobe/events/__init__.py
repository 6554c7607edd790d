"""Conflict events: ACLED event types, actors, place, date, fatalities and sourcing, with evidence spans."""

from newsprobe.events.analyzer import EventsAnalyzer
from newsprobe.events.classifier import Label, classify
from newsprobe.events.dates import resolve_date
from newsprobe.events.evaluate import evaluate_events
from newsprobe.events.export import EXPORTERS, event_rows
from newsprobe.events.inputs import analyses_from
from newsprobe.events.news_eval import evaluate_news
from newsprobe.events.training import train_events

__all__ = ["EXPORTERS", "EventsAnalyzer", "Label", "analyses_from", "classify", "evaluate_events", "evaluate_news",
           "event_rows",
           "resolve_date", "train_events"]
