"""The web layer: the FastAPI app (`create_app`), its JSON API and its pages, all reading one store."""

from newsprobe.web.app import create_app
from newsprobe.web.limits import WebLimits

__all__ = ["WebLimits", "create_app"]
