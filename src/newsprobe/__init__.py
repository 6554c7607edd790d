"""newsprobe: read conflict news and state-media propaganda the way an expert analyst does."""

__version__ = "0.1.0"

from newsprobe.model import Analysis, Article
from newsprobe.pipeline import analyze
from newsprobe.store import Store

__all__ = ["Analysis", "Article", "Store", "__version__", "analyze"]
